import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Caller, Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import type { Offer } from './offer.entity.js';
import { isUuid, validIds } from '../common/uuid.scalar.js';

/** What the policy needs to know about an offer: its Sozialraum (null: kreisweit), that area's Regionalteam, its Träger. */
export interface OfferScope {
  socialAreaId: string | null;
  regionalTeamId: string | null;
  providerId: string;
}

/** The scope of a loaded offer (its `socialArea.regionalTeam` and `provider` references suffice). */
export function offerScopeOf(offer: Offer): OfferScope {
  return {
    socialAreaId: offer.socialArea?.id ?? null,
    regionalTeamId: offer.socialArea?.regionalTeam?.id ?? null,
    providerId: offer.provider.id,
  };
}

/** A team lead reads the offers of its Sozialräume and every county-wide offer. */
const readableByLead: Grant<OfferScope> = (caller, offer) =>
  offer.socialAreaId === null || validIds(caller.socialAreaIds).includes(offer.socialAreaId);

/** A Regionalteam reads the offers of the Sozialräume in its region and every county-wide offer. */
const readableByRegionalTeam: Grant<OfferScope> = (caller, offer) =>
  offer.socialAreaId === null || (!!caller.regionalTeamId && offer.regionalTeamId === caller.regionalTeamId);

/** Provider staff read only the offers their own Träger runs. */
const ownTräger: Grant<OfferScope> = (caller, offer) =>
  !!caller.providerId && offer.providerId === caller.providerId;

export type OfferAction = 'read';

/**
 * Running and ended offers (Angebote). Deny by default. The team lead reads those of its Sozialräume,
 * the Regionalteam those of its region; both read every county-wide offer (the office decides them
 * together). Finance, the committee and the administration read all; provider staff only their own
 * Träger's. What an offer's evaluations allow lives in the evaluation policy.
 */
export const offerPolicy: Policy<OfferAction, OfferScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.COMMITTEE]: true,
    [Role.TEAM_LEAD]: readableByLead,
    [Role.REGIONAL_TEAM]: readableByRegionalTeam,
    [Role.PROVIDER]: ownTräger,
  },
};

/** The offers `caller` may read, as a query filter (the same rule as `offerPolicy.read`). */
export function visibleOffers(caller: Caller): FilterQuery<Offer> {
  const roles = caller.roles;
  if (roles.some((role) => role === Role.ADMIN || role === Role.FINANCE || role === Role.COMMITTEE))
    return {};
  const scopes: FilterQuery<Offer>[] = [];
  if (roles.includes(Role.TEAM_LEAD) || roles.includes(Role.REGIONAL_TEAM)) {
    scopes.push({ socialArea: null });
  }
  if (roles.includes(Role.TEAM_LEAD)) {
    const areas = validIds(caller.socialAreaIds);
    if (areas.length > 0) scopes.push({ socialArea: { $in: areas } });
  }
  if (roles.includes(Role.REGIONAL_TEAM) && caller.regionalTeamId && isUuid(caller.regionalTeamId)) {
    scopes.push({ socialArea: { regionalTeam: caller.regionalTeamId } });
  }
  if (roles.includes(Role.PROVIDER) && caller.providerId && isUuid(caller.providerId)) {
    scopes.push({ provider: caller.providerId });
  }
  return scopes.length > 0 ? { $or: scopes } : { id: { $in: [] } };
}

/**
 * `visibleOffers` as an SQL condition on the offer table aliased `alias`, with its `?` parameters: for
 * the overview's sorted list and its CSV export, which read with SQL. Both rules must say the same
 * (the authorization matrix checks the list against `offer(id)`).
 */
export function visibleOffersSql(caller: Caller, alias: string): { sql: string; params: unknown[] } {
  const roles = caller.roles;
  if (roles.some((role) => role === Role.ADMIN || role === Role.FINANCE || role === Role.COMMITTEE))
    return { sql: 'true', params: [] };
  const parts: string[] = [];
  const params: unknown[] = [];
  if (roles.includes(Role.TEAM_LEAD) || roles.includes(Role.REGIONAL_TEAM)) {
    parts.push(`${alias}.social_area_id is null`);
  }
  if (roles.includes(Role.TEAM_LEAD)) {
    const areas = validIds(caller.socialAreaIds);
    if (areas.length > 0) {
      parts.push(`${alias}.social_area_id in (${areas.map(() => '?').join(', ')})`);
      params.push(...areas);
    }
  }
  if (roles.includes(Role.REGIONAL_TEAM) && caller.regionalTeamId && isUuid(caller.regionalTeamId)) {
    parts.push(`${alias}.social_area_id in (select id from social_area where regional_team_id = ?)`);
    params.push(caller.regionalTeamId);
  }
  if (roles.includes(Role.PROVIDER) && caller.providerId && isUuid(caller.providerId)) {
    parts.push(`${alias}.provider_id = ?`);
    params.push(caller.providerId);
  }
  return parts.length > 0 ? { sql: `(${parts.join(' or ')})`, params } : { sql: 'false', params: [] };
}
