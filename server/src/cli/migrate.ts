import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { readConfig } from '../config.js';
import { connectDatabaseServer } from '../database/connect.js';
import { ormConfig } from '../database/orm.js';

/**
 * `up`: applies pending migrations. `create`: prints the SQL that would bring the database in line with
 * the entities, as a starting point for a new migration in server/src/migrations/ (add it to index.ts).
 */
const command = process.argv[2] ?? 'up';
const config = readConfig();
const database = await connectDatabaseServer(config, (message) => console.error(message));
const orm = await MikroORM.init(ormConfig(database.url));
try {
  if (command === 'up') {
    const applied = await orm.getMigrator().up();
    console.log(
      applied.length ? `Angewendet: ${applied.map((m) => m.name).join(', ')}` : 'Keine offenen Migrationen',
    );
  } else if (command === 'create') {
    await orm.getMigrator().up();
    const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    console.log(sql.trim() || '-- Datenbank und Entitäten stimmen überein');
  } else {
    console.error(`Unbekannter Befehl: ${command} (erlaubt: up, create)`);
    process.exitCode = 1;
  }
} finally {
  await orm.close();
  await database.stop();
}
