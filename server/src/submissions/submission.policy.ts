import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Caller, Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import type { Form } from '../forms/form.entity.js';
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

/** A role may submit a form when the form names it among its submitter roles. */
const submitterGrant =
  (role: Role): Grant<Pick<Form, 'submitterRoles'>> =>
  (caller, form) =>
    form.submitterRoles.includes(role) && (role !== Role.PROVIDER || !!caller.providerId);

/**
 * Who may submit which form: the form's definition names the roles (Anlage 1 and 2 for providers, the
 * scoring sheet for team leads); provider staff need their Träger, to which the submission then belongs.
 */
export const formSubmissionPolicy: Policy<'submit', Pick<Form, 'submitterRoles'>> = {
  submit: Object.fromEntries(Object.values(Role).map((role) => [role, submitterGrant(role)])),
};
