import { type EntityManager, type Knex, knex } from '@mikro-orm/postgresql';

/** How the reports' own connections introduce themselves to PostgreSQL. */
export const REPORTS_APPLICATION_NAME = 'sozialraum-reports';

let separate: Knex | null = null;

/**
 * Points the reports at their own pool (REPORTS_DATABASE_URL, e.g. a read replica), so the reporting
 * load can leave the primary. Without a URL they read through the main pool.
 */
export function configureReportsDatabase(url: string | undefined, maxConnections = 10): void {
  if (!url) return;
  separate = knex({
    client: 'pg',
    // The name shows in pg_stat_activity, so the reporting load can be told apart on the server.
    connection: { connectionString: url, application_name: REPORTS_APPLICATION_NAME },
    pool: { min: 0, max: maxConnections },
  });
}

/** Closes the separate reports pool, if there is one. */
export async function closeReportsDatabase(): Promise<void> {
  const pool = separate;
  separate = null;
  await pool?.destroy();
}

/** The database the report queries read (always in a read-only transaction). */
export function reportsDatabase(em: EntityManager): Knex {
  return separate ?? em.getConnection().getKnex();
}

/**
 * Opens a report's transaction in one round trip (a simple-protocol query of several statements, no
 * bindings): read only, one snapshot for every query (repeatable read, which a hot standby allows too),
 * a statement timeout, and the time of the snapshot.
 */
const OPEN = `begin transaction isolation level repeatable read read only; set local statement_timeout = '30s'; select now() as now`;

/** What a report's queries run on: one connection in its read-only transaction. */
export interface ReportReader {
  raw<T = unknown>(sql: string, bindings?: readonly Knex.RawBinding[]): Promise<T>;
}

interface PgConnection {
  query(sql: string): Promise<{ rows: Record<string, unknown>[] }[] | { rows: Record<string, unknown>[] }>;
}

/**
 * Runs `work` in one read-only transaction (with a statement timeout) on one connection of `db`: a report
 * can never write, whatever its SQL, and all its queries see one snapshot, whose time `work` receives.
 * Besides the work it waits for one round trip, the opening (knex's own transaction would take four:
 * begin, the settings, the time, commit). `opening`, a query without bindings, runs in the
 * opening round trip; `work` receives its rows.
 */
export async function readOnly<T>(
  db: Knex,
  work: (reader: ReportReader, asOf: Date, opening: Record<string, unknown>[]) => Promise<T>,
  opening?: string,
): Promise<T> {
  const client = db.client as {
    acquireConnection(): Promise<PgConnection>;
    releaseConnection(connection: PgConnection): Promise<void>;
  };
  const connection = await client.acquireConnection();
  try {
    const opened = await connection.query(opening ? `${OPEN}; ${opening}` : OPEN);
    const results = Array.isArray(opened) ? opened : [opened];
    const asOf = results[2]!.rows[0]!.now as Date;
    const reader: ReportReader = {
      raw: <R>(sql: string, bindings: readonly Knex.RawBinding[] = []) =>
        db.raw(sql, bindings as Knex.RawBinding[]).connection(connection) as unknown as Promise<R>,
    };
    const value = await work(reader, asOf, opening ? results[3]!.rows : []);
    // A read-only transaction has nothing to lose at its commit: it is sent, and the connection goes back
    // to the pool without waiting for the answer (its next query queues behind the commit).
    void connection.query('commit').catch(() => undefined);
    return value;
  } catch (error) {
    // Ends the transaction (or nothing, when it never began) before the connection goes back to the pool.
    await connection.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.releaseConnection(connection);
  }
}
