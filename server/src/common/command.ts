import type { EntityManager } from '@mikro-orm/postgresql';
import type { Client as PgClient, QueryResultRow } from 'pg';
import { toClientError } from './client-error.js';
import { type Caller, Role } from './context.js';
import { Unauthenticated } from './errors.js';

/** What a command needs to know about the request it runs in. */
export interface CommandContext {
  /** The request's unit of work; the command forks a transaction from it. */
  em: EntityManager;
  caller: Caller | null;
  requestId: string;
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
}

/** The caller of work the platform does itself at start (form definitions from files). */
export const SYSTEM_CALLER: Caller = Object.freeze({
  userId: 'system',
  displayName: 'System',
  roles: [Role.ADMIN],
});

/**
 * Runs one named operation in one database transaction with its caller and request id. Locks and raw SQL
 * go through `cmd`, so they act inside that transaction. Database failures that concurrent commands
 * cause (unique violations, stale revisions, lock and statement timeouts, deadlocks) become CONFLICT with
 * a reason and an unavailable database SERVICE_UNAVAILABLE, here, in one place (with `toClientError`);
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
      const cmd: Command = {
        name,
        caller,
        requestId: context.requestId,
        tx,
        sql: (query, params = []) => tx.execute(query, [...params]),
        lock: async (key) => {
          await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [key]);
        },
      };
      return work(cmd);
    });
  } catch (error) {
    throw toClientError(error, 'command') ?? error;
  }
}

/** The one SQL statement of a command run by `runStatement`, with parameters bound by the driver (`$1`…). */
export interface Statement {
  text: string;
  values: readonly unknown[];
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
 * data-modifying `with` clauses). The statement is prepared once per connection under the command's
 * name, so its text must not vary. Caller check and error mapping are those of `runCommand`.
 */
export async function runStatement<T extends QueryResultRow>(
  context: CommandContext,
  name: string,
  statement: (cmd: Pick<Command, 'name' | 'caller' | 'requestId'>) => Statement,
): Promise<T[]> {
  const caller = context.caller;
  if (!caller) throw Unauthenticated();
  const { text, values } = statement({ name, caller, requestId: context.requestId });
  const pool = context.em.getConnection().getKnex().client as ConnectionPool;
  try {
    const connection = await pool.acquireConnection();
    try {
      return (await connection.query<T>({ name: `command:${name}`, text, values: [...values] })).rows;
    } finally {
      await pool.releaseConnection(connection);
    }
  } catch (error) {
    // As MikroORM reports driver errors (unique violation, lock timeout, …), so they map as in `runCommand`.
    const converted = error instanceof Error ? context.em.getDriver().convertException(error) : error;
    throw toClientError(converted, 'command') ?? error;
  }
}
