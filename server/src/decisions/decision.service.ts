import {
  type ApplicationState,
  checkTransition,
  type ProcessRole,
  type Transition,
} from '../../../process-logic/index.js';
import type { Application } from '../applications/application.entity.js';
import { type ApplicationScope, applicationScopeOf } from '../applications/application.policy.js';
import { InvalidApplicationTransition, loadApplication } from '../applications/application.service.js';
import type { Command } from '../common/command.js';
import { BadUserInput, Forbidden, NotFound } from '../common/errors.js';
import { figuresOfArea } from '../budget/ledger-figures.js';
import { assertRevision } from '../master-data/master-data.service.js';
import { BudgetYear } from '../master-data/budget-year.entity.js';
import { FinancingKind, OfferCategory } from '../master-data/offer-category.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { rolesAllowed } from '../needs/need.service.js';
import { isIsoDate, splitByBudgetYear } from './budget-split.js';
import { ApplicationDecision, DecisionOutcome } from './decision.entity.js';
import type { ApproveApplicationInput, RejectApplicationInput } from './decision.inputs.js';
import { decisionPolicy } from './decision.policy.js';

/** Longest approved period, in budget years touched (keeps the split and the letter bounded). */
export const MAX_PERIOD_YEARS = 5;
export const MAX_PERIOD_YEARS_MESSAGE = `Der Bewilligungszeitraum darf höchstens ${MAX_PERIOD_YEARS} Haushaltsjahre berühren.`;

/** Runs SQL with `?` placeholders (a command's transaction or a request's entity manager). */
export type RunSql = <T = Record<string, unknown>>(
  query: string,
  params?: readonly unknown[],
) => Promise<T[]>;

/** One budget year of a budget check. All amounts in cents. */
export interface BudgetCheckYear {
  year: number;
  /** The Sozialraumbudget of the year (sum of the ALLOCATION entries); null: none booked (counts as 0). */
  allocation: number | null;
  /** What the Sozialraum has committed in the year (ledger) plus approvals of other applications whose notice is not issued yet. */
  approvedSoFar: number;
  /** This amount's share of the year. */
  amount: number;
  /** allocation − approvedSoFar − amount; null for a kreisweit need (not charged to a Sozialraum). */
  remaining: number | null;
  exceeds: boolean;
}

/**
 * The budget check of an amount over a period for an application of `socialAreaId`: per budget year (the
 * period split by days, to the cent, remainder on the last year) the Sozialraumbudget from the ledger, what
 * is committed (ledger) or approved without a notice yet in that year, this amount's share, what remains and
 * whether it is exceeded. A
 * kreisweit need is charged to no Sozialraum: its years show the shares only and never exceed.
 */
export async function budgetCheck(
  sql: RunSql,
  socialAreaId: string | null,
  applicationId: string,
  amount: number,
  periodStart: string,
  periodEnd: string,
): Promise<BudgetCheckYear[]> {
  const shares = splitByBudgetYear(amount, periodStart, periodEnd);
  if (shares.length === 0) return [];
  if (socialAreaId === null) {
    return shares.map((share) => ({
      year: share.year,
      allocation: null,
      approvedSoFar: 0,
      amount: share.amount,
      remaining: null,
      exceeds: false,
    }));
  }
  const years = shares.map((share) => share.year);
  const figures = await figuresOfArea(sql, socialAreaId, years);
  // Approvals whose notice is not issued yet have no commitment in the ledger, but will: they count too.
  const approvals = await sql<{ amount: string; start: string; end: string }>(
    `select d."approved_amount" as "amount", to_char(d."period_start", 'YYYY-MM-DD') as "start",
            to_char(d."period_end", 'YYYY-MM-DD') as "end"
       from "application_decision" d
      where d."social_area_id" = ? and d."outcome" = 'APPROVED' and d."application_id" <> ?
        and d."period_start" <= ?::date and d."period_end" >= ?::date
        and not exists (select 1 from "decision_notice" n where n."decision_id" = d."id")`,
    [socialAreaId, applicationId, `${years.at(-1)}-12-31`, `${years[0]}-01-01`],
  );
  const approvedByYear = new Map<number, number>();
  for (const [year, figure] of figures) approvedByYear.set(year, figure.committed);
  for (const approval of approvals) {
    for (const share of splitByBudgetYear(Number(approval.amount), approval.start, approval.end)) {
      approvedByYear.set(share.year, (approvedByYear.get(share.year) ?? 0) + share.amount);
    }
  }
  return shares.map((share) => {
    const figure = figures.get(share.year);
    const allocation = figure?.hasAllocation ? figure.allocated : null;
    const approvedSoFar = approvedByYear.get(share.year) ?? 0;
    const remaining = (allocation ?? 0) - approvedSoFar - share.amount;
    return {
      year: share.year,
      allocation,
      approvedSoFar,
      amount: share.amount,
      remaining,
      exceeds: remaining < 0,
    };
  });
}

