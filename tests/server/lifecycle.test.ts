import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../../server/src/database/embedded-postgres.js';
import { ensureDatabase } from '../../server/src/database/ensure-database.js';
import { describeStartFailure, type RunningPlatform, startPlatform } from '../../server/src/platform.js';
import { costCalculation, newClientSubmissionId } from '../support/factories.js';
import { freePort } from '../support/global-setup.js';
import { FORMS, SUBMIT } from '../support/operations.js';
import { providerSession, signInOverHttp } from '../support/platform-session.js';
import { createTestDatabase } from '../support/test-database.js';

const quiet = () => {};

interface Answer {
  status?: number;
  body?: any;
  error?: unknown;
}

/** Sends an operation with the session `cookie` (from signInOverHttp). */
async function post(
  url: string,
  cookie: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Answer> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  } catch (error) {
    return { error };
  }
}

const submit = (url: string, cookie: string, clientSubmissionId = newClientSubmissionId()) =>
  post(url, cookie, SUBMIT, { formKey: 'cost-calculation', data: costCalculation(), clientSubmissionId });

const submissionIdOf = (answer: Answer): string | undefined => answer.body?.data?.submitForm?.submission?.id;
const codeOf = (answer: Answer): unknown => answer.body?.errors?.[0]?.extensions?.code;

