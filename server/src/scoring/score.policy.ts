import type { FilterQuery } from '@mikro-orm/postgresql';
import { ApplicationState } from '../../../process-logic/index.js';
import { type ApplicationScope, applicationScopeOf } from '../applications/application.policy.js';
import type { Application } from '../applications/application.entity.js';
import { type Caller, Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import { type NeedScope, visibleNeeds } from '../needs/need.policy.js';
import type { Score } from './score.entity.js';
import { validIds } from '../common/uuid.scalar.js';

/** What the policy needs to know about a score: its application's scope, its scorer, whether it was submitted. */
export interface ScoreScope extends ApplicationScope {
  scorerId: string | null;
  scoreSubmitted: boolean;
}

export function scoreScopeOf(score: Score): ScoreScope {
  return {
    ...applicationScopeOf(score.application),
    scorerId: score.scorerId,
    scoreSubmitted: !!score.submittedAt,
  };
}

/** The scope of a score not yet started by the caller (for `start` and `viewerCan.score`). */
export function newScoreScopeOf(application: Application, caller: Caller): ScoreScope {
  return { ...applicationScopeOf(application), scorerId: caller.userId, scoreSubmitted: false };
}

const inLeadsAreas: Grant<NeedScope> = (caller, scope) =>
  scope.socialAreaId === null || validIds(caller.socialAreaIds).includes(scope.socialAreaId);
const ledByCaller: Grant<NeedScope> = (caller, scope) =>
  scope.socialAreaId === null
    ? scope.createdBy === caller.userId
    : validIds(caller.socialAreaIds).includes(scope.socialAreaId);
const inRegion: Grant<NeedScope> = (caller, scope) =>
  scope.socialAreaId === null || (!!caller.regionalTeamId && scope.regionalTeamId === caller.regionalTeamId);
const ownScore: Grant<ScoreScope> = (caller, scope) => scope.scorerId === caller.userId;

export type ScoreAction = 'read' | 'readData' | 'score';

/**
 * Scores (Anlage 3). Deny by default; providers never see a score, not even of their own application.
 * The team lead of the need's Sozialraum and the administration score (each only its own score); the team
 * lead reads the scores of its Sozialräume' needs, the Regionalteam those of its region, finance and the
 * administration all. The committee sees submitted scores' weighted figures only, never a draft and never
 * the sheet (`readData`).
 */
export const scorePolicy: Policy<ScoreAction, ScoreScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.TEAM_LEAD]: inLeadsAreas,
    [Role.REGIONAL_TEAM]: inRegion,
    [Role.COMMITTEE]: (_caller, score) => score.scoreSubmitted,
  },
  readData: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.TEAM_LEAD]: inLeadsAreas,
    [Role.REGIONAL_TEAM]: inRegion,
  },
  score: {
    [Role.ADMIN]: ownScore,
    [Role.TEAM_LEAD]: (caller, scope) => ownScore(caller, scope) && ledByCaller(caller, scope),
  },
};

/** Who reads the ranking of a need's applications (the weighted figures; amounts need `readData`). */
export const rankingPolicy: Policy<'read', NeedScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.TEAM_LEAD]: inLeadsAreas,
    [Role.REGIONAL_TEAM]: inRegion,
    [Role.COMMITTEE]: true,
  },
};

/** The scores `caller` may see, as a query filter (the same rule as `scorePolicy.read`). */
export function visibleScores(caller: Caller): FilterQuery<Score> {
  const roles = caller.roles;
  if (roles.includes(Role.ADMIN) || roles.includes(Role.FINANCE)) return {};
  const scopes: FilterQuery<Score>[] = [];
  if (roles.includes(Role.TEAM_LEAD) || roles.includes(Role.REGIONAL_TEAM)) {
    const needFilter = visibleNeeds({
      ...caller,
      roles: roles.filter((role) => role === Role.TEAM_LEAD || role === Role.REGIONAL_TEAM),
    });
    scopes.push({ application: { call: { need: needFilter } } } as FilterQuery<Score>);
  }
  if (roles.includes(Role.COMMITTEE)) scopes.push({ submittedAt: { $ne: null } });
  return scopes.length > 0 ? { $or: scopes } : { id: { $in: [] } };
}

/** Application states in which an application is scored (submitted or later, not withdrawn). */
export const SCORABLE_APPLICATION_STATES: readonly ApplicationState[] = [
  ApplicationState.SUBMITTED,
  ApplicationState.CHANGES_REQUESTED,
  ApplicationState.APPROVED,
  ApplicationState.REJECTED,
];