/** The latest submitted revision of an application: its number and requested amount (cents). */
export async function latestRevision(
  sql: RunSql,
  applicationId: string,
): Promise<{ number: number; requestedAmount: number } | null> {
  const [row] = await sql<{ number: number; requested_amount: string }>(
    `select "number", "requested_amount" from "application_revision" where "application_id" = ?
      order by "number" desc limit 1`,
    [applicationId],
  );
  return row ? { number: Number(row.number), requestedAmount: Number(row.requested_amount) } : null;
}

/** The amount (cents) `hours` Fachleistungsstunden at `rate` cents come to, rounded to the cent. */
export function feeAmount(hours: number, rate: number): number {
  const hundredthHours = Math.round(hours * 100);
  return Math.round((hundredthHours * rate) / 100);
}

const euro = (cents: number) =>
  `${Math.trunc(cents / 100).toLocaleString('de-DE')},${String(Math.abs(cents) % 100).padStart(2, '0')} €`;

/**
 * Checks the caller may decide on the application now, in the order every process mutation uses: the
 * decision policy (FORBIDDEN), the revision (CONFLICT/STALE_REVISION), the state machine (INVALID_TRANSITION).
 */
async function authorizeDecision(
  cmd: Command,
  application: Application,
  scope: ApplicationScope,
  revision: number,
  action: 'approve' | 'reject',
): Promise<Transition<'application'>> {
  cmd.authorize(decisionPolicy, 'decide', scope);
  await assertRevision(cmd, application, revision);
  const roles = rolesAllowed(decisionPolicy, cmd.caller, 'decide', scope) as ProcessRole[];
  const check = checkTransition('application', application.state as ApplicationState, action, roles);
  if (check.ok) return check.transition;
  if (check.code === 'FORBIDDEN')
    throw Forbidden(undefined, { entityType: 'Application', reason: 'TRANSITION_ROLE' });
  throw InvalidApplicationTransition(application.state, action);
}

interface InputFieldError {
  argument: string;
  message: string;
}

function refuseFields(errors: InputFieldError[]): never {
  throw BadUserInput(errors.map((error) => error.message).join(' '), { fields: errors });
}

/** The offer category of the application's call (it gives the default financing kind). */
async function categoryOf(cmd: Command, application: Application): Promise<OfferCategory> {
  const category = await cmd.tx.findOne(OfferCategory, { id: application.call.offerCategory.id });
  if (!category) throw NotFound('Die Angebotskategorie');
  return category;
}

/**
 * Step 10: the Regionalteam approves a submitted application with a justification, fixing amount (at most
 * the requested amount of the latest revision), period, financing kind (default: the call's category) and
 * for § 77 hours and hourly rate (amount = hours × rate, to the cent). Invalid input is BAD_USER_INPUT with
 * field errors and stores nothing. An approval over what is left of the Sozialraum's allocation is allowed
 * but stored with `budgetWarning`, and its audit event says so.
 */
