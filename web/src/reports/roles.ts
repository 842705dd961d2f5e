import type { Role } from '../gql/graphql.js';

/** The roles that see the committee's reports (each within its scope); provider staff do not. */
export const REPORT_READER_ROLES: readonly Role[] = [
  'COMMITTEE',
  'FINANCE',
  'ADMIN',
  'TEAM_LEAD',
  'REGIONAL_TEAM',
];
