import type { Role } from '../gql/graphql.js';

/** Every role sees the Angebotsübersicht: the office by its scope, provider staff their own Träger's offers. */
export const OFFER_READER_ROLES: readonly Role[] = [
  'ADMIN',
  'TEAM_LEAD',
  'REGIONAL_TEAM',
  'FINANCE',
  'COMMITTEE',
  'PROVIDER',
];
