import type { Role } from '../gql/graphql.js';

/** Who sees the notices to issue (the office; FINANCE issues them). */
export const NOTICE_QUEUE_ROLES: readonly Role[] = [
  'ADMIN',
  'TEAM_LEAD',
  'REGIONAL_TEAM',
  'FINANCE',
  'COMMITTEE',
];

/** Who has the notices in the navigation. */
export const NOTICE_NAVIGATION_ROLES: readonly Role[] = ['FINANCE'];
