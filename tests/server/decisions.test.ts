import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { splitByBudgetYear } from '../../server/src/decisions/budget-split.js';
import { feeAmount } from '../../server/src/decisions/decision.service.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const areas = { achim: '', verden: '' };
const providers = { a: '', b: '' };
const categories = { grant: '', fee: '' };
let regionalNorth: Caller;
let regionalSouth: Caller;
let lead: Caller;
let providerA: Caller;
const admin: Caller = { userId: 'dec-admin', displayName: 'Anna Adler', roles: [Role.ADMIN] };
const finance: Caller = { userId: 'dec-finance', displayName: 'Frank Fehse', roles: [Role.FINANCE] };
const versions = { offer: '', cost: '' };

beforeAll(async () => {
  api = await startTestApi();
  const north = await insert('regional_team', { name: 'Entscheidung Nord' });
  const south = await insert('regional_team', { name: 'Entscheidung Süd' });
  areas.achim = await insert('social_area', { name: 'Entscheidung Achim', regional_team_id: north });
  areas.verden = await insert('social_area', { name: 'Entscheidung Verden', regional_team_id: south });
  providers.a = await insert('provider', { name: 'Entscheidung Träger A' });
  providers.b = await insert('provider', { name: 'Entscheidung Träger B' });
  categories.grant = await insert('offer_category', { name: 'Entscheidung Offen', financing_kind: 'GRANT' });
  categories.fee = await insert('offer_category', { name: 'Entscheidung Gruppe', financing_kind: 'FEE' });
  for (const year of [2026, 2027, 2028])
    await insert('budget_year', { year, starts_on: `${year}-01-01`, ends_on: `${year}-12-31` });
  await insert('budget_year', { year: 2024, starts_on: '2024-01-01', ends_on: '2024-12-31', closed: true });
  regionalNorth = {
    userId: 'dec-rt-n',
    displayName: 'Rita Rolfs',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: north,
  };
  regionalSouth = {
    userId: 'dec-rt-s',
    displayName: 'Sven Sander',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: south,
  };
  lead = {
    userId: 'dec-lead',
    displayName: 'Tarek Thiel',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.achim],
  };
  providerA = {
    userId: 'dec-p-a',
    displayName: 'Fachkraft A',
    roles: [Role.PROVIDER],
    providerId: providers.a,
  };
  const rows = await sql<{ id: string; form_key: string }>(
    `select id, form_key from form_version where status = 'PUBLISHED' and form_key in ('offer-description', 'cost-calculation')`,
  );
  versions.offer = rows.find((row) => row.form_key === 'offer-description')!.id;
  versions.cost = rows.find((row) => row.form_key === 'cost-calculation')!.id;
});
afterAll(() => api?.close());

let counter = 0;

/** A submitted application (revision 1 with `requested` cents) for a closed call of a need in `area` (null: kreisweit). */
async function submittedApplication(
  options: { area?: string | null; provider?: string; requested?: number; category?: string } = {},
): Promise<{ id: string; needId: string }> {
  counter += 1;
  const area = options.area === undefined ? areas.achim : options.area;
  const needId = await insert('need', {
    social_area_id: area,
    title: `Entscheidung Bedarf ${counter}`,
    situation_description: 'Lage',
    created_by_name: 'Test',
    state: 'CLOSED',
    outcome: 'OFFER',
  });
  const callId = await insert('call_for_interest', {
    need_id: needId,
    title: `Entscheidung Aufruf ${counter}`,
    deadline: new Date(Date.now() - 3_600_000),
    open_to_all: true,
    invited_provider_ids: '{}',
    offer_category_id: options.category ?? categories.grant,
    opened_by_name: 'Test',
  });
  const data = JSON.stringify({
    title: `Angebot ${counter}`,
    goals: [{ goal: 'Ziel', indicator: 'Indikator' }],
  });
  const id = await insert('application', {
    call_id: callId,
    provider_id: options.provider ?? providers.a,
    state: 'SUBMITTED',
    offer_description_version_id: versions.offer,
    cost_calculation_version_id: versions.cost,
    offer_description_data: data,
    cost_calculation_data: '{}',
    created_by_name: 'Test',
    submitted_at: new Date(),
  });
  await insert('application_revision', {
    application_id: id,
    number: 1,
    offer_description_data: data,
    cost_calculation_data: '{}',
    requested_amount: options.requested ?? 1_000_000,
    submitted_at: new Date(),
    submitted_by_name: 'Test',
  });
  return { id, needId };
}

const DECISION_FIELDS = `id outcome justification decidedByName approvedAmount periodStart periodEnd financingKind
  feeHours hourlyRate budgetWarning applicationRevisionNumber application { id state revision }`;
