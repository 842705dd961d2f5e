import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config.js';
import { type RunningPlatform, startPlatform } from '../../server/src/platform.js';
import { costCalculation, newClientSubmissionId } from '../support/factories.js';
import { freePort } from '../support/global-setup.js';
import { SUBMIT } from '../support/operations.js';
import { providerSession } from '../support/platform-session.js';
import { createTestDatabase } from '../support/test-database.js';

const quiet = () => {};

/** Runs `sql` on the platform's own pool, that is as the role the app serves requests with. */
async function asRuntimeRole(orm: MikroORM, sql: string): Promise<unknown> {
  return orm.em.getConnection().execute(sql);
}

async function failureOf(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const cause = error as { code?: string; message: string };
    return { code: cause.code, message: cause.message };
  }
  throw new Error('expected the statement to be refused');
}

/** Submits a Kalkulationsbogen over HTTP as the demo Träger's user (created through the runtime role too). */
async function submitThrough(platform: RunningPlatform): Promise<any> {
  const cookie = await providerSession(platform);
  const response = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({
      query: SUBMIT,
      variables: {
        formKey: 'cost-calculation',
        data: costCalculation(),
        clientSubmissionId: newClientSubmissionId(),
      },
    }),
  });
  return response.json();
}

/** What every test below checks on a running platform: rows yes, anything else no. */
async function expectRowAccessOnly(platform: RunningPlatform, runtimeRole: string) {
  const [role] = (await asRuntimeRole(
    platform.orm,
    'select current_user as name, rolsuper as superuser from pg_roles where rolname = current_user',
  )) as { name: string; superuser: boolean }[];
  expect(role).toEqual({ name: runtimeRole, superuser: false });

  // It reads and writes rows: a submit is stored.
  const submitted = await submitThrough(platform);
  expect(submitted.errors).toBeUndefined();
  expect(submitted.data.submitForm.submission.id).toBeDefined();

  // It cannot switch off the trigger that keeps published versions immutable, in any way.
  expect(
    await failureOf(
      asRuntimeRole(platform.orm, 'alter table form_version disable trigger form_version_guard'),
    ),
  ).toMatchObject({ code: '42501', message: expect.stringMatching(/must be owner/) });
  expect(
    await failureOf(asRuntimeRole(platform.orm, 'alter table form_version disable trigger all')),
  ).toMatchObject({
    code: '42501',
  });
  expect(
    await failureOf(asRuntimeRole(platform.orm, 'set session_replication_role = replica')),
  ).toMatchObject({
    code: '42501',
  });
  // So a published version stays as it is.
  expect(
    await failureOf(
      asRuntimeRole(platform.orm, `update form_version set title = 'geändert' where status = 'PUBLISHED'`),
    ),
  ).toMatchObject({ message: expect.stringMatching(/is PUBLISHED and cannot be changed/) });
  // Nor can it change or remove the schema.
  expect(await failureOf(asRuntimeRole(platform.orm, 'drop table submission'))).toMatchObject({
    code: '42501',
  });
  expect(
    await failureOf(asRuntimeRole(platform.orm, 'alter table submission add column x int')),
  ).toMatchObject({
    code: '42501',
  });
  expect(await failureOf(asRuntimeRole(platform.orm, 'create table intruder (id int)'))).toMatchObject({
    code: '42501',
  });
}

describe('the app serves requests as a role that owns nothing', () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('with DATABASE_URL and MIGRATION_DATABASE_URL: migrations as the owner, requests as a runtime role it creates', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const runtimeRole = `app_${randomBytes(4).toString('hex')}`;
    const runtimeUrl = new URL(database.url);
    runtimeUrl.username = runtimeRole;
    runtimeUrl.password = randomBytes(12).toString('hex');
    cleanups.push(async () => {
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      await admin.query(`drop owned by ${runtimeRole}`);
      await admin.query(`drop role if exists ${runtimeRole}`);
      await admin.end();
    });

    const platform = await startPlatform(
      readConfig({
        NODE_ENV: 'test',
        DATABASE_URL: runtimeUrl.toString(),
        MIGRATION_DATABASE_URL: database.url,
        PORT: String(await freePort()),
        WEB_ROOT: '/nonexistent',
        SEED_DEMO_DATA: 'false',
        DB_STATEMENT_TIMEOUT_MS: '4321',
        DB_LOCK_TIMEOUT_MS: '1234',
      }),
      quiet,
    );
    try {
      await expectRowAccessOnly(platform, runtimeRole);
      // Every pooled connection carries the configured timeouts.
      expect(await asRuntimeRole(platform.orm, 'show statement_timeout')).toEqual([
        { statement_timeout: '4321ms' },
      ]);
      expect(await asRuntimeRole(platform.orm, 'show lock_timeout')).toEqual([{ lock_timeout: '1234ms' }]);
    } finally {
      await platform.stop();
    }
  });

  it('with the embedded database: sets up its runtime role itself', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'sozialraum-least-privilege-'));
    // As root, PostgreSQL runs as the `postgres` user, who must be able to enter the folder.
    await chmod(dataDir, 0o755);
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const platform = await startPlatform(
      readConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        PORT: String(await freePort()),
        EMBEDDED_DB_PORT: String(await freePort()),
        WEB_ROOT: '/nonexistent',
        SEED_DEMO_DATA: 'false',
      }),
      quiet,
    );
    try {
      await expectRowAccessOnly(platform, 'sozialraum_app');
    } finally {
      await platform.stop();
    }
  });
});
