import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const areas = { achim: '', verden: '' };
const teams = { north: '', south: '' };
const providers = { a: '', b: '' };
let categoryId = '';
let versions: { offerDescription: string; costCalculation: string };
let lead: Caller;
let foreignLead: Caller;
let regionalNorth: Caller;
let regionalSouth: Caller;
let providerA: Caller;
let providerB: Caller;
const admin: Caller = { userId: 'tasks-admin', displayName: 'Anna Adler', roles: [Role.ADMIN] };
const finance: Caller = { userId: 'tasks-finance', displayName: 'Frank Fehse', roles: [Role.FINANCE] };
const committee: Caller = { userId: 'tasks-committee', displayName: 'Greta Gerdes', roles: [Role.COMMITTEE] };

const HOUR = 3_600_000;

const MY_TASKS = `query($limit: Int) {
  myTasks(limit: $limit) { totalCount tasks { id kind title recordType recordId path since dueAt overdue } }
}`;

interface TaskRow {
  id: string;
  kind: string;
  title: string;
  recordType: string;
  recordId: string;
  path: string;
  since: string;
  dueAt: string | null;
  overdue: boolean;
}

async function tasksOf(caller: Caller | null, limit?: number) {
  const result = await api.gql<{ myTasks: { totalCount: number; tasks: TaskRow[] } }>(
    MY_TASKS,
    limit === undefined ? {} : { limit },
    { caller },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.myTasks;
}

const kindsOf = (tasks: TaskRow[], recordIds: string[]) =>
  tasks
    .filter((t) => recordIds.includes(t.recordId))
    .map((t) => `${t.kind}:${t.recordId}`)
    .sort();

async function need(area: string | null, state: string, title = 'Bedarf') {
  return insert('need', {
    social_area_id: area,
    title,
    situation_description: 'Lage',
    created_by_name: 'Test',
    state,
  });
}

async function call(needId: string, deadline: Date) {
  return insert('call_for_interest', {
    need_id: needId,
    title: 'Aufruf Jugendtreff',
    deadline,
    open_to_all: true,
    invited_provider_ids: '{}',
    offer_category_id: categoryId,
    opened_by_name: 'Test',
  });
}

async function application(callId: string, providerId: string, state: string) {
  const submitted = state !== 'DRAFT';
  return insert('application', {
    call_id: callId,
    provider_id: providerId,
    state,
    offer_description_version_id: versions.offerDescription,
    cost_calculation_version_id: versions.costCalculation,
    offer_description_data: '{}',
    cost_calculation_data: '{}',
    created_by_name: 'Test',
    submitted_at: submitted ? new Date(Date.now() - 2 * HOUR) : null,
    changes_requested_at: state === 'CHANGES_REQUESTED' ? new Date() : null,
  });
}

beforeAll(async () => {
  api = await startTestApi();
  teams.north = await insert('regional_team', { name: 'Aufgaben Nord' });
  teams.south = await insert('regional_team', { name: 'Aufgaben Süd' });
  areas.achim = await insert('social_area', { name: 'Aufgaben Achim', regional_team_id: teams.north });
  areas.verden = await insert('social_area', { name: 'Aufgaben Verden', regional_team_id: teams.south });
  providers.a = await insert('provider', { name: 'Aufgaben Träger A' });
  providers.b = await insert('provider', { name: 'Aufgaben Träger B' });
  categoryId = await insert('offer_category', { name: 'Aufgaben Offenes Angebot', financing_kind: 'GRANT' });
  const version = async (key: string) =>
    (
      await sql<{ id: string }>(`select id from form_version where form_key = ? and status = 'PUBLISHED'`, [
        key,
      ])
    )[0]!.id;
  versions = {
    offerDescription: await version('offer-description'),
    costCalculation: await version('cost-calculation'),
  };
  lead = {
    userId: 'tasks-lead',
    displayName: 'Tarek Thiel',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.achim],
  };
  foreignLead = {
    userId: 'tasks-lead-foreign',
    displayName: 'Vera Vogt',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.verden],
  };
  regionalNorth = {
    userId: 'tasks-rt-n',
    displayName: 'Rita Rolfs',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: teams.north,
  };
  regionalSouth = {
    userId: 'tasks-rt-s',
    displayName: 'Sven Sander',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: teams.south,
  };
  providerA = {
    userId: 'tasks-p-a',
    displayName: 'Fachkraft A',
    roles: [Role.PROVIDER],
    providerId: providers.a,
  };
  providerB = {
    userId: 'tasks-p-b',
    displayName: 'Fachkraft B',
    roles: [Role.PROVIDER],
    providerId: providers.b,
  };
});
afterAll(() => api?.close());

