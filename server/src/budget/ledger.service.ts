import type { Command } from '../common/command.js';
import { BadUserInput, Conflict, NotFound } from '../common/errors.js';
import { isIsoDate } from '../decisions/budget-split.js';
import { feeAmount } from '../decisions/decision.service.js';
import { BudgetYear } from '../master-data/budget-year.entity.js';
import { FinancingKind } from '../master-data/offer-category.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { todayInVerden } from '../common/local-date.js';
import { Offer } from '../offers/offer.entity.js';
import { offerScopeOf } from '../offers/offer.policy.js';
import type {
  ChangeBudgetAllocationInput,
  CorrectLedgerEntryInput,
  OfferAmountWithReasonInput,
  RecordFeePaymentInput,
  RecordGrantPaymentInput,
} from './budget.inputs.js';
import { budgetPolicy, offerFundsPolicy } from './budget.policy.js';
import { LedgerEntry, LedgerEntryKind } from './ledger-entry.entity.js';
import { euro, figuresOfArea, offerFunds } from './ledger-figures.js';

type EntryFields = Omit<
  LedgerEntry,
  'id' | 'createdAt' | 'createdBy' | 'createdByName' | 'amount' | 'kind' | 'budgetYear' | 'bookedOn'
> &
  Pick<LedgerEntry, 'amount' | 'kind' | 'budgetYear' | 'bookedOn'>;

/** Adds one entry to the ledger in the command's transaction, in the caller's name. */
export function bookEntry(cmd: Command, fields: EntryFields): LedgerEntry {
  return cmd.tx.create(LedgerEntry, {
    ...fields,
    createdBy: cmd.caller.userId,
    createdByName: cmd.caller.displayName,
  });
}

/**
 * The booking day of an entry for `year` booked on `date`: the date itself in that year, else the year's
 * first (a later year) or last day (an earlier year), so month-by-month figures of a year hold its entries.
 */
export function dayInYear(date: string, year: number): string {
  const dateYear = Number(date.slice(0, 4));
  if (dateYear === year) return date;
  return dateYear < year ? `${year}-01-01` : `${year}-12-31`;
}

function refuse(argument: string, message: string): never {
  throw BadUserInput(message, { fields: [{ argument, message }] });
}

/** The entry fields every booking on an offer shares (Sozialraum, Regionalteam, Träger, category, kind). */
function offerFields(offer: Offer) {
  return {
    offerId: offer.id,
    socialAreaId: offer.socialArea?.id ?? null,
    regionalTeamId: offer.socialArea?.regionalTeam?.id ?? null,
    providerId: offer.provider.id,
    offerCategoryId: offer.offerCategory.id,
    financingKind: offer.financingKind,
  };
}

/** Loads an offer with what its scope needs and checks the caller may book on it. */
async function offerToBook(cmd: Command, offerId: string): Promise<Offer> {
  const offer = await cmd.tx.findOne(
    Offer,
    { id: offerId },
    { populate: ['socialArea.regionalTeam', 'provider', 'offerCategory'] },
  );
  if (!offer) throw NotFound('Das Angebot');
  cmd.authorize(offerFundsPolicy, 'book', offerScopeOf(offer));
  // Bookings on one offer take turns, so each one's check of what is committed sees the ones before it.
  await cmd.lock(`offer-funds:${offer.id}`);
  return offer;
}

async function assertOpenYear(cmd: Command, year: number, argument: string): Promise<void> {
  const budgetYear = await cmd.tx.findOne(BudgetYear, { year });
  if (!budgetYear) refuse(argument, `Das Haushaltsjahr ${year} ist nicht angelegt.`);
  if (budgetYear.closed) refuse(argument, `Das Haushaltsjahr ${year} ist abgeschlossen.`);
}

function auditEntry(cmd: Command, entry: LedgerEntry, extra: Record<string, unknown> = {}): void {
  cmd.audit({
    entityType: 'LedgerEntry',
    entityId: entry.id,
    details: {
      after: {
        kind: entry.kind,
        amount: entry.amount,
        budgetYear: entry.budgetYear,
        bookedOn: entry.bookedOn,
        socialAreaId: entry.socialAreaId ?? null,
        offerId: entry.offerId ?? null,
        ...extra,
      },
    },
    justification: entry.reason ?? null,
  });
}

