import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationState, NeedState } from '../../../process-logic/index.js';
import { runCommand, SYSTEM_CALLER } from '../common/command.js';
import { Role } from '../common/context.js';
import { OfferCategory } from '../master-data/offer-category.entity.js';
import { Provider } from '../master-data/provider.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Need, NeedOutcome } from '../needs/need.entity.js';
import { DEMO_USERS } from '../users/demo-users.js';
import { APPLICATION_FORMS, Application, ApplicationRevision } from './application.entity.js';
import { CallForInterest } from './call-for-interest.entity.js';

/** The demo need with an open call for interest (in Oyten, a Sozialraum of the demo team lead). */
export const DEMO_CALL = {
  needTitle: 'Elterncafé in Oyten-Mitte',
  socialArea: 'Oyten',
  offerCategory: 'Offenes Angebot mit pädagogischer Zielsetzung',
  situationDescription:
    'In Oyten-Mitte sind viele Familien neu zugezogen. Kita und Grundschule berichten von Eltern, die ' +
    'Kontakt zu anderen Eltern und niedrigschwellige Beratung suchen; die Beratungsstelle in Achim ist weit.',
  /** Days from the seeding until the deadline. */
  deadlineDays: 30,
} as const;

/**
 * Creates, when missing (by the need's title), a need in Oyten open for applications, its call for
 * interest open to all Träger, a submitted application of the first demo Träger (revision 1, with the
 * sample data of Anlage 1 and 2 in force) and a draft of the second. Idempotent; skipped when the demo
 * master data or the forms are missing.
 * @returns whether it created them.
 */
export async function seedDemoApplications(em: EntityManager): Promise<boolean> {
  return runCommand(
    { em, caller: SYSTEM_CALLER, requestId: 'start' },
    'seedDemoApplications',
    async (cmd) => {
      const exists = await cmd.sql('select 1 from "need" where "title" = ?', [DEMO_CALL.needTitle]);
      const area = await cmd.tx.findOne(SocialArea, { name: DEMO_CALL.socialArea });
      const category = await cmd.tx.findOne(OfferCategory, { name: DEMO_CALL.offerCategory });
      const providerUsers = DEMO_USERS.filter(
        (user) => user.roles.includes(Role.PROVIDER) && user.providerName,
      );
      const providers = await cmd.tx.find(Provider, {
        name: { $in: providerUsers.map((u) => u.providerName!) },
      });
      const versions = await cmd.sql<{
        id: string;
        form_key: string;
        sample_data: Record<string, unknown> | null;
      }>(
        `select "id", "form_key", "sample_data" from "form_version" where "status" = 'PUBLISHED' and "form_key" in (?, ?)`,
        [APPLICATION_FORMS.offerDescription, APPLICATION_FORMS.costCalculation],
      );
      const offerVersion = versions.find((v) => v.form_key === APPLICATION_FORMS.offerDescription);
      const costVersion = versions.find((v) => v.form_key === APPLICATION_FORMS.costCalculation);
      if (exists.length > 0 || !area || !category || providers.length < 2 || !offerVersion || !costVersion) {
        cmd.unchanged();
        return false;
      }
      const lead = DEMO_USERS.find((user) => user.roles.includes(Role.TEAM_LEAD))!;
      const [leadRow] = await cmd.sql<{ id: string }>('select "id" from "app_user" where "email" = ?', [
        lead.email,
      ]);
      const author = { id: leadRow?.id ?? SYSTEM_CALLER.userId, name: lead.displayName };
      const now = new Date();
      await cmd.lock(`need-priority:${area.id}`);
      const [priority] = await cmd.sql<{ max: number | null }>(
        `select max("priority") as "max" from "need" where "social_area_id" = ? and "state" in ('OFFER_PLANNED', 'OPEN_FOR_APPLICATIONS')`,
        [area.id],
      );
      const need = cmd.tx.create(Need, {
        socialArea: area,
        title: DEMO_CALL.needTitle,
        situationDescription: DEMO_CALL.situationDescription,
        state: NeedState.OPEN_FOR_APPLICATIONS,
        outcome: NeedOutcome.OFFER,
        createdBy: author.id,
        createdByName: author.name,
        coveredByResources: false,
        resourcesJustification: 'Die Angebote der Familienbildung in Oyten sind ausgelastet.',
        resourcesDecidedBy: author.id,
        resourcesDecidedByName: author.name,
        resourcesDecidedAt: now,
        offerWanted: true,
        offerJustification: 'Ein offenes Angebot erreicht die Familien früh und ohne Antrag.',
        offerDecidedBy: author.id,
        offerDecidedByName: author.name,
        offerDecidedAt: now,
        priority: (priority?.max ?? 0) + 1,
      });
      const call = cmd.tx.create(CallForInterest, {
        need,
        title: DEMO_CALL.needTitle,
        deadline: new Date(now.getTime() + DEMO_CALL.deadlineDays * 86_400_000),
        openToAll: true,
        offerCategory: category,
        openedByName: author.name,
        createdBy: author.id,
      });
      const byName = (name: string) => providers.find((provider) => provider.name === name)!;
      const [first, second] = providerUsers;
      const offerData = offerVersion.sample_data ?? {};
      const costData = costVersion.sample_data ?? {};
      const submitted = cmd.tx.create(Application, {
        call,
        provider: byName(first!.providerName!),
        state: ApplicationState.SUBMITTED,
        offerDescriptionVersionId: offerVersion.id,
        costCalculationVersionId: costVersion.id,
        offerDescriptionData: offerData,
        costCalculationData: costData,
        createdBy: SYSTEM_CALLER.userId,
        createdByName: first!.displayName,
        submittedAt: now,
      });
      const requested = costData.requestedAmount;
      cmd.tx.create(ApplicationRevision, {
        application: submitted,
        number: 1,
        offerDescriptionData: offerData,
        costCalculationData: costData,
        requestedAmount: typeof requested === 'number' ? requested : 0,
        submittedAt: now,
        submittedByName: first!.displayName,
        createdBy: SYSTEM_CALLER.userId,
      });
      cmd.tx.create(Application, {
        call,
        provider: byName(second!.providerName!),
        offerDescriptionVersionId: offerVersion.id,
        costCalculationVersionId: costVersion.id,
        offerDescriptionData: { title: 'Elterntreff am Nachmittag' },
        costCalculationData: {},
        createdBy: SYSTEM_CALLER.userId,
        createdByName: second!.displayName,
      });
      await cmd.tx.flush();
      cmd.audit({
        entityType: 'Need',
        entityId: need.id,
        details: { after: { demo: true, callForInterestId: call.id } },
      });
      return true;
    },
  );
}
