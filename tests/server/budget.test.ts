import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { splitByBudgetYear } from '../../server/src/decisions/budget-split.js';
import { feeAmount } from '../../server/src/decisions/decision.service.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { refusal, withRuntimeRole } from '../support/runtime-role.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const admin: Caller = { userId: 'budget-admin', displayName: 'Anna Adler', roles: [Role.ADMIN] };
const finance: Caller = { userId: 'budget-finance', displayName: 'Frank Fehse', roles: [Role.FINANCE] };
const committee: Caller = {
  userId: 'budget-committee',
  displayName: 'Greta Gremium',
  roles: [Role.COMMITTEE],
};
let regional: Caller;
let provider: Caller;
const ids = { team: '', area: '', provider: '', grant: '', fee: '', offerVersion: '', costVersion: '' };

beforeAll(async () => {
  api = await startTestApi();
  ids.team = await insert('regional_team', { name: 'Budget Nord' });
  ids.area = await insert('social_area', { name: 'Budget Achim', regional_team_id: ids.team });
  ids.provider = await insert('provider', { name: 'Budget Träger' });
  ids.grant = await insert('offer_category', { name: 'Budget Zuschuss', financing_kind: 'GRANT' });
  ids.fee = await insert('offer_category', { name: 'Budget Gruppe', financing_kind: 'FEE' });
  for (const year of [2026, 2027, 2028])
    await insert('budget_year', { year, starts_on: `${year}-01-01`, ends_on: `${year}-12-31` });
  regional = {
    userId: 'budget-rt',
    displayName: 'Rita Rolfs',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: ids.team,
  };
  provider = { userId: 'budget-p', displayName: 'Paula', roles: [Role.PROVIDER], providerId: ids.provider };
  const rows = await sql<{ id: string; form_key: string }>(
    `select id, form_key from form_version where status = 'PUBLISHED' and form_key in ('offer-description', 'cost-calculation')`,
  );
  ids.offerVersion = rows.find((row) => row.form_key === 'offer-description')!.id;
  ids.costVersion = rows.find((row) => row.form_key === 'cost-calculation')!.id;
});
afterAll(() => api?.close());

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
) {
  const { data, errors } = await api.gql<T>(query, variables, { caller });
  expect(errors).toBeUndefined();
  return data as any;
}

async function refused(query: string, variables: Record<string, unknown>, caller: Caller) {
  const { data, errors } = await api.gql(query, variables, { caller });
  expect(data ?? null).toBeNull();
  expect(errors).toHaveLength(1);
  return errors![0]!;
}

let counter = 0;

/** A submitted application for a closed call of a need in `area` (null: kreisweit). */
async function submittedApplication(options: {
  area?: string | null;
  category?: string;
  requested?: number;
}) {
  counter += 1;
  const needId = await insert('need', {
    social_area_id: options.area === undefined ? ids.area : options.area,
    title: `Budget Bedarf ${counter}`,
    situation_description: 'Lage',
    created_by_name: 'Test',
    state: 'CLOSED',
    outcome: 'OFFER',
  });
  const callId = await insert('call_for_interest', {
    need_id: needId,
    title: `Budget Aufruf ${counter}`,
    deadline: new Date(Date.now() - 3_600_000),
    open_to_all: true,
    invited_provider_ids: '{}',
    offer_category_id: options.category ?? ids.grant,
    opened_by_name: 'Test',
  });
  const data = JSON.stringify({
    title: `Budget Angebot ${counter}`,
    goals: [{ goal: 'Ziel', indicator: 'Indikator' }],
  });
  const id = await insert('application', {
    call_id: callId,
    provider_id: ids.provider,
    state: 'SUBMITTED',
    offer_description_version_id: ids.offerVersion,
    cost_calculation_version_id: ids.costVersion,
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
    requested_amount: options.requested ?? 10_000_000,
    submitted_at: new Date(),
    submitted_by_name: 'Test',
  });
  return id;
}

