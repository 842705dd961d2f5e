import type { Caller, Role } from './context.js';

/**
 * When a role may take an action on a record: always (`true`) or when the rule holds for this caller
 * and record (for example "the record belongs to the caller's Träger").
 */
export type Grant<R> = true | ((caller: Caller, record: R) => boolean);

/**
 * What each role may do with one kind of record. Deny by default: an action a role is not listed for
 * is refused. One policy per feature lives in `<feature>.policy.ts`, and read queries apply the same
 * rules as filters (see each feature's `visible…` function).
 */
export type Policy<A extends string, R> = Record<A, Partial<Record<Role, Grant<R>>>>;

/**
 * The first of the caller's roles that allows `action` on `record`, or null when none does. The role
 * found is the one the audit trail records as used.
 */
export function allowingRole<A extends string, R>(
  policy: Policy<A, R>,
  caller: Caller | null,
  action: A,
  record: R,
): Role | null {
  if (!caller) return null;
  const grants = policy[action];
  for (const role of caller.roles) {
    const grant = grants[role];
    if (grant === true || (grant && grant(caller, record))) return role;
  }
  return null;
}

/** Whether the caller may take `action` on `record` under `policy`. */
export function can<A extends string, R>(
  policy: Policy<A, R>,
  caller: Caller | null,
  action: A,
  record: R,
): boolean {
  return allowingRole(policy, caller, action, record) !== null;
}
