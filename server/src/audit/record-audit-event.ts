import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../common/context.js';
import { AuditOutcome } from './audit-event.entity.js';

/** One audit event as the platform writes it (see `AuditEvent`). */
export interface AuditRecord {
  operation: string;
  outcome: AuditOutcome;
  requestId?: string | null;
  /** Who acted; null for an unknown account (failed sign-in). */
  caller?: Pick<Caller, 'userId' | 'displayName'> | null;
  role?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  details?: Record<string, unknown> | null;
  justification?: string | null;
}

const COLUMNS =
  '"request_id", "user_id", "user_name", "role", "operation", "entity_type", "entity_id", "outcome", "details", "justification"';

/** The values of `record` in the order of `COLUMNS`. */
export function auditValues(record: AuditRecord): unknown[] {
  return [
    record.requestId ?? null,
    record.caller?.userId ?? null,
    record.caller?.displayName ?? null,
    record.role ?? null,
    record.operation,
    record.entityType ?? null,
    record.entityId ?? null,
    record.outcome,
    record.details ? JSON.stringify(record.details) : null,
    record.justification ?? null,
  ];
}

/**
 * Writes one audit event through `em`: inside a command's transaction when `em` is its transaction,
 * otherwise on its own (denials and failed sign-ins, whose command was rolled back or never ran).
 */
export async function recordAuditEvent(em: EntityManager, record: AuditRecord): Promise<void> {
  await em.execute(
    `insert into "audit_event" (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)`,
    auditValues(record),
  );
}

/**
 * A data-modifying `with` clause that records one SUCCESS event for each row of the `with` clause
 * `source` (its `id` column names the entity), for commands that are one statement. `first` is the
 * number of the first `$` parameter it uses; it uses as many as `auditValues` returns.
 */
export function auditClause(source: string, first: number): string {
  const p = (offset: number) => `$${first + offset}`;
  return `"audit" as (
      insert into "audit_event" (${COLUMNS})
      select ${p(0)}, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, coalesce("${source}"."id"::text, ${p(6)}), ${p(7)}::audit_outcome, ${p(8)}::jsonb, ${p(9)}
        from "${source}"
    )`;
}
