import { insertOfferRows } from './offers.cases.js';
import { allow, type AuthorizationCase, deny, insertRow, type World } from './matrix.js';

interface FundedOffer {
  offerId: string;
  commitmentId: string;
  paymentId: string;
}

/**
 * A fresh offer of the own Sozialraum and Träger (§ 74, or § 77 at 50 € an hour) with 10.000 € committed
 * in 2027 and 1.000 € paid.
 */
async function fundedOffer(w: World, financingKind: 'GRANT' | 'FEE' = 'GRANT'): Promise<FundedOffer> {
  const insert = (table: string, values: Record<string, unknown>) => insertRow(w, table, values);
  const categoryId = await insert('offer_category', {
    name: w.unique('Matrix Mittel'),
    financing_kind: financingKind,
  });
  const { offerId } = await insertOfferRows(w.sql, insert, {
    socialAreaId: w.socialAreas.own,
    providerId: w.providers.own,
    offerCategoryId: categoryId,
    title: w.unique('Matrix Mittel'),
    financingKind,
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
  });
  const entry = (kind: string, amount: number) =>
    insert('ledger_entry', {
      kind,
      amount,
      budget_year: 2027,
      booked_on: '2027-01-01',
      social_area_id: w.socialAreas.own,
      regional_team_id: w.regionalTeams.own,
      financing_kind: financingKind,
      offer_id: offerId,
      provider_id: w.providers.own,
      offer_category_id: categoryId,
    });
  return {
    offerId,
    commitmentId: await entry('COMMITMENT', 1_000_000),
    paymentId: await entry('PAYMENT', 100_000),
  };
}

const ledgerOf = (w: World, p: { offerId: string }) =>
  w.sql(`select id, kind, amount from ledger_entry where offer_id = ? order by id`, [p.offerId]);

const financeOnly = <T>(value: T) => ({ FINANCE: allow(value), '*': deny('FORBIDDEN') });