/**
 * Changes the Sozialraumbudget of a year to a new total: books the difference as an ALLOCATION entry with
 * its reason. A change to the amount already allocated is refused (nothing to book).
 */
export async function changeBudgetAllocation(
  cmd: Command,
  input: ChangeBudgetAllocationInput,
): Promise<LedgerEntry> {
  const socialArea = await cmd.tx.findOne(SocialArea, { id: input.socialAreaId });
  if (!socialArea) throw NotFound('Der Sozialraum');
  const regionalTeamId = socialArea.regionalTeam?.id ?? null;
  cmd.authorize(budgetPolicy, 'allocate', { socialAreaId: socialArea.id, regionalTeamId });
  await assertOpenYear(cmd, input.year, 'year');
  await cmd.lock(`budget:${socialArea.id}`);
  const before = (await figuresOfArea(cmd.sql, socialArea.id, [input.year])).get(input.year);
  const allocated = before?.allocated ?? 0;
  if (allocated === input.amount)
    refuse('amount', `Das Sozialraumbudget ${input.year} beträgt bereits ${euro(allocated)}.`);
  const entry = bookEntry(cmd, {
    kind: LedgerEntryKind.ALLOCATION,
    amount: input.amount - allocated,
    budgetYear: input.year,
    bookedOn: dayInYear(todayInVerden(), input.year),
    socialAreaId: socialArea.id,
    regionalTeamId,
    reason: input.reason.trim(),
  });
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'LedgerEntry',
    entityId: entry.id,
    details: {
      socialAreaId: socialArea.id,
      year: input.year,
      before: { allocated },
      after: { allocated: input.amount, delta: entry.amount },
    },
    justification: entry.reason,
  });
  return entry;
}

/** Refuses a payment over what is committed to the offer and not yet paid. */
async function assertWithinCommitment(cmd: Command, offer: Offer, amount: number): Promise<void> {
  const funds = await offerFunds(cmd.sql, offer.id);
  const open = funds.committed - funds.paid;
  if (amount > open)
    throw Conflict(
      `Die Auszahlung (${euro(amount)}) übersteigt den noch nicht ausgezahlten Teil der Bindung (${euro(open)}: gebunden ${euro(funds.committed)}, ausgezahlt ${euro(funds.paid)}).`,
      { reason: 'EXCEEDS_COMMITMENT', committed: funds.committed, paid: funds.paid },
    );
}

/**
 * § 77: pays the Fachleistungsstunden delivered in a period: hours × the offer's hourly rate, to the cent.
 * The period lies within the offer's; the budget year is the year of the booking day (default: the
 * period's end). Never more than is committed and unpaid.
 */
export async function recordFeePayment(cmd: Command, input: RecordFeePaymentInput): Promise<LedgerEntry> {
  const offer = await offerToBook(cmd, input.offerId);
  if (offer.financingKind !== FinancingKind.FEE || offer.hourlyRate == null)
    refuse('offerId', 'Fachleistungsstunden werden nur bei Angeboten nach § 77 SGB VIII ausgezahlt.');
  if (!isIsoDate(input.periodFrom)) refuse('periodFrom', 'Der Beginn ist kein gültiges Datum.');
  if (!isIsoDate(input.periodTo)) refuse('periodTo', 'Das Ende ist kein gültiges Datum.');
  if (input.periodFrom > input.periodTo) refuse('periodTo', 'Das Ende darf nicht vor dem Beginn liegen.');
  if (input.periodFrom < offer.periodStart || input.periodTo > offer.periodEnd)
    refuse(
      'periodFrom',
      `Der Zeitraum muss im Bewilligungszeitraum des Angebots liegen (${offer.periodStart} bis ${offer.periodEnd}).`,
    );
  const bookedOn = input.bookedOn ?? input.periodTo;
  if (!isIsoDate(bookedOn)) refuse('bookedOn', 'Der Buchungstag ist kein gültiges Datum.');
  const year = Number(bookedOn.slice(0, 4));
  await assertOpenYear(cmd, year, 'bookedOn');
  const amount = feeAmount(input.hours, offer.hourlyRate);
  await assertWithinCommitment(cmd, offer, amount);
  const entry = bookEntry(cmd, {
    ...offerFields(offer),
    kind: LedgerEntryKind.PAYMENT,
    amount,
    budgetYear: year,
    bookedOn,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    feeHours: input.hours.toFixed(2),
    hourlyRate: offer.hourlyRate,
    reason: input.note?.trim() || null,
  });
  await cmd.tx.flush();
  auditEntry(cmd, entry, {
    hours: input.hours,
    hourlyRate: offer.hourlyRate,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
  });
  return entry;
}

