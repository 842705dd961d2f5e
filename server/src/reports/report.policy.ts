import type { Policy } from '../common/policy.js';

/**
 * Reports are the committee's: the office roles run them within their scope (report-query.ts narrows
 * team leads and Regionalteams to their Sozialräume); provider staff run none. Only administrators
 * read and save definitions.
 */
export const reportPolicy: Policy<'run' | 'edit', null> = {
  run: { ADMIN: true, FINANCE: true, COMMITTEE: true, TEAM_LEAD: true, REGIONAL_TEAM: true },
  edit: { ADMIN: true },
};
