import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Caller, Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import type { Body } from './body.entity.js';
import type { Need } from './need.entity.js';
import { isUuid, validIds } from '../common/uuid.scalar.js';

/** What the policy needs to know about a need: its Sozialraum (null: kreisweit), that area's Regionalteam, its author. */
export interface NeedScope {
  socialAreaId: string | null;
  regionalTeamId: string | null;
  createdBy: string;
}

export function scopeOf(need: Need): NeedScope {
  return {
    socialAreaId: need.socialArea?.id ?? null,
    regionalTeamId: need.socialArea?.regionalTeam?.id ?? null,
    createdBy: need.createdBy,
  };
}

/** A team lead acts in the Sozialräume it leads, and on the county-wide needs it recorded itself. */
const ledByCaller: Grant<NeedScope> = (caller, need) =>
  need.socialAreaId === null
    ? need.createdBy === caller.userId
    : validIds(caller.socialAreaIds).includes(need.socialAreaId);

/** A team lead reads the needs of its Sozialräume and every county-wide need. */
const readableByLead: Grant<NeedScope> = (caller, need) =>
  need.socialAreaId === null || validIds(caller.socialAreaIds).includes(need.socialAreaId);

/** A Regionalteam reads the needs of its Sozialräume and every county-wide need. */
const readableByRegionalTeam: Grant<NeedScope> = (caller, need) =>
  need.socialAreaId === null || (!!caller.regionalTeamId && need.regionalTeamId === caller.regionalTeamId);

export type NeedAction = 'read' | 'record' | 'change';

/**
 * Needs (Bedarfe). Deny by default. The team lead records and decides in its own Sozialräume (and on the
 * county-wide needs it recorded); the administration everywhere. The Regionalteam reads the needs of its
 * Sozialräume; finance and the committee read all. Provider staff never see needs (they see calls for
 * interest, later). Which change is possible in the need's state is the state machine's answer
 * (`process-logic`), checked after this policy.
 */
export const needPolicy: Policy<NeedAction, NeedScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.TEAM_LEAD]: readableByLead,
    [Role.REGIONAL_TEAM]: readableByRegionalTeam,
    [Role.FINANCE]: true,
    [Role.COMMITTEE]: true,
  },
  record: { [Role.ADMIN]: true, [Role.TEAM_LEAD]: ledByCaller },
  change: { [Role.ADMIN]: true, [Role.TEAM_LEAD]: ledByCaller },
};

/** The needs `caller` may read, as a query filter (the same rule as `needPolicy.read`). */
export function visibleNeeds(caller: Caller): FilterQuery<Need> {
  const roles = caller.roles;
  if (roles.some((role) => role === Role.ADMIN || role === Role.FINANCE || role === Role.COMMITTEE))
    return {};
  const scopes: FilterQuery<Need>[] = [];
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
  return scopes.length > 0 ? { $or: scopes } : { id: { $in: [] } };
}

export type BodyAction = 'read' | 'create' | 'update';

/** Bodies (Gremien): the office reads them, the administration keeps them. */
export const bodyPolicy: Policy<BodyAction, Body> = {
  read: {
    [Role.ADMIN]: true,
    [Role.TEAM_LEAD]: true,
    [Role.REGIONAL_TEAM]: true,
    [Role.FINANCE]: true,
    [Role.COMMITTEE]: true,
  },
  create: { [Role.ADMIN]: true },
  update: { [Role.ADMIN]: true },
};
