import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../server/src/common/command.js';
import { type Caller, Role } from '../../server/src/common/context.js';
import { Offer } from '../../server/src/offers/offer.entity.js';
import { evaluationPeriods } from '../../server/src/evaluations/evaluation-schedule.js';
import { ACHIEVEMENT_PERCENT } from '../../server/src/evaluations/evaluation.service.js';
import { startOfferFollowUp } from '../../server/src/evaluations/offer-follow-up.js';
import { seedDemoEvaluations } from '../../server/src/evaluations/seed-demo-evaluations.js';
import { addMonths } from '../../server/src/evaluations/evaluation-schedule.js';
import { sampleDataOf } from '../support/factories.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const areas = { achim: '', verden: '' };
const providers = { a: '', b: '' };
let categoryId = '';
let lead: Caller;
let foreignLead: Caller;
let providerA: Caller;
let providerB: Caller;
const finance: Caller = { userId: 'eval-finance', displayName: 'Frank Fehse', roles: [Role.FINANCE] };
const admin: Caller = { userId: 'eval-admin', displayName: 'Anna Adler', roles: [Role.ADMIN] };
const committee: Caller = { userId: 'eval-committee', displayName: 'Greta Gerdes', roles: [Role.COMMITTEE] };

const GOALS = [
  { goal: 'Eltern nutzen das Elterncafé regelmäßig.', indicator: 'Teilnahmen', targetValue: '15 Familien' },
  { goal: 'Eltern fühlen sich sicherer.', indicator: 'Kurzbefragung', targetValue: '60 %' },
];

beforeAll(async () => {
  api = await startTestApi();
  const north = await insert('regional_team', { name: 'Evaluation Nord' });
  const south = await insert('regional_team', { name: 'Evaluation Süd' });
  areas.achim = await insert('social_area', { name: 'Evaluation Achim', regional_team_id: north });
  areas.verden = await insert('social_area', { name: 'Evaluation Verden', regional_team_id: south });
  providers.a = await insert('provider', { name: 'Evaluation Träger A' });
  providers.b = await insert('provider', { name: 'Evaluation Träger B' });
  categoryId = await insert('offer_category', {
    name: 'Evaluation Offenes Angebot',
    financing_kind: 'GRANT',
  });
  lead = {
    userId: 'eval-lead',
    displayName: 'Tarek Thiel',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.achim],
  };
  foreignLead = {
    userId: 'eval-lead-foreign',
    displayName: 'Vera Vogt',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.verden],
  };
  providerA = {
    userId: 'eval-p-a',
    displayName: 'Fachkraft A',
    roles: [Role.PROVIDER],
    providerId: providers.a,
  };
  providerB = {
    userId: 'eval-p-b',
    displayName: 'Fachkraft B',
    roles: [Role.PROVIDER],
    providerId: providers.b,
  };
});
afterAll(() => api?.close());

/** A running offer of Träger A in Achim (need, call, approved application, offer), started with `startOfferFollowUp`. */
async function startedOffer(periodStart: string, periodEnd: string, goals: object[] = GOALS) {
  const needId = await insert('need', {
    social_area_id: areas.achim,
    title: 'Evaluation Bedarf',
    situation_description: 'Lage',
    created_by_name: 'Test',
    state: 'CLOSED',
    outcome: 'OFFER',
  });
  const [version] = await sql<{ id: string }>(
    `select id from form_version where form_key = 'offer-description' and status = 'PUBLISHED'`,
  );
  const callId = await insert('call_for_interest', {
    need_id: needId,
    title: 'Evaluation Aufruf',
    deadline: new Date(Date.now() - 86_400_000),
    open_to_all: true,
    offer_category_id: categoryId,
    opened_by_name: 'Test',
  });
  const applicationId = await insert('application', {
    call_id: callId,
    provider_id: providers.a,
    state: 'APPROVED',
    offer_description_version_id: version!.id,
    cost_calculation_version_id: version!.id,
    offer_description_data: JSON.stringify({ goals }),
    cost_calculation_data: JSON.stringify({}),
    created_by_name: 'Test',
  });
  const offerId = await insert('offer', {
    application_id: applicationId,
    need_id: needId,
    social_area_id: areas.achim,
    provider_id: providers.a,
    offer_category_id: categoryId,
    financing_kind: 'GRANT',
    title: 'Elterncafé Achim',
    period_start: periodStart,
    period_end: periodEnd,
    approved_amount: 1_500_000,
  });
  await runCommand(
    { em: api.orm.em.fork(), caller: finance, requestId: 'test-start-offer' },
    'issueNotice',
    async (cmd) => {
      const offer = await cmd.tx.findOneOrFail(Offer, { id: offerId });
      await startOfferFollowUp(cmd, offer, { goals });
    },
  );
  const evaluations = await sql<{ id: string; period_number: number }>(
    `select id, period_number from evaluation where offer_id = ? order by period_number`,
    [offerId],
  );
  return { offerId, evaluations: evaluations.map((row) => row.id) };
}

