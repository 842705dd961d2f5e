import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client as PgClient, QueryResultRow } from 'pg';
import { AuditOutcome } from '../audit/audit-event.entity.js';
import { type AuditRecord, auditClause, auditValues, recordAuditEvent } from '../audit/record-audit-event.js';
import { toClientError } from './client-error.js';
import { type Caller, Role } from './context.js';
import { Forbidden, Unauthenticated } from './errors.js';
import { allowingRole, type Policy } from './policy.js';

/** What a command needs to know about the request it runs in. */
export interface CommandContext {
  /** The request's unit of work; the command forks a transaction from it. */
  em: EntityManager;
  caller: Caller | null;
  requestId: string;
}

/** What the audit event of a command says about the record it acted on. */
export interface AuditEntry {
  /** The kind of record, e.g. `FormVersion`, `Provider`, `User`. */
  entityType: string;
  entityId: string;
  /** What changed (fields before and after) or which document version was submitted; never secrets. */
  details?: Record<string, unknown> | null;
  /** The reason the caller gave, where the operation asks for one. */
  justification?: string | null;
}

/** One running command: who runs it, in which request, and its transaction. */
export interface Command {
  /** The operation's name, e.g. `publishFormVersion` (the audit trail records it). */
  readonly name: string;
  readonly caller: Caller;
  readonly requestId: string;
  /** The command's transaction: every read and write of the command goes through it. */
  readonly tx: EntityManager;
  /** Runs raw SQL inside the command's transaction (`?` placeholders). */
  sql<T = Record<string, unknown>>(query: string, params?: readonly unknown[]): Promise<T[]>;
  /**
   * Takes a transaction-scoped advisory lock on `key`, so commands on the same thing (for example the
   * versions of one form) run one after another across all app processes. Waiting longer than the
   * lock timeout ends the command with CONFLICT/LOCKED.
   */
  lock(key: string): Promise<void>;
  /**
   * Checks `policy` for `action` on a record the command has loaded, and ends the command with FORBIDDEN
   * unless one of the caller's roles allows it. The allowing role is the one the audit event records.
   */
  authorize<A extends string, R>(policy: Policy<A, R>, action: A, record: R): void;
  /** Names the record the command acted on, for its audit event; the last call counts. */
  audit(entry: AuditEntry): void;
  /**
   * Says the command found nothing to do (an idempotent repeat, such as loading a form definition that
   * is already in force): it then writes no audit event. Only for commands the platform runs itself.
   */
  unchanged(): void;
}

/** The caller of work the platform does itself at start (form definitions from files, demo data). */
export const SYSTEM_CALLER: Caller = Object.freeze({
  userId: 'system',
  displayName: 'System',
  roles: [Role.ADMIN],
});

/**
 * Runs one named operation in one database transaction with its caller and request id. Locks and raw SQL
 * go through `cmd`, so they act inside that transaction. When the work succeeds (and answers no field
 * errors: a command refused for invalid input changed nothing), one audit event (the
 * operation, the caller and the role it acted in, the record and what changed) is written in the same
 * transaction, so a command that fails leaves none. Database failures that concurrent commands cause
 * (unique violations, stale revisions, lock and statement timeouts, deadlocks) become CONFLICT with a
 * reason and an unavailable database SERVICE_UNAVAILABLE, here, in one place (with `toClientError`);
 * anything else stays an internal error.
 */
export async function runCommand<T>(
  context: CommandContext,
  name: string,
  work: (cmd: Command) => Promise<T>,
): Promise<T> {
  const caller = context.caller;
  if (!caller) throw Unauthenticated();
  try {
    return await context.em.transactional(async (tx) => {
      let role: Role | null = null;
      let entry: AuditEntry | null = null;
      let changed = true;
      const cmd: Command = {
        name,
        caller,
        requestId: context.requestId,
        tx,
        sql: (query, params = []) => tx.execute(query, [...params]),
        lock: async (key) => {
          await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [key]);
        },
        authorize: (policy, action, record) => {
          const allowing = allowingRole(policy, caller, action, record);
          if (!allowing) throw Forbidden();
          role ??= allowing;
        },
        audit: (next) => {
          entry = next;
        },
        unchanged: () => {
          changed = false;
        },
      };
      const result = await work(cmd);
      // A command answered with field errors (the platform's one payload for invalid input) changed nothing.
      if (changed && !hasFieldErrors(result)) {
        await recordAuditEvent(tx, successRecord(name, context.requestId, caller, role, entry));
      }
      return result;
    });
  } catch (error) {
    throw toClientError(error, 'command') ?? error;
  }
}

function hasFieldErrors(result: unknown): boolean {
  const errorCount = (result as { errorCount?: unknown } | null)?.errorCount;
  return typeof errorCount === 'number' && errorCount > 0;
}

function successRecord(
  operation: string,
  requestId: string,
  caller: Caller,
  role: Role | null,
  entry: AuditEntry | null,
): AuditRecord {
  return {
    operation,
    outcome: AuditOutcome.SUCCESS,
    requestId,
    caller,
    role,
    entityType: entry?.entityType ?? null,
    entityId: entry?.entityId ?? null,
    details: entry?.details ?? null,
    justification: entry?.justification ?? null,
  };
}

/** The one SQL statement of a command run by `runStatement`, with parameters bound by the driver (`$1`…). */
export interface Statement {
  /** A data-modifying statement whose result rows have an `id` column: the ids of the records it wrote. */
  text: string;
  values: readonly unknown[];
  /** The role the command was allowed under (checked before the statement) and its audit entry. */
  role: Role;
  audit: Omit<AuditEntry, 'entityId'>;
}

/** The connection pool of the ORM's query builder, as far as a single statement needs it. */
interface ConnectionPool {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<unknown>;
}

/**
 * Runs a command that is one SQL statement. PostgreSQL runs a single statement as a transaction of its
 * own, so the command is still all or nothing, in one round trip instead of three (`BEGIN`, the
 * statement, `COMMIT`): for the platform's most frequent write, submitting a form. Everything else a
 * command needs must be part of the statement (checks as `where exists`, further writes as
 * data-modifying `with` clauses); its audit event is such a clause, written for each row the statement
 * returns (none when it wrote nothing). The statement is prepared once per connection under the
 * command's name, so its text must not vary. Caller check and error mapping are those of `runCommand`.
 */
export async function runStatement<T extends QueryResultRow>(
  context: CommandContext,
  name: string,
  statement: (cmd: Pick<Command, 'name' | 'caller' | 'requestId'>) => Statement,
): Promise<T[]> {
  const caller = context.caller;
  if (!caller) throw Unauthenticated();
  const { text, values, role, audit } = statement({ name, caller, requestId: context.requestId });
  const withAudit = `with "command" as (${text}), ${auditClause('command', values.length + 1)} select * from "command"`;
  const auditParams = auditValues(
    successRecord(name, context.requestId, caller, role, { ...audit, entityId: '' }),
  );
  const pool = context.em.getConnection().getKnex().client as ConnectionPool;
  try {
    const connection = await pool.acquireConnection();
    try {
      return (
        await connection.query<T>({
          name: `command:${name}`,
          text: withAudit,
          values: [...values, ...auditParams],
        })
      ).rows;
    } finally {
      await pool.releaseConnection(connection);
    }
  } catch (error) {
    // As MikroORM reports driver errors (unique violation, lock timeout, …), so they map as in `runCommand`.
    const converted = error instanceof Error ? context.em.getDriver().convertException(error) : error;
    throw toClientError(converted, 'command') ?? error;
  }
}
