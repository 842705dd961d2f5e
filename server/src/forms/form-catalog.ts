import type { EntityManager } from '@mikro-orm/postgresql';
import type { Command } from '../common/command.js';
import { type ListenerLog, NotificationListener } from '../database/notification-listener.js';
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
  private readonly listener: NotificationListener;

  /**
   * @param em any entity manager of the database (each load forks its own)
   * @param log where a lost listening connection is reported
   */
  constructor(
    private readonly em: EntityManager,
    log: ListenerLog,
  ) {
    this.listener = new NotificationListener(
      em,
      FORM_CATALOG_CHANNEL,
      { onNotification: () => this.invalidate(), onLiveChange: () => this.invalidate() },
      log,
      'Formularkatalog: Verbindung verloren, lese direkt aus der Datenbank',
    );
  }

  /** Starts listening; until the listener is connected (or without `start`) every read goes to the database. */
  async start(): Promise<void> {
    await this.listener.start();
  }

  async close(): Promise<void> {
    await this.listener.close();
  }

  private get live(): boolean {
    return this.listener.live;
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
}
