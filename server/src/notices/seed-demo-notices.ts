import type { EntityManager } from '@mikro-orm/postgresql';
import { ApplicationState, NeedState } from '../../../process-logic/index.js';
import { APPLICATION_FORMS, Application, ApplicationRevision } from '../applications/application.entity.js';
import { CallForInterest } from '../applications/call-for-interest.entity.js';
import { type CommandContext, runCommand, SYSTEM_CALLER } from '../common/command.js';
import { type Caller, Role } from '../common/context.js';
import {
  ChangeBudgetAllocationInput,
  RecordFeePaymentInput,
  RecordGrantPaymentInput,
} from '../budget/budget.inputs.js';
import { changeBudgetAllocation, recordFeePayment, recordGrantPayment } from '../budget/ledger.service.js';
import { ApproveApplicationInput } from '../decisions/decision.inputs.js';
import { approveApplication, feeAmount } from '../decisions/decision.service.js';
import { FinancingKind, OfferCategory } from '../master-data/offer-category.entity.js';
import { DEMO_OFFER_CATEGORIES, DEMO_PROVIDERS } from '../master-data/seed-demo-master-data.js';
import { Provider } from '../master-data/provider.entity.js';
import { RegionalTeam } from '../master-data/regional-team.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Need, NeedOutcome } from '../needs/need.entity.js';
import { DEMO_USERS } from '../users/demo-users.js';
import { issueNotice } from './notice.service.js';

/** The Sozialraumbudget of each demo Sozialraum per budget year (cents); Oyten's is tight, so its approvals warn. */
const DEMO_ALLOCATION = 5_000_000;
const DEMO_TIGHT_ALLOCATION: Record<string, number> = { Oyten: 200_000 };

interface DemoOffer {
  title: string;
  socialArea: string;
  provider: string;
  category: string;
  /** Months the approved period started before today (null: it starts next January, awaiting its notice). */
  startedMonthsAgo: number | null;
  notice: boolean;
  /** The call is closed and the application waits for the Regionalteam's decision (no approval). */
  awaitingDecision?: boolean;
  goals: { goal: string; indicator: string; targetValue: string }[];
}

/**
 * Three running offers with notices (§ 77 in Langwedel, § 74 in Achim and Oyten), one approval waiting for
 * its notice and one application of a closed call waiting for the Regionalteam's decision (both in
 * Ottersberg). The order matters to the demo evaluations: the first offer's evaluation is accepted, the
 * second's waits for review, the third's is overdue.
 */
export const DEMO_NOTICE_OFFERS: readonly DemoOffer[] = [
  {
    title: 'Soziale Gruppe „Starke Kinder“ in Langwedel',
    socialArea: 'Langwedel',
    provider: DEMO_PROVIDERS[1].name,
    category: DEMO_OFFER_CATEGORIES[0].name,
    startedMonthsAgo: 8,
    notice: true,
    goals: [
      {
        goal: 'Die Kinder lösen Konflikte ohne Gewalt',
        indicator: 'Einschätzung der Fachkraft (Skala 1–5)',
        targetValue: '4',
      },
      {
        goal: 'Einzelfallhilfen werden verkürzt',
        indicator: 'Beendete Hilfen je Halbjahr',
        targetValue: '2',
      },
    ],
  },
  {
    title: 'Elterncafé „Familienzeit“ in Achim-Baden',
    socialArea: 'Achim',
    provider: DEMO_PROVIDERS[0].name,
    category: DEMO_OFFER_CATEGORIES[1].name,
    startedMonthsAgo: 8,
    notice: true,
    goals: [
      {
        goal: 'Familien des Ortsteils nutzen das Elterncafé regelmäßig',
        indicator: 'Familien je Treffen',
        targetValue: '12',
      },
      {
        goal: 'Eltern finden Zugang zu Beratung',
        indicator: 'Vermittlungen in Beratung je Halbjahr',
        targetValue: '8',
      },
    ],
  },
  {
    title: 'Offener Jugendtreff am Nachmittag in Ottersberg',
    socialArea: 'Ottersberg',
    provider: DEMO_PROVIDERS[0].name,
    category: DEMO_OFFER_CATEGORIES[1].name,
    startedMonthsAgo: null,
    notice: false,
    goals: [
      {
        goal: 'Jugendliche haben einen verlässlichen Treffpunkt',
        indicator: 'Besuche je Woche',
        targetValue: '25',
      },
    ],
  },
  {
    title: 'Familienpatenschaften in Oyten',
    socialArea: 'Oyten',
    provider: DEMO_PROVIDERS[1].name,
    category: DEMO_OFFER_CATEGORIES[1].name,
    startedMonthsAgo: 8,
    notice: true,
    goals: [
      {
        goal: 'Zugezogene Familien haben eine Patenfamilie im Ort',
        indicator: 'Vermittelte Patenschaften',
        targetValue: '10',
      },
    ],
  },
  {
    title: 'Lernwerkstatt für Grundschulkinder in Ottersberg',
    socialArea: 'Ottersberg',
    provider: DEMO_PROVIDERS[2].name,
    category: DEMO_OFFER_CATEGORIES[1].name,
    startedMonthsAgo: null,
    notice: false,
    awaitingDecision: true,
    goals: [
      {
        goal: 'Die Kinder erledigen ihre Hausaufgaben regelmäßig',
        indicator: 'Kinder mit regelmäßiger Teilnahme',
        targetValue: '15',
      },
    ],
  },
];

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The first day of the month `months` before today, and the day before its first anniversary. */
function periodStarted(months: number | null, now = new Date()): { start: string; end: string } {
  const start =
    months === null
      ? new Date(Date.UTC(now.getUTCFullYear() + 1, 0, 1))
      : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), 0));
  return { start: iso(start), end: iso(end) };
}