describe('myTasks', () => {
  it('refuses anonymous callers', async () => {
    const result = await api.gql(MY_TASKS, {}, { caller: null });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a team lead the needs to decide and plan and the calls past their deadline, only in its Sozialräume', async () => {
    const recorded = await need(areas.achim, 'RECORDED', 'Treffpunkt Achim');
    const insufficient = await need(areas.achim, 'RESOURCES_INSUFFICIENT', 'Hausaufgabenhilfe');
    const planned = await need(areas.achim, 'OFFER_PLANNED', 'Streetwork');
    const openNeed = await need(areas.achim, 'OPEN_FOR_APPLICATIONS', 'Elterncafé');
    await call(openNeed, new Date(Date.now() - HOUR));
    const stillOpen = await need(areas.achim, 'OPEN_FOR_APPLICATIONS', 'Ferienprogramm');
    await call(stillOpen, new Date(Date.now() + 24 * HOUR));
    const foreign = await need(areas.verden, 'RECORDED', 'Verden');
    const covered = await need(areas.achim, 'COVERED_BY_RESOURCES', 'Gedeckt');
    const ids = [recorded, insufficient, planned, openNeed, stillOpen, foreign, covered];

    const mine = await tasksOf(lead);
    expect(kindsOf(mine.tasks, ids)).toEqual(
      [
        `CLOSE_CALL:${openNeed}`,
        `DECIDE_NEED:${insufficient}`,
        `DECIDE_NEED:${recorded}`,
        `PLAN_OFFER:${planned}`,
      ].sort(),
    );
    const closeCall = mine.tasks.find((t) => t.kind === 'CLOSE_CALL')!;
    expect(closeCall).toMatchObject({ recordType: 'Need', path: `/bedarfe/${openNeed}`, overdue: true });
    expect(closeCall.title).toContain('Elterncafé');
    // Overdue first.
    expect(mine.tasks[0]!.overdue).toBe(true);
    expect(mine.tasks.find((t) => t.recordId === recorded)).toMatchObject({
      title: 'Bedarf entscheiden (Ressourcen im Sozialraum): Treffpunkt Achim',
      dueAt: null,
      overdue: false,
    });

    const theirs = await tasksOf(foreignLead);
    expect(kindsOf(theirs.tasks, ids)).toEqual([`DECIDE_NEED:${foreign}`]);
    // The administration sees the team leads' tasks everywhere.
    expect(kindsOf((await tasksOf(admin, 200)).tasks, ids)).toContain(`DECIDE_NEED:${foreign}`);
    // Finance, the committee and providers do not decide needs.
    for (const caller of [finance, committee, providerA, regionalNorth]) {
      expect(kindsOf((await tasksOf(caller, 200)).tasks, ids)).toEqual([]);
    }
  });

  it('shows a submitted application to score until the team lead has submitted an own score', async () => {
    const needId = await need(areas.achim, 'OPEN_FOR_APPLICATIONS');
    const callId = await call(needId, new Date(Date.now() + 24 * HOUR));
    const submitted = await application(callId, providers.a, 'SUBMITTED');
    const draft = await application(callId, providers.b, 'DRAFT');
    const ids = [submitted, draft];
    expect(kindsOf((await tasksOf(lead)).tasks, ids)).toEqual([`SCORE_APPLICATION:${submitted}`]);
    expect((await tasksOf(lead)).tasks.find((t) => t.recordId === submitted)).toMatchObject({
      recordType: 'Application',
      path: `/bewertungen/${submitted}`,
      title: 'Interessensbekundung bewerten: Aufgaben Träger A – Aufruf Jugendtreff',
    });
    expect(kindsOf((await tasksOf(foreignLead)).tasks, ids)).toEqual([]);

    const criteria = (
      await sql<{ id: string }>(
        `select id from form_version where form_key = 'criteria' and status = 'PUBLISHED'`,
      )
    )[0]!.id;
    // A draft score of its own does not finish the task; a submitted one does; another scorer's does not.
    const scoreOf = (scorerId: string, submittedAt: Date | null) =>
      insert('score', {
        application_id: submitted,
        scorer_id: scorerId,
        scorer_name: 'Test',
        criteria_version_id: criteria,
        data: '{}',
        submitted_at: submittedAt,
      });
    await scoreOf(lead.userId, null);
    await scoreOf('someone-else', new Date());
    expect(kindsOf((await tasksOf(lead)).tasks, ids)).toEqual([`SCORE_APPLICATION:${submitted}`]);
    await sql(`update score set submitted_at = now() where application_id = ? and scorer_id = ?`, [
      submitted,
      lead.userId,
    ]);
    expect(kindsOf((await tasksOf(lead)).tasks, ids)).toEqual([]);
    expect(kindsOf((await tasksOf(admin, 200)).tasks, ids)).toEqual([`SCORE_APPLICATION:${submitted}`]);
  });

  it('shows the Regionalteam the submitted applications of closed calls in its region', async () => {
    const closed = await need(areas.achim, 'CLOSED');
    const closedCall = await call(closed, new Date(Date.now() - HOUR));
    const toDecide = await application(closedCall, providers.a, 'SUBMITTED');
    const approved = await application(closedCall, providers.b, 'APPROVED');
    const open = await need(areas.achim, 'OPEN_FOR_APPLICATIONS');
    const notYet = await application(await call(open, new Date(Date.now() + HOUR)), providers.a, 'SUBMITTED');
    const ids = [toDecide, approved, notYet];
    const north = await tasksOf(regionalNorth);
    expect(kindsOf(north.tasks, ids)).toEqual([`DECIDE_APPLICATION:${toDecide}`]);
    expect(north.tasks.find((t) => t.recordId === toDecide)?.path).toBe(`/entscheidungen/${toDecide}`);
    expect(kindsOf((await tasksOf(regionalSouth)).tasks, ids)).toEqual([]);
    expect(kindsOf((await tasksOf(providerA)).tasks, ids)).toEqual([]);
  });

  it('shows finance the approved applications without a notice, until the offer exists', async () => {
    const needId = await need(areas.verden, 'CLOSED');
    const approved = await application(
      await call(needId, new Date(Date.now() - HOUR)),
      providers.b,
      'APPROVED',
    );
    const ids = [approved];
    expect(kindsOf((await tasksOf(finance, 200)).tasks, ids)).toEqual([`ISSUE_NOTICE:${approved}`]);
    expect(kindsOf((await tasksOf(admin, 200)).tasks, ids)).toEqual([`ISSUE_NOTICE:${approved}`]);
    expect(kindsOf((await tasksOf(lead)).tasks, ids)).toEqual([]);
    expect(kindsOf((await tasksOf(providerB)).tasks, ids)).toEqual([]);
    await insert('offer', {
      application_id: approved,
      need_id: needId,
      social_area_id: areas.verden,
      provider_id: providers.b,
      offer_category_id: categoryId,
      financing_kind: 'GRANT',
      title: 'Angebot',
      period_start: '2027-01-01',
      period_end: '2027-12-31',
      approved_amount: 100_000,
    });
    expect(kindsOf((await tasksOf(finance, 200)).tasks, ids)).toEqual([]);
  });

  it('shows provider staff only the own Träger’s change requests and drafts of open calls', async () => {
    const needId = await need(areas.achim, 'OPEN_FOR_APPLICATIONS');
    const callId = await call(needId, new Date(Date.now() + 48 * HOUR));
    const changes = await application(callId, providers.a, 'CHANGES_REQUESTED');
    const draft = await application(callId, providers.b, 'DRAFT');
    const late = await need(areas.achim, 'OPEN_FOR_APPLICATIONS');
    const lateDraft = await application(await call(late, new Date(Date.now() - HOUR)), providers.b, 'DRAFT');
    const ids = [changes, draft, lateDraft];

    const a = await tasksOf(providerA);
    expect(kindsOf(a.tasks, ids)).toEqual([`REVISE_APPLICATION:${changes}`]);
    expect(a.tasks.find((t) => t.recordId === changes)?.path).toBe(`/interessensbekundungen/${changes}`);
    const b = await tasksOf(providerB);
    expect(kindsOf(b.tasks, ids)).toEqual([`SUBMIT_APPLICATION:${draft}`]);
    const draftTask = b.tasks.find((t) => t.recordId === draft)!;
    expect(new Date(draftTask.dueAt!).getTime()).toBeGreaterThan(Date.now());
    expect(draftTask.overdue).toBe(false);
    // Provider staff's lists hold nothing of another Träger, in full.
    expect(a.tasks.every((t) => t.recordId !== draft && t.recordId !== lateDraft)).toBe(true);
  });

  it('shows evaluations: due or changes requested to the own Träger, submitted ones to review, overdue ones to finance', async () => {
    const offerOf = async (area: string, providerId: string) => {
      const needId = await need(area, 'CLOSED');
      const approved = await application(
        await call(needId, new Date(Date.now() - HOUR)),
        providerId,
        'APPROVED',
      );
      return insert('offer', {
        application_id: approved,
        need_id: needId,
        social_area_id: area,
        provider_id: providerId,
        offer_category_id: categoryId,
        financing_kind: 'GRANT',
        title: `Jugendtreff ${providerId === providers.a ? 'A' : 'B'}`,
        period_start: '2025-01-01',
        period_end: '2027-12-31',
        approved_amount: 100_000,
      });
    };
    const evaluation = (offerId: string, number: number, state: string, periodTo: string, dueDate: string) =>
      insert('evaluation', {
        offer_id: offerId,
        period_number: number,
        period_from: '2025-01-01',
        period_to: periodTo,
        due_date: dueDate,
        state,
        form_version_id: versions.offerDescription,
        data: '{}',
        submitted_at: state === 'SUBMITTED' ? new Date() : null,
      });
    const offerA = await offerOf(areas.achim, providers.a);
    const offerB = await offerOf(areas.verden, providers.b);
    const overdue = await evaluation(offerA, 1, 'DUE', '2025-06-30', '2025-07-31');
    const submitted = await evaluation(offerA, 2, 'SUBMITTED', '2025-12-31', '2026-01-31');
    const future = await evaluation(offerA, 3, 'DUE', '2099-06-30', '2099-07-31');
    const changes = await evaluation(offerB, 1, 'CHANGES_REQUESTED', '2025-06-30', '2099-07-31');
    const ids = [overdue, submitted, future, changes];

    const a = await tasksOf(providerA);
    expect(kindsOf(a.tasks, ids)).toEqual([`SUBMIT_EVALUATION:${overdue}`]);
    expect(a.tasks.find((t) => t.recordId === overdue)).toMatchObject({
      recordType: 'Evaluation',
      path: `/evaluationen/${overdue}`,
      title: 'Evaluation einreichen: Jugendtreff A, Zeitraum 1',
      dueAt: '2025-07-31T00:00:00.000Z',
      overdue: true,
    });
    expect(a.tasks[0]!.overdue).toBe(true);
    expect(kindsOf((await tasksOf(providerB)).tasks, ids)).toEqual([`SUBMIT_EVALUATION:${changes}`]);
    expect(kindsOf((await tasksOf(lead)).tasks, ids)).toEqual([`REVIEW_EVALUATION:${submitted}`]);
    expect(kindsOf((await tasksOf(foreignLead)).tasks, ids)).toEqual([]);
    expect(kindsOf((await tasksOf(finance, 200)).tasks, ids)).toEqual([`OVERDUE_EVALUATION:${overdue}`]);
    expect(kindsOf((await tasksOf(admin, 200)).tasks, ids)).toEqual(
      [`OVERDUE_EVALUATION:${overdue}`, `REVIEW_EVALUATION:${submitted}`].sort(),
    );
  });

  it('lists at most `limit` tasks, the most urgent first, and counts them all', async () => {
    const before = await tasksOf(lead, 200);
    for (let i = 0; i < 3; i += 1) await need(areas.achim, 'RECORDED', `Mehr ${i}`);
    const all = await tasksOf(lead, 200);
    expect(all.totalCount).toBe(before.totalCount + 3);
    expect(all.tasks).toHaveLength(all.totalCount);
    const two = await tasksOf(lead, 2);
    expect(two.totalCount).toBe(all.totalCount);
    expect(two.tasks.map((t) => t.id)).toEqual(all.tasks.slice(0, 2).map((t) => t.id));
    const decide = await api.gql<{ myTasks: { totalCount: number; tasks: TaskRow[] } }>(
      'query { myTasks(limit: 200, kinds: [DECIDE_NEED]) { totalCount tasks { kind } } }',
      {},
      { caller: lead },
    );
    expect(decide.data!.myTasks.tasks.length).toBe(decide.data!.myTasks.totalCount);
    expect(decide.data!.myTasks.tasks.every((t) => t.kind === 'DECIDE_NEED')).toBe(true);
    expect(decide.data!.myTasks.totalCount).toBeGreaterThanOrEqual(3);
    expect(decide.data!.myTasks.totalCount).toBeLessThan(all.totalCount);
    const none = await tasksOf(lead, 0);
    expect(none).toEqual({ totalCount: all.totalCount, tasks: [] });
    const tooMany = await api.gql(MY_TASKS, { limit: 201 }, { caller: lead });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
