import type { EntityManager } from '@mikro-orm/postgresql';
import { NeedState } from '../../../process-logic/index.js';
import { seedDemoApplications } from '../applications/seed-demo-applications.js';
import { runCommand, SYSTEM_CALLER } from '../common/command.js';
import { Role } from '../common/context.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { DEMO_USERS } from '../users/demo-users.js';
import { Body } from './body.entity.js';
import { BodyInvolvementKind, Need, NeedBodyInvolvement, NeedOutcome } from './need.entity.js';

interface DemoNeed {
  title: string;
  /** null: kreisweit. */
  socialArea: string | null;
  situationDescription: string;
  state: NeedState;
  resources?: { covered: boolean; justification: string; consideredOffers?: string };
  offer?: { offer: boolean; justification: string };
  planning?: Partial<
    Pick<
      Need,
      | 'contactYouthOffice'
      | 'contactProviders'
      | 'fundingProgrammes'
      | 'professionalJustification'
      | 'resourcesWeighed'
      | 'developmentWithoutOffer'
    >
  >;
  bodies?: { body: string; involvement: BodyInvolvementKind; date: string; outcome: string }[];
}

/** Demo needs in every state of steps 1–7, mostly in the demo team lead's Sozialräume (Achim, Oyten). */
export const DEMO_NEEDS: readonly DemoNeed[] = [
  {
    title: 'Treffpunkt für Alleinerziehende in Achim-Baden',
    socialArea: 'Achim',
    situationDescription:
      'Im Sozialraumteam wurde mehrfach berichtet, dass alleinerziehende Eltern in Achim-Baden kaum Austausch haben und Hilfen erst spät annehmen.',
    state: NeedState.RECORDED,
  },
  {
    title: 'Soziales Training in den 5. Klassen der Oberschule Achim',
    socialArea: 'Achim',
    situationDescription:
      'Die Schulsozialarbeit meldet vermehrt Konflikte und Ausgrenzung in den neuen 5. Klassen; mehrere Einzelfallhilfen betreffen dieselben Klassen.',
    state: NeedState.OFFER_PLANNED,
    resources: {
      covered: false,
      justification: 'Die Schulsozialarbeit ist ausgelastet; ein Gruppenangebot im Sozialraum gibt es nicht.',
      consideredOffers: 'Schulsozialarbeit der Oberschule; Jugendtreff Achim (nur nachmittags).',
    },
    offer: {
      offer: true,
      justification: 'Ein soziales Training in den Klassen kann Einzelfallhilfen vermeiden oder verkürzen.',
    },
    planning: {
      contactYouthOffice: 'Abgestimmt mit FD 51 (Jugendhilfeplanung) am 3.11.2026.',
      contactProviders: 'Zwei Träger haben Interesse signalisiert.',
      fundingProgrammes: 'Landesprogramm „Schule plus“ geprüft: nicht einschlägig.',
      professionalJustification:
        'Gruppenarbeit in der Klasse erreicht alle Kinder, ohne einzelne zu stigmatisieren.',
      resourcesWeighed: 'Rund 120 Fachleistungsstunden im Schuljahr.',
      developmentWithoutOffer: 'Ohne Angebot ist mit weiteren Einzelfallhilfen (§ 35a, § 27) zu rechnen.',
    },
    bodies: [
      {
        body: 'AG nach § 78 SGB VIII',
        involvement: BodyInvolvementKind.PARTICIPATE,
        date: '2026-11-12',
        outcome: 'Die AG unterstützt das Vorhaben und regt eine Evaluation nach einem Halbjahr an.',
      },
    ],
  },
  {
    title: 'Offene Elterngruppe an der Kita Uesen',
    socialArea: 'Achim',
    situationDescription:
      'Eltern der Kita Uesen wünschen sich einen regelmäßigen offenen Austausch zu Erziehungsfragen.',
    state: NeedState.OFFER_PLANNED,
    resources: { covered: false, justification: 'Die Familienbildungsstätte hat keine freien Kapazitäten.' },
    offer: {
      offer: true,
      justification: 'Ein offenes Angebot ist niedrigschwellig und erreicht viele Familien.',
    },
  },
  {
    title: 'Hausaufgabenhilfe Grundschule Oyten',
    socialArea: 'Oyten',
    situationDescription: 'Mehrere Kinder der Grundschule brauchen Unterstützung bei den Hausaufgaben.',
    state: NeedState.COVERED_BY_RESOURCES,
    resources: {
      covered: true,
      justification: 'Die Hausaufgabenhilfe des Ehrenamtsnetzwerks Oyten hat noch Plätze frei.',
      consideredOffers: 'Ehrenamtsnetzwerk Oyten; Ganztagsangebot der Grundschule.',
    },
  },
  {
    title: 'Medienkompetenz für Familien in Oyten',
    socialArea: 'Oyten',
    situationDescription: 'Eltern fragen nach Unterstützung im Umgang mit der Mediennutzung ihrer Kinder.',
    state: NeedState.RESOURCES_INSUFFICIENT,
    resources: { covered: false, justification: 'Im Sozialraum gibt es dazu kein Angebot.' },
  },
  {
    title: 'Elterncafé Verden-Nord',
    socialArea: 'Verden (Aller)',
    situationDescription: 'Im Stadtteil fehlt ein Ort, an dem Eltern sich begegnen.',
    state: NeedState.NO_OFFER,
    resources: { covered: false, justification: 'Kein vergleichbares Angebot im Stadtteil.' },
    offer: {
      offer: false,
      justification: 'Das Familienzentrum eröffnet 2027 ein Café; ein eigenes Angebot ist nicht nötig.',
    },
  },
  {
    title: 'Gruppenangebot für Kinder aus Trennungsfamilien',
    socialArea: null,
    situationDescription:
      'In allen Sozialräumen betreffen viele Hilfepläne Kinder, deren Eltern sich trennen.',
    state: NeedState.RECORDED,
  },
];

