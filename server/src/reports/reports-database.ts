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
 * Runs `work` in one read-only transaction (with a statement timeout) on `db`: a report can never write,
 * whatever its SQL, and all its queries see one snapshot.
 */
export function readOnly<T>(db: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (trx) => {
    await trx.raw('set transaction read only');
    await trx.raw(`set local statement_timeout = '30s'`);
    return work(trx);
  });
}
