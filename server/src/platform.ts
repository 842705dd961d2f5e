import type { MikroORM } from '@mikro-orm/postgresql';
import { type App, createApp } from './app.js';
import type { Config } from './config.js';
import { connectDatabaseServer } from './database/connect.js';
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
  const database = await connectDatabaseServer(config, log);
  let orm: MikroORM | undefined;
  try {
    orm = await openDatabase(database.url);
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
        await database.stop();
      })();
      return stopping;
    };
    return { url: `http://${host}:${port}`, orm, app, stop };
  } catch (error) {
    await orm?.close();
    await database.stop();
    throw error;
  }
}
