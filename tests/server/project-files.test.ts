import { readFile } from 'node:fs/promises';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigError, readConfig } from '../../server/src/config.js';
import { openDatabase, ormConfig, schemaDifference } from '../../server/src/database/orm.js';
import { printGraphQLSchema } from '../../server/src/schema.js';
import { createTestDatabase } from '../support/test-database.js';

describe('committed files agree with the code', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let orm: MikroORM;
  beforeAll(async () => {
    database = await createTestDatabase();
    orm = await openDatabase(database.url);
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('schema.graphql is the schema the server serves (run `npm run schema:emit` after API changes)', async () => {
    expect(await readFile('schema.graphql', 'utf8')).toBe(await printGraphQLSchema());
  });

  it('the committed migrations create exactly what the entities describe', async () => {
    const check = await MikroORM.init(ormConfig(database.url));
    try {
      expect(await schemaDifference(check)).toBe('');
    } finally {
      await check.close();
    }
  });

  it('docker-compose.yml runs PostgreSQL and the app against it', async () => {
    const compose = parse(await readFile('docker-compose.yml', 'utf8'));
    expect(Object.keys(compose.services).sort()).toEqual(['app', 'db']);
    expect(compose.services.db.image).toMatch(/^postgres:\d+/);
    expect(compose.services.app.build).toBe('.');
    expect(compose.services.app.depends_on.db.condition).toBe('service_healthy');
    // Migrations run as the owner; requests are served as a runtime role that owns nothing.
    const { DATABASE_URL, MIGRATION_DATABASE_URL } = compose.services.app.environment;
    expect(MIGRATION_DATABASE_URL).toMatch(/^postgres:\/\/sozialraum:.+@db:5432\/sozialraum$/);
    expect(DATABASE_URL).toMatch(/^postgres:\/\/sozialraum_app:.+@db:5432\/sozialraum$/);
    expect(compose.services.db.environment.POSTGRES_USER).toBe('sozialraum');
    // Published on loopback unless asked otherwise, and given time to drain on stop.
    expect(compose.services.app.ports).toEqual(['${BIND_ADDRESS:-127.0.0.1}:${PORT:-4000}:4000']);
    expect(compose.services.app.stop_grace_period).toBe('30s');
    const dockerfile = await readFile('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/CMD \["node", "dist\/server\/src\/main\.js"\]/);
    // The image is built from a clean tree, not from the host's node_modules or database files.
    const ignored = (await readFile('.dockerignore', 'utf8')).split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'dist', '.data']));
  });

  it('.env.example lists every configuration variable', async () => {
    const example = await readFile('.env.example', 'utf8');
    const documented = new Set([...example.matchAll(/^([A-Z_]+)=/gm)].map((match) => match[1]));
    const config = readConfig({});
    for (const name of Object.keys(config)) expect(documented).toContain(name);
  });
});

describe('configuration', () => {
  it('uses documented defaults', () => {
    expect(readConfig({})).toMatchObject({ PORT: 4000, DATA_DIR: '.data', DEMO_DATA: true });
  });

  it('stops with a message naming each bad variable', () => {
    const read = () => readConfig({ PORT: 'vierzig', DATABASE_URL: 'mysql://x', DEMO_DATA: 'vielleicht' });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/PORT/);
    expect(read).toThrow(/DATABASE_URL/);
    expect(read).toThrow(/DEMO_DATA/);
  });

  it('treats empty values as unset', () => {
    const config = readConfig({ PORT: '', DATABASE_URL: '' });
    expect(config.PORT).toBe(4000);
    expect(config.DATABASE_URL).toBeUndefined();
  });
});