async function demoCaller(em: EntityManager, role: Role, extra: Partial<Caller> = {}): Promise<Caller> {
  const user = DEMO_USERS.find((candidate) => candidate.roles.includes(role))!;
  const [row] = await em
    .getConnection()
    .execute<{ id: string }[]>('select "id" from "app_user" where "email" = ?', [user.email]);
  return { userId: row?.id ?? SYSTEM_CALLER.userId, displayName: user.displayName, roles: [role], ...extra };
}

/**
 * Demo data of budgets, decisions and notices (idempotent; skipped without the demo master data): a
 * Sozialraumbudget for every Sozialraum and open budget year that has none; then, once, the applications of
 * `DEMO_NOTICE_OFFERS`, approved by the demo Regionalteam (all but the one awaiting its decision) and, where `notice`, given their notice by the
 * demo finance user, through the same service functions as the API, so the running offers start about
 * eight months ago with their goals, evaluations, commitments and a first payment each.
 * @returns how many records (allocations, decisions, notices, payments) were created.
 */
export async function seedDemoNotices(em: EntityManager): Promise<number> {
  let created = 0;
  const context = (caller: Caller) => ({ em: em.fork(), caller, requestId: 'start' });
  const system = context(SYSTEM_CALLER);

  const areas = await system.em.find(SocialArea, {}, { populate: ['regionalTeam'] });
  const years = await system.em
    .getConnection()
    .execute<{ year: number }[]>('select "year" from "budget_year" where not "closed" order by "year"');
  const existing = await system.em
    .getConnection()
    .execute<{ social_area_id: string; year: number }[]>(
      `select distinct "social_area_id", "budget_year" as "year" from "ledger_entry" where "kind" = 'ALLOCATION'`,
    );
  for (const area of areas) {
    for (const { year } of years) {
      if (existing.some((row) => row.social_area_id === area.id && Number(row.year) === year)) continue;
      const input = Object.assign(new ChangeBudgetAllocationInput(), {
        socialAreaId: area.id,
        year,
        amount: DEMO_TIGHT_ALLOCATION[area.name] ?? DEMO_ALLOCATION,
        reason: 'Sozialraumbudget laut Haushaltsplan (Demo)',
      });
      await runCommand(context(SYSTEM_CALLER), 'changeBudgetAllocation', (cmd) =>
        changeBudgetAllocation(cmd, input),
      );
      created += 1;
    }
  }

  const applications = await runCommand(system, 'seedDemoNotices', async (cmd) => {
    const [done] = await cmd.sql('select 1 from "need" where "title" = ?', [DEMO_NOTICE_OFFERS[0]!.title]);
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
    const ready =
      offerVersion &&
      costVersion &&
      DEMO_NOTICE_OFFERS.every((offer) => areas.some((area) => area.name === offer.socialArea));
    if (done || !ready) {
      cmd.unchanged();
      return [];
    }
    const lead = await demoCaller(cmd.tx, Role.TEAM_LEAD);
    const made: {
      id: string;
      offer: DemoOffer;
      requested: number;
      period: { start: string; end: string };
    }[] = [];
    for (const offer of DEMO_NOTICE_OFFERS) {
      const area = areas.find((candidate) => candidate.name === offer.socialArea)!;
      const provider = await cmd.tx.findOne(Provider, { name: offer.provider });
      const category = await cmd.tx.findOne(OfferCategory, { name: offer.category });
      if (!provider || !category) continue;
      const period = periodStarted(offer.startedMonthsAgo);
      const submittedAt = new Date(Date.parse(`${period.start}T09:00:00Z`) - 45 * 86_400_000);
      const need = cmd.tx.create(Need, {
        socialArea: area,
        title: offer.title,
        situationDescription: `Der Bedarf für „${offer.title}“ wurde im Sozialraumteam ${area.name} festgestellt.`,
        state: NeedState.CLOSED,
        outcome: NeedOutcome.OFFER,
        createdBy: lead.userId,
        createdByName: lead.displayName,
        coveredByResources: false,
        resourcesJustification: 'Die vorhandenen Angebote im Sozialraum reichen nicht aus.',
        resourcesDecidedBy: lead.userId,
        resourcesDecidedByName: lead.displayName,
        resourcesDecidedAt: submittedAt,
        offerWanted: true,
        offerJustification: 'Ein Angebot beugt Einzelfallhilfen vor.',
        offerDecidedBy: lead.userId,
        offerDecidedByName: lead.displayName,
        offerDecidedAt: submittedAt,
      });
      const call = cmd.tx.create(CallForInterest, {
        need,
        title: offer.title,
        deadline: submittedAt,
        openToAll: true,
        offerCategory: category,
        openedByName: lead.displayName,
        createdBy: lead.userId,
        closedAt: submittedAt,
        closedByName: lead.displayName,
      });
      const offerData = { ...(offerVersion!.sample_data ?? {}), title: offer.title, goals: offer.goals };
      const costData: Record<string, unknown> = {
        ...(costVersion!.sample_data ?? {}),
        offerTitle: offer.title,
        periodStart: period.start,
        periodEnd: period.end,
      };
      const requested = typeof costData.requestedAmount === 'number' ? costData.requestedAmount : 2_000_000;
      const application = cmd.tx.create(Application, {
        call,
        provider,
        state: ApplicationState.SUBMITTED,
        offerDescriptionVersionId: offerVersion!.id,
        costCalculationVersionId: costVersion!.id,
        offerDescriptionData: offerData,
        costCalculationData: costData,
        createdBy: SYSTEM_CALLER.userId,
        createdByName: 'Demo-Träger',
        submittedAt,
      });
      cmd.tx.create(ApplicationRevision, {
        application,
        number: 1,
        offerDescriptionData: offerData,
        costCalculationData: costData,
        requestedAmount: requested,
        submittedAt,
        submittedByName: 'Demo-Träger',
        createdBy: SYSTEM_CALLER.userId,
      });
      made.push({ id: application.id, offer, requested, period });
    }
    await cmd.tx.flush();
    cmd.audit({
      entityType: 'Application',
      entityId: made[0]?.id ?? '',
      details: { after: { demo: true, applicationIds: made.map((entry) => entry.id) } },
    });
    return made;
  });

  if (applications.length === 0) return created;
  const northTeam = await system.em.findOne(RegionalTeam, {
    name: DEMO_USERS.find((u) => u.regionalTeamName)!.regionalTeamName!,
  });
  const regionalTeam = await demoCaller(system.em, Role.REGIONAL_TEAM, { regionalTeamId: northTeam?.id });
  const finance = await demoCaller(system.em, Role.FINANCE);
  for (const { id, offer, requested, period } of applications) {
    if (offer.awaitingDecision) continue;
    const category = DEMO_OFFER_CATEGORIES.find((candidate) => candidate.name === offer.category)!;
    const fee = category.financingKind === FinancingKind.FEE;
    const input = Object.assign(new ApproveApplicationInput(), {
      applicationId: id,
      revision: 1,
      amount: fee ? feeAmount(160, 6250) : requested,
      periodStart: period.start,
      periodEnd: period.end,
      feeHours: fee ? 160 : null,
      hourlyRate: fee ? 6250 : null,
      justification: 'Das Angebot deckt den festgestellten Bedarf und ist wirtschaftlich kalkuliert (Demo).',
    });
    await runCommand(context(regionalTeam), 'approveApplication', (cmd) => approveApplication(cmd, input));
    created += 1;
    if (!offer.notice) continue;
    const noticeDate = iso(new Date(Date.parse(`${period.start}T00:00:00Z`) - 14 * 86_400_000));
    const notice = await runCommand(context(finance), 'issueNotice', (cmd) =>
      issueNotice(cmd, { applicationId: id, noticeDate }),
    );
    created += 1;
    created += await seedDemoPayment(context(finance), notice.offer.id, fee, requested, period, years);
  }
  return created;
}