const APPROVE = `mutation($input: ApproveApplicationInput!) { approveApplication(input: $input) { ${DECISION_FIELDS} } }`;
const REJECT = `mutation($input: RejectApplicationInput!) { rejectApplication(input: $input) { ${DECISION_FIELDS} } }`;
const SET_ALLOCATION = `mutation($input: ChangeBudgetAllocationInput!) {
  changeBudgetAllocation(input: $input) { id amount budgetYear reason }
}`;
const BUDGET_CHECK = `query($applicationId: UUID!, $amount: Float!, $periodStart: String!, $periodEnd: String!) {
  budgetCheck(applicationId: $applicationId, amount: $amount, periodStart: $periodStart, periodEnd: $periodEnd) {
    year allocation approvedSoFar amount remaining exceeds
  }
}`;

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
) {
  const { data, errors } = await api.gql<T>(query, variables, { caller });
  expect(errors).toBeUndefined();
  return data!;
}

async function refused(query: string, variables: Record<string, unknown>, caller: Caller) {
  const { errors } = await api.gql(query, variables, { caller });
  expect(errors).toBeDefined();
  return errors![0]!;
}

const approval = (id: string, extra: Record<string, unknown> = {}) => ({
  input: {
    applicationId: id,
    revision: 1,
    amount: 800_000,
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    justification: 'Passt zum Bedarf.',
    ...extra,
  },
});

/** What a refused decision must leave as it was. */
async function stateOf(id: string) {
  return {
    application: await sql(`select state, revision, updated_at from application where id = ?`, [id]),
    decisions: await sql(`select * from application_decision where application_id = ?`, [id]),
    events: await sql(
      `select operation from audit_event where entity_id = ? and outcome = 'SUCCESS' and operation in ('approveApplication', 'rejectApplication')`,
      [id],
    ),
  };
}

describe('budget split', () => {
  it('splits by days to the cent, the remainder on the last year, and the shares add up', () => {
    // 2026-07-01..2027-06-30: 184 days in 2026, 181 in 2027, 365 in all.
    const shares = splitByBudgetYear(1_000_001, '2026-07-01', '2027-06-30');
    expect(shares).toEqual([
      { year: 2026, days: 184, amount: Math.floor((1_000_001 * 184) / 365) },
      { year: 2027, days: 181, amount: 1_000_001 - Math.floor((1_000_001 * 184) / 365) },
    ]);
    expect(shares[0]!.amount).toBe(504_110);
    expect(shares[1]!.amount).toBe(495_891);
    const three = splitByBudgetYear(999_999, '2026-12-31', '2028-01-01');
    expect(three.map((share) => share.days)).toEqual([1, 365, 1]);
    expect(three.reduce((sum, share) => sum + share.amount, 0)).toBe(999_999);
  });

  it('computes § 77 amounts as hours × rate rounded to the cent', () => {
    expect(feeAmount(187.5, 6250)).toBe(1_171_875);
    expect(feeAmount(0.33, 3333)).toBe(1100); // 1099.89 rounds up
    expect(feeAmount(10.01, 4999)).toBe(50_040); // 50039.99
  });
});