async function health(url: string): Promise<number | 'refused'> {
  try {
    return (await fetch(`${url}/health`)).status;
  } catch {
    return 'refused';
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm start` as a real process: node runs server/src/main.ts (through tsx) with the given settings. */
class AppProcess {
  readonly child: ChildProcess;
  private text = '';
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'development',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout!.on('data', (chunk: Buffer) => (this.text += chunk.toString()));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.text += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get output(): string {
    return this.text;
  }

  /** After a failed test: stops it the way an operator would, so its database does not outlive the run. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timeout = Symbol('timeout');
    if ((await Promise.race([this.exited, sleep(20_000, timeout)])) === timeout) this.child.kill('SIGKILL');
  }

  /** Waits for the line that says where it serves, and returns that URL. */
  async started(): Promise<string> {
    const url = await until(
      'the app to start',
      () => {
        if (this.child.exitCode !== null) throw new Error(`the app ended while starting:\n${this.text}`);
        return /läuft: (http:\/\/\S+?)\/ /.exec(this.text)?.[1];
      },
      90_000,
    );
    return url.replace('localhost', '127.0.0.1');
  }
}

describe('start and stop of the platform process', () => {
  let dataDir: string;
  let env: Record<string, string>;
  const cleanups: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'sozialraum-lifecycle-'));
    // As root, PostgreSQL runs as the `postgres` user, who must be able to enter the folder.
    await chmod(dataDir, 0o755);
    env = {
      DATA_DIR: dataDir,
      PORT: String(await freePort()),
      EMBEDDED_DB_PORT: String(await freePort()),
      WEB_ROOT: path.join(dataDir, 'no-web-app'),
      // The demo users sign in; the demo Träger's user submits the Kalkulationsbogen.
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
    };
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    // A database left behind by a test that failed after its kill -9.
    const leftBehind = existsSync(path.join(dataDir, 'postgres', 'postmaster.pid')) ? postmasterPid() : 0;
    if (leftBehind && isAlive(leftBehind)) {
      process.kill(leftBehind, 'SIGINT');
      await until('the left-behind database to stop', () => (isAlive(leftBehind) ? undefined : true));
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  const postmasterPid = () =>
    Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const adminUrl = () => {
    const password = readFileSync(path.join(dataDir, 'postgres-password'), 'utf8').trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${env.EMBEDDED_DB_PORT}/sozialraum`;
  };

  it('answers every request it accepted when SIGTERM comes during a stream of submits, and keeps every acknowledged submission', async () => {
    const app = new AppProcess({
      ...env,
      DB_POOL_MAX: '20',
      DB_LOCK_TIMEOUT_MS: '60000',
      SHUTDOWN_TIMEOUT_MS: '30000',
    });
    cleanups.push(() => app.stop());
    const url = await app.started();
    const cookie = await signInOverHttp(url);
    // The first submit also starts the form workers; the ones below then go straight to the insert.
    expect(submissionIdOf(await submit(url, cookie))).toBeDefined();

    // Inserts wait behind this lock, so the requests are provably inside the server when SIGTERM comes.
    const blocker = new pg.Client({ connectionString: adminUrl() });
    blocker.on('error', () => {});
    await blocker.connect();
    await blocker.query('begin');
    await blocker.query('lock table submission in exclusive mode');
    const inFlight = Array.from({ length: 12 }, () => submit(url, cookie));
    // Watched from a second session: inside the locking transaction pg_stat_activity would stay a snapshot.
    const monitor = new pg.Client({ connectionString: adminUrl() });
    monitor.on('error', () => {});
    await monitor.connect();
    await until('12 inserts waiting for the lock', async () => {
      const { rows } = await monitor.query(
        `select count(*)::int as waiting from pg_stat_activity
          where application_name = 'sozialraum-plattform' and wait_event_type = 'Lock'`,
      );
      return rows[0].waiting >= 12 ? true : undefined;
    });
    await monitor.end();

    // A stream that keeps submitting one after another until the app stops taking requests.
    const streamed: Answer[] = [];
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        const answer = await submit(url, cookie);
        streamed.push(answer);
        if (answer.error || answer.status === 503) return;
      }
    })();

    app.child.kill('SIGTERM');
    await until('the app to refuse new connections', async () =>
      (await health(url)) === 'refused' ? true : undefined,
    );
    // Still draining: the requests in flight hold it open.
    expect(app.child.exitCode).toBeNull();
    await blocker.query('rollback');
    await blocker.end();

    const answers = await Promise.all(inFlight);
    streaming = false;
    await stream;
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    expect(answers.every((answer) => submissionIdOf(answer))).toBe(true);
    expect(await app.exited).toBe(0);
    expect(app.output).not.toMatch(/undefined|Fehler beim Herunterfahren|getrennt/);

    const acknowledged = [...answers, ...streamed].map(submissionIdOf).filter(Boolean);
    const database = await startEmbeddedPostgres({ dataDir, port: Number(env.EMBEDDED_DB_PORT) });
    try {
      const client = new pg.Client({ connectionString: database.urlFor('sozialraum') });
      await client.connect();
      const { rows } = await client.query('select id from submission where id = any($1::uuid[])', [
        acknowledged,
      ]);
      await client.end();
      expect(rows).toHaveLength(acknowledged.length);
    } finally {
      await database.stop();
    }
  }, 120_000);

  it('after kill -9 of the app, the next start stops the database the crashed run left behind, says so, and serves (but never takes it from a running app)', async () => {
    const crashed = new AppProcess(env);
    cleanups.push(() => crashed.stop());
    await crashed.started();
    const leftBehind = postmasterPid();
    // While its app runs, the database is not taken away from it.
    const second = await startPlatform(readConfig({ NODE_ENV: 'test', ...env }), quiet).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(describeStartFailure(second)).toContain(
      `wird bereits von einem laufenden Prozess (PID ${crashed.child.pid}) verwendet`,
    );
    crashed.child.kill('SIGKILL');
    await crashed.exited;
    expect(isAlive(leftBehind)).toBe(true);

    const next = new AppProcess(env);
    cleanups.push(() => next.stop());
    const url = await next.started();
    expect(next.output).toContain(
      `Eine eingebettete PostgreSQL-Datenbank aus einem abgebrochenen Lauf läuft noch (PID ${leftBehind})`,
    );
    expect(isAlive(leftBehind)).toBe(false);
    expect(await health(url)).toBe(200);
    expect(submissionIdOf(await submit(url, await signInOverHttp(url)))).toBeDefined();

    next.child.kill('SIGTERM');
    expect(await next.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(next.output).not.toContain('undefined');
  });

  it('names EMBEDDED_DB_PORT or PORT when that port is taken, and leaves no database running', async () => {
    const taken: Server = createServer();
    const takenPort = await freePort();
    await new Promise<void>((resolve) => taken.listen(takenPort, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => taken.close(resolve)));
    const base = { NODE_ENV: 'test', ...env };

    const dbPortTaken = await startPlatform(
      readConfig({ ...base, EMBEDDED_DB_PORT: String(takenPort) }),
      quiet,
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(describeStartFailure(dbPortTaken)).toMatch(new RegExp(`Port ${takenPort} .*EMBEDDED_DB_PORT`));

    const httpPortTaken = await startPlatform(
      readConfig({ ...base, HOST: '127.0.0.1', PORT: String(takenPort) }),
      quiet,
    ).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(describeStartFailure(httpPortTaken)).toMatch(new RegExp(`Port ${takenPort} .*\\(PORT\\)`));
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('describes any failure in words, also when a library throws undefined or a string', () => {
    expect(describeStartFailure(undefined)).toBe('Start fehlgeschlagen: unbekannter Fehler (ohne Angabe)');
    expect(describeStartFailure('kaputt')).toBe('Start fehlgeschlagen: kaputt');
    // What pg throws when `localhost` refuses on ::1 and 127.0.0.1: an AggregateError without a message.
    const refused = (address: string) =>
      Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    expect(describeStartFailure(new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')]))).toBe(
      'Start fehlgeschlagen: Die Datenbank ist nicht erreichbar (connect ECONNREFUSED ::1:5432; connect ' +
        'ECONNREFUSED 127.0.0.1:5432). Läuft der PostgreSQL-Server, und stimmt DATABASE_URL?',
    );
  });

  describe('a database that goes away under a running app', () => {
    let database: EmbeddedDatabase | undefined;
    let platform: RunningPlatform;
    let port: number;
    let cookie: string;

    beforeAll(async () => {
      port = await freePort();
      database = await startEmbeddedPostgres({ dataDir, port });
      await ensureDatabase(database.adminUrl, 'sozialraum');
      platform = await startPlatform(
        readConfig({
          NODE_ENV: 'test',
          MIGRATION_DATABASE_URL: database.urlFor('sozialraum'),
          DATABASE_URL: database.urlFor('sozialraum', { user: 'sozialraum_app', password: 'lifecycle-test' }),
          PORT: String(await freePort()),
          WEB_ROOT: '/nonexistent',
          SEED_DEMO_DATA: 'false',
          DB_POOL_MAX: '2',
          DB_ACQUIRE_TIMEOUT_MS: '500',
        }),
        quiet,
      );
      cookie = await providerSession(platform);
    });
    afterAll(async () => {
      await platform?.stop();
      await database?.stop();
    });

    it('answers SERVICE_UNAVAILABLE when no connection frees up in time, while /health stays 200', async () => {
      const holdBothConnections = Array.from({ length: 2 }, () =>
        platform.orm.em.fork().transactional((em) => em.execute('select pg_sleep(2)')),
      );
      await sleep(200);
      const starved = await post(platform.url, cookie, FORMS);
      expect(codeOf(starved)).toBe('SERVICE_UNAVAILABLE');
      expect(await health(platform.url)).toBe(200);
      await Promise.all(holdBothConnections);
      expect(codeOf(await post(platform.url, cookie, FORMS))).toBeUndefined();
    });

    it('fails requests with SERVICE_UNAVAILABLE and /health with 503 while it is stopped, and serves again once it is back', async () => {
      expect(submissionIdOf(await submit(platform.url, cookie))).toBeDefined();

      await database!.stop();
      database = undefined;
      const started = performance.now();
      expect(await health(platform.url)).toBe(503);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(codeOf(await post(platform.url, cookie, FORMS))).toBe('SERVICE_UNAVAILABLE');
      expect(codeOf(await submit(platform.url, cookie))).toBe('SERVICE_UNAVAILABLE');

      database = await startEmbeddedPostgres({ dataDir, port });
      await until('/health to answer 200', async () =>
        (await health(platform.url)) === 200 ? true : undefined,
      );
      expect(submissionIdOf(await submit(platform.url, cookie))).toBeDefined();
      expect(codeOf(await post(platform.url, cookie, FORMS))).toBeUndefined();
    });

    it('stops promptly even when the database is gone', async () => {
      await database!.stop();
      database = undefined;
      const started = performance.now();
      await platform.stop();
      expect(performance.now() - started).toBeLessThan(5_000);
    });
  });
});

describe('the embedded database below a folder only its owner may enter', () => {
  it('starts and serves (as root, with its files where the postgres user can reach them)', async () => {
    const privateFolder = await mkdtemp(path.join(tmpdir(), 'sozialraum-private-'));
    await chmod(privateFolder, 0o700);
    const dataDir = path.join(privateFolder, 'data');
    let database: EmbeddedDatabase | undefined;
    try {
      database = await startEmbeddedPostgres({ dataDir, port: await freePort() });
      const client = new pg.Client({ connectionString: database.adminUrl });
      await client.connect();
      const { rows } = await client.query('select 1 as answer');
      await client.end();
      expect(rows).toEqual([{ answer: 1 }]);
      if (!database.clusterDir.startsWith(privateFolder)) {
        // Moved out of reach of the folder: DATA_DIR says where the files are.
        expect(readFileSync(path.join(dataDir, 'postgres-location'), 'utf8').trim()).toBe(
          database.clusterDir,
        );
      }
    } finally {
      await database?.stop();
      if (database && !database.clusterDir.startsWith(privateFolder)) {
        await rm(path.dirname(database.clusterDir), { recursive: true, force: true });
      }
      await rm(privateFolder, { recursive: true, force: true });
    }
  });
});

describe('two app processes starting at the same time on one database', () => {
  it('both come up, one after the other migrates and loads, without duplicate versions or demo data', async () => {
    const database = await createTestDatabase();
    const configFor = async () =>
      readConfig({
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        PORT: String(await freePort()),
        WEB_ROOT: '/nonexistent',
        SEED_DEMO_DATA: 'true',
      });
    const [first, second] = await Promise.all([
      startPlatform(await configFor(), quiet),
      startPlatform(await configFor(), quiet),
    ]);
    try {
      const versions = await first.orm.em
        .getConnection()
        .execute<{ form_key: string; count: number }[]>(
          'select form_key, count(*)::int as count from form_version group by form_key order by form_key',
        );
      expect(versions).toEqual([
        { form_key: 'cost-calculation', count: 1 },
        { form_key: 'criteria', count: 1 },
        { form_key: 'evaluation', count: 1 },
        { form_key: 'offer-description', count: 1 },
      ]);
      const [{ count }] = await first.orm.em
        .getConnection()
        .execute<{ count: number }[]>('select count(*)::int as count from submission');
      expect(count).toBe(4);
      for (const platform of [first, second]) {
        const answer = await post(platform.url, await signInOverHttp(platform.url), FORMS);
        expect(answer.body.errors).toBeUndefined();
        expect(answer.body.data.forms).toHaveLength(4);
      }
    } finally {
      await first.stop();
      await second.stop();
      await database.drop();
    }
  });
});
