import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { sampleDataOf } from '../support/factories.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/**
 * The whole process of the seed document through GraphQL, one user per step: a team lead records a
 * need and decides, opens the call; two Träger apply; changes are requested and made; two scorers score;
 * the Regionalteam approves one and rejects the competing one; FINANCE issues the notice; the Träger
 * evaluates the running offer, the team lead accepts, adjusts the goals, and the next evaluation uses them.
 */

let api: TestApi;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const ids = { north: '', area: '', providerA: '', providerB: '', category: '', body: '' };
let lead: Caller;
let secondScorer: Caller;
let regional: Caller;
let providerA: Caller;
let providerB: Caller;
const finance: Caller = { userId: 'journey-finance', displayName: 'Frank Fehse', roles: [Role.FINANCE] };
const admin: Caller = { userId: 'journey-admin', displayName: 'Anna Adler', roles: [Role.ADMIN] };

beforeAll(async () => {
  api = await startTestApi();
  ids.north = await insert('regional_team', { name: 'Reise Nord' });
  ids.area = await insert('social_area', { name: 'Reise Achim', regional_team_id: ids.north });
  ids.providerA = await insert('provider', { name: 'Reise Träger A' });
  ids.providerB = await insert('provider', { name: 'Reise Träger B' });
  ids.category = await insert('offer_category', { name: 'Reise Offenes Angebot', financing_kind: 'GRANT' });
  ids.body = await insert('body', { name: 'Reise Jugendhilfeausschuss' });
  for (const year of [2025, 2026, 2027, 2028]) {
    await sql(
      `insert into budget_year (id, created_by, year, starts_on, ends_on) values (gen_random_uuid(), 'test', ?, ?, ?) on conflict (year) do nothing`,
      [year, `${year}-01-01`, `${year}-12-31`],
    );
  }
  lead = {
    userId: 'journey-lead',
    displayName: 'Tarek Thiel',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [ids.area],
  };
  secondScorer = {
    userId: 'journey-lead-2',
    displayName: 'Lena Lüders',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [ids.area],
  };
  regional = {
    userId: 'journey-rt',
    displayName: 'Rita Rolfs',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: ids.north,
  };
  providerA = {
    userId: 'journey-provider-a',
    displayName: 'Fachkraft A',
    roles: [Role.PROVIDER],
    providerId: ids.providerA,
  };
  providerB = {
    userId: 'journey-provider-b',
    displayName: 'Fachkraft B',
    roles: [Role.PROVIDER],
    providerId: ids.providerB,
  };
});
afterAll(() => api?.close());

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
): Promise<T> {
  const { data, errors } = await api.gql<T>(query, variables, { caller });
  expect(errors).toBeUndefined();
  return data!;
}

