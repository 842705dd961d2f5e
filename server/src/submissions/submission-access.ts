import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Caller, Role } from '../common/context.js';
import type { Submission } from './submission.entity.js';

/** Roles of the youth office that see every submission. */
const OFFICE_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.TEAM_LEAD,
  Role.REGIONAL_TEAM,
  Role.FINANCE,
  Role.COMMITTEE,
];

/**
 * The submissions `caller` may see, as a query filter: the office sees all, provider staff only their
 * own organisation's, anyone else nothing.
 */
export function visibleSubmissions(caller: Caller): FilterQuery<Submission> {
  if (caller.roles.some((role) => OFFICE_ROLES.includes(role))) return {};
  if (caller.roles.includes(Role.PROVIDER) && caller.providerId) return { providerId: caller.providerId };
  return { id: { $in: [] } };
}
