import { ApplicationState, checkTransition, type ProcessRole } from '../../../process-logic/index.js';
import { ApplicationRevision } from '../applications/application.entity.js';
import { applicationScopeOf } from '../applications/application.policy.js';
import { InvalidApplicationTransition, loadApplication } from '../applications/application.service.js';
import type { Command } from '../common/command.js';
import { BadUserInput, Conflict, Forbidden, NotFound } from '../common/errors.js';
import { isIsoDate, splitByBudgetYear } from '../decisions/budget-split.js';
import { ApplicationDecision, DecisionOutcome } from '../decisions/decision.entity.js';
import { bookCommitments } from '../budget/ledger.service.js';
import { startOfferFollowUp } from '../evaluations/offer-follow-up.js';
import { FinancingKind, OfferCategory } from '../master-data/offer-category.entity.js';
import { Provider } from '../master-data/provider.entity.js';
import { rolesAllowed } from '../needs/need.service.js';
import { Offer } from '../offers/offer.entity.js';
import { DecisionNotice, DecisionNoticeShare } from './notice.entity.js';
import { type NoticeScope, noticePolicy } from './notice.policy.js';
import { formatNoticeNumber, noticeSettings } from './notice-settings.js';
import { todayInVerden } from '../common/local-date.js';

/** The legal basis of each financing kind. */
export const LEGAL_BASIS: Record<FinancingKind, string> = {
  [FinancingKind.FEE]: '§ 77 SGB VIII',
  [FinancingKind.GRANT]: '§ 74 SGB VIII',
};

export interface IssueNoticeArgs {
  applicationId: string;
  /** ISO date; default: today. */
  noticeDate?: string | null;
}

/**
 * Step 11: FINANCE issues the notice (Bescheid) for an approved application that has none: the next number
 * of the notice date's year (allocated under a lock in the transaction, so parallel issues get distinct
 * consecutive numbers), the addressee from the Träger's master data, the approved figures with the legal
 * basis, and the split per budget year as typed facts. The application becomes a running offer (offer
 * transition `start`), whose goals and half-yearly evaluations follow in the same transaction; each budget
 * year's share is committed in the ledger (COMMITMENT entries) in that transaction too.
 */
