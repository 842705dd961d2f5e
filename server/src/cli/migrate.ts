import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { readConfig } from '../config.js';
import { connectDatabaseServer } from '../database/connect.js';
import { migrateDatabase, ormConfig, schemaDifference } from '../database/orm.js';
import { ensureRuntimeRole, grantRuntimeAccess, loginOf } from '../database/roles.js';
import { withStartupLock } from '../database/startup-lock.js';
import { describeStartFailure } from '../platform.js';

/**
 * `up`: applies pending migrations as the owner role (MIGRATION_DATABASE_URL, else DATABASE_URL) and grants
 * the runtime role row access, under the same lock as a start. `create`: prints the SQL that would bring the
 * database in line with the entities, as a starting point for a new migration in server/src/migrations/
 * (add it to index.ts).
 */
const command = process.argv[2] ?? 'up';
const log = (message: string) => console.error(message);
try {
  const config = readConfig();
  const database = await connectDatabaseServer(config, log);
  try {
    if (command === 'up') {
      const runtime = loginOf(database.url);
      const applied = await withStartupLock(database.migrationUrl, log, async (owner) => {
        const names = await migrateDatabase(database.migrationUrl);
        if (runtime.user !== loginOf(database.migrationUrl).user) {
          await ensureRuntimeRole(owner, runtime);
          await grantRuntimeAccess(owner, runtime.user);
        }
        return names;
      });
      console.log(applied.length ? `Angewendet: ${applied.join(', ')}` : 'Keine offenen Migrationen');
    } else if (command === 'create') {
      const orm = await MikroORM.init(ormConfig(database.migrationUrl));
      try {
        await orm.getMigrator().up();
        const sql = await schemaDifference(orm);
        console.log(sql.trim() || '-- Datenbank und Entitäten stimmen überein');
      } finally {
        await orm.close();
      }
    } else {
      console.error(`Unbekannter Befehl: ${command} (erlaubt: up, create)`);
      process.exitCode = 1;
    }
  } finally {
    await database.stop();
  }
} catch (error) {
  console.error(describeStartFailure(error));
  process.exitCode = 1;
}
