import type { Config } from '../config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { ensureDatabase } from './ensure-database.js';

/** The application database of an embedded server. */
const EMBEDDED_DATABASE = 'sozialraum';

export interface DatabaseServer {
  url: string;
  /** Stops the embedded server; nothing to do for a server named in DATABASE_URL. */
  stop(): Promise<void>;
}

/** The server in DATABASE_URL, or else an embedded PostgreSQL with its files under DATA_DIR. */
export async function connectDatabaseServer(
  config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR' | 'EMBEDDED_DB_PORT'>,
  log: (message: string) => void = () => {},
): Promise<DatabaseServer> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => {} };
  log(`Starte eingebettete PostgreSQL-Datenbank in ${config.DATA_DIR} ...`);
  const embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_DB_PORT });
  try {
    await ensureDatabase(embedded.adminUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.urlFor(EMBEDDED_DATABASE), stop: () => embedded.stop() };
}