const EVALUATION_FIELDS = /* GraphQL */ `
  id revision state periodNumber periodFrom periodTo dueDate overdue data changeRequestComment
  formVersion { id }
  offer { id title }
  revisions { number submittedByName data }
  fact { participantsReached newParticipants sessionsHeld professionalHoursDelivered expensesInPeriod periodFrom periodTo }
  goalFacts { goalIndex goal achievement achievementPercent percentGiven }
  viewerCan { readData saveDraft submit accept requestChanges }
`;
const EVALUATION = `query($id: UUID!) { evaluation(id: $id) { ${EVALUATION_FIELDS} } }`;
const SAVE = `mutation($input: SaveEvaluationDraftInput!) { saveEvaluationDraft(input: $input) { ${EVALUATION_FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitEvaluationInput!) {
  submitEvaluation(input: $input) { errorCount errors { path message } evaluation { ${EVALUATION_FIELDS} } }
}`;
const ACCEPT = `mutation($input: AcceptEvaluationInput!) { acceptEvaluation(input: $input) { ${EVALUATION_FIELDS} } }`;
const REQUEST_CHANGES = `mutation($input: RequestEvaluationChangesInput!) {
  requestEvaluationChanges(input: $input) { ${EVALUATION_FIELDS} }
}`;
const ADJUST = `mutation($input: AdjustOfferGoalsInput!) {
  adjustOfferGoals(input: $input) {
    id revision canAdjustGoals
    goalRevisions { number reason createdByName goals { goal indicator targetValue } }
    evaluations { id periodNumber }
  }
}`;
const OVERDUE = `query { overdueEvaluations { id dueDate state overdue offer { id } } }`;

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
): Promise<T> {
  const { data, errors } = await api.gql<T>(query, variables, { caller });
  expect(errors).toBeUndefined();
  return data!;
}

async function refused(query: string, variables: Record<string, unknown>, caller: Caller) {
  const { errors } = await api.gql(query, variables, { caller });
  expect(errors).toBeDefined();
  return errors![0]!.extensions!;
}

/** Everything the evaluation commands write, to show that a refusal changed nothing. */
async function snapshot(evaluationId: string) {
  return {
    evaluation: await sql(`select * from evaluation where id = ?`, [evaluationId]),
    revisions: await sql(`select * from evaluation_revision where evaluation_id = ? order by number`, [
      evaluationId,
    ]),
    facts: await sql(`select * from evaluation_fact where evaluation_id = ?`, [evaluationId]),
    goalFacts: await sql(`select * from evaluation_goal_fact where evaluation_id = ?`, [evaluationId]),
    audit: await sql(`select count(*)::int as n from audit_event where entity_id = ?`, [evaluationId]),
  };
}

/** A complete evaluation sheet for the period with the two goals (first with a percent, second without). */
function sheet(from: string, to: string): Record<string, unknown> {
  const sample = sampleDataOf('evaluation');
  return {
    ...sample,
    offerTitle: 'Elterncafé Achim',
    reportingPeriod: { from, to },
    goals: [
      { goal: GOALS[0]!.goal, achievement: 'MOSTLY', achievementPercent: 80, evidence: '12 Familien' },
      { goal: GOALS[1]!.goal, achievement: 'PARTLY' },
    ],
    participantsReached: 34,
    newParticipants: 20,
    sessionsHeld: 24,
    professionalHoursDelivered: 90.5,
    expensesInPeriod: 742050,
  };
}

