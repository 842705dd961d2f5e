import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Caller, Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import { visibleNeeds } from '../needs/need.policy.js';
import type { DecisionNotice } from './notice.entity.js';
import { isUuid, validIds } from '../common/uuid.scalar.js';

/** What the policy needs to know about a notice (or the application it is for). */
export interface NoticeScope {
  providerId: string;
  /** null: kreisweit. */
  socialAreaId: string | null;
  regionalTeamId: string | null;
}

export function noticeScopeOf(notice: DecisionNotice): NoticeScope {
  const area = notice.application.call.need.socialArea ?? null;
  return {
    providerId: notice.provider.id,
    socialAreaId: area?.id ?? null,
    regionalTeamId: area?.regionalTeam?.id ?? null,
  };
}

const inLeadsAreas: Grant<NoticeScope> = (caller, scope) =>
  scope.socialAreaId === null || validIds(caller.socialAreaIds).includes(scope.socialAreaId);
const inRegion: Grant<NoticeScope> = (caller, scope) =>
  scope.socialAreaId === null || (!!caller.regionalTeamId && scope.regionalTeamId === caller.regionalTeamId);
const addressedToOwnTräger: Grant<NoticeScope> = (caller, scope) =>
  !!caller.providerId && scope.providerId === caller.providerId;

export type NoticeAction = 'read' | 'issue';

/**
 * Notices (Bescheide). Deny by default. FINANCE issues them. FINANCE and the administration read all; the
 * Träger a notice is addressed to reads it; the team lead and the Regionalteam read those of their
 * Sozialräume (kreisweit: all). The committee reads the figures in reports, not the letters.
 */
export const noticePolicy: Policy<NoticeAction, NoticeScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.TEAM_LEAD]: inLeadsAreas,
    [Role.REGIONAL_TEAM]: inRegion,
    [Role.PROVIDER]: addressedToOwnTräger,
  },
  issue: { [Role.FINANCE]: true },
};

/** The notices `caller` may read, as a query filter (the same rule as `noticePolicy.read`). */
export function visibleNotices(caller: Caller): FilterQuery<DecisionNotice> {
  const roles = caller.roles;
  if (roles.includes(Role.ADMIN) || roles.includes(Role.FINANCE)) return {};
  const scopes: FilterQuery<DecisionNotice>[] = [];
  if (roles.includes(Role.TEAM_LEAD) || roles.includes(Role.REGIONAL_TEAM)) {
    const needFilter = visibleNeeds({
      ...caller,
      roles: roles.filter((role) => role === Role.TEAM_LEAD || role === Role.REGIONAL_TEAM),
    });
    scopes.push({ application: { call: { need: needFilter } } } as FilterQuery<DecisionNotice>);
  }
  if (roles.includes(Role.PROVIDER) && caller.providerId && isUuid(caller.providerId)) {
    scopes.push({ provider: caller.providerId });
  }
  return scopes.length > 0 ? { $or: scopes } : { id: { $in: [] } };
}
