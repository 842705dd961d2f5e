import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Caller, Role } from '../common/context.js';
import { can, type Grant, type Policy } from '../common/policy.js';
import type { Form } from './form.entity.js';
import { type FormVersion, FormVersionStatus } from './form-version.entity.js';

const everyRole = <R>(grant: Grant<R>): Partial<Record<Role, Grant<R>>> =>
  Object.fromEntries(Object.values(Role).map((role) => [role, grant]));

/**
 * Forms: every signed-in role reads them (they are the office's public templates); only the
 * administration starts a new version (a draft).
 */
export const formPolicy: Policy<'read' | 'createDraft', Pick<Form, 'key'>> = {
  read: everyRole(true),
  createDraft: { [Role.ADMIN]: true },
};

const notDraft: Grant<Pick<FormVersion, 'status'>> = (_caller, version) =>
  version.status !== FormVersionStatus.DRAFT;

/**
 * Form versions: versions in force and archived ones are read by every role; drafts are work in progress
 * of the administration, which alone edits and publishes them. Whether a version is still a draft is the
 * command's state check (CONFLICT/NOT_DRAFT), not a question of permission.
 */
export const formVersionPolicy: Policy<
  'read' | 'update' | 'publish' | 'archive' | 'check',
  Pick<FormVersion, 'status'>
> = {
  read: { ...everyRole(notDraft), [Role.ADMIN]: true },
  update: { [Role.ADMIN]: true },
  publish: { [Role.ADMIN]: true },
  archive: { [Role.ADMIN]: true },
  /** Checking a definition or a draft's impact on stored records: the builder's tools. */
  check: { [Role.ADMIN]: true },
};

/** The versions `caller` may read, as a query filter (the same rule as `formVersionPolicy.read`). */
export function visibleFormVersions(caller: Caller | null): FilterQuery<FormVersion> {
  if (!caller) return { id: { $in: [] } };
  if (caller.roles.includes(Role.ADMIN)) return {};
  if (caller.roles.length > 0) return { status: { $ne: FormVersionStatus.DRAFT } };
  return { id: { $in: [] } };
}

/**
 * What the web may offer on a version: editing, publishing and archiving apply to drafts only; a new
 * draft may start from any version that is not itself the draft.
 */
export function formVersionViewerCan(
  caller: Caller | null,
  version: Pick<FormVersion, 'status' | 'form'>,
): { update: boolean; publish: boolean; archive: boolean; createDraftFrom: boolean } {
  const draft = version.status === FormVersionStatus.DRAFT;
  return {
    update: draft && can(formVersionPolicy, caller, 'update', version),
    publish: draft && can(formVersionPolicy, caller, 'publish', version),
    archive: draft && can(formVersionPolicy, caller, 'archive', version),
    createDraftFrom: !draft && can(formPolicy, caller, 'createDraft', version.form),
  };
}