const APPROVE = `mutation($input: ApproveApplicationInput!) { approveApplication(input: $input) { id budgetWarning } }`;
const ISSUE = `mutation($id: UUID!, $date: String) { issueNotice(applicationId: $id, noticeDate: $date) { id offer { id } } }`;
const CHANGE = `mutation($input: ChangeBudgetAllocationInput!) { changeBudgetAllocation(input: $input) { id kind amount budgetYear bookedOn reason createdByName } }`;
const OVERVIEW = `query($year: Int!) { budgetOverview(year: $year) {
  areas { socialAreaId allocated committed committedGrant committedFee paid paidGrant paidFee remaining }
  allocations { amount reason socialAreaId } } }`;
const FUNDS = `query($id: UUID!) { offer(id: $id) { funds { committed paid open entries { id kind amount budgetYear feeHours hourlyRate correctsEntryId } } } }`;
const FEE_PAYMENT = `mutation($input: RecordFeePaymentInput!) { recordFeePayment(input: $input) { id kind amount budgetYear feeHours hourlyRate periodFrom periodTo } }`;
const GRANT_PAYMENT = `mutation($input: RecordGrantPaymentInput!) { recordGrantPayment(input: $input) { id amount budgetYear } }`;
const CANCEL = `mutation($input: OfferAmountWithReasonInput!) { cancelCommitment(input: $input) { id amount budgetYear } }`;
const REPAY = `mutation($input: OfferAmountWithReasonInput!) { recordRepayment(input: $input) { id amount budgetYear } }`;
const CORRECT = `mutation($input: CorrectLedgerEntryInput!) { correctLedgerEntry(input: $input) { id kind amount budgetYear correctsEntryId } }`;

/** An offer from an approved application with its notice: `amount` over the period, in `area`. */
async function offerWithNotice(options: {
  amount: number;
  periodStart: string;
  periodEnd: string;
  area?: string | null;
  fee?: { hours: number; rate: number };
}): Promise<{ offerId: string; noticeId: string }> {
  const applicationId = await submittedApplication({
    area: options.area,
    category: options.fee ? ids.fee : ids.grant,
    requested: options.amount,
  });
  await ok(
    APPROVE,
    {
      input: {
        applicationId,
        revision: 1,
        amount: options.amount,
        periodStart: options.periodStart,
        periodEnd: options.periodEnd,
        feeHours: options.fee?.hours ?? null,
        hourlyRate: options.fee?.rate ?? null,
        justification: 'Passt.',
      },
    },
    regional,
  );
  const issued = (await ok(ISSUE, { id: applicationId, date: options.periodStart }, finance)).issueNotice;
  return { offerId: issued.offer.id, noticeId: issued.id };
}

const ledgerRows = (offerId: string) =>
  sql(
    `select id, kind, amount::bigint::text as amount from ledger_entry where offer_id = ? order by created_at, id`,
    [offerId],
  );

