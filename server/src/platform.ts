import type { MikroORM } from '@mikro-orm/postgresql';
import { type App, createApp } from './app.js';
import type { Config } from './config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { ensureDatabase } from './database/ensure-database.js';
import { openDatabase } from './database/orm.js';
import { loadFormDefinitions, readFormDefinitions } from './forms/load-form-definitions.js';
import { seedDemoSubmissions } from './submissions/seed-demo-submissions.js';

export interface RunningPlatform {
  /** Base URL, e.g. http://localhost:4000 */
  url: string;
  orm: MikroORM;
  app: App;
  stop(): Promise<void>;
}

type Log = (message: string) => void;

/**
 * Starts everything in order: database (embedded unless DATABASE_URL is set), migrations, form
 * definitions and demo data (both idempotent), then HTTP.
 */
export async function startPlatform(config: Config, log: Log = console.log): Promise<RunningPlatform> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    log(`Starte eingebettete PostgreSQL-Datenbank in ${config.DATA_DIR} ...`);
    embedded = await startEmbeddedPostgres({ dataDir: config.DATA_DIR, port: config.EMBEDDED_DB_PORT });
    await ensureDatabase(embedded.adminUrl, 'sozialraum');
    databaseUrl = embedded.urlFor('sozialraum');
  }
  let orm: MikroORM | undefined;
  try {
    orm = await openDatabase(databaseUrl);
    const definitions = await readFormDefinitions(config.FORM_DEFINITIONS_DIR);
    const changed = await loadFormDefinitions(orm.em.fork(), definitions);
    log(
      `${definitions.length} Formulardefinitionen geladen` +
        (changed.length ? `, neue Fassungen: ${changed.join(', ')}` : ', keine Änderungen'),
    );
    if (config.SEED_DEMO_DATA) {
      const seeded = await seedDemoSubmissions(orm.em.fork());
      if (seeded > 0) log(`${seeded} Demo-Einreichungen angelegt`);
    }
    const app = await createApp({
      orm,
      production: config.NODE_ENV === 'production',
      webRoot: config.WEB_ROOT,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      logLevel: config.NODE_ENV === 'test' ? 'silent' : config.LOG_LEVEL,
    });
    await app.http.listen({ port: config.PORT, host: config.HOST });
    const address = app.http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.HOST) ? 'localhost' : config.HOST;
    const openOrm = orm;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        await app.http.close();
        await openOrm.close();
        await embedded?.stop();
      })();
      return stopping;
    };
    return { url: `http://${host}:${port}`, orm, app, stop };
  } catch (error) {
    await orm?.close();
    await embedded?.stop();
    throw error;
  }
}
