import type { FilterQuery } from '@mikro-orm/postgresql';
import { ApplicationState } from '../../../process-logic/index.js';
import { type Caller, Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import { type NeedScope, visibleNeeds } from '../needs/need.policy.js';
import type { Application } from './application.entity.js';
import type { CallForInterest } from './call-for-interest.entity.js';
import { isUuid, validIds } from '../common/uuid.scalar.js';

/** What the policies need to know about a call: its need's scope, whether it is open, whom it invites. */
export interface CallScope extends NeedScope {
  open: boolean;
  openToAll: boolean;
  invitedProviderIds: readonly string[];
}

/** Whether the call takes applications now (server time). */
export function isCallOpen(call: CallForInterest, now = new Date()): boolean {
  return call.need.state === 'OPEN_FOR_APPLICATIONS' && call.deadline.getTime() > now.getTime();
}

export function callScopeOf(call: CallForInterest, now = new Date()): CallScope {
  return {
    socialAreaId: call.need.socialArea?.id ?? null,
    regionalTeamId: call.need.socialArea?.regionalTeam?.id ?? null,
    createdBy: call.need.createdBy,
    open: isCallOpen(call, now),
    openToAll: call.openToAll,
    invitedProviderIds: call.invitedProviderIds,
  };
}

/** A provider sees a call while it is open, when it is open to all or invites the provider's Träger. */
const openToCallersTräger: Grant<CallScope> = (caller, call) =>
  !!caller.providerId && call.open && (call.openToAll || call.invitedProviderIds.includes(caller.providerId));

const inLeadsAreas: Grant<NeedScope> = (caller, scope) =>
  scope.socialAreaId === null || validIds(caller.socialAreaIds).includes(scope.socialAreaId);
const ledByCaller: Grant<NeedScope> = (caller, scope) =>
  scope.socialAreaId === null
    ? scope.createdBy === caller.userId
    : validIds(caller.socialAreaIds).includes(scope.socialAreaId);
const inRegion: Grant<NeedScope> = (caller, scope) =>
  scope.socialAreaId === null || (!!caller.regionalTeamId && scope.regionalTeamId === caller.regionalTeamId);

/**
 * Calls for interest. The office reads them as it reads their needs; provider staff read (and apply to)
 * the open calls for all providers or inviting their Träger, and only what the call shows.
 */
export const callPolicy: Policy<'read' | 'apply', CallScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.TEAM_LEAD]: inLeadsAreas,
    [Role.REGIONAL_TEAM]: inRegion,
    [Role.FINANCE]: true,
    [Role.COMMITTEE]: true,
    [Role.PROVIDER]: openToCallersTräger,
  },
  apply: { [Role.PROVIDER]: openToCallersTräger },
};

/** The calls `caller` may see, as a query filter (the same rule as `callPolicy.read`). */
export function visibleCalls(caller: Caller, now = new Date()): FilterQuery<CallForInterest> {
  const scopes: FilterQuery<CallForInterest>[] = [];
  if (caller.roles.some((role) => role !== Role.PROVIDER)) {
    scopes.push({ need: visibleNeeds(caller) as FilterQuery<CallForInterest['need']> });
  }
  if (caller.roles.includes(Role.PROVIDER) && caller.providerId && isUuid(caller.providerId)) {
    scopes.push({
      need: { state: 'OPEN_FOR_APPLICATIONS' },
      deadline: { $gt: now },
      $or: [{ openToAll: true }, { invitedProviderIds: { $overlap: [caller.providerId] } }],
    });
  }
  return scopes.length > 0 ? { $or: scopes } : { id: { $in: [] } };
}

/** What the policy needs to know about an application: its Träger, its need's scope, whether it was ever submitted. */
export interface ApplicationScope extends NeedScope {
  providerId: string;
  submitted: boolean;
}

export function applicationScopeOf(application: Application): ApplicationScope {
  const need = application.call.need;
  return {
    providerId: application.provider.id,
    socialAreaId: need.socialArea?.id ?? null,
    regionalTeamId: need.socialArea?.regionalTeam?.id ?? null,
    createdBy: need.createdBy,
    submitted: !!application.submittedAt,
  };
}

const ownTräger: Grant<ApplicationScope> = (caller, application) =>
  !!caller.providerId && application.providerId === caller.providerId;

export type ApplicationAction = 'read' | 'readData' | 'edit' | 'review';

/**
 * Applications (Interessensbekundungen). Deny by default. Provider staff read and edit only their own
 * Träger's; the team lead reads those of its Sozialräume' needs and requests changes there; the
 * Regionalteam reads those of its region; finance and the administration read all. The committee sees
 * that an application was submitted (metadata), never a draft and never the content (`readData`).
 * Which change is possible in the application's state is the state machine's answer (`process-logic`).
 */
export const applicationPolicy: Policy<ApplicationAction, ApplicationScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.TEAM_LEAD]: inLeadsAreas,
    [Role.REGIONAL_TEAM]: inRegion,
    [Role.COMMITTEE]: (_caller, application) => application.submitted,
    [Role.PROVIDER]: ownTräger,
  },
  readData: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.TEAM_LEAD]: inLeadsAreas,
    [Role.REGIONAL_TEAM]: inRegion,
    [Role.PROVIDER]: ownTräger,
  },
  edit: { [Role.PROVIDER]: ownTräger },
  review: { [Role.ADMIN]: true, [Role.TEAM_LEAD]: ledByCaller },
};

/** The applications `caller` may see, as a query filter (the same rule as `applicationPolicy.read`). */
export function visibleApplications(caller: Caller): FilterQuery<Application> {
  const roles = caller.roles;
  if (roles.includes(Role.ADMIN) || roles.includes(Role.FINANCE)) return {};
  const scopes: FilterQuery<Application>[] = [];
  if (roles.includes(Role.TEAM_LEAD) || roles.includes(Role.REGIONAL_TEAM)) {
    const needFilter = visibleNeeds({
      ...caller,
      roles: roles.filter((role) => role === Role.TEAM_LEAD || role === Role.REGIONAL_TEAM),
    });
    scopes.push({ call: { need: needFilter } } as FilterQuery<Application>);
  }
  if (roles.includes(Role.COMMITTEE)) scopes.push({ submittedAt: { $ne: null } });
  if (roles.includes(Role.PROVIDER) && caller.providerId && isUuid(caller.providerId)) {
    scopes.push({ provider: caller.providerId });
  }
  return scopes.length > 0 ? { $or: scopes } : { id: { $in: [] } };
}

/** States in which an application counts against "one application per Träger and call". */
export const LIVE_APPLICATION_STATES: readonly ApplicationState[] = [
  ApplicationState.DRAFT,
  ApplicationState.SUBMITTED,
  ApplicationState.CHANGES_REQUESTED,
  ApplicationState.APPROVED,
];
