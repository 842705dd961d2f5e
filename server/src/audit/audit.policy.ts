import { Role } from '../common/context.js';
import type { Policy } from '../common/policy.js';

/** What can be done with the audit trail: read it (the log, a record's history) and export it as CSV. */
export type AuditAction = 'read' | 'export';

/**
 * Only the administration (Jugendhilfeplanung) reads the audit trail: it names who did what to which
 * record, which is itself personal data. Deny by default for every other role.
 */
export const auditPolicy: Policy<AuditAction, null> = {
  read: { [Role.ADMIN]: true },
  export: { [Role.ADMIN]: true },
};
