import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from './startup-error.js';

const run = promisify(execFile);

/**
 * PostgreSQL refuses to run as root, so as root it runs as the system user `postgres`. That user must be
 * able to enter every folder above its binaries and its data; a home folder with mode 700 (/root) stops
 * it. Whatever it cannot reach is placed here instead, readable by it and writable only by root.
 */
export const SHARED_ROOT = '/var/lib/sozialraum-plattform';

export interface SystemUser {
  uid: number;
  gid: number;
}

/** The `postgres` system user, created when missing. */
export async function postgresSystemUser(): Promise<SystemUser> {
  const lookup = async (): Promise<SystemUser> => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  };
  try {
    return await lookup();
  } catch {
    try {
      await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
      await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
      return await lookup();
    } catch (error) {
      throw new StartupError(
        'Als root läuft die eingebettete PostgreSQL-Datenbank als Systembenutzer „postgres“, der sich nicht ' +
          `anlegen ließ (${(error as Error).message.trim()}). Legen Sie ihn an (useradd --system postgres) ` +
          'oder starten Sie die Plattform als gewöhnlicher Benutzer.',
        { cause: error },
      );
    }
  }
}

/** The first folder on the way to `target` that `user` cannot pass through, or null when every one lets it. */
export async function firstBlockingFolder(target: string, user: SystemUser): Promise<string | null> {
  const folders: string[] = [];
  for (let current = path.resolve(target); ; current = path.dirname(current)) {
    folders.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of folders) {
    if (!existsSync(folder)) return null;
    const info = await stat(folder);
    if (!info.isDirectory()) continue;
    const enter = info.uid === user.uid ? 0o100 : info.gid === user.gid ? 0o010 : /* everyone else */ 0o001;
    if ((info.mode & enter) === 0) return folder;
  }
  return null;
}

/**
 * Copies the PostgreSQL binaries (bin, lib, share) once to a folder under SHARED_ROOT that the `postgres`
 * user can reach, named by their version; later starts reuse the copy.
 */
export async function reachableCopyOfBinaries(
  nativeDir: string,
  version: string,
  log: (message: string) => void,
): Promise<string> {
  const target = path.join(SHARED_ROOT, `postgresql-${version.replace(/[^\w.-]/g, '_')}`);
  if (existsSync(path.join(target, 'bin', 'postgres'))) return target;
  await makeSharedFolder(SHARED_ROOT);
  log(
    `Kopiere die PostgreSQL-Programme nach ${target}, damit der Benutzer „postgres“ sie ausführen kann ...`,
  );
  // Copied beside the target and renamed, so an interrupted copy is never mistaken for a complete one.
  const partial = `${target}.partial-${randomBytes(4).toString('hex')}`;
  try {
    await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    if (existsSync(path.join(target, 'bin', 'postgres'))) return target;
    throw error;
  }
  return target;
}

/**
 * A folder for the cluster of `dataDir` under SHARED_ROOT, named by a hash of `dataDir`, so each data folder
 * keeps its own database there. Only root can write to SHARED_ROOT; PostgreSQL owns the cluster folder.
 */
export async function reachableClusterParent(dataDir: string): Promise<string> {
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const parent = path.join(SHARED_ROOT, `data-${hash}`);
  await makeSharedFolder(SHARED_ROOT);
  await makeSharedFolder(parent);
  await writeFile(path.join(parent, 'DATA_DIR'), `${path.resolve(dataDir)}\n`);
  return parent;
}

async function makeSharedFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true, mode: 0o755 });
    await chmod(folder, 0o755);
  } catch (error) {
    throw new StartupError(
      `Der Ordner ${folder} für die eingebettete PostgreSQL-Datenbank ließ sich nicht anlegen ` +
        `(${(error as Error).message}). Setzen Sie DATA_DIR auf einen Ordner, den der Benutzer „postgres“ ` +
        'betreten kann, oder DATABASE_URL.',
      { cause: error },
    );
  }
}
