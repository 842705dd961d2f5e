import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../server/src/database/embedded-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a database on the test server from which test files create their own databases. */
    databaseAdminUrl: string;
  }
}

/** Asks the OS for a free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * One PostgreSQL server per test run: the one in DATABASE_URL when set (it must allow CREATE DATABASE),
 * otherwise an embedded one in a temporary folder that is removed afterwards.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('databaseAdminUrl', process.env.DATABASE_URL);
    return;
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sozialraum-test-'));
  // As root, PostgreSQL runs as the `postgres` user, who must be able to enter the folder.
  await chmod(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  project.provide('databaseAdminUrl', database.adminUrl);
  return async () => {
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