/**
 * Creates the demo needs that are missing (by title), as one command of the platform; needs changed since
 * stay as they are. Idempotent. Decisions name the demo team lead. Then the demo call for interest and
 * its applications (`seedDemoApplications`, idempotent too).
 * @returns how many needs of `DEMO_NEEDS` were created.
 */
export async function seedDemoNeeds(em: EntityManager): Promise<number> {
  const created = await seedNeeds(em);
  // The demo call for interest with its applications (see `seedDemoApplications`).
  await seedDemoApplications(em);
  return created;
}

function seedNeeds(em: EntityManager): Promise<number> {
  return runCommand({ em, caller: SYSTEM_CALLER, requestId: 'start' }, 'seedDemoNeeds', async (cmd) => {
    const lead = DEMO_USERS.find((user) => user.roles.includes(Role.TEAM_LEAD))!;
    const [leadRow] = await cmd.sql<{ id: string }>('select "id" from "app_user" where "email" = ?', [
      lead.email,
    ]);
    const author = { id: leadRow?.id ?? SYSTEM_CALLER.userId, name: lead.displayName };
    const created: string[] = [];
    for (const demo of DEMO_NEEDS) {
      if ((await cmd.sql('select 1 from "need" where "title" = ?', [demo.title])).length > 0) continue;
      const area = demo.socialArea ? await cmd.tx.findOne(SocialArea, { name: demo.socialArea }) : null;
      if (demo.socialArea && !area) continue;
      const at = new Date();
      const need = cmd.tx.create(Need, {
        socialArea: area,
        title: demo.title,
        situationDescription: demo.situationDescription,
        state: demo.state,
        createdBy: author.id,
        createdByName: author.name,
        ...demo.planning,
      });
      if (demo.resources) {
        Object.assign(need, {
          coveredByResources: demo.resources.covered,
          resourcesJustification: demo.resources.justification,
          consideredOffers: demo.resources.consideredOffers ?? null,
          resourcesDecidedBy: author.id,
          resourcesDecidedByName: author.name,
          resourcesDecidedAt: at,
          outcome: demo.resources.covered ? NeedOutcome.COVERED_BY_RESOURCES : null,
        });
      }
      if (demo.offer) {
        Object.assign(need, {
          offerWanted: demo.offer.offer,
          offerJustification: demo.offer.justification,
          offerDecidedBy: author.id,
          offerDecidedByName: author.name,
          offerDecidedAt: at,
          outcome: demo.offer.offer ? NeedOutcome.OFFER : NeedOutcome.NO_OFFER,
        });
      }
      if (demo.state === NeedState.OFFER_PLANNED) {
        await cmd.lock(`need-priority:${area?.id ?? 'county-wide'}`);
        const [row] = await cmd.sql<{ max: number | null }>(
          `select max("priority") as "max" from "need" where "social_area_id" is not distinct from ? and "state" in ('OFFER_PLANNED', 'OPEN_FOR_APPLICATIONS')`,
          [area?.id ?? null],
        );
        need.priority = (row?.max ?? 0) + 1;
      }
      await cmd.tx.flush();
      for (const involvement of demo.bodies ?? []) {
        const body = await cmd.tx.findOne(Body, { name: involvement.body });
        if (!body) continue;
        cmd.tx.create(NeedBodyInvolvement, {
          need,
          body,
          involvement: involvement.involvement,
          date: involvement.date,
          outcome: involvement.outcome,
          createdBy: author.id,
          createdByName: author.name,
        });
      }
      await cmd.tx.flush();
      created.push(demo.title);
    }
    if (created.length === 0) cmd.unchanged();
    cmd.audit({ entityType: 'Need', entityId: 'demo', details: { after: { titles: created } } });
    return created.length;
  });
}