export async function issueNotice(cmd: Command, input: IssueNoticeArgs): Promise<DecisionNotice> {
  const application = await loadApplication(cmd, input.applicationId);
  const applicationScope = applicationScopeOf(application);
  const scope: NoticeScope = {
    providerId: application.provider.id,
    socialAreaId: applicationScope.socialAreaId,
    regionalTeamId: applicationScope.regionalTeamId,
  };
  cmd.authorize(noticePolicy, 'issue', scope);
  const roles = rolesAllowed(noticePolicy, cmd.caller, 'issue', scope) as ProcessRole[];
  const start = checkTransition('offer', null, 'start', roles);
  if (!start.ok) throw Forbidden(undefined, { entityType: 'Offer', reason: 'TRANSITION_ROLE' });
  if (application.state !== ApplicationState.APPROVED)
    throw InvalidApplicationTransition(application.state, 'issueNotice');
  const noticeDate = input.noticeDate ?? todayInVerden();
  if (!isIsoDate(noticeDate))
    throw BadUserInput('Das Datum des Bescheids ist ungültig.', {
      fields: [
        { argument: 'noticeDate', message: 'Das Datum des Bescheids ist ungültig (z. B. 2027-01-15).' },
      ],
    });
  await cmd.lock(`notice:${application.id}`);
  const existing = await cmd.tx.findOne(DecisionNotice, { application: application.id });
  if (existing)
    throw Conflict('Zu dieser Interessensbekundung ist bereits ein Bescheid erlassen.', {
      reason: 'NOTICE_EXISTS',
      noticeId: existing.id,
      number: existing.number,
    });
  const decision = await cmd.tx.findOne(ApplicationDecision, {
    application: application.id,
    outcome: DecisionOutcome.APPROVED,
  });
  if (!decision || decision.approvedAmount == null || !decision.periodStart || !decision.periodEnd)
    throw InvalidApplicationTransition(application.state, 'issueNotice');
  const provider = await cmd.tx.findOne(Provider, { id: application.provider.id });
  if (!provider) throw NotFound('Der Träger');
  const category = await cmd.tx.findOne(OfferCategory, { id: decision.offerCategory.id });
  if (!category) throw NotFound('Die Angebotskategorie');
  const revision = await cmd.tx.findOne(ApplicationRevision, {
    application: application.id,
    number: decision.applicationRevisionNumber,
  });
  const offerDescriptionData = revision?.offerDescriptionData ?? application.offerDescriptionData;
  const rawTitle = offerDescriptionData.title;
  const title = (
    typeof rawTitle === 'string' && rawTitle.trim() ? rawTitle.trim() : application.call.need.title
  ).slice(0, 200);
  const financingKind = decision.financingKind ?? category.financingKind;
  const socialArea = application.call.need.socialArea ?? null;

  const year = Number(noticeDate.slice(0, 4));
  await cmd.lock(`notice-number:${year}`);
  const [counter] = await cmd.sql<{ last: number | null }>(
    `select max("sequence") as "last" from "decision_notice" where "year" = ?`,
    [year],
  );
  const sequence = Number(counter?.last ?? 0) + 1;
  const number = formatNoticeNumber(noticeSettings().numberPattern, year, sequence);

  const offer = cmd.tx.create(Offer, {
    application,
    need: application.call.need,
    socialArea,
    provider,
    offerCategory: category,
    financingKind,
    title,
    periodStart: decision.periodStart,
    periodEnd: decision.periodEnd,
    approvedAmount: decision.approvedAmount,
    feeHours: decision.feeHours ?? null,
    hourlyRate: decision.hourlyRate ?? null,
    state: start.transition.to,
    createdBy: cmd.caller.userId,
  });
  const notice = cmd.tx.create(DecisionNotice, {
    application,
    decision,
    offer,
    number,
    year,
    sequence,
    noticeDate,
    provider,
    addresseeName: provider.name,
    addresseeStreet: provider.street ?? null,
    addresseePostalCode: provider.postalCode ?? null,
    addresseeCity: provider.city ?? null,
    title,
    socialArea,
    offerCategory: category,
    amount: decision.approvedAmount,
    periodStart: decision.periodStart,
    periodEnd: decision.periodEnd,
    financingKind,
    legalBasis: LEGAL_BASIS[financingKind],
    feeHours: decision.feeHours ?? null,
    hourlyRate: decision.hourlyRate ?? null,
    issuedByName: cmd.caller.displayName,
    createdBy: cmd.caller.userId,
  });
  const shares = splitByBudgetYear(decision.approvedAmount, decision.periodStart, decision.periodEnd);
  for (const share of shares) {
    cmd.tx.create(DecisionNoticeShare, {
      notice,
      budgetYear: share.year,
      amount: share.amount,
      financingKind,
      socialArea,
      provider,
      offerCategory: category,
      createdBy: cmd.caller.userId,
    });
  }
  bookCommitments(cmd, { offer, noticeId: notice.id, noticeDate, shares });
  await cmd.tx.flush();
  await startOfferFollowUp(cmd, offer, offerDescriptionData);
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'DecisionNotice',
    entityId: notice.id,
    details: {
      after: {
        number,
        noticeDate,
        applicationId: application.id,
        offerId: offer.id,
        providerId: provider.id,
        amount: notice.amount,
        periodStart: notice.periodStart,
        periodEnd: notice.periodEnd,
        financingKind,
        legalBasis: notice.legalBasis,
        shares: shares.map((share) => ({ year: share.year, amount: share.amount })),
      },
    },
  });
  return notice;
}
