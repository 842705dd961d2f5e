import type { MikroORM } from '@mikro-orm/postgresql';
import { type App, createApp } from './app.js';
import { isDatabaseUnavailable } from './common/client-error.js';
import type { Config } from './config.js';
import { connectDatabaseServer, type DatabaseServer } from './database/connect.js';
import { DatabaseProbe } from './database/health.js';
import { connectDatabase, connectionLimitsFrom, migrateDatabase } from './database/orm.js';
import { ensureRuntimeRole, excessPrivileges, grantRuntimeAccess, loginOf } from './database/roles.js';
import { withStartupLock } from './database/startup-lock.js';
import { describeError, StartupError } from './database/startup-error.js';
import { loadFormDefinitions, readFormDefinitions } from './forms/load-form-definitions.js';
import { letterheadLines } from './notices/notice-settings.js';
import { seedDemoNotices } from './notices/seed-demo-notices.js';
import { seedDemoNeeds } from './needs/seed-demo-needs.js';
import { seedDemoEvaluations } from './evaluations/seed-demo-evaluations.js';
import { mailServerOf, startMailNotifications } from './notifications/mail-notifications.js';
import { loadReportDefinitions, markReportsLoaded, readReportFiles } from './reports/report-catalog.js';
import { closeReportsDatabase, configureReportsDatabase } from './reports/reports-database.js';
import { seedDemoSubmissions } from './submissions/seed-demo-submissions.js';
import { bootstrapUsers } from './users/bootstrap-users.js';

export interface RunningPlatform {
  /** Base URL, e.g. http://localhost:4000 */
  url: string;
  orm: MikroORM;
  app: App;
  /**
   * Stops accepting requests, lets those in flight finish (up to SHUTDOWN_TIMEOUT_MS), closes the pool,
   * then stops the embedded database. Safe to call more than once.
   */
  stop(): Promise<void>;
}

type Log = (message: string) => void;

/** How long closing the pool may take once requests are done (a vanished server must not hold the stop). */
const POOL_CLOSE_TIMEOUT_MS = 5_000;

/**
 * Starts everything in order: database (embedded unless DATABASE_URL is set); then, holding a lock that
 * makes concurrent starts take turns, migrations as the owner role, row access for the runtime role, form
 * definitions and demo data (both idempotent); then HTTP, serving as the runtime role.
 */
export async function startPlatform(config: Config, log: Log = console.log): Promise<RunningPlatform> {
  const database = await connectDatabaseServer(config, log);
  let orm: MikroORM | undefined;
  let app: App | undefined;
  let probe: DatabaseProbe | undefined;
  try {
    orm = await prepareDatabase(database, config, log);
    probe = new DatabaseProbe(database.url);
    const databaseProbe = probe;
    app = await createApp({
      orm,
      production: config.NODE_ENV === 'production',
      webRoot: config.WEB_ROOT,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      logLevel: config.NODE_ENV === 'test' ? 'silent' : config.LOG_LEVEL,
      allowedHosts: config.ALLOWED_HOSTS,
      serveSourceMaps: config.SERVE_SOURCE_MAPS,
      formWorkers: config.FORM_WORKERS,
      deriveBudgetMs: config.DERIVE_BUDGET_MS,
      maxArrayItems: config.MAX_ARRAY_ITEMS,
      checkDatabase: () => databaseProbe.isReachable(),
      sessions: { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS },
      trustProxy: config.TRUST_PROXY,
      notices: {
        numberPattern: config.NOTICE_NUMBER_PATTERN,
        letterhead: letterheadLines(config.NOTICE_LETTERHEAD),
        legalRemedy: config.NOTICE_LEGAL_REMEDY,
      },
    });
    // E-mail notifications (when SMTP_URL is set) stop with the HTTP server, before the pool closes.
    const notifications = await startMailNotifications(orm.em, config, app.http.log);
    if (notifications) app.http.addHook('onClose', () => notifications.close());
    log(
      config.SMTP_URL
        ? `E-Mail-Benachrichtigungen über ${mailServerOf(config.SMTP_URL)}`
        : 'E-Mail-Benachrichtigungen aus (SMTP_URL ist nicht gesetzt)',
    );
    await listen(app, config);
    const address = app.http.server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const host = ['0.0.0.0', '::', '127.0.0.1', '::1'].includes(config.HOST) ? 'localhost' : config.HOST;
    const running = { app, orm, probe };
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= shutDown(running, database, config.SHUTDOWN_TIMEOUT_MS, log);
      return stopping;
    };
    return { url: `http://${host}:${port}`, orm, app, stop };
  } catch (error) {
    await app?.http.close().catch(() => undefined);
    await probe?.close();
    await closeWithin(orm, POOL_CLOSE_TIMEOUT_MS);
    await database.stop();
    throw error;
  }
}