export async function approveApplication(
  cmd: Command,
  input: ApproveApplicationInput,
): Promise<ApplicationDecision> {
  const application = await loadApplication(cmd, input.applicationId);
  const scope = applicationScopeOf(application);
  const transition = await authorizeDecision(cmd, application, scope, input.revision, 'approve');
  const category = await categoryOf(cmd, application);
  const latest = await latestRevision(cmd.sql, application.id);
  if (!latest) throw InvalidApplicationTransition(application.state, 'approve');
  const errors: InputFieldError[] = [];
  if (input.amount > latest.requestedAmount)
    errors.push({
      argument: 'amount',
      message: `Der bewilligte Betrag (${euro(input.amount)}) darf den beantragten Betrag der Fassung ${latest.number} (${euro(latest.requestedAmount)}) nicht übersteigen.`,
    });
  const validStart = isIsoDate(input.periodStart);
  const validEnd = isIsoDate(input.periodEnd);
  if (!validStart) errors.push({ argument: 'periodStart', message: 'Der Beginn ist kein gültiges Datum.' });
  if (!validEnd) errors.push({ argument: 'periodEnd', message: 'Das Ende ist kein gültiges Datum.' });
  if (validStart && validEnd) {
    const startYear = Number(input.periodStart.slice(0, 4));
    const endYear = Number(input.periodEnd.slice(0, 4));
    if (input.periodStart > input.periodEnd)
      errors.push({ argument: 'periodEnd', message: 'Das Ende darf nicht vor dem Beginn liegen.' });
    else if (endYear - startYear + 1 > MAX_PERIOD_YEARS)
      errors.push({ argument: 'periodEnd', message: MAX_PERIOD_YEARS_MESSAGE });
    else {
      const closed = await cmd.tx.find(BudgetYear, {
        year: { $gte: startYear, $lte: endYear },
        closed: true,
      });
      for (const year of closed)
        errors.push({
          argument: 'periodStart',
          message: `Das Haushaltsjahr ${year.year} ist abgeschlossen und nimmt keine Bewilligungen mehr an.`,
        });
    }
  }
  const financingKind = input.financingKind ?? category.financingKind;
  const hours = input.feeHours ?? null;
  const rate = input.hourlyRate ?? null;
  if (financingKind === FinancingKind.FEE) {
    if (hours === null)
      errors.push({
        argument: 'feeHours',
        message: 'Bei § 77 SGB VIII sind die Fachleistungsstunden anzugeben.',
      });
    if (rate === null)
      errors.push({ argument: 'hourlyRate', message: 'Bei § 77 SGB VIII ist der Stundensatz anzugeben.' });
    if (hours !== null && rate !== null) {
      const expected = feeAmount(hours, rate);
      if (expected !== input.amount)
        errors.push({
          argument: 'amount',
          message:
            `Bei § 77 SGB VIII muss der Betrag Stunden × Stundensatz ergeben: ` +
            `${hours.toLocaleString('de-DE')} × ${euro(rate)} = ${euro(expected)} (auf den Cent gerundet), ` +
            `nicht ${euro(input.amount)}.`,
        });
    }
  } else if (hours !== null || rate !== null) {
    errors.push({
      argument: hours !== null ? 'feeHours' : 'hourlyRate',
      message: 'Stunden und Stundensatz gibt es nur bei Entgeltfinanzierung (§ 77 SGB VIII).',
    });
  }
  if (errors.length > 0) refuseFields(errors);

  const socialAreaId = scope.socialAreaId;
  // Approvals in one Sozialraum take turns, so each one's budget check sees the ones before it.
  await cmd.lock(`budget:${socialAreaId ?? 'kreisweit'}`);
  const years = await budgetCheck(
    cmd.sql,
    socialAreaId,
    application.id,
    input.amount,
    input.periodStart,
    input.periodEnd,
  );
  const exceeded = years.filter((year) => year.exceeds).map((year) => year.year);
  const now = new Date();
  const decision = cmd.tx.create(ApplicationDecision, {
    application,
    outcome: DecisionOutcome.APPROVED,
    justification: input.justification.trim(),
    decidedByName: cmd.caller.displayName,
    decidedAt: now,
    applicationRevisionNumber: latest.number,
    socialArea: socialAreaId ? cmd.tx.getReference(SocialArea, socialAreaId) : null,
    offerCategory: category,
    approvedAmount: input.amount,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    financingKind,
    feeHours: financingKind === FinancingKind.FEE ? (hours ?? 0).toFixed(2) : null,
    hourlyRate: financingKind === FinancingKind.FEE ? rate : null,
    budgetWarning: exceeded.length > 0,
    createdBy: cmd.caller.userId,
  });
  const before = application.state;
  application.state = transition.to;
  application.updatedAt = now;
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Application',
    entityId: application.id,
    details: {
      before: { state: before },
      after: {
        state: application.state,
        decisionId: decision.id,
        outcome: decision.outcome,
        revisionNumber: latest.number,
        amount: input.amount,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        financingKind,
        feeHours: decision.feeHours ?? null,
        hourlyRate: decision.hourlyRate ?? null,
        budgetWarning: decision.budgetWarning,
        budgetExceededYears: exceeded,
        budgetYears: years,
      },
    },
    justification: decision.justification,
  });
  return decision;
}

/** Step 10: the Regionalteam rejects a submitted application with a justification. */
export async function rejectApplication(
  cmd: Command,
  input: RejectApplicationInput,
): Promise<ApplicationDecision> {
  const application = await loadApplication(cmd, input.applicationId);
  const scope = applicationScopeOf(application);
  const transition = await authorizeDecision(cmd, application, scope, input.revision, 'reject');
  const category = await categoryOf(cmd, application);
  const latest = await latestRevision(cmd.sql, application.id);
  if (!latest) throw InvalidApplicationTransition(application.state, 'reject');
  const now = new Date();
  const decision = cmd.tx.create(ApplicationDecision, {
    application,
    outcome: DecisionOutcome.REJECTED,
    justification: input.justification.trim(),
    decidedByName: cmd.caller.displayName,
    decidedAt: now,
    applicationRevisionNumber: latest.number,
    socialArea: scope.socialAreaId ? cmd.tx.getReference(SocialArea, scope.socialAreaId) : null,
    offerCategory: category,
    createdBy: cmd.caller.userId,
  });
  const before = application.state;
  application.state = transition.to;
  application.updatedAt = now;
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Application',
    entityId: application.id,
    details: {
      before: { state: before },
      after: { state: application.state, decisionId: decision.id, outcome: decision.outcome },
    },
    justification: decision.justification,
  });
  return decision;
}