// First, while the database holds no other evaluations.
describe('demo data', () => {
  it('of two offers started eight months ago, one evaluation is accepted (with facts), one submitted, one left overdue; a second run changes nothing', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const start = addMonths(today, -8);
    const end = addMonths(start, 24);
    const first = await startedOffer(start, end);
    const second = await startedOffer(start, end);
    expect(await seedDemoEvaluations(api.orm.em.fork())).toBe(2);
    const states = await sql<{ id: string; state: string; overdue: boolean }>(
      `select id, state, due_date < current_date as overdue from evaluation where id = any(?::uuid[]) order by due_date, period_number, id`,
      [`{${[...first.evaluations, ...second.evaluations].join(',')}}`],
    );
    expect(states.filter((row) => row.state === 'ACCEPTED')).toHaveLength(1);
    expect(states.filter((row) => row.state === 'SUBMITTED')).toHaveLength(1);
    expect(states.filter((row) => row.state === 'DUE' && row.overdue)).toHaveLength(1);
    const accepted = states.find((row) => row.state === 'ACCEPTED')!;
    expect(
      await sql(`select participants_reached from evaluation_fact where evaluation_id = ?`, [accepted.id]),
    ).toEqual([{ participants_reached: 34 }]);
    const overdue = (await ok(OVERDUE, {}, lead)).overdueEvaluations.map((e: any) => e.id);
    expect(overdue).toEqual([states.find((row) => row.state === 'DUE' && row.overdue)!.id]);
    expect(await seedDemoEvaluations(api.orm.em.fork())).toBe(0);
  });
});

describe('the schedule', () => {
  it('an offer over 13 months has three periods of six months (the last shorter), each due a month after its end', async () => {
    expect(evaluationPeriods('2027-01-01', '2028-01-31')).toEqual([
      { number: 1, from: '2027-01-01', to: '2027-06-30', due: '2027-07-30' },
      { number: 2, from: '2027-07-01', to: '2027-12-31', due: '2028-01-31' },
      { number: 3, from: '2028-01-01', to: '2028-01-31', due: '2028-02-29' },
    ]);
    const { offerId } = await startedOffer('2027-01-01', '2028-01-31');
    const rows = await sql(
      `select period_number, to_char(period_from, 'YYYY-MM-DD') as "from", to_char(period_to, 'YYYY-MM-DD') as "to",
              to_char(due_date, 'YYYY-MM-DD') as due, state, form_version_id
         from evaluation where offer_id = ? order by period_number`,
      [offerId],
    );
    const [published] = await sql<{ id: string }>(
      `select id from form_version where form_key = 'evaluation' and status = 'PUBLISHED'`,
    );
    expect(rows).toEqual([
      {
        period_number: 1,
        from: '2027-01-01',
        to: '2027-06-30',
        due: '2027-07-30',
        state: 'DUE',
        form_version_id: published!.id,
      },
      {
        period_number: 2,
        from: '2027-07-01',
        to: '2027-12-31',
        due: '2028-01-31',
        state: 'DUE',
        form_version_id: published!.id,
      },
      {
        period_number: 3,
        from: '2028-01-01',
        to: '2028-01-31',
        due: '2028-02-29',
        state: 'DUE',
        form_version_id: published!.id,
      },
    ]);
    const goalRevisions = await sql(
      `select number, goals, reason from offer_goal_revision where offer_id = ?`,
      [offerId],
    );
    expect(goalRevisions).toEqual([{ number: 1, goals: GOALS, reason: null }]);
  });

  it('a period starting on the 31st ends the day before the same day six months on (clamped to the month)', () => {
    expect(evaluationPeriods('2027-08-31', '2028-08-30').map((p) => [p.from, p.to, p.due])).toEqual([
      ['2027-08-31', '2028-02-28', '2028-03-28'],
      ['2028-02-29', '2028-08-30', '2028-09-30'],
    ]);
  });

  it('goal revisions and evaluation revisions cannot be changed or deleted', async () => {
    const { offerId } = await startedOffer('2027-01-01', '2027-06-30');
    await expect(
      sql(`update offer_goal_revision set reason = 'x' where offer_id = ?`, [offerId]),
    ).rejects.toThrow(/immutable/);
    await expect(sql(`delete from offer_goal_revision where offer_id = ?`, [offerId])).rejects.toThrow(
      /immutable/,
    );
  });
});