describe('Sozialraumbudget', () => {
  it('an allocation change is an entry of the difference with its reason; no-ops and missing reasons are refused', async () => {
    const area = await insert('social_area', { name: 'Budget Oyten', regional_team_id: ids.team });
    const first = (
      await ok(
        CHANGE,
        { input: { socialAreaId: area, year: 2027, amount: 5_000_000, reason: 'Haushaltsplan 2027' } },
        finance,
      )
    ).changeBudgetAllocation;
    expect(first).toMatchObject({
      kind: 'ALLOCATION',
      amount: 5_000_000,
      budgetYear: 2027,
      bookedOn: '2027-01-01',
      reason: 'Haushaltsplan 2027',
      createdByName: 'Frank Fehse',
    });
    const second = (
      await ok(
        CHANGE,
        {
          input: {
            socialAreaId: area,
            year: 2027,
            amount: 4_250_000,
            reason: 'Kürzung laut Nachtragshaushalt',
          },
        },
        admin,
      )
    ).changeBudgetAllocation;
    expect(second.amount).toBe(-750_000);

    const same = await refused(
      CHANGE,
      { input: { socialAreaId: area, year: 2027, amount: 4_250_000, reason: 'Nochmal' } },
      admin,
    );
    expect(same.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ argument: 'amount' }] });
    expect(same.message).toMatch(/beträgt bereits 42\.500,00 €/);
    const noReason = await refused(
      CHANGE,
      { input: { socialAreaId: area, year: 2027, amount: 1, reason: '  ' } },
      admin,
    );
    expect(noReason.extensions?.code).toBe('BAD_USER_INPUT');
    const missingYear = await refused(
      CHANGE,
      { input: { socialAreaId: area, year: 2031, amount: 1, reason: 'x' } },
      admin,
    );
    expect(missingYear.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ argument: 'year' }] });
    for (const caller of [committee, regional, provider])
      expect(
        (await refused(CHANGE, { input: { socialAreaId: area, year: 2027, amount: 1, reason: 'x' } }, caller))
          .extensions?.code,
      ).toBe('FORBIDDEN');

    const entries = await sql(
      `select amount::text, reason from ledger_entry where social_area_id = ? order by created_at`,
      [area],
    );
    expect(entries).toEqual([
      { amount: '5000000', reason: 'Haushaltsplan 2027' },
      { amount: '-750000', reason: 'Kürzung laut Nachtragshaushalt' },
    ]);
    const overview = (await ok(OVERVIEW, { year: 2027 }, committee)).budgetOverview;
    expect(overview.areas.find((row: any) => row.socialAreaId === area)).toMatchObject({
      allocated: 4_250_000,
      committed: 0,
      remaining: 4_250_000,
    });
    expect(
      overview.allocations.filter((row: any) => row.socialAreaId === area).map((row: any) => row.reason),
    ).toEqual(['Kürzung laut Nachtragshaushalt', 'Haushaltsplan 2027']);
    const events = await sql(
      `select role, justification, details from audit_event where operation = 'changeBudgetAllocation' and details->>'socialAreaId' = ? order by occurred_at`,
      [area],
    );
    expect(events.map((event) => [event.role, event.justification, event.details.after.allocated])).toEqual([
      ['FINANCE', 'Haushaltsplan 2027', 5_000_000],
      ['ADMIN', 'Kürzung laut Nachtragshaushalt', 4_250_000],
    ]);
    expect((await refused(OVERVIEW, { year: 2027 }, provider)).extensions?.code).toBe('FORBIDDEN');
  });
});