/** § 74: pays a tranche of the grant on a booking day (its year is the budget year). */
export async function recordGrantPayment(cmd: Command, input: RecordGrantPaymentInput): Promise<LedgerEntry> {
  const offer = await offerToBook(cmd, input.offerId);
  if (offer.financingKind !== FinancingKind.GRANT)
    refuse('offerId', 'Raten werden nur bei Zuschüssen nach § 74 SGB VIII ausgezahlt.');
  if (!isIsoDate(input.bookedOn)) refuse('bookedOn', 'Der Buchungstag ist kein gültiges Datum.');
  const year = Number(input.bookedOn.slice(0, 4));
  await assertOpenYear(cmd, year, 'bookedOn');
  await assertWithinCommitment(cmd, offer, input.amount);
  const entry = bookEntry(cmd, {
    ...offerFields(offer),
    kind: LedgerEntryKind.PAYMENT,
    amount: input.amount,
    budgetYear: year,
    bookedOn: input.bookedOn,
    reason: input.note?.trim() || null,
  });
  await cmd.tx.flush();
  auditEntry(cmd, entry);
  return entry;
}

/**
 * Cancels part of an offer's commitment (what will not be needed): CANCELLATION entries, taken from the
 * last budget year of the commitment backwards, never below what is already paid.
 */
export async function cancelCommitment(
  cmd: Command,
  input: OfferAmountWithReasonInput,
): Promise<LedgerEntry[]> {
  const offer = await offerToBook(cmd, input.offerId);
  const funds = await offerFunds(cmd.sql, offer.id);
  const open = funds.committed - funds.paid;
  if (input.amount > open)
    throw Conflict(
      `Aufgehoben werden kann höchstens der noch nicht ausgezahlte Teil der Bindung (${euro(Math.max(open, 0))}).`,
      { reason: 'EXCEEDS_COMMITMENT', committed: funds.committed, paid: funds.paid },
    );
  const bookedOn = input.bookedOn ?? todayInVerden();
  if (!isIsoDate(bookedOn)) refuse('bookedOn', 'Der Buchungstag ist kein gültiges Datum.');
  let left = input.amount;
  const entries: LedgerEntry[] = [];
  for (const year of [...funds.byYear].reverse()) {
    if (left === 0) break;
    const take = Math.min(left, Math.max(year.committed, 0));
    if (take === 0) continue;
    entries.push(
      bookEntry(cmd, {
        ...offerFields(offer),
        kind: LedgerEntryKind.CANCELLATION,
        amount: -take,
        budgetYear: year.year,
        bookedOn: dayInYear(bookedOn, year.year),
        reason: input.reason.trim(),
      }),
    );
    left -= take;
  }
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Offer',
    entityId: offer.id,
    details: {
      before: { committed: funds.committed },
      after: {
        committed: funds.committed - input.amount,
        entries: entries.map((entry) => ({
          id: entry.id,
          budgetYear: entry.budgetYear,
          amount: entry.amount,
        })),
      },
    },
    justification: input.reason.trim(),
  });
  return entries;
}

/** Books money the Träger paid back (REPAYMENT; the booking day's year is the budget year), at most what was paid. */
export async function recordRepayment(cmd: Command, input: OfferAmountWithReasonInput): Promise<LedgerEntry> {
  const offer = await offerToBook(cmd, input.offerId);
  const funds = await offerFunds(cmd.sql, offer.id);
  if (input.amount > funds.paid)
    throw Conflict(`Zurückgezahlt werden kann höchstens, was ausgezahlt ist (${euro(funds.paid)}).`, {
      reason: 'EXCEEDS_PAID',
      paid: funds.paid,
    });
  const bookedOn = input.bookedOn ?? todayInVerden();
  if (!isIsoDate(bookedOn)) refuse('bookedOn', 'Der Buchungstag ist kein gültiges Datum.');
  const year = Number(bookedOn.slice(0, 4));
  await assertOpenYear(cmd, year, 'bookedOn');
  const entry = bookEntry(cmd, {
    ...offerFields(offer),
    kind: LedgerEntryKind.REPAYMENT,
    amount: -input.amount,
    budgetYear: year,
    bookedOn,
    reason: input.reason.trim(),
  });
  await cmd.tx.flush();
  auditEntry(cmd, entry);
  return entry;
}

