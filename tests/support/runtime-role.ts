import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ensureRuntimeRole, grantRuntimeAccess } from '../../server/src/database/roles.js';

/**
 * Runs `work` with two connections to the test database: as its owner, and as a fresh runtime role with the
 * app's grants (ensureRuntimeRole, grantRuntimeAccess). The role is dropped afterwards.
 */
export async function withRuntimeRole(
  databaseUrl: string,
  prefix: string,
  work: (clients: { owner: pg.Client; runtime: pg.Client; runtimeRole: string }) => Promise<void>,
): Promise<void> {
  const owner = new pg.Client({ connectionString: databaseUrl });
  await owner.connect();
  const runtimeRole = `${prefix}_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const runtimeUrl = new URL(databaseUrl);
  runtimeUrl.username = runtimeRole;
  runtimeUrl.password = password;
  const runtime = new pg.Client({ connectionString: runtimeUrl.toString() });
  try {
    await ensureRuntimeRole(owner, { user: runtimeRole, password });
    await grantRuntimeAccess(owner, runtimeRole);
    await runtime.connect();
    await work({ owner, runtime, runtimeRole });
  } finally {
    await runtime.end().catch(() => undefined);
    await owner.query(`drop owned by ${runtimeRole}`).catch(() => undefined);
    await owner.query(`drop role if exists ${runtimeRole}`).catch(() => undefined);
    await owner.end();
  }
}

/** The error PostgreSQL answers `text` with; fails when it runs. */
export async function refusal(client: pg.Client, text: string): Promise<{ code?: string; message: string }> {
  try {
    await client.query(text);
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error(`expected PostgreSQL to refuse: ${text}`);
}
