import type { EntityManager } from '@mikro-orm/postgresql';
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
