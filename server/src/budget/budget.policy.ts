import { Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import { validIds } from '../common/uuid.scalar.js';
import type { OfferScope } from '../offers/offer.policy.js';

/** Where figures or an entry belong: a Sozialraum (null: kreisweit) and its Regionalteam. */
export interface BudgetScope {
  socialAreaId: string | null;
  regionalTeamId: string | null;
}

const leadsArea: Grant<BudgetScope> = (caller, scope) =>
  scope.socialAreaId !== null && validIds(caller.socialAreaIds).includes(scope.socialAreaId);
const teamsArea: Grant<BudgetScope> = (caller, scope) =>
  scope.socialAreaId !== null && !!caller.regionalTeamId && scope.regionalTeamId === caller.regionalTeamId;

export type BudgetAction = 'read' | 'allocate';

/**
 * The Sozialraumbudget. Finance, the committee and the administration read every Sozialraum's figures
 * (and the kreisweit ones); a team lead its Sozialräume, a Regionalteam those of its region. The
 * allocation is changed by the administration (it keeps the master data) and by finance (it keeps the
 * budget): both, so a change of the Haushaltsplan need not wait for one office. Provider staff see none.
 */
export const budgetPolicy: Policy<BudgetAction, BudgetScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.COMMITTEE]: true,
    [Role.TEAM_LEAD]: leadsArea,
    [Role.REGIONAL_TEAM]: teamsArea,
  },
  allocate: { [Role.ADMIN]: true, [Role.FINANCE]: true },
};

const leadsOffer: Grant<OfferScope> = (caller, offer) =>
  offer.socialAreaId === null || validIds(caller.socialAreaIds).includes(offer.socialAreaId);
const teamsOffer: Grant<OfferScope> = (caller, offer) =>
  offer.socialAreaId === null || (!!caller.regionalTeamId && offer.regionalTeamId === caller.regionalTeamId);

export type OfferFundsAction = 'read' | 'book';

/**
 * The funds of one offer (its commitments, payments, cancellations and repayments). The office reads
 * them where it reads the offer; only finance books payments, cancellations, repayments and corrections.
 * Provider staff see the offer, not the county's books.
 */
export const offerFundsPolicy: Policy<OfferFundsAction, OfferScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.COMMITTEE]: true,
    [Role.TEAM_LEAD]: leadsOffer,
    [Role.REGIONAL_TEAM]: teamsOffer,
  },
  book: { [Role.FINANCE]: true },
};
