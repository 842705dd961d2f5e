import pg from 'pg';

/**
 * Two app processes starting at once against one database would both migrate, load the form definitions
 * and add demo data. A session-level advisory lock held on one dedicated connection for the whole start
 * makes them take turns; if a process dies, its session ends and the lock goes with it. The two-key form
 * lives in a key space of its own, apart from the one-key locks of the commands.
 */
const LOCK_KEYS = [0x50f1a, 1] as const;

/** Runs `work` while holding the start lock, with the locking connection (as the owner role) at hand. */
export async function withStartupLock<T>(
  ownerUrl: string,
  log: (message: string) => void,
  work: (owner: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({
    connectionString: ownerUrl,
    application_name: 'sozialraum-plattform start',
  });
  // A connection that breaks is reported by the query that uses it; without a listener it would crash the process.
  client.on('error', () => {});
  await client.connect();
  try {
    const {
      rows: [first],
    } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock($1, $2) as locked', [
      ...LOCK_KEYS,
    ]);
    if (!first?.locked) {
      log('Ein anderer Prozess startet gerade auf derselben Datenbank; warte, bis er fertig ist ...');
      await client.query('select pg_advisory_lock($1, $2)', [...LOCK_KEYS]);
    }
    const result = await work(client);
    await client.query('select pg_advisory_unlock($1, $2)', [...LOCK_KEYS]);
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}