const NEED = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { id state revision outcome } }`;

const CRITERIA = [
  'needFit',
  'socialAreaOrientation',
  'accessibility',
  'conceptQuality',
  'costEffectiveness',
  'sustainability',
  'caseworkPrevention',
] as const;

const isoDate = (date: Date) => date.toISOString().slice(0, 10);
function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}
function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function sheet(scores: number[]): Record<string, unknown> {
  return {
    ...sampleDataOf('criteria'),
    scores: Object.fromEntries(CRITERIA.map((key, index) => [key, { score: scores[index] }])),
  };
}

describe('the Sozialraum process, start to end', () => {
  it('runs need → call → applications → change request → scoring → decision → notice → evaluations → goal adjustment', async () => {
    // Steps 1–3: the team lead records the need and takes both decisions.
    const recorded = (
      await ok(
        NEED('recordNeed', 'RecordNeedInput'),
        {
          input: {
            socialAreaId: ids.area,
            countyWide: false,
            title: 'Treffpunkt für Alleinerziehende',
            situationDescription: 'Alleinerziehende in der Siedlung haben keinen Treffpunkt.',
          },
        },
        lead,
      )
    ).recordNeed;
    expect(recorded.state).toBe('RECORDED');
    const insufficient = (
      await ok(
        NEED('decideNeedResources', 'DecideNeedResourcesInput'),
        {
          input: {
            id: recorded.id,
            revision: recorded.revision,
            covered: false,
            justification: 'Familienzentrum ausgelastet.',
          },
        },
        lead,
      )
    ).decideNeedResources;
    const planned = (
      await ok(
        NEED('decideNeedOffer', 'DecideNeedOfferInput'),
        {
          input: {
            id: recorded.id,
            revision: insufficient.revision,
            offer: true,
            justification: 'Ein offenes Angebot ist nötig.',
          },
        },
        lead,
      )
    ).decideNeedOffer;
    expect(planned).toMatchObject({ state: 'OFFER_PLANNED', outcome: 'OFFER' });

    // Steps 4–6: contacts, funding programmes, the justification; a body involved.
    const noted = (
      await ok(
        NEED('updateNeed', 'UpdateNeedInput'),
        {
          input: {
            id: recorded.id,
            revision: planned.revision,
            contactYouthOffice: 'FD 51 am 3. März informiert.',
            contactProviders: 'Zwei Träger angefragt.',
            fundingProgrammes: 'Kein passendes Förderprogramm.',
            professionalJustification: 'Isolation verhindert frühe Hilfen.',
            resourcesWeighed: 'Budget reicht für ein Angebot.',
            developmentWithoutOffer: 'Mehr Einzelfallhilfen zu erwarten.',
          },
        },
        lead,
      )
    ).updateNeed;
    const involved = (
      await ok(
        NEED('recordNeedBodyInvolvement', 'RecordNeedBodyInvolvementInput'),
        {
          input: {
            needId: recorded.id,
            revision: noted.revision,
            bodyId: ids.body,
            involvement: 'INFORM',
            date: '2026-03-10',
            outcome: 'Zur Kenntnis genommen.',
          },
        },
        lead,
      )
    ).recordNeedBodyInvolvement;

    // Step 8: the call for interest, open to both Träger.
    const opened = (
      await ok(
        `mutation($input: OpenCallForInterestInput!) { openCallForInterest(input: $input) { id state revision callForInterest { id } } }`,
        {
          input: {
            needId: recorded.id,
            revision: involved.revision,
            deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
            openToAll: false,
            invitedProviderIds: [ids.providerA, ids.providerB],
            offerCategoryId: ids.category,
          },
        },
        lead,
      )
    ).openCallForInterest;
    expect(opened.state).toBe('OPEN_FOR_APPLICATIONS');
    const callId = opened.callForInterest.id as string;

    // Both Träger apply.
    const APPLICATION_FIELDS = 'id state revision revisions { number requestedAmount }';
    const apply = async (provider: Caller) => {
      const created = (
        await ok(
          `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { ${APPLICATION_FIELDS} } }`,
          {
            input: {
              callId,
              offerDescriptionData: sampleDataOf('offer-description'),
              costCalculationData: sampleDataOf('cost-calculation'),
            },
          },
          provider,
        )
      ).createApplication;
      return submit(created.id, created.revision, provider);
    };
    const submit = async (id: string, revision: number, provider: Caller) => {
      const submitted = (
        await ok(
          `mutation($input: SubmitApplicationInput!) { submitApplication(input: $input) { errorCount errors { path message } application { ${APPLICATION_FIELDS} } } }`,
          { input: { id, revision } },
          provider,
        )
      ).submitApplication;
      expect(submitted.errors).toEqual([]);
      return submitted.application;
    };
    const applicationA = await apply(providerA);
    const applicationB = await apply(providerB);

    // The team lead asks Träger A for changes; A resubmits as revision 2, with a readable diff.
    const changesRequested = (
      await ok(
        `mutation($input: RequestApplicationChangesInput!) { requestApplicationChanges(input: $input) { id state revision } }`,
        {
          input: {
            id: applicationA.id,
            revision: applicationA.revision,
            comment: 'Bitte die Ziele messbar formulieren.',
          },
        },
        lead,
      )
    ).requestApplicationChanges;
    expect(changesRequested.state).toBe('CHANGES_REQUESTED');
    const description = sampleDataOf('offer-description') as { title: string };
    const saved = (
      await ok(
        `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { id revision } }`,
        {
          input: {
            id: applicationA.id,
            revision: changesRequested.revision,
            offerDescriptionData: { ...description, title: 'Treffpunkt Alleinerziehende Achim' },
          },
        },
        providerA,
      )
    ).saveApplicationDraft;
    const resubmitted = await submit(applicationA.id, saved.revision, providerA);
    expect(resubmitted.revisions.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    const diff = (
      await ok(
        `query($id: UUID!) { application(id: $id) { revisionDiff(fromRevision: 1, toRevision: 2) { label before after } } }`,
        { id: applicationA.id },
        lead,
      )
    ).application.revisionDiff;
    expect(diff).toContainEqual(
      expect.objectContaining({ before: description.title, after: 'Treffpunkt Alleinerziehende Achim' }),
    );

    // Step 9: two scorers score both applications; A ranks first, B second.
    const score = async (applicationId: string, scorer: Caller, scores: number[]) => {
      const started = (
        await ok(
          `mutation($input: StartScoreInput!) { startScore(input: $input) { id revision } }`,
          { input: { applicationId } },
          scorer,
        )
      ).startScore;
      const submitted = (
        await ok(
          `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { errors { path message } score { weightedScore } } }`,
          { input: { id: started.id, revision: started.revision, data: sheet(scores) } },
          scorer,
        )
      ).submitScore;
      expect(submitted.errors).toEqual([]);
    };
    await score(applicationA.id, lead, [4, 4, 3, 4, 3, 4, 4]);
    await score(applicationA.id, secondScorer, [4, 3, 3, 4, 4, 4, 3]);
    await score(applicationB.id, lead, [2, 2, 3, 1, 2, 2, 2]);
    await score(applicationB.id, secondScorer, [2, 1, 2, 2, 2, 1, 2]);
    const ranking = (
      await ok(
        `query($needId: UUID!) { applicationRanking(needId: $needId) { application { id } rank scoreCount } }`,
        { needId: recorded.id },
        regional,
      )
    ).applicationRanking;
    expect(
      ranking.map((row: { application: { id: string }; rank: number }) => [row.application.id, row.rank]),
    ).toEqual([
      [applicationA.id, 1],
      [applicationB.id, 2],
    ]);
    // Scores stay hidden from the Träger.
    const seenByProvider = (
      await ok(
        `query($id: UUID!) { application(id: $id) { scores { id } } }`,
        { id: applicationA.id },
        providerA,
      )
    ).application;
    expect(seenByProvider.scores).toEqual([]);

    // The call is closed.
    const needAfterCall = (
      await ok(`query($id: UUID!) { need(id: $id) { revision } }`, { id: recorded.id }, lead)
    ).need;
    const closed = (
      await ok(
        `mutation($input: CloseCallForInterestInput!) { closeCallForInterest(input: $input) { state } }`,
        { input: { needId: recorded.id, revision: needAfterCall.revision } },
        lead,
      )
    ).closeCallForInterest;
    expect(closed.state).toBe('CLOSED');

    // Step 10/11: the Regionalteam sees the budget check, approves A (within the allocation) and
    // rejects the competing application B.
    const periodStart = isoDate(addMonths(new Date(), -7));
    const periodEnd = isoDate(addDays(addMonths(new Date(), 5), -1));
    const requested = resubmitted.revisions[1].requestedAmount as number;
    const amount = Math.min(requested, 1_200_000);
    for (const year of new Set([periodStart, periodEnd].map((date) => Number(date.slice(0, 4))))) {
      await ok(
        `mutation($input: ChangeBudgetAllocationInput!) { changeBudgetAllocation(input: $input) { id } }`,
        { input: { socialAreaId: ids.area, year, amount: 5_000_000, reason: 'Beschluss des Kreistags' } },
        admin,
      );
    }
    const check = (
      await ok(
        `query($applicationId: UUID!, $amount: Float!, $periodStart: String!, $periodEnd: String!) {
          budgetCheck(applicationId: $applicationId, amount: $amount, periodStart: $periodStart, periodEnd: $periodEnd) { exceeds }
        }`,
        { applicationId: applicationA.id, amount, periodStart, periodEnd },
        regional,
      )
    ).budgetCheck;
    expect(check.length).toBeGreaterThan(0);
    expect(check.every((year: { exceeds: boolean }) => !year.exceeds)).toBe(true);
    const current = async (id: string) =>
      (await ok(`query($id: UUID!) { application(id: $id) { revision } }`, { id }, regional)).application
        .revision as number;
    const approved = (
      await ok(
        `mutation($input: ApproveApplicationInput!) { approveApplication(input: $input) { outcome approvedAmount budgetWarning application { state } } }`,
        {
          input: {
            applicationId: applicationA.id,
            revision: await current(applicationA.id),
            amount,
            periodStart,
            periodEnd,
            justification: 'Höchste Bewertung, passt zum Bedarf.',
          },
        },
        regional,
      )
    ).approveApplication;
    expect(approved).toMatchObject({
      outcome: 'APPROVED',
      approvedAmount: amount,
      budgetWarning: false,
      application: { state: 'APPROVED' },
    });
    const rejected = (
      await ok(
        `mutation($input: RejectApplicationInput!) { rejectApplication(input: $input) { outcome application { state } } }`,
        {
          input: {
            applicationId: applicationB.id,
            revision: await current(applicationB.id),
            justification: 'Geringere Bewertung; nur ein Angebot finanzierbar.',
          },
        },
        regional,
      )
    ).rejectApplication;
    expect(rejected).toMatchObject({ outcome: 'REJECTED', application: { state: 'REJECTED' } });

    // Step 12: FINANCE issues the notice; the approved application becomes a running offer.
    const notice = (
      await ok(
        `mutation($applicationId: UUID!) { issueNotice(applicationId: $applicationId) {
          number amount legalBasis financingKind shares { budgetYear amount } offer { id state title }
        } }`,
        { applicationId: applicationA.id },
        finance,
      )
    ).issueNotice;
    expect(notice).toMatchObject({ amount, financingKind: 'GRANT', offer: { state: 'RUNNING' } });
    expect(notice.legalBasis).toContain('§ 74');
    expect(notice.shares.reduce((sum: number, share: { amount: number }) => sum + share.amount, 0)).toBe(
      amount,
    );
    const offerId = notice.offer.id as string;

    // The offer appears in the Träger's overview, and in no other Träger's.
    const offersOf = async (caller: Caller) =>
      (await ok(`query { offers { nodes { id } } }`, {}, caller)).offers.nodes.map(
        (o: { id: string }) => o.id,
      );
    expect(await offersOf(providerA)).toEqual([offerId]);
    expect(await offersOf(providerB)).toEqual([]);

    // Step 13: the Träger fills the first half-yearly evaluation (prefilled with the goals of Anlage 1).
    const EVALUATION = `id state revision periodNumber periodFrom periodTo data`;
    const evaluationsOf = async (caller: Caller) =>
      (
        await ok(
          `query($offerId: UUID) { evaluations(filter: { offerId: $offerId }) { ${EVALUATION} } }`,
          { offerId },
          caller,
        )
      ).evaluations as {
        id: string;
        state: string;
        revision: number;
        periodNumber: number;
        periodFrom: string;
        periodTo: string;
        data: any;
      }[];
    const scheduled = await evaluationsOf(providerA);
    expect(scheduled.map((e) => e.periodNumber)).toEqual([1, 2]);
    const first = scheduled[0]!;
    const opened1 = (
      await ok(`query($id: UUID!) { evaluation(id: $id) { ${EVALUATION} } }`, { id: first.id }, providerA)
    ).evaluation;
    const anlage1Goals = (sampleDataOf('offer-description') as { goals: { goal: string }[] }).goals;
    expect(opened1.data.goals.map((g: { goal: string }) => g.goal)).toEqual(anlage1Goals.map((g) => g.goal));
    const filled = (data: any, percent: number) => ({
      ...sampleDataOf('evaluation'),
      ...data,
      goals: data.goals.map((g: { goal: string }) => ({
        goal: g.goal,
        achievement: 'MOSTLY',
        achievementPercent: percent,
      })),
      participantsReached: 21,
      sessionsHeld: 20,
      professionalHoursDelivered: 80,
      expensesInPeriod: 500_000,
      adjustment: { changed: false },
    });
    const submitted1 = (
      await ok(
        `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { errors { path message } evaluation { state revision } } }`,
        { input: { id: first.id, revision: opened1.revision, data: filled(opened1.data, 75) } },
        providerA,
      )
    ).submitEvaluation;
    expect(submitted1.errors).toEqual([]);
    const accepted = (
      await ok(
        `mutation($input: AcceptEvaluationInput!) { acceptEvaluation(input: $input) { state goalFacts { achievementPercent } } }`,
        { input: { id: first.id, revision: submitted1.evaluation.revision } },
        lead,
      )
    ).acceptEvaluation;
    expect(accepted.state).toBe('ACCEPTED');
    expect(accepted.goalFacts.map((f: { achievementPercent: number }) => f.achievementPercent)).toEqual(
      anlage1Goals.map(() => 75),
    );

    // Umsteuerung: the team lead adjusts the goals; the second evaluation is prefilled with them.
    const offerRevision = (
      await ok(`query($id: UUID!) { offer(id: $id) { revision } }`, { id: offerId }, lead)
    ).offer.revision;
    const adjusted = (
      await ok(
        `mutation($input: AdjustOfferGoalsInput!) { adjustOfferGoals(input: $input) { goalRevisions { number } } }`,
        {
          input: {
            offerId,
            revision: offerRevision,
            reason: 'Väter werden kaum erreicht.',
            goals: [{ goal: 'Väter nehmen teil', indicator: 'Anteil Väter', targetValue: '25 %' }],
          },
        },
        lead,
      )
    ).adjustOfferGoals;
    expect(adjusted.goalRevisions.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    const second = (
      await ok(
        `query($id: UUID!) { evaluation(id: $id) { ${EVALUATION} } }`,
        { id: scheduled[1]!.id },
        providerA,
      )
    ).evaluation;
    expect(second.data.goals.map((g: { goal: string }) => g.goal)).toEqual(['Väter nehmen teil']);

    // The figures for the reports are columns: the need's outcome, the notice's split, the goal facts.
    const [needRow] = await sql(`select outcome, state from need where id = ?`, [recorded.id]);
    expect(needRow).toMatchObject({ outcome: 'OFFER', state: 'CLOSED' });
    const [shareSum] = await sql<{ total: string }>(
      `select sum(s.amount)::text as total from decision_notice_share s join decision_notice n on n.id = s.notice_id where n.offer_id = ?`,
      [offerId],
    );
    expect(Number(shareSum!.total)).toBe(amount);
    const goalFacts = await sql(`select achievement_percent from evaluation_goal_fact where offer_id = ?`, [
      offerId,
    ]);
    expect(goalFacts).toHaveLength(anlage1Goals.length);

    // Every step left an audit event by the user who took it.
    const actors = await sql<{ operation: string; user_id: string }>(
      `select operation, user_id from audit_event where outcome = 'SUCCESS' and user_id like 'journey-%' order by occurred_at`,
    );
    const byOperation = new Map(actors.map((row) => [row.operation, row.user_id]));
    expect(byOperation.get('recordNeed')).toBe(lead.userId);
    expect(actors.filter((row) => row.operation === 'submitApplication').map((row) => row.user_id)).toEqual([
      providerA.userId,
      providerB.userId,
      providerA.userId,
    ]);
    expect(byOperation.get('requestApplicationChanges')).toBe(lead.userId);
    expect(byOperation.get('rejectApplication')).toBe(regional.userId);
    expect(byOperation.get('approveApplication')).toBe(regional.userId);
    expect(byOperation.get('issueNotice')).toBe(finance.userId);
    expect(byOperation.get('submitEvaluation')).toBe(providerA.userId);
    expect(byOperation.get('acceptEvaluation')).toBe(lead.userId);
    expect(byOperation.get('adjustOfferGoals')).toBe(lead.userId);
  });
});
