import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';

/** How long a health check waits for the database before it answers "unavailable". */
export const HEALTH_TIMEOUT_MS = 800;

/**
 * Checks that the database answers, on a connection of its own: a busy pool must not make a load balancer
 * take a working app out of service, and an unreachable database is reported within HEALTH_TIMEOUT_MS
 * instead of after the pool's acquire timeout. Concurrent checks share one query.
 */
export class DatabaseProbe {
  private client: pg.Client | undefined;
  private running: Promise<boolean> | undefined;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly timeoutMs = HEALTH_TIMEOUT_MS,
  ) {}

  isReachable(): Promise<boolean> {
    this.running ??= this.check().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.drop();
  }

  private async check(): Promise<boolean> {
    if (this.closed) return false;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), this.timeoutMs);
    });
    const answered = (async () => {
      let client = this.client;
      if (!client) {
        client = new pg.Client({
          connectionString: this.url,
          connectionTimeoutMillis: this.timeoutMs,
          application_name: 'sozialraum-plattform health',
        });
        client.on('error', () => this.drop());
        this.client = client;
        await client.connect();
      }
      await client.query('select 1');
      return true;
    })().catch(() => false);
    const reachable = await Promise.race([answered, timedOut]);
    clearTimeout(timer);
    if (!reachable) this.drop();
    return reachable;
  }

  private drop(): void {
    const client = this.client;
    this.client = undefined;
    client?.end().catch(() => undefined);
  }
}

/** A bounded check through the ORM's pool, for apps built without a probe of their own (tests). */
export async function ormAnswersWithin(orm: MikroORM, timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = orm.em
    .getConnection()
    .execute('select 1')
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