describe('filling, reviewing and the facts', () => {
  it('the provider sees the prefill, saves, submits; the team lead asks for changes, the provider resubmits, the lead accepts; facts match', async () => {
    const { offerId, evaluations } = await startedOffer('2027-01-01', '2028-01-31');
    const id = evaluations[0]!;

    const first = (await ok(EVALUATION, { id }, providerA)).evaluation;
    expect(first.state).toBe('DUE');
    expect(first.data).toEqual({
      offerTitle: 'Elterncafé Achim',
      reportingPeriod: { from: '2027-01-01', to: '2027-06-30' },
      goals: GOALS.map((goal) => ({ goal: goal.goal })),
    });
    expect(first.viewerCan).toEqual({
      readData: true,
      saveDraft: true,
      submit: true,
      accept: false,
      requestChanges: false,
    });
    expect(first.overdue).toBe(false);

    // Another Träger and a foreign team lead do not see it; the committee sees no content.
    expect((await refused(EVALUATION, { id }, providerB)).code).toBe('NOT_FOUND');
    expect((await refused(EVALUATION, { id }, foreignLead)).code).toBe('NOT_FOUND');
    const seenByCommittee = (await ok(EVALUATION, { id }, committee)).evaluation;
    expect(seenByCommittee.data).toBeNull();
    expect(seenByCommittee.viewerCan.readData).toBe(false);

    const saved = (
      await ok(
        SAVE,
        { input: { id, revision: first.revision, data: { ...first.data, participantsReached: 3 } } },
        providerA,
      )
    ).saveEvaluationDraft;
    expect(saved.data.participantsReached).toBe(3);
    expect(saved.revision).toBe(first.revision + 1);

    const data = sheet('2027-01-01', '2027-06-30');
    const submitted = (await ok(SUBMIT, { input: { id, revision: saved.revision, data } }, providerA))
      .submitEvaluation;
    expect(submitted.errorCount).toBe(0);
    expect(submitted.evaluation.state).toBe('SUBMITTED');
    expect(submitted.evaluation.revisions.map((r: any) => r.number)).toEqual([1]);

    const awaiting = await ok(`query { evaluationsAwaitingReview { id } }`, {}, lead);
    expect(awaiting.evaluationsAwaitingReview.map((e: any) => e.id)).toContain(id);
    const awaitingForeign = await ok(`query { evaluationsAwaitingReview { id } }`, {}, foreignLead);
    expect(awaitingForeign.evaluationsAwaitingReview.map((e: any) => e.id)).not.toContain(id);

    // The provider cannot accept its own evaluation; a foreign lead does not find it.
    expect(
      (await refused(ACCEPT, { input: { id, revision: submitted.evaluation.revision } }, providerA)).code,
    ).toBe('FORBIDDEN');
    expect(
      (await refused(ACCEPT, { input: { id, revision: submitted.evaluation.revision } }, foreignLead)).code,
    ).toBe('NOT_FOUND');

    const changes = (
      await ok(
        REQUEST_CHANGES,
        { input: { id, revision: submitted.evaluation.revision, comment: 'Bitte Nachweise ergänzen.' } },
        lead,
      )
    ).requestEvaluationChanges;
    expect(changes.state).toBe('CHANGES_REQUESTED');
    expect(changes.changeRequestComment).toBe('Bitte Nachweise ergänzen.');
    expect((await ok(EVALUATION, { id }, committee)).evaluation.changeRequestComment).toBeNull();

    const resubmitted = (
      await ok(
        SUBMIT,
        { input: { id, revision: changes.revision, data: { ...data, sessionsHeld: 25 } } },
        providerA,
      )
    ).submitEvaluation;
    expect(resubmitted.evaluation.state).toBe('SUBMITTED');
    expect(resubmitted.evaluation.revisions.map((r: any) => r.number)).toEqual([1, 2]);
    expect(await sql(`select count(*)::int as n from evaluation_fact where evaluation_id = ?`, [id])).toEqual(
      [{ n: 0 }],
    );

    const accepted = (await ok(ACCEPT, { input: { id, revision: resubmitted.evaluation.revision } }, lead))
      .acceptEvaluation;
    expect(accepted.state).toBe('ACCEPTED');
    expect(accepted.fact).toEqual({
      participantsReached: 34,
      newParticipants: 20,
      sessionsHeld: 25,
      professionalHoursDelivered: 90.5,
      expensesInPeriod: 742050,
      periodFrom: '2027-01-01',
      periodTo: '2027-06-30',
    });
    expect(accepted.goalFacts).toEqual([
      {
        goalIndex: 0,
        goal: GOALS[0]!.goal,
        achievement: 'MOSTLY',
        achievementPercent: 80,
        percentGiven: true,
      },
      {
        goalIndex: 1,
        goal: GOALS[1]!.goal,
        achievement: 'PARTLY',
        achievementPercent: ACHIEVEMENT_PERCENT.PARTLY,
        percentGiven: false,
      },
    ]);

    // The typed columns: offer, Sozialraum, Träger and period with each row.
    const facts = await sql(
      `select offer_id, social_area_id, provider_id, to_char(period_from, 'YYYY-MM-DD') as period_from,
              to_char(period_to, 'YYYY-MM-DD') as period_to, participants_reached, new_participants, sessions_held,
              professional_hours_delivered, expenses_in_period
         from evaluation_fact where evaluation_id = ?`,
      [id],
    );
    expect(facts).toEqual([
      {
        offer_id: offerId,
        social_area_id: areas.achim,
        provider_id: providers.a,
        period_from: '2027-01-01',
        period_to: '2027-06-30',
        participants_reached: 34,
        new_participants: 20,
        sessions_held: 25,
        professional_hours_delivered: '90.50',
        expenses_in_period: '742050',
      },
    ]);
    const goalFacts = await sql(
      `select offer_id, social_area_id, provider_id, goal_index, achievement, achievement_percent, percent_given
         from evaluation_goal_fact where evaluation_id = ? order by goal_index`,
      [id],
    );
    expect(goalFacts).toEqual([
      {
        offer_id: offerId,
        social_area_id: areas.achim,
        provider_id: providers.a,
        goal_index: 0,
        achievement: 'MOSTLY',
        achievement_percent: 80,
        percent_given: true,
      },
      {
        offer_id: offerId,
        social_area_id: areas.achim,
        provider_id: providers.a,
        goal_index: 1,
        achievement: 'PARTLY',
        achievement_percent: 50,
        percent_given: false,
      },
    ]);

    // The committee sees the figures, not the goal texts.
    const figures = (await ok(EVALUATION, { id }, committee)).evaluation;
    expect(figures.fact.participantsReached).toBe(34);
    expect(figures.goalFacts.map((g: any) => [g.goal, g.achievementPercent])).toEqual([
      [null, 80],
      [null, 50],
    ]);
    expect(figures.revisions.map((r: any) => r.data)).toEqual([null, null]);

    // Revisions are immutable.
    await expect(
      sql(`update evaluation_revision set number = 9 where evaluation_id = ?`, [id]),
    ).rejects.toThrow(/immutable/);
  });

  it('an invalid submit answers field errors and stores nothing', async () => {
    const { evaluations } = await startedOffer('2027-01-01', '2027-12-31');
    const id = evaluations[0]!;
    const before = await snapshot(id);
    const { evaluation } = await ok(EVALUATION, { id }, providerA);
    // Without data: the prefill, which lacks the figures and the achievements.
    const result = (await ok(SUBMIT, { input: { id, revision: evaluation.revision } }, providerA))
      .submitEvaluation;
    expect(result.evaluation).toBeNull();
    expect(result.errorCount).toBeGreaterThan(0);
    const paths = result.errors.map((error: any) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['/participantsReached', '/goals/0/achievement']));
    const invalid = { ...sheet('2027-01-01', '2027-06-30'), participantsReached: -1 };
    const second = (
      await ok(SUBMIT, { input: { id, revision: evaluation.revision, data: invalid } }, providerA)
    ).submitEvaluation;
    expect(second.errors.map((error: any) => error.path)).toEqual(['/participantsReached']);
    expect(await snapshot(id)).toEqual(before);
  });

  it('a stale revision is CONFLICT/STALE_REVISION and changes nothing', async () => {
    const { evaluations } = await startedOffer('2027-01-01', '2027-12-31');
    const id = evaluations[0]!;
    const { evaluation } = await ok(EVALUATION, { id }, providerA);
    await ok(
      SAVE,
      { input: { id, revision: evaluation.revision, data: { participantsReached: 1 } } },
      providerA,
    );
    const before = await snapshot(id);
    const error = await refused(
      SAVE,
      { input: { id, revision: evaluation.revision, data: { participantsReached: 2 } } },
      providerA,
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.reason).toBe('STALE_REVISION');
    const submit = await refused(
      SUBMIT,
      { input: { id, revision: evaluation.revision, data: sheet('2027-01-01', '2027-06-30') } },
      providerA,
    );
    expect(submit.reason).toBe('STALE_REVISION');
    expect(await snapshot(id)).toEqual(before);
  });

  it('accepting a due evaluation is an illegal transition and leaves the database unchanged', async () => {
    const { evaluations } = await startedOffer('2027-01-01', '2027-12-31');
    const id = evaluations[0]!;
    const before = await snapshot(id);
    const { evaluation } = await ok(EVALUATION, { id }, lead);
    expect(evaluation.viewerCan.accept).toBe(false);
    const error = await refused(ACCEPT, { input: { id, revision: evaluation.revision } }, lead);
    expect(error.code).toBe('CONFLICT');
    expect(error.reason).toBe('INVALID_TRANSITION');
    const changes = await refused(
      REQUEST_CHANGES,
      { input: { id, revision: evaluation.revision, comment: 'x' } },
      lead,
    );
    expect(changes.reason).toBe('INVALID_TRANSITION');
    expect(await snapshot(id)).toEqual(before);
  });
});

