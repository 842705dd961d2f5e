import type { Role } from '../gql/graphql.js';

/** Who has the Sozialraumbudget page (the server checks each request again). */
export const BUDGET_READER_ROLES: readonly Role[] = ['ADMIN', 'FINANCE', 'COMMITTEE'];

/** Who changes the Sozialraumbudget. */
export const BUDGET_ALLOCATOR_ROLES: readonly Role[] = ['ADMIN', 'FINANCE'];