describe('approveApplication', () => {
  it('the Regionalteam of the Sozialraum approves with amount, period, financing kind of the call and justification', async () => {
    const { id } = await submittedApplication();
    const before = await ok(
      `query($id: UUID!) { application(id: $id) { viewerCanDecide decision { id } } }`,
      { id },
      regionalNorth,
    );
    expect(before.application).toEqual({ viewerCanDecide: true, decision: null });
    const decision = (await ok(APPROVE, approval(id), regionalNorth)).approveApplication;
    expect(decision).toMatchObject({
      outcome: 'APPROVED',
      justification: 'Passt zum Bedarf.',
      decidedByName: 'Rita Rolfs',
      approvedAmount: 800_000,
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      financingKind: 'GRANT',
      feeHours: null,
      hourlyRate: null,
      applicationRevisionNumber: 1,
      application: { id, state: 'APPROVED', revision: 2 },
    });
    const [event] = await sql(
      `select role, justification, details from audit_event where operation = 'approveApplication' and entity_id = ?`,
      [id],
    );
    expect(event).toMatchObject({ role: 'REGIONAL_TEAM', justification: 'Passt zum Bedarf.' });
    expect(event!.details.after).toMatchObject({
      state: 'APPROVED',
      amount: 800_000,
      financingKind: 'GRANT',
    });
    const after = await ok(
      `query($id: UUID!) { application(id: $id) { viewerCanDecide decision { id outcome } } }`,
      { id },
      providerA,
    );
    expect(after.application).toEqual({
      viewerCanDecide: false,
      decision: { id: decision.id, outcome: 'APPROVED' },
    });
  });

  it('refuses an amount above the requested amount of the latest revision, and stores nothing', async () => {
    const { id } = await submittedApplication({ requested: 500_000 });
    const before = await stateOf(id);
    const error = await refused(APPROVE, approval(id, { amount: 500_001 }), regionalNorth);
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.extensions?.fields).toEqual([
      { argument: 'amount', message: expect.stringContaining('5.000,00 €') },
    ]);
    expect(await stateOf(id)).toEqual(before);
  });

  it('§ 77: requires hours and rate, and the amount must equal hours × rate (to the cent)', async () => {
    const { id } = await submittedApplication({ category: categories.fee, requested: 2_000_000 });
    const before = await stateOf(id);
    const missing = await refused(APPROVE, approval(id), regionalNorth);
    expect(missing.extensions?.fields.map((f: any) => f.argument).sort()).toEqual(['feeHours', 'hourlyRate']);
    const wrong = await refused(
      APPROVE,
      approval(id, { feeHours: 187.5, hourlyRate: 6250, amount: 1_171_800 }),
      regionalNorth,
    );
    expect(wrong.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.extensions?.fields[0]).toMatchObject({ argument: 'amount' });
    expect(wrong.extensions?.fields[0].message).toContain('Stunden × Stundensatz');
    expect(wrong.extensions?.fields[0].message).toContain('11.718,75 €');
    expect(await stateOf(id)).toEqual(before);
    const decision = (
      await ok(APPROVE, approval(id, { feeHours: 187.5, hourlyRate: 6250, amount: 1_171_875 }), regionalNorth)
    ).approveApplication;
    expect(decision).toMatchObject({
      financingKind: 'FEE',
      feeHours: 187.5,
      hourlyRate: 6250,
      approvedAmount: 1_171_875,
    });
  });

  it('refuses hours and rate for a Kreiszuschuss, a period ending before it starts and a closed budget year', async () => {
    const { id } = await submittedApplication();
    const before = await stateOf(id);
    const grant = await refused(APPROVE, approval(id, { feeHours: 10, hourlyRate: 100 }), regionalNorth);
    expect(grant.extensions?.fields[0]).toMatchObject({ argument: 'feeHours' });
    const backwards = await refused(
      APPROVE,
      approval(id, { periodStart: '2027-12-31', periodEnd: '2027-01-01' }),
      regionalNorth,
    );
    expect(backwards.extensions?.fields[0]).toMatchObject({ argument: 'periodEnd' });
    const closed = await refused(
      APPROVE,
      approval(id, { periodStart: '2024-06-01', periodEnd: '2026-05-31' }),
      regionalNorth,
    );
    expect(closed.extensions?.fields[0].message).toContain('2024');
    const noReason = await refused(APPROVE, approval(id, { justification: '   ' }), regionalNorth);
    expect(noReason.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await stateOf(id)).toEqual(before);
  });

  it('a stale revision is CONFLICT/STALE_REVISION and changes nothing', async () => {
    const { id } = await submittedApplication();
    await sql(`update application set revision = 2 where id = ?`, [id]);
    const before = await stateOf(id);
    const error = await refused(APPROVE, approval(id), regionalNorth);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVISION' });
    expect(await stateOf(id)).toEqual(before);
  });

  it('wrong roles are FORBIDDEN, a foreign Regionalteam does not find it; nothing changes', async () => {
    const { id } = await submittedApplication();
    const before = await stateOf(id);
    for (const caller of [lead, finance, admin, providerA]) {
      expect((await refused(APPROVE, approval(id), caller)).extensions?.code).toBe('FORBIDDEN');
      expect(
        (await refused(REJECT, { input: { applicationId: id, revision: 1, justification: 'x' } }, caller))
          .extensions?.code,
      ).toBe('FORBIDDEN');
    }
    expect((await refused(APPROVE, approval(id), regionalSouth)).extensions?.code).toBe('NOT_FOUND');
    expect(await stateOf(id)).toEqual(before);
  });

  it('an application that is not submitted cannot be decided (INVALID_TRANSITION), nor decided twice', async () => {
    const { id } = await submittedApplication();
    await ok(
      REJECT,
      { input: { applicationId: id, revision: 1, justification: 'Anderes Angebot passt besser.' } },
      regionalNorth,
    );
    const before = await stateOf(id);
    const error = await refused(APPROVE, approval(id, { revision: 2 }), regionalNorth);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(await stateOf(id)).toEqual(before);
    expect(before.decisions).toHaveLength(1);
    expect(before.decisions[0]).toMatchObject({ outcome: 'REJECTED', approved_amount: null });
  });

  it('kreisweit: any Regionalteam decides; the budget check shows the shares and never warns', async () => {
    const { id } = await submittedApplication({ area: null });
    const years = (
      await ok(
        BUDGET_CHECK,
        { applicationId: id, amount: 100_000, periodStart: '2027-01-01', periodEnd: '2027-12-31' },
        regionalSouth,
      )
    ).budgetCheck;
    expect(years).toEqual([
      { year: 2027, allocation: null, approvedSoFar: 0, amount: 100_000, remaining: null, exceeds: false },
    ]);
    const decision = (await ok(APPROVE, approval(id, { amount: 100_000 }), regionalSouth)).approveApplication;
    expect(decision.budgetWarning).toBe(false);
  });
});