/** A line for `Start fehlgeschlagen: …` that names the cause, whatever was thrown. */
export function describeStartFailure(error: unknown): string {
  if (error instanceof StartupError) return error.message;
  if (isDatabaseUnavailable(error)) {
    return `Start fehlgeschlagen: Die Datenbank ist nicht erreichbar (${describeError(error)}). Läuft der PostgreSQL-Server, und stimmt DATABASE_URL?`;
  }
  return `Start fehlgeschlagen: ${describeError(error)}`;
}

async function prepareDatabase(database: DatabaseServer, config: Config, log: Log): Promise<MikroORM> {
  const runtime = loginOf(database.url);
  const separateOwner = runtime.user !== loginOf(database.migrationUrl).user;
  return withStartupLock(database.migrationUrl, log, async (owner) => {
    const applied = await migrateDatabase(database.migrationUrl);
    if (applied.length) log(`Migrationen angewendet: ${applied.join(', ')}`);
    if (separateOwner) {
      await ensureRuntimeRole(owner, runtime);
      await grantRuntimeAccess(owner, runtime.user);
    }
    const orm = await connectDatabase(database.url, connectionLimitsFrom(config));
    try {
      const excess = await excessPrivileges((sql) => orm.em.getConnection().execute(sql));
      if (excess.length) {
        log(
          `Hinweis: Die Anwendung verbindet sich als „${runtime.user}“ (${excess.join(', ')}) und könnte ` +
            'damit Tabellen ändern und Schutz-Trigger abschalten. Für geringste Rechte ' +
            'MIGRATION_DATABASE_URL setzen (README, „Least privilege“).',
        );
      }
      const definitions = await readFormDefinitions(config.FORM_DEFINITIONS_DIR);
      const changed = await loadFormDefinitions(orm.em.fork(), definitions);
      log(
        `${definitions.length} Formulardefinitionen geladen` +
          (changed.length ? `, neue Fassungen: ${changed.join(', ')}` : ', keine Änderungen'),
      );
      const reportFiles = await readReportFiles(config.REPORTS_DIR);
      const reports = await loadReportDefinitions(orm.em.fork(), reportFiles);
      markReportsLoaded(orm.em);
      log(
        `${reportFiles.reports.length} Berichtsdefinitionen geladen` +
          (reports.length ? `, neue Fassungen: ${reports.join(', ')}` : ', keine Änderungen'),
      );
      configureReportsDatabase(config.REPORTS_DATABASE_URL);
      await bootstrapUsers(orm.em.fork(), config, log);
      if (config.DEMO_DATA) {
        const seeded = await seedDemoSubmissions(orm.em.fork());
        if (seeded > 0) log(`${seeded} Demo-Einreichungen angelegt`);
        const needs = await seedDemoNeeds(orm.em.fork());
        if (needs > 0) log(`${needs} Demo-Bedarfe angelegt`);
        const notices = await seedDemoNotices(orm.em.fork());
        if (notices > 0) log(`${notices} Demo-Budgetzuweisungen, -Entscheidungen und -Bescheide angelegt`);
        // After the demo notices: they start the running offers whose evaluations this fills in.
        const evaluations = await seedDemoEvaluations(orm.em.fork());
        if (evaluations > 0) log(`${evaluations} Demo-Evaluationen eingereicht bzw. angenommen`);
      }
      return orm;
    } catch (error) {
      await orm.close();
      throw error;
    }
  });
}

async function listen(app: App, config: Config): Promise<void> {
  try {
    await app.http.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new StartupError(
        `Port ${config.PORT} auf ${config.HOST} ist ${code === 'EACCES' ? 'nicht erlaubt' : 'belegt'} (PORT). ` +
          'Beenden Sie das Programm, das ihn verwendet, oder wählen Sie mit PORT einen anderen Port.',
        { cause: error },
      );
    }
    throw error;
  }
}

async function shutDown(
  running: { app: App; orm: MikroORM; probe: DatabaseProbe },
  database: DatabaseServer,
  timeoutMs: number,
  log: Log,
): Promise<void> {
  await drain(running.app, timeoutMs, log);
  await running.probe.close();
  await closeReportsDatabase();
  await closeWithin(running.orm, POOL_CLOSE_TIMEOUT_MS);
  await database.stop();
}

/**
 * Stops accepting connections and waits until every request in flight has been answered, at most
 * `timeoutMs`; then cuts what is left. Fastify answers requests that arrive on open connections meanwhile
 * with 503. Closing the HTTP server also runs the app's onClose hooks (after the requests are done).
 */
async function drain(app: App, timeoutMs: number, log: Log): Promise<void> {
  const server = app.http.server;
  // Keep-alive connections become idle after their last answer and would hold server.close() open until
  // they time out; closing idle ones regularly lets the drain end when the last request is done.
  const reaper = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = setTimeout(() => {
    log(`Nach ${timeoutMs} ms laufen noch Anfragen; ihre Verbindungen werden getrennt.`);
    server.closeAllConnections();
  }, timeoutMs);
  try {
    await app.http.close();
  } finally {
    clearInterval(reaper);
    clearTimeout(deadline);
  }
}

async function closeWithin(orm: MikroORM | undefined, timeoutMs: number): Promise<void> {
  if (!orm) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    orm.close().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}