export const cases: AuthorizationCase[] = [
  {
    title:
      'budgetOverview: finance, committee and administration see every Sozialraum and kreisweit; team lead and Regionalteam their own; providers are refused',
    covers: [
      'Query.budgetOverview',
      'BudgetOverview.areas',
      'BudgetOverview.countyWide',
      'BudgetOverview.allocations',
    ],
    document: `query { budgetOverview(year: 2027) {
      year areas { socialAreaId } countyWide { socialAreaName } allocations { id kind } viewerCanAllocate } }`,
    pick: (data, w) => {
      const ids = (data.budgetOverview.areas as { socialAreaId: string }[]).map((a) => a.socialAreaId);
      return {
        own: ids.includes(w.socialAreas.own),
        foreign: ids.includes(w.socialAreas.foreign),
        countyWide: data.budgetOverview.countyWide?.socialAreaName ?? null,
        allocate: data.budgetOverview.viewerCanAllocate,
      };
    },
    expect: {
      ADMIN: allow({ own: true, foreign: true, countyWide: 'kreisweit', allocate: true }),
      FINANCE: allow({ own: true, foreign: true, countyWide: 'kreisweit', allocate: true }),
      COMMITTEE: allow({ own: true, foreign: true, countyWide: 'kreisweit', allocate: false }),
      'TEAM_LEAD:own': allow({ own: true, foreign: false, countyWide: null, allocate: false }),
      'REGIONAL_TEAM:own': allow({ own: true, foreign: false, countyWide: null, allocate: false }),
      'TEAM_LEAD:foreign': allow({ own: false, foreign: true, countyWide: null, allocate: false }),
      'REGIONAL_TEAM:foreign': allow({ own: false, foreign: true, countyWide: null, allocate: false }),
      PROVIDER: deny('FORBIDDEN'),
    },
  },
  {
    title: 'changeBudgetAllocation is for the administration and finance',
    covers: ['Mutation.changeBudgetAllocation'],
    prepare: async (w) => ({
      socialAreaId: await insertRow(w, 'social_area', {
        name: w.unique('Matrix Budget'),
        regional_team_id: w.regionalTeams.own,
      }),
    }),
    document: `mutation($input: ChangeBudgetAllocationInput!) { changeBudgetAllocation(input: $input) { kind amount budgetYear } }`,
    variables: (_w, p: { socialAreaId: string }) => ({
      input: { socialAreaId: p.socialAreaId, year: 2027, amount: 5_000_000, reason: 'Matrix' },
    }),
    expect: {
      ADMIN: allow({ kind: 'ALLOCATION', amount: 5_000_000, budgetYear: 2027 }),
      FINANCE: allow({ kind: 'ALLOCATION', amount: 5_000_000, budgetYear: 2027 }),
      '*': deny('FORBIDDEN'),
    },
    state: (w, p: { socialAreaId: string }) =>
      w.sql(`select id, amount from ledger_entry where social_area_id = ? order by id`, [p.socialAreaId]),
  },
  {
    title: 'Offer.funds: the office in scope reads the ledger of an offer; provider staff get none',
    covers: ['Offer.funds', 'OfferFundsView.entries'],
    prepare: (() => {
      const made = new WeakMap<World, Promise<FundedOffer>>();
      return (w: World) => {
        if (!made.has(w)) made.set(w, fundedOffer(w));
        return made.get(w)!;
      };
    })(),
    document: `query($id: UUID!) { offer(id: $id) { funds { committed paid open viewerCanBook entries { kind amount } } } }`,
    variables: (_w, p: FundedOffer) => ({ id: p.offerId }),
    pick: (data) => data.offer?.funds ?? null,
    expect: (() => {
      const funds = (viewerCanBook: boolean) =>
        allow({
          committed: 1_000_000,
          paid: 100_000,
          open: 900_000,
          viewerCanBook,
          entries: [
            { kind: 'COMMITMENT', amount: 1_000_000 },
            { kind: 'PAYMENT', amount: 100_000 },
          ],
        });
      return {
        ADMIN: funds(false),
        FINANCE: funds(true),
        COMMITTEE: funds(false),
        'TEAM_LEAD:own': funds(false),
        'REGIONAL_TEAM:own': funds(false),
        'PROVIDER:own': allow(null),
        'TEAM_LEAD:foreign': deny('NOT_FOUND'),
        'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
        'PROVIDER:foreign': deny('NOT_FOUND'),
      };
    })(),
  },
  {
    title: 'recordGrantPayment is for finance only',
    covers: ['Mutation.recordGrantPayment'],
    prepare: (w) => fundedOffer(w),
    document: `mutation($input: RecordGrantPaymentInput!) { recordGrantPayment(input: $input) { kind amount budgetYear } }`,
    variables: (_w, p: FundedOffer) => ({
      input: { offerId: p.offerId, amount: 50_000, bookedOn: '2027-03-01', note: 'Matrix' },
    }),
    expect: financeOnly({ kind: 'PAYMENT', amount: 50_000, budgetYear: 2027 }),
    state: ledgerOf,
  },
  {
    title: 'recordFeePayment is for finance only',
    covers: ['Mutation.recordFeePayment'],
    prepare: (w) => fundedOffer(w, 'FEE'),
    document: `mutation($input: RecordFeePaymentInput!) { recordFeePayment(input: $input) { kind amount feeHours hourlyRate } }`,
    variables: (_w, p: FundedOffer) => ({
      input: { offerId: p.offerId, periodFrom: '2027-01-01', periodTo: '2027-03-31', hours: 10.5 },
    }),
    expect: financeOnly({ kind: 'PAYMENT', amount: 52_500, feeHours: 10.5, hourlyRate: 5_000 }),
    state: ledgerOf,
  },
  {
    title: 'cancelCommitment is for finance only',
    covers: ['Mutation.cancelCommitment'],
    prepare: (w) => fundedOffer(w),
    document: `mutation($input: OfferAmountWithReasonInput!) { cancelCommitment(input: $input) { kind amount } }`,
    variables: (_w, p: FundedOffer) => ({ input: { offerId: p.offerId, amount: 200_000, reason: 'Matrix' } }),
    expect: financeOnly([{ kind: 'CANCELLATION', amount: -200_000 }]),
    state: ledgerOf,
  },
  {
    title: 'recordRepayment is for finance only',
    covers: ['Mutation.recordRepayment'],
    prepare: (w) => fundedOffer(w),
    document: `mutation($input: OfferAmountWithReasonInput!) { recordRepayment(input: $input) { kind amount } }`,
    variables: (_w, p: FundedOffer) => ({
      input: { offerId: p.offerId, amount: 10_000, reason: 'Matrix', bookedOn: '2027-05-01' },
    }),
    expect: financeOnly({ kind: 'REPAYMENT', amount: -10_000 }),
    state: ledgerOf,
  },
  {
    title: 'correctLedgerEntry on an offer is for finance only',
    covers: ['Mutation.correctLedgerEntry'],
    prepare: (w) => fundedOffer(w),
    document: `mutation($input: CorrectLedgerEntryInput!) { correctLedgerEntry(input: $input) { kind amount correctsEntryId } }`,
    variables: (_w, p: FundedOffer) => ({ input: { entryId: p.paymentId, reason: 'Matrix' } }),
    expect: {
      FINANCE: (_w, p: FundedOffer) =>
        allow({ kind: 'PAYMENT', amount: -100_000, correctsEntryId: p.paymentId }),
      '*': deny('FORBIDDEN'),
    },
    state: ledgerOf,
  },
  {
    title:
      'Need.budgetFit: the office that reads the need and the Sozialraumbudget sees the estimate and what is left',
    covers: ['Need.budgetFit'],
    prepare: async (w) => ({
      id: await insertRow(w, 'need', {
        social_area_id: w.socialAreas.own,
        title: w.unique('Matrix Budget Bedarf'),
        situation_description: 'Matrix',
        created_by_name: 'Matrix',
        state: 'RECORDED',
      }),
    }),
    document: 'query($id: UUID!) { need(id: $id) { budgetFit { estimatedCost } } }',
    variables: (_w, p: { id: string }) => ({ id: p.id }),
    pick: (data) => data.need.budgetFit,
    expect: {
      ADMIN: allow({ estimatedCost: null }),
      FINANCE: allow({ estimatedCost: null }),
      COMMITTEE: allow({ estimatedCost: null }),
      'TEAM_LEAD:own': allow({ estimatedCost: null }),
      'REGIONAL_TEAM:own': allow({ estimatedCost: null }),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      PROVIDER: deny('NOT_FOUND'),
    },
  },
];
