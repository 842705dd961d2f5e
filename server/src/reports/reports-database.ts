import { type EntityManager, type Knex, knex } from '@mikro-orm/postgresql';

let separate: Knex | null = null;

/**
 * Points the reports at their own pool (REPORTS_DATABASE_URL, e.g. a read replica), so the reporting
 * load can leave the primary. Without a URL they read through the main pool.
 */
export function configureReportsDatabase(url: string | undefined, maxConnections = 10): void {
  if (!url) return;
  separate = knex({ client: 'pg', connection: url, pool: { min: 0, max: maxConnections } });
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
