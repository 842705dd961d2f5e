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

/** How long one statement of a report may run. */
const STATEMENT_TIMEOUT = '30s';

/**
 * Runs `work` in one read-only transaction (with a statement timeout) on `db`: a report can never write,
 * whatever its SQL, and all its queries see one snapshot (repeatable read, which a hot standby allows
 * too). `work` receives the time of that snapshot. The transaction costs two round trips besides the
 * work: `begin` with its modes, and the timeout with the time in one simple-protocol query.
 */
export function readOnly<T>(db: Knex, work: (trx: Knex.Transaction, asOf: Date) => Promise<T>): Promise<T> {
  return db.transaction(
    async (trx) => {
      const results = await trx.raw<[unknown, { rows: { now: Date }[] }]>(
        `set local statement_timeout = '${STATEMENT_TIMEOUT}'; select now() as now`,
      );
      return work(trx, results[1].rows[0]!.now);
    },
    { readOnly: true, isolationLevel: 'repeatable read' },
  );
}