describe('Umsteuerung', () => {
  it('the team lead adjusts the goals; evaluations not yet submitted are prefilled with them; earlier revisions stay readable', async () => {
    const { offerId, evaluations } = await startedOffer('2027-01-01', '2028-01-31');
    const [{ revision }] = await sql<{ revision: number }>(`select revision from offer where id = ?`, [
      offerId,
    ]);
    const newGoals = [
      {
        goal: 'Väter nehmen am Elterncafé teil.',
        indicator: 'Teilnahmen von Vätern',
        targetValue: '5 Väter',
      },
    ];
    const input = { offerId, revision, goals: newGoals, reason: 'Berufstätige Väter wurden nicht erreicht.' };

    expect((await refused(ADJUST, { input }, providerA)).code).toBe('FORBIDDEN');
    expect((await refused(ADJUST, { input }, finance)).code).toBe('FORBIDDEN');
    expect((await refused(ADJUST, { input }, providerB)).code).toBe('NOT_FOUND');
    expect((await refused(ADJUST, { input }, foreignLead)).code).toBe('NOT_FOUND');

    const adjusted = (await ok(ADJUST, { input }, lead)).adjustOfferGoals;
    expect(adjusted.canAdjustGoals).toBe(true);
    expect(adjusted.revision).toBe(revision + 1);
    expect(adjusted.goalRevisions).toEqual([
      { number: 1, reason: null, createdByName: 'Frank Fehse', goals: GOALS },
      { number: 2, reason: input.reason, createdByName: 'Tarek Thiel', goals: newGoals },
    ]);
    expect(adjusted.evaluations.map((e: any) => e.periodNumber)).toEqual([1, 2, 3]);

    // The prefill of every evaluation not yet submitted uses the adjusted goals.
    for (const id of evaluations) {
      const { evaluation } = await ok(EVALUATION, { id }, providerA);
      expect(evaluation.data.goals).toEqual([{ goal: newGoals[0]!.goal }]);
    }

    // Stale: the same revision again.
    const stale = await refused(ADJUST, { input }, lead);
    expect(stale.reason).toBe('STALE_REVISION');
    expect(
      await sql(`select count(*)::int as n from offer_goal_revision where offer_id = ?`, [offerId]),
    ).toEqual([{ n: 2 }]);
  });
});

