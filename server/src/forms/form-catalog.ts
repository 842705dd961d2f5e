import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Command } from '../common/command.js';
import { describeError } from '../http/error-log.js';
import { Form } from './form.entity.js';
import { FormVersion, FormVersionStatus } from './form-version.entity.js';

/** The PostgreSQL channel on which commands announce that a form's version in force changed. */
export const FORM_CATALOG_CHANNEL = 'form_catalog';

export interface CatalogEntry {
  form: Form;
  /** The version in force, without its JSON (that comes from `FormVersionCache`). */
  published: FormVersion | null;
}

type Entries = ReadonlyMap<string, CatalogEntry>;

interface Logger {
  warn(object: object, message: string): void;
  info(object: object, message: string): void;
}

/**
 * Announces, inside the command's transaction, that the forms or their versions in force changed.
 * PostgreSQL delivers the notification to every app process when the transaction commits, and not at all
 * when it rolls back.
 */
export async function announceFormChange(cmd: Command, formKey: string): Promise<void> {
  await cmd.sql('select pg_notify(?, ?)', [FORM_CATALOG_CHANNEL, formKey]);
}

/**
 * The forms and their versions in force, held in memory and kept current across app processes with
 * PostgreSQL LISTEN/NOTIFY, so reading a form or the forms list needs no query. While the listening
 * connection is down (a notification could be missed), every read goes to the database instead, and
 * after reconnecting the catalog reloads.
 */
export class FormCatalog {
  private entries: Entries | null = null;
  private generation = 0;
  private loading: { generation: number; promise: Promise<Entries> } | null = null;
  private listener: pg.Client | null = null;
  private live = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private retryDelayMs = 500;

  /**
   * @param em any entity manager of the database (each load forks its own)
   * @param log where a lost listening connection is reported
   */
  constructor(
    private readonly em: EntityManager,
    private readonly log: Logger,
  ) {}

  /** Starts listening; until the listener is connected (or without `start`) every read goes to the database. */
  async start(): Promise<void> {
    await this.connect();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const listener = this.listener;
    this.listener = null;
    this.live = false;
    await listener?.end().catch(() => {});
  }

  /** Forgets what is held, so the next read loads anew (after a command of this process changed forms). */
  invalidate(): void {
    this.generation += 1;
    this.entries = null;
  }

  /** All forms ordered by key. */
  async forms(): Promise<CatalogEntry[]> {
    return [...(await this.snapshot()).values()];
  }

  async entry(formKey: string): Promise<CatalogEntry | null> {
    return (await this.snapshot()).get(formKey) ?? null;
  }

  private async snapshot(): Promise<Entries> {
    if (this.live && this.entries) return this.entries;
    const generation = this.generation;
    if (this.loading?.generation !== generation) {
      const promise = this.load().then((entries) => {
        if (this.live && this.generation === generation) this.entries = entries;
        return entries;
      });
      this.loading = { generation, promise };
      void promise.then(
        () => this.clearLoading(promise),
        () => this.clearLoading(promise),
      );
    }
    return this.loading!.promise;
  }

  private clearLoading(promise: Promise<Entries>): void {
    if (this.loading?.promise === promise) this.loading = null;
  }

  private async load(): Promise<Entries> {
    const em = this.em.fork();
    const [forms, published] = await Promise.all([
      em.find(Form, {}, { orderBy: { key: 'asc' } }),
      em.find(FormVersion, { status: FormVersionStatus.PUBLISHED }),
    ]);
    const byForm = new Map(published.map((version) => [version.form.key, version]));
    return new Map(forms.map((form) => [form.key, { form, published: byForm.get(form.key) ?? null }]));
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
      if (this.listener !== client) return;
      this.listener = null;
      this.live = false;
      this.invalidate();
      client.removeAllListeners();
      void client.end().catch(() => {});
      if (!this.closed) {
        this.log.warn(
          { error: error === undefined ? undefined : describeError(error) },
          'Formularkatalog: Verbindung verloren, lese direkt aus der Datenbank',
        );
        this.scheduleReconnect();
      }
    };
    try {
      client.on('error', lost);
      client.on('end', () => lost());
      client.on('notification', () => this.invalidate());
      this.listener = client;
      await client.connect();
      await client.query(`listen "${FORM_CATALOG_CHANNEL}"`);
      if (this.closed || this.listener !== client) {
        await client.end().catch(() => {});
        return;
      }
      // Anything may have changed while nobody listened.
      this.invalidate();
      this.live = true;
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