describe('Sozialraumbudget, budget check and warning', () => {
  it('splits a period across two budget years to the cent and warns when the approval exceeds what is left', async () => {
    const area = await insert('social_area', {
      name: 'Entscheidung Oyten',
      regional_team_id: regionalNorth.regionalTeamId,
    });
    for (const [year, amount] of [
      [2026, 600_000],
      [2027, 900_000],
    ] as const)
      await ok(SET_ALLOCATION, { input: { socialAreaId: area, year, amount, reason: 'Plan' } }, admin);
    const first = await submittedApplication({ area, requested: 1_000_001 });
    const check = (
      await ok(
        BUDGET_CHECK,
        { applicationId: first.id, amount: 1_000_001, periodStart: '2026-07-01', periodEnd: '2027-06-30' },
        regionalNorth,
      )
    ).budgetCheck;
    expect(check).toEqual([
      {
        year: 2026,
        allocation: 600_000,
        approvedSoFar: 0,
        amount: 504_110,
        remaining: 95_890,
        exceeds: false,
      },
      {
        year: 2027,
        allocation: 900_000,
        approvedSoFar: 0,
        amount: 495_891,
        remaining: 404_109,
        exceeds: false,
      },
    ]);
    const within = (
      await ok(
        APPROVE,
        approval(first.id, { amount: 1_000_001, periodStart: '2026-07-01', periodEnd: '2027-06-30' }),
        regionalNorth,
      )
    ).approveApplication;
    expect(within.budgetWarning).toBe(false);

    const second = await submittedApplication({ area, requested: 500_000 });
    const secondCheck = (
      await ok(
        BUDGET_CHECK,
        { applicationId: second.id, amount: 200_000, periodStart: '2026-01-01', periodEnd: '2026-12-31' },
        regionalNorth,
      )
    ).budgetCheck;
    expect(secondCheck).toEqual([
      {
        year: 2026,
        allocation: 600_000,
        approvedSoFar: 504_110,
        amount: 200_000,
        remaining: -104_110,
        exceeds: true,
      },
    ]);
    // Providers never see budget figures; a foreign Regionalteam does not find the application.
    expect(
      (
        await refused(
          BUDGET_CHECK,
          { applicationId: second.id, amount: 1, periodStart: '2026-01-01', periodEnd: '2026-01-31' },
          providerA,
        )
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await refused(
          BUDGET_CHECK,
          { applicationId: second.id, amount: 1, periodStart: '2026-01-01', periodEnd: '2026-01-31' },
          regionalSouth,
        )
      ).extensions?.code,
    ).toBe('NOT_FOUND');

    const over = (
      await ok(
        APPROVE,
        approval(second.id, { amount: 200_000, periodStart: '2026-01-01', periodEnd: '2026-12-31' }),
        regionalNorth,
      )
    ).approveApplication;
    expect(over.budgetWarning).toBe(true);
    const [event] = await sql(
      `select details from audit_event where operation = 'approveApplication' and entity_id = ?`,
      [second.id],
    );
    expect(event!.details.after).toMatchObject({ budgetWarning: true, budgetExceededYears: [2026] });
    const [row] = await sql(`select budget_warning from application_decision where application_id = ?`, [
      second.id,
    ]);
    expect(row!.budget_warning).toBe(true);
    const providerView = await ok(
      `query($id: UUID!) { application(id: $id) { decision { budgetWarning } } }`,
      { id: second.id },
      { ...providerA },
    );
    expect(providerView.application.decision).toEqual({ budgetWarning: null });
  });

  it('applicationsAwaitingDecision lists the submitted applications in the caller’s scope, for the office only', async () => {
    const north = await submittedApplication();
    const south = await submittedApplication({ area: areas.verden });
    const QUERY = `query { applicationsAwaitingDecision { id viewerCanDecide } }`;
    const northIds = (await ok(QUERY, {}, regionalNorth)).applicationsAwaitingDecision.map((a: any) => a.id);
    expect(northIds).toContain(north.id);
    expect(northIds).not.toContain(south.id);
    expect((await refused(QUERY, {}, providerA)).extensions?.code).toBe('FORBIDDEN');
  });
});
