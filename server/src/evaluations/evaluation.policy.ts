import type { FilterQuery } from '@mikro-orm/postgresql';
import { EvaluationState } from '../../../process-logic/index.js';
import { type Caller, Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import type { Offer } from '../offers/offer.entity.js';
import { type OfferScope, offerScopeOf, visibleOffers } from '../offers/offer.policy.js';
import type { Evaluation } from './evaluation.entity.js';
import { validIds } from '../common/uuid.scalar.js';

/** What the evaluation policy needs to know: the offer's scope and who recorded its need (for kreisweit offers). */
export interface EvaluationScope extends OfferScope {
  needCreatedBy: string;
}

/** The scope of an offer loaded with `socialArea.regionalTeam`, `provider` and `need`. */
export function evaluationScopeOfOffer(offer: Offer): EvaluationScope {
  return { ...offerScopeOf(offer), needCreatedBy: offer.need.createdBy };
}

export function evaluationScopeOf(evaluation: Evaluation): EvaluationScope {
  return evaluationScopeOfOffer(evaluation.offer);
}

const readableByLead: Grant<EvaluationScope> = (caller, scope) =>
  scope.socialAreaId === null || validIds(caller.socialAreaIds).includes(scope.socialAreaId);
/** A team lead acts on the offers of its Sozialräume, and on the kreisweit ones whose need it recorded. */
const ledByCaller: Grant<EvaluationScope> = (caller, scope) =>
  scope.socialAreaId === null
    ? scope.needCreatedBy === caller.userId
    : validIds(caller.socialAreaIds).includes(scope.socialAreaId);
const inRegion: Grant<EvaluationScope> = (caller, scope) =>
  scope.socialAreaId === null || (!!caller.regionalTeamId && scope.regionalTeamId === caller.regionalTeamId);
const ownTräger: Grant<EvaluationScope> = (caller, scope) =>
  !!caller.providerId && scope.providerId === caller.providerId;

export type EvaluationAction = 'read' | 'readData' | 'edit' | 'review' | 'adjustGoals';

/**
 * Half-yearly evaluations and the goals of an offer, scoped by the offer. Deny by default. Provider staff
 * read, fill and submit their own Träger's; the team lead of the offer's Sozialraum reads and reviews them
 * (accept, request changes) and adjusts the offer's goals (Umsteuerung); the Regionalteam reads those of
 * its region, finance and the administration all. The committee sees the figures (state, dates, accepted
 * facts), never the content (`readData`: the form data, comments, goal texts).
 */
export const evaluationPolicy: Policy<EvaluationAction, EvaluationScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.COMMITTEE]: true,
    [Role.TEAM_LEAD]: readableByLead,
    [Role.REGIONAL_TEAM]: inRegion,
    [Role.PROVIDER]: ownTräger,
  },
  readData: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.TEAM_LEAD]: readableByLead,
    [Role.REGIONAL_TEAM]: inRegion,
    [Role.PROVIDER]: ownTräger,
  },
  edit: { [Role.PROVIDER]: ownTräger },
  review: { [Role.TEAM_LEAD]: ledByCaller },
  adjustGoals: { [Role.TEAM_LEAD]: ledByCaller },
};

/** Who reads the list of overdue evaluations: the team lead (its scope), finance and the administration. */
export const OVERDUE_LIST_ROLES: readonly Role[] = [Role.TEAM_LEAD, Role.FINANCE, Role.ADMIN];

/** The evaluations `caller` may read, as a query filter (the same rule as `evaluationPolicy.read`). */
export function visibleEvaluations(caller: Caller): FilterQuery<Evaluation> {
  return { offer: visibleOffers(caller) } as FilterQuery<Evaluation>;
}

/** Evaluations that count as overdue once their due date has passed: not submitted (again) yet. */
export const OPEN_EVALUATION_STATES: readonly EvaluationState[] = [
  EvaluationState.DUE,
  EvaluationState.CHANGES_REQUESTED,
];
