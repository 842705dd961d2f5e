import path from 'node:path';
import type { Config } from '../config.js';
import { readOrCreateSecret, startEmbeddedPostgres } from './embedded-postgres.js';
import { ensureDatabase } from './ensure-database.js';

/** The application database of an embedded server. */
const EMBEDDED_DATABASE = 'sozialraum';
/** The role the app serves requests as on an embedded server (rows only; the superuser migrates). */
const EMBEDDED_RUNTIME_ROLE = 'sozialraum_app';

export interface DatabaseServer {
  /** Where the app connects at run time (the runtime role). */
  url: string;
  /** Where migrations run (the owner role); the same as `url` when only DATABASE_URL is given. */
  migrationUrl: string;
  /** Stops the embedded server; nothing to do for a server named in DATABASE_URL. */
  stop(): Promise<void>;
}

/**
 * The server in DATABASE_URL (migrated through MIGRATION_DATABASE_URL when set), or else an embedded
 * PostgreSQL with its files under DATA_DIR, migrated as its superuser and used through a runtime role
 * whose generated password is kept in `<DATA_DIR>/app-password`.
 */
export async function connectDatabaseServer(
  config: Pick<Config, 'DATABASE_URL' | 'MIGRATION_DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_DB_PORT'>,
  log: (message: string) => void = () => {},
): Promise<DatabaseServer> {
  if (config.DATABASE_URL) {
    return {
      url: config.DATABASE_URL,
      migrationUrl: config.MIGRATION_DATABASE_URL ?? config.DATABASE_URL,
      stop: async () => {},
    };
  }
  log(`Starte eingebettete PostgreSQL-Datenbank in ${config.DATA_DIR} ...`);
  const embedded = await startEmbeddedPostgres({
    dataDir: config.DATA_DIR,
    port: config.EMBEDDED_DB_PORT,
    log,
  });
  try {
    await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
    const password = await readOrCreateSecret(path.join(path.resolve(config.DATA_DIR), 'app-password'));
    return {
      url: embedded.urlFor(EMBEDDED_DATABASE, { user: EMBEDDED_RUNTIME_ROLE, password }),
      migrationUrl: embedded.urlFor(EMBEDDED_DATABASE),
      stop: () => embedded.stop(),
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