describe('commitments, payments and corrections', () => {
  it('a notice commits each budget year share to the cent, in its transaction; the budget check and a later decision see it', async () => {
    const area = await insert('social_area', { name: 'Budget Langwedel', regional_team_id: ids.team });
    for (const year of [2026, 2027])
      await ok(CHANGE, { input: { socialAreaId: area, year, amount: 1_000_000, reason: 'Plan' } }, admin);
    const amount = 1_000_001;
    const { offerId, noticeId } = await offerWithNotice({
      amount,
      periodStart: '2026-07-01',
      periodEnd: '2027-06-30',
      area,
    });
    const shares = splitByBudgetYear(amount, '2026-07-01', '2027-06-30');
    const rows = await sql(
      `select kind, amount::text, budget_year, to_char(booked_on, 'YYYY-MM-DD') as booked_on, notice_id, financing_kind, social_area_id, regional_team_id
         from ledger_entry where offer_id = ? order by budget_year`,
      [offerId],
    );
    expect(rows).toEqual(
      shares.map((share) => ({
        kind: 'COMMITMENT',
        amount: String(share.amount),
        budget_year: share.year,
        booked_on: share.year === 2026 ? '2026-07-01' : '2027-01-01',
        notice_id: noticeId,
        financing_kind: 'GRANT',
        social_area_id: area,
        regional_team_id: ids.team,
      })),
    );
    expect(rows.reduce((sum, row) => sum + Number(row.amount), 0)).toBe(amount);
    // What the decision still leaves: a second approval of 600.000 ct in 2026 overdraws the Sozialraum.
    const [committed2026] = shares;
    const second = await submittedApplication({ area, requested: 600_000 });
    const check = (
      await ok(
        `query($id: UUID!) { budgetCheck(applicationId: $id, amount: 600000, periodStart: "2026-01-01", periodEnd: "2026-12-31") { year allocation approvedSoFar remaining exceeds } }`,
        { id: second },
        regional,
      )
    ).budgetCheck;
    expect(check).toEqual([
      {
        year: 2026,
        allocation: 1_000_000,
        approvedSoFar: committed2026!.amount,
        remaining: 1_000_000 - committed2026!.amount - 600_000,
        exceeds: true,
      },
    ]);
    const decision = (
      await ok(
        APPROVE,
        {
          input: {
            applicationId: second,
            revision: 1,
            amount: 600_000,
            periodStart: '2026-01-01',
            periodEnd: '2026-12-31',
            justification: 'Trotzdem',
          },
        },
        regional,
      )
    ).approveApplication;
    expect(decision.budgetWarning).toBe(true);
    const overview = (await ok(OVERVIEW, { year: 2026 }, finance)).budgetOverview;
    expect(overview.areas.find((row: any) => row.socialAreaId === area)).toMatchObject({
      allocated: 1_000_000,
      committed: committed2026!.amount,
      committedGrant: committed2026!.amount,
      committedFee: 0,
      remaining: 1_000_000 - committed2026!.amount,
    });
  });

  it('§ 77: a payment is hours × the offer’s rate to the cent; more than committed is refused and nothing is stored', async () => {
    const hours = 160;
    const rate = 6_237;
    const { offerId } = await offerWithNotice({
      amount: feeAmount(hours, rate),
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      fee: { hours, rate },
    });
    const paid = (
      await ok(
        FEE_PAYMENT,
        {
          input: {
            offerId,
            periodFrom: '2027-01-01',
            periodTo: '2027-03-31',
            hours: 37.33,
            note: '1. Quartal',
          },
        },
        finance,
      )
    ).recordFeePayment;
    expect(paid).toMatchObject({
      kind: 'PAYMENT',
      amount: feeAmount(37.33, rate),
      budgetYear: 2027,
      feeHours: 37.33,
      hourlyRate: rate,
      periodFrom: '2027-01-01',
      periodTo: '2027-03-31',
    });
    expect(paid.amount).toBe(232_827); // 37,33 h × 62,37 € = 2.328,2721 € → 2.328,27 €

    const before = await ledgerRows(offerId);
    const over = await refused(
      FEE_PAYMENT,
      { input: { offerId, periodFrom: '2027-04-01', periodTo: '2027-12-31', hours: 130 } },
      finance,
    );
    expect(over.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXCEEDS_COMMITMENT' });
    expect(over.message).toMatch(/übersteigt/);
    const outside = await refused(
      FEE_PAYMENT,
      { input: { offerId, periodFrom: '2028-01-01', periodTo: '2028-01-31', hours: 1 } },
      finance,
    );
    expect(outside.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ argument: 'periodFrom' }],
    });
    const grant = await refused(
      GRANT_PAYMENT,
      { input: { offerId, amount: 1, bookedOn: '2027-05-01' } },
      finance,
    );
    expect(grant.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ argument: 'offerId' }] });
    expect(await ledgerRows(offerId)).toEqual(before);
    expect(
      (
        await refused(
          FEE_PAYMENT,
          { input: { offerId, periodFrom: '2027-04-01', periodTo: '2027-04-30', hours: 1 } },
          admin,
        )
      ).extensions?.code,
    ).toBe('FORBIDDEN');

    const funds = (await ok(FUNDS, { id: offerId }, committee)).offer.funds;
    expect(funds).toMatchObject({
      committed: feeAmount(hours, rate),
      paid: 232_827,
      open: feeAmount(hours, rate) - 232_827,
    });
    expect((await ok(FUNDS, { id: offerId }, provider)).offer.funds).toBeNull();
  });

  it('§ 74 tranches, cancellation, repayment and corrections as exact counter-entries, never beyond what is committed or paid', async () => {
    const { offerId } = await offerWithNotice({
      amount: 1_200_000,
      periodStart: '2027-01-01',
      periodEnd: '2028-12-31',
    });
    const tranche = (
      await ok(
        GRANT_PAYMENT,
        { input: { offerId, amount: 400_000, bookedOn: '2027-02-15', note: '1. Rate' } },
        finance,
      )
    ).recordGrantPayment;
    expect(tranche).toMatchObject({ amount: 400_000, budgetYear: 2027 });

    // Cancelling takes from the last year first and never below what is paid.
    const tooMuch = await refused(
      CANCEL,
      { input: { offerId, amount: 800_001, reason: 'Endet früher' } },
      finance,
    );
    expect(tooMuch.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXCEEDS_COMMITMENT' });
    const cancelled = (
      await ok(
        CANCEL,
        { input: { offerId, amount: 700_000, reason: 'Endet früher', bookedOn: '2027-06-30' } },
        finance,
      )
    ).cancelCommitment;
    const shares = splitByBudgetYear(1_200_000, '2027-01-01', '2028-12-31');
    expect(cancelled).toEqual([
      expect.objectContaining({ amount: -shares[1]!.amount, budgetYear: 2028 }),
      expect.objectContaining({ amount: -(700_000 - shares[1]!.amount), budgetYear: 2027 }),
    ]);

    const repayTooMuch = await refused(
      REPAY,
      { input: { offerId, amount: 400_001, reason: 'Zu viel', bookedOn: '2027-07-01' } },
      finance,
    );
    expect(repayTooMuch.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXCEEDS_PAID' });
    const repaid = (
      await ok(
        REPAY,
        { input: { offerId, amount: 50_000, reason: 'Nicht verbraucht', bookedOn: '2027-07-01' } },
        finance,
      )
    ).recordRepayment;
    expect(repaid).toMatchObject({ amount: -50_000, budgetYear: 2027 });

    // A correction is the exact counter-entry; an entry is corrected once, a counter-entry never.
    const correction = (
      await ok(CORRECT, { input: { entryId: repaid.id, reason: 'Doppelt erfasst' } }, finance)
    ).correctLedgerEntry;
    expect(correction).toEqual({
      id: correction.id,
      kind: 'REPAYMENT',
      amount: 50_000,
      budgetYear: 2027,
      correctsEntryId: repaid.id,
    });
    expect(
      (await refused(CORRECT, { input: { entryId: repaid.id, reason: 'Nochmal' } }, finance)).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_CORRECTED' });
    expect(
      (await refused(CORRECT, { input: { entryId: correction.id, reason: 'Nochmal' } }, finance)).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'IS_CORRECTION' });
    // Undoing the commitment of 2027 would leave more paid than committed.
    const [commitment2027] = await sql<{ id: string }>(
      `select id from ledger_entry where offer_id = ? and kind = 'COMMITMENT' and budget_year = 2027`,
      [offerId],
    );
    expect(
      (await refused(CORRECT, { input: { entryId: commitment2027!.id, reason: 'Falsch' } }, finance))
        .extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'EXCEEDS_COMMITMENT' });

    const funds = (await ok(FUNDS, { id: offerId }, finance)).offer.funds;
    expect(funds).toMatchObject({ committed: 500_000, paid: 400_000, open: 100_000 });
    const events = await sql(
      `select operation, count(*)::int as n from audit_event where operation in ('recordGrantPayment', 'cancelCommitment', 'recordRepayment', 'correctLedgerEntry') and outcome = 'SUCCESS' and (entity_id = ? or details->'after'->>'offerId' = ?) group by operation order by operation`,
      [offerId, offerId],
    );
    expect(events).toEqual([
      { operation: 'cancelCommitment', n: 1 },
      { operation: 'correctLedgerEntry', n: 1 },
      { operation: 'recordGrantPayment', n: 1 },
      { operation: 'recordRepayment', n: 1 },
    ]);
  });
});

