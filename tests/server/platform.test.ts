import 'reflect-metadata';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config.js';
import { startPlatform } from '../../server/src/platform.js';
import { freePort } from '../support/global-setup.js';
import { FORMS, SUBMISSIONS, SUBMIT } from '../support/operations.js';
import { signInOverHttp } from '../support/platform-session.js';
import { createTestDatabase } from '../support/test-database.js';

/** Sends an operation with the session cookie of the platform at `url` (see `sessions`). */
async function graphql(url: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: sessions.get(url) ?? '' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

/** The session cookie per platform URL. */
const sessions = new Map<string, string>();

const quiet = () => {};

describe('the platform as `npm start` runs it', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('keeps submitted data and form versions across a restart on the embedded database', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'sozialraum-platform-'));
    await chmod(dataDir, 0o755);
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const config = readConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_DB_PORT: String(await freePort()),
      WEB_ROOT: path.join(dataDir, 'no-web-app'),
    });

    // The embedded database brings demo data by default: the demo Träger's user submits the evaluation.
    const first = await startPlatform(config, quiet);
    let demoCount: number;
    let versionsBefore: unknown;
    try {
      sessions.set(first.url, await signInOverHttp(first.url));
      const stored = await graphql(first.url, SUBMIT, {
        formKey: 'evaluation',
        data: (await graphql(first.url, '{ form(key: "evaluation") { published { sampleData } } }')).data.form
          .published.sampleData,
        clientSubmissionId: 'restart-test-1',
      });
      expect(stored.data.submitForm.errors).toEqual([]);
      demoCount = (await graphql(first.url, SUBMISSIONS, { formKey: 'evaluation' })).data.submissions.length;
      versionsBefore = (await graphql(first.url, FORMS)).data.forms;
    } finally {
      await first.stop();
    }

    const second = await startPlatform(config, quiet);
    try {
      // The session outlives the restart: it is kept in the database.
      sessions.set(second.url, sessions.get(first.url)!);
      const { data } = await graphql(second.url, SUBMISSIONS, { formKey: 'evaluation' });
      expect(data.submissions.map((s: { clientSubmissionId: string }) => s.clientSubmissionId)).toContain(
        'restart-test-1',
      );
      // Neither demo data nor form versions are loaded twice.
      expect(data.submissions).toHaveLength(demoCount);
      expect((await graphql(second.url, FORMS)).data.forms).toEqual(versionsBefore);
    } finally {
      await second.stop();
    }
  });

  it('uses the PostgreSQL server named in DATABASE_URL', async () => {
    const database = await createTestDatabase();
    cleanups.push(database.drop);
    const platform = await startPlatform(
      readConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        PORT: String(await freePort()),
        WEB_ROOT: '/nonexistent',
        ADMIN_EMAIL: 'admin@example.org',
        ADMIN_PASSWORD: 'erstes-admin-passwort',
      }),
      quiet,
    );
    try {
      // No demo data with DATABASE_URL: the first administrator comes from ADMIN_EMAIL/ADMIN_PASSWORD.
      sessions.set(
        platform.url,
        await signInOverHttp(platform.url, { email: 'admin@example.org', password: 'erstes-admin-passwort' }),
      );
      const { data } = await graphql(platform.url, FORMS);
      expect(data.forms.map((form: { key: string }) => form.key).sort()).toEqual([
        'cost-calculation',
        'criteria',
        'evaluation',
        'offer-description',
      ]);
      const home = await fetch(`${platform.url}/`);
      expect(await home.text()).toContain('npm run build:web');
    } finally {
      await platform.stop();
    }
  });
});
