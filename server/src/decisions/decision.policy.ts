import { type ApplicationScope } from '../applications/application.policy.js';
import { type Caller, Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import type { NeedScope } from '../needs/need.policy.js';
import { validIds } from '../common/uuid.scalar.js';

const inLeadsAreas: Grant<NeedScope> = (caller, scope) =>
  scope.socialAreaId === null || validIds(caller.socialAreaIds).includes(scope.socialAreaId);
/**
 * The Regionalteam whose region holds the need's Sozialraum. A kreisweit need (no Sozialraum) concerns
 * every region: any Regionalteam reads and decides it (it is not charged to a Sozialraum's budget).
 */
const inRegion: Grant<NeedScope> = (caller, scope) =>
  scope.socialAreaId === null || (!!caller.regionalTeamId && scope.regionalTeamId === caller.regionalTeamId);
const ownTräger: Grant<ApplicationScope> = (caller, scope) =>
  !!caller.providerId && scope.providerId === caller.providerId;

export type DecisionAction = 'read' | 'readBudget' | 'decide';

/**
 * Decisions on applications. Deny by default. The Regionalteam of the need's Sozialraum decides (approve
 * or reject; the state machine names the role). The office reads decisions and budget figures in its
 * scope (team lead: its Sozialräume; Regionalteam: its region; finance, administration and committee: all);
 * provider staff read the decision on their own Träger's application, never the budget figures.
 */
export const decisionPolicy: Policy<DecisionAction, ApplicationScope> = {
  read: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.COMMITTEE]: true,
    [Role.TEAM_LEAD]: inLeadsAreas,
    [Role.REGIONAL_TEAM]: inRegion,
    [Role.PROVIDER]: ownTräger,
  },
  readBudget: {
    [Role.ADMIN]: true,
    [Role.FINANCE]: true,
    [Role.COMMITTEE]: true,
    [Role.TEAM_LEAD]: inLeadsAreas,
    [Role.REGIONAL_TEAM]: inRegion,
  },
  decide: { [Role.REGIONAL_TEAM]: inRegion },
};

/** The roles of the youth office (everyone but provider staff). */
export const OFFICE_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.TEAM_LEAD,
  Role.REGIONAL_TEAM,
  Role.FINANCE,
  Role.COMMITTEE,
];

/** Whether the caller holds one of the office roles. */
export const isOffice = (caller: Caller | null): boolean =>
  !!caller && caller.roles.some((role) => OFFICE_ROLES.includes(role));