/**
 * The first payment of a demo offer, so the committee sees paid figures: for § 77 the first quarter's 40
 * Fachleistungsstunden, for § 74 a first tranche of 40 %. Skipped when its budget year is not open.
 */
async function seedDemoPayment(
  context: CommandContext,
  offerId: string,
  fee: boolean,
  requested: number,
  period: { start: string; end: string },
  years: readonly { year: number }[],
): Promise<number> {
  const start = new Date(`${period.start}T00:00:00Z`);
  const quarterEnd = iso(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 3, 0)));
  const bookedOn = fee ? quarterEnd : period.start;
  if (!years.some((row) => Number(row.year) === Number(bookedOn.slice(0, 4)))) return 0;
  if (fee) {
    const input = Object.assign(new RecordFeePaymentInput(), {
      offerId,
      periodFrom: period.start,
      periodTo: quarterEnd,
      hours: 40,
      note: 'Abrechnung 1. Quartal (Demo)',
    });
    await runCommand(context, 'recordFeePayment', (cmd) => recordFeePayment(cmd, input));
  } else {
    const input = Object.assign(new RecordGrantPaymentInput(), {
      offerId,
      amount: Math.floor(requested * 0.4),
      bookedOn,
      note: '1. Rate (Demo)',
    });
    await runCommand(context, 'recordGrantPayment', (cmd) => recordGrantPayment(cmd, input));
  }
  return 1;
}