/**
 * Corrects an entry by its exact counter-entry (same kind, year, Sozialraum and offer, opposite amount).
 * An entry is corrected once; a counter-entry is not corrected again (book anew instead). On an offer the
 * correction must leave paid ≤ committed and paid ≥ 0.
 */
export async function correctLedgerEntry(cmd: Command, input: CorrectLedgerEntryInput): Promise<LedgerEntry> {
  const entry = await cmd.tx.findOne(LedgerEntry, { id: input.entryId });
  if (!entry) throw NotFound('Die Buchung');
  if (entry.kind === LedgerEntryKind.ALLOCATION || !entry.offerId) {
    cmd.authorize(budgetPolicy, 'allocate', {
      socialAreaId: entry.socialAreaId ?? null,
      regionalTeamId: entry.regionalTeamId ?? null,
    });
    await cmd.lock(`budget:${entry.socialAreaId ?? 'kreisweit'}`);
  } else {
    await offerToBook(cmd, entry.offerId);
  }
  if (entry.correctsEntry)
    throw Conflict('Eine Gegenbuchung wird nicht korrigiert; buchen Sie stattdessen neu.', {
      reason: 'IS_CORRECTION',
    });
  const existing = await cmd.tx.findOne(LedgerEntry, { correctsEntry: entry.id });
  if (existing)
    throw Conflict('Diese Buchung ist bereits korrigiert.', {
      reason: 'ALREADY_CORRECTED',
      correctionId: existing.id,
    });
  if (entry.offerId) {
    const funds = await offerFunds(cmd.sql, entry.offerId);
    const committing =
      entry.kind === LedgerEntryKind.COMMITMENT || entry.kind === LedgerEntryKind.CANCELLATION;
    const committed = funds.committed - (committing ? entry.amount : 0);
    const paid = funds.paid - (committing ? 0 : entry.amount);
    if (paid > committed || paid < 0)
      throw Conflict(
        `Nach der Korrektur wäre mehr ausgezahlt (${euro(paid)}) als gebunden (${euro(committed)}).`,
        { reason: 'EXCEEDS_COMMITMENT', committed, paid },
      );
  }
  const correction = bookEntry(cmd, {
    kind: entry.kind,
    amount: -entry.amount,
    budgetYear: entry.budgetYear,
    bookedOn: dayInYear(todayInVerden(), entry.budgetYear),
    socialAreaId: entry.socialAreaId ?? null,
    regionalTeamId: entry.regionalTeamId ?? null,
    financingKind: entry.financingKind ?? null,
    offerId: entry.offerId ?? null,
    noticeId: entry.noticeId ?? null,
    providerId: entry.providerId ?? null,
    offerCategoryId: entry.offerCategoryId ?? null,
    periodFrom: entry.periodFrom ?? null,
    periodTo: entry.periodTo ?? null,
    feeHours: entry.feeHours == null ? null : (-Number(entry.feeHours)).toFixed(2),
    hourlyRate: entry.hourlyRate ?? null,
    reason: input.reason.trim(),
    correctsEntry: entry,
  });
  await cmd.tx.flush();
  auditEntry(cmd, correction, { correctsEntryId: entry.id });
  return correction;
}

/** One budget year's share of a notice (cents). */
export interface CommitmentShare {
  year: number;
  amount: number;
}

/**
 * The commitments of a notice (Bescheid): one COMMITMENT entry per budget year share, booked on the
 * notice date, in the notice's transaction.
 */
export function bookCommitments(
  cmd: Command,
  args: { offer: Offer; noticeId: string; noticeDate: string; shares: readonly CommitmentShare[] },
): LedgerEntry[] {
  return args.shares
    .filter((share) => share.amount !== 0)
    .map((share) =>
      bookEntry(cmd, {
        ...offerFields(args.offer),
        kind: LedgerEntryKind.COMMITMENT,
        amount: share.amount,
        budgetYear: share.year,
        bookedOn: dayInYear(args.noticeDate, share.year),
        noticeId: args.noticeId,
      }),
    );
}