describe('overdue evaluations', () => {
  it('lists evaluations past their due date and not submitted: the team lead its Sozialräume, finance and administration all; others are refused', async () => {
    const { evaluations: past } = await startedOffer('2025-01-01', '2025-12-31');
    const { evaluations: future } = await startedOffer('2030-01-01', '2030-12-31');
    const ids = async (caller: Caller) =>
      ((await ok(OVERDUE, {}, caller)).overdueEvaluations as { id: string; overdue: boolean }[]).map(
        (e) => e.id,
      );
    for (const caller of [lead, finance, admin]) {
      const listed = await ids(caller);
      expect(listed).toEqual(expect.arrayContaining(past));
      expect(listed).not.toContain(future[0]);
    }
    expect(await ids(foreignLead)).not.toContain(past[0]);
    for (const caller of [providerA, committee]) {
      expect((await refused(OVERDUE, {}, caller)).code).toBe('FORBIDDEN');
    }
    const { evaluation } = await ok(EVALUATION, { id: past[0] }, providerA);
    expect(evaluation.overdue).toBe(true);

    // Submitted: no longer overdue.
    await ok(
      SUBMIT,
      { input: { id: past[0], revision: evaluation.revision, data: sheet('2025-01-01', '2025-06-30') } },
      providerA,
    );
    expect(await ids(lead)).not.toContain(past[0]);
    expect(await ids(lead)).toContain(past[1]);

    // The provider's own list shows its evaluations; the other Träger's list does not.
    const own = await ok(
      `query($f: EvaluationFilter) { evaluations(filter: $f) { id } }`,
      { f: { states: ['DUE'] } },
      providerA,
    );
    expect(own.evaluations.map((e: any) => e.id)).toEqual(expect.arrayContaining([past[1], future[0]]));
    const other = await ok(`query { evaluations { id } }`, {}, providerB);
    expect(other.evaluations).toEqual([]);
  });
});
