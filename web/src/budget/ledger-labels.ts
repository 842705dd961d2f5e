import type { LedgerEntryKind } from '../gql/graphql.js';

export const LEDGER_KIND_LABELS: Readonly<Record<LedgerEntryKind, string>> = {
  ALLOCATION: 'Zuweisung',
  COMMITMENT: 'Bindung (Bescheid)',
  CANCELLATION: 'Aufhebung der Bindung',
  PAYMENT: 'Auszahlung',
  REPAYMENT: 'Rückzahlung',
};

/** What finance may book on an offer. */
export type FundsAction = 'payment' | 'cancel' | 'repay' | 'correct';

export const FUNDS_ACTION_LABELS: Readonly<Record<FundsAction, string>> = {
  payment: 'Auszahlung buchen',
  cancel: 'Bindung teilweise aufheben',
  repay: 'Rückzahlung buchen',
  correct: 'Buchung korrigieren (Gegenbuchung)',
};
