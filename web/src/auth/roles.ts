import type { Role } from '../gql/graphql.js';

/** The roles in the order the process names them, with their German names. */
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  ADMIN: 'Administration (Jugendhilfeplanung)',
  TEAM_LEAD: 'Leitung Sozialraumteam',
  REGIONAL_TEAM: 'Regionalteam',
  FINANCE: 'Wirtschaftliche Jugendhilfe',
  PROVIDER: 'Freier Träger',
  COMMITTEE: 'Fachgremium Sozialraummanagement',
};

export const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[];

/** „Freier Träger, Regionalteam“ */
export const roleNames = (roles: readonly Role[]): string =>
  ALL_ROLES.filter((role) => roles.includes(role))
    .map((role) => ROLE_LABELS[role])
    .join(', ');

/** Whether the caller holds at least one of `roles`. */
export const holdsAnyRole = (callerRoles: readonly Role[], roles: readonly Role[]): boolean =>
  callerRoles.some((role) => roles.includes(role));
