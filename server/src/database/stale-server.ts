import { readFileSync } from 'node:fs';
import { platform } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StartupError } from './startup-error.js';

/**
 * After `kill -9` of the app its PostgreSQL keeps running and holds the port and the data folder. When the
 * process in postmaster.pid is alive and no other app process owns this data folder, it is left over from
 * a crashed run: it is stopped (fast shutdown, so nothing is lost) and started again by this run.
 */
export async function stopStaleServer(
  clusterDir: string,
  ownerFile: string,
  log: (message: string) => void,
  stopGraceMs: number,
): Promise<void> {
  const pid = readPid(path.join(clusterDir, 'postmaster.pid'));
  if (!pid || !isPostgres(pid)) return;
  const owner = readPid(ownerFile);
  if (owner && (owner === process.pid || isRunningApp(owner, pid))) {
    throw new StartupError(
      `Die eingebettete PostgreSQL-Datenbank in ${clusterDir} wird bereits von einem laufenden Prozess ` +
        `(PID ${owner}) verwendet. Beenden Sie ihn oder wählen Sie mit DATA_DIR einen anderen Ordner.`,
    );
  }
  log(
    `Eine eingebettete PostgreSQL-Datenbank aus einem abgebrochenen Lauf läuft noch (PID ${pid}); ` +
      'sie wird sauber beendet und neu gestartet.',
  );
  for (const [signal, waitMs] of [
    ['SIGINT', stopGraceMs],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    for (let waited = 0; waited < waitMs; waited += 50) {
      if (!isAlive(pid)) return;
      await sleep(50);
    }
  }
  throw new StartupError(`Die zurückgebliebene PostgreSQL-Instanz (PID ${pid}) lässt sich nicht beenden.`);
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').split('\n')[0] ?? '', 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** On Linux the process name tells; elsewhere a live process in postmaster.pid is taken to be PostgreSQL. */
function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
  } catch {
    return platform() !== 'linux';
  }
}

/**
 * Whether the app that started the database (its PID kept in the owner file) still runs it. On Linux the
 * database's parent process must be that app: after `kill -9` it belongs to init, and a PID reused by
 * another program does not count.
 */
function isRunningApp(owner: number, postmaster: number): boolean {
  if (!isAlive(owner)) return false;
  try {
    // /proc/<pid>/stat: "pid (name) state ppid ..."; the name may contain spaces, so split after ")".
    const stat = readFileSync(`/proc/${postmaster}/stat`, 'utf8');
    const parent = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '', 10);
    return parent === owner;
  } catch {
    return platform() !== 'linux';
  }
}
