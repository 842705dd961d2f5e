import type { Role } from '../gql/graphql.js';

/** The roles that read needs (the server's need policy); provider staff see calls for interest instead. */
export const NEED_READER_ROLES: readonly Role[] = [
  'ADMIN',
  'TEAM_LEAD',
  'REGIONAL_TEAM',
  'FINANCE',
  'COMMITTEE',
];
