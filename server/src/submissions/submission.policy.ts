import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Caller, Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import type { Form } from '../forms/form.entity.js';
import { OFFICE_ROLES } from '../master-data/master-data.policy.js';
import type { Submission } from './submission.entity.js';

const officeGrants = <R>(): Partial<Record<Role, Grant<R>>> =>
  Object.fromEntries(OFFICE_ROLES.map((role) => [role, true]));

const ownTräger: Grant<Pick<Submission, 'providerId'>> = (caller, submission) =>
  !!caller.providerId && submission.providerId === caller.providerId;

/**
 * Reading submissions: the office reads all of them; provider staff only those of their own Träger
 * (the same rule as the query filter `visibleSubmissions`).
 *
 * `readData`, a rule on one field: the content of a submission (what a Träger wrote in its application
 * or evaluation) is for those who work with it: the office roles of the process and the Träger itself.
 * The Fachgremium (COMMITTEE) sees that a submission exists, of which Träger and form, but steers with
 * the reports, not with single applications, so `data` is null for it (data minimisation, § 64 SGB VIII).
 */
export const submissionPolicy: Policy<'read' | 'readData', Pick<Submission, 'providerId'>> = {
  read: { ...officeGrants(), [Role.PROVIDER]: ownTräger },
  readData: {
    [Role.ADMIN]: true,
    [Role.TEAM_LEAD]: true,
    [Role.REGIONAL_TEAM]: true,
    [Role.FINANCE]: true,
    [Role.PROVIDER]: ownTräger,
  },
};

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