describe('the priority list and the budget', () => {
  it('each need names its cost estimate (the highest requested amount) and what is left of the current year', async () => {
    const area = await insert('social_area', { name: 'Budget Thedinghausen', regional_team_id: ids.team });
    const year = Number(
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date()).slice(0, 4),
    );
    await insert('budget_year', { year, starts_on: `${year}-01-01`, ends_on: `${year}-12-31` }).catch(
      () => undefined,
    );
    await ok(CHANGE, { input: { socialAreaId: area, year, amount: 700_000, reason: 'Plan' } }, admin);
    const withApplication = await submittedApplication({ area, requested: 450_000 });
    const [{ need_id: needId }] = await sql<{ need_id: string }>(
      `select c.need_id from application a join call_for_interest c on c.id = a.call_id where a.id = ?`,
      [withApplication],
    );
    const without = await insert('need', {
      social_area_id: area,
      title: 'Budget ohne Schätzung',
      situation_description: 'Lage',
      created_by_name: 'Test',
      state: 'RECORDED',
    });
    const FIT = `query($id: UUID!) { need(id: $id) { budgetFit { year estimatedCost remaining } } }`;
    expect((await ok(FIT, { id: needId }, regional)).need.budgetFit).toEqual({
      year,
      estimatedCost: 450_000,
      remaining: 700_000,
    });
    expect((await ok(FIT, { id: without }, committee)).need.budgetFit).toEqual({
      year,
      estimatedCost: null,
      remaining: 700_000,
    });
  });
});

