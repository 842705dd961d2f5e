import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { describeError } from '../http/error-log.js';

/** Where a lost connection is reported (a Fastify/pino logger fits). */
export interface ListenerLog {
  warn(object: object, message: string): void;
}

/** What a listener tells its owner. */
export interface NotificationHandlers {
  /** A notification on the channel arrived (`payload` empty when none was sent). */
  onNotification(payload: string | undefined): void;
  /**
   * The listener is live again, or no longer: either way anything may have changed while nobody
   * listened, so the owner drops what it keeps in memory.
   */
  onLiveChange(live: boolean): void;
}

/**
 * One PostgreSQL connection that LISTENs on a channel for the in-memory caches of this process (the form
 * catalog, sessions), on the ORM's server and login. When the connection is lost it says so in the log
 * (`lostMessage`) and reconnects with growing pauses (0.5 s up to 10 s); `live` tells the owner whether it
 * may trust what it keeps in memory.
 */
export class NotificationListener {
  private client: pg.Client | null = null;
  private isLive = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = 500;

  constructor(
    private readonly em: EntityManager,
    private readonly channel: string,
    private readonly handlers: NotificationHandlers,
    private readonly log: ListenerLog,
    private readonly lostMessage: string,
  ) {}

  /** Whether notifications arrive now. */
  get live(): boolean {
    return this.isLive;
  }

  /** Connects and listens; a failure is reported and retried, never thrown. */
  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.isLive = false;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const options = this.em.getConnection().getConnectionOptions();
    const client = new pg.Client({
      host: options.host,
      port: options.port,
      user: options.user,
      password: typeof options.password === 'string' ? options.password : undefined,
      database: options.database,
    });
    const lost = (error?: unknown) => {
      if (this.client !== client) return;
      this.client = null;
      this.isLive = false;
      this.handlers.onLiveChange(false);
      client.removeAllListeners();
      void client.end().catch(() => {});
      if (!this.closed) {
        this.log.warn({ error: error === undefined ? undefined : describeError(error) }, this.lostMessage);
        this.scheduleReconnect();
      }
    };
    try {
      client.on('error', lost);
      client.on('end', () => lost());
      client.on('notification', (message) => this.handlers.onNotification(message.payload || undefined));
      this.client = client;
      await client.connect();
      await client.query(`listen "${this.channel}"`);
      if (this.closed || this.client !== client) {
        await client.end().catch(() => {});
        return;
      }
      this.handlers.onLiveChange(true);
      this.isLive = true;
      this.retryDelayMs = 500;
    } catch (error) {
      lost(error);
    }
  }

  private scheduleReconnect(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryDelayMs);
    this.retryTimer.unref();
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, 10_000);
  }
}
