import type { Role } from '../gql/graphql.js';

/** Who has the decisions in the navigation (the Regionalteam decides; the office may open the page). */
export const DECISION_NAVIGATION_ROLES: readonly Role[] = ['REGIONAL_TEAM'];