describe('the ledger is append-only', () => {
  it('the app’s runtime role may add and read entries but not change, delete or truncate them; the owner neither', async () => {
    await insert('ledger_entry', {
      kind: 'ALLOCATION',
      amount: 1,
      budget_year: 2027,
      booked_on: '2027-01-01',
      reason: 'Probe',
    });
    await withRuntimeRole(api.databaseUrl, 'ledger_rt', async ({ owner, runtime }) => {
      await runtime.query(
        `insert into ledger_entry (id, kind, amount, budget_year, booked_on, reason) values (gen_random_uuid(), 'ALLOCATION', 2, 2027, '2027-01-01', 'Probe')`,
      );
      expect((await runtime.query(`select count(*)::int as n from ledger_entry`)).rows[0].n).toBeGreaterThan(
        1,
      );
      for (const statement of [
        `update ledger_entry set amount = amount + 1`,
        `delete from ledger_entry`,
        `truncate ledger_entry`,
      ]) {
        expect(await refusal(runtime, statement)).toMatchObject({
          code: '42501',
          message: expect.stringMatching(/permission denied/),
        });
        expect(await refusal(owner, statement)).toMatchObject({
          code: '42501',
          message: expect.stringMatching(/append-only/),
        });
      }
      // the monthly totals follow the runtime's entry through the trigger, and only the trigger writes them
      expect(
        (
          await runtime.query(
            `select amount::int as amount from ledger_month_total where budget_year = 2027 and kind = 'ALLOCATION' and social_area_id is null`,
          )
        ).rows,
      ).toEqual([{ amount: 3 }]);
      for (const statement of [
        `update ledger_month_total set amount = amount + 1`,
        `delete from ledger_month_total`,
        `truncate ledger_month_total`,
        `insert into ledger_month_total (budget_year, booked_on, kind, amount, entries) values (2027, '2027-02-01', 'ALLOCATION', 1, 1)`,
      ]) {
        expect(await refusal(runtime, statement)).toMatchObject({
          code: '42501',
          message: expect.stringMatching(/permission denied/),
        });
      }
    });
  });
});

describe('monthly totals of the ledger', () => {
  it('after every booking above they equal the entries summed per year, month, Sozialraum, Regionalteam, kind and financing kind', async () => {
    const client = new pg.Client({ connectionString: api.databaseUrl });
    await client.connect();
    try {
      const fromEntries = await client.query(
        `select budget_year, date_trunc('month', booked_on)::date as month, social_area_id, regional_team_id, kind, financing_kind,
                sum(amount)::text as amount, count(*)::int as entries
         from ledger_entry group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6`,
      );
      const totals = await client.query(
        `select budget_year, booked_on as month, social_area_id, regional_team_id, kind, financing_kind,
                amount::text as amount, entries::int as entries
         from ledger_month_total order by 1, 2, 3, 4, 5, 6`,
      );
      expect(fromEntries.rows.length).toBeGreaterThan(3);
      expect(totals.rows).toEqual(fromEntries.rows);
    } finally {
      await client.end();
    }
  });
});
