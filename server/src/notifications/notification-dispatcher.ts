import type { EntityManager } from '@mikro-orm/postgresql';
import { describeError } from '../http/error-log.js';
import { NotificationListener } from '../database/notification-listener.js';
import type { Mailer } from './mailer.js';
import { NOTIFICATION_RULES, type NotificationRule, type RecordFacts } from './notification-rules.js';
import { findRecipients, findRecordFacts, type Recipient } from './record-facts.js';

/** Where the dispatcher reports (a Fastify/pino logger fits). */
export interface DispatcherLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface DispatcherOptions {
  /** The platform's address for the links in the mails, without a trailing slash. */
  publicUrl: string;
  /** Look at the trail at least this often, also without a notification (default 30 s). */
  pollMs?: number;
  /**
   * An audit event id missing below a visible one may belong to a transaction that has not committed yet;
   * once the visible event is this old, the gap counts as a rolled-back transaction (default 60 s).
   */
  gapGraceMs?: number;
  /** The pause after the first failed attempt; it doubles with every further one (default 30 s) … */
  retryBaseMs?: number;
  /** … up to this (default 1 hour). Mails are retried until the server takes them. */
  retryMaxMs?: number;
  /** Events read per pass (default 500). */
  batchSize?: number;
}

/** The lock that lets one process at a time read the trail into notifications. */
const READER_LOCK = 'notification-dispatcher';
const CURSOR = 'mail';
const MIN_PAUSE_MS = 200;
/** The channel the migration's trigger notifies when audit events are added. */
export const AUDIT_EVENT_CHANNEL = 'audit_event_added';

interface EventRow {
  id: string;
  operation: string;
  outcome: string;
  entityType: string | null;
  entityId: string | null;
  userId: string | null;
  /** Older than the gap grace. */
  settled: boolean;
}

interface PendingRow {
  id: string;
  recipientEmail: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends the e-mail notifications, derived from the audit trail, which every command writes in its own
 * transaction: nothing is lost when the app stops between a commit and the mail, or the mail server is down.
 *
 * A pass (1) reads the audit events after the stored cursor, under an advisory lock so only one process
 * reads, turns those whose operation has a rule (`NOTIFICATION_RULES`) into one `notification` row per
 * recipient (unique per event and recipient, so reading an event twice adds nothing) and moves the cursor
 * over them, in one transaction; then (2) sends the pending rows one by one, each under its row lock
 * (SKIP LOCKED: two processes never send the same mail), marks each sent, and after a failure sets the
 * next attempt with a doubling pause and stops the pass. Passes run when the trigger on `audit_event`
 * notifies (LISTEN), after every pause, and at least every `pollMs`.
 *
 * Event ids come from a sequence when the event is written, so a transaction still open may commit a
 * smaller id after a larger one became visible: the cursor never passes such a gap (events after it are
 * read again later, adding nothing twice) until the visible event is older than `gapGraceMs`.
 * A crash after the mail server took a mail but before it was marked sent sends it once more; nothing else
 * sends twice.
 */
export class NotificationDispatcher {
  private readonly listener: NotificationListener;
  private readonly pollMs: number;
  private readonly gapGraceMs: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  private readonly batchSize: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  /** After a failed attempt: no sending before this (the mail server is probably away). */
  private pausedUntil = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly mailer: Mailer,
    private readonly log: DispatcherLog,
    private readonly options: DispatcherOptions,
  ) {
    this.pollMs = options.pollMs ?? 30_000;
    this.gapGraceMs = options.gapGraceMs ?? 60_000;
    this.retryBaseMs = options.retryBaseMs ?? 30_000;
    this.retryMaxMs = options.retryMaxMs ?? 3_600_000;
    this.batchSize = options.batchSize ?? 500;
    this.listener = new NotificationListener(
      em,
      AUDIT_EVENT_CHANNEL,
      {
        onNotification: () => this.wake(),
        onLiveChange: (live) => {
          if (live) this.wake();
        },
      },
      log,
      'Die Verbindung, die neue Protokolleinträge für E-Mail-Benachrichtigungen meldet, ist abgerissen; sie wird neu aufgebaut.',
    );
  }

  /** Listens for new audit events and runs a first pass. */
  async start(): Promise<void> {
    await this.listener.start();
    this.wake();
  }

  /** Stops listening and timers and waits for a running pass. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.listener.close();
    await this.running;
    this.mailer.close();
  }

  /** Runs a pass now, or right after the one running. */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Waits until no pass runs (for tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<void> {
    let nextDelay = this.pollMs;
    do {
      this.again = false;
      try {
        nextDelay = await this.pass();
      } catch (error) {
        this.log.warn(
          { error: describeError(error) },
          'E-Mail-Benachrichtigungen: Durchlauf fehlgeschlagen, neuer Versuch folgt',
        );
        nextDelay = this.pollMs;
      }
    } while (this.again && !this.closed);
    this.schedule(nextDelay);
  }

  private schedule(delayMs: number): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.wake();
      },
      // Never sooner than MIN_PAUSE_MS: a due mail another process is sending must not make this one spin.
      Math.max(MIN_PAUSE_MS, Math.min(delayMs, this.pollMs)),
    );
    this.timer.unref();
  }

  /** One pass: read new events into notifications, send what is due. Returns when the next pass is needed (ms). */
  async pass(): Promise<number> {
    await this.readEvents();
    if (Date.now() >= this.pausedUntil) await this.sendDue();
    return this.nextDueInMs();
  }

  /** Turns the events after the cursor into notifications and moves the cursor; returns the rows added. */
  async readEvents(): Promise<number> {
    return this.em.fork().transactional(async (tx) => {
      const [lock] = await tx.execute<{ locked: boolean }[]>(
        'select pg_try_advisory_xact_lock(hashtext(?)) as "locked"',
        [READER_LOCK],
      );
      if (!lock?.locked) return 0;
      await tx.execute(
        `insert into "notification_cursor" ("name", "last_event_id")
         select ?, coalesce(max("id"), 0) from "audit_event" on conflict do nothing`,
        [CURSOR],
      );
      const [cursor] = await tx.execute<{ last: string }[]>(
        `select "last_event_id"::text as "last" from "notification_cursor" where "name" = ? for update`,
        [CURSOR],
      );
      const last = BigInt(cursor!.last);
      const events = await tx.execute<EventRow[]>(
        `select "id"::text as "id", "operation", "outcome", "entity_type" as "entityType", "entity_id" as "entityId",
                "user_id" as "userId", "occurred_at" < clock_timestamp() - make_interval(secs => ?) as "settled"
           from "audit_event" where "id" > ? order by "id" limit ?`,
        [this.gapGraceMs / 1000, last.toString(), this.batchSize],
      );
      let reached = last;
      let contiguous = true;
      let added = 0;
      for (const event of events) {
        const id = BigInt(event.id);
        if (contiguous && (id === reached + 1n || event.settled)) reached = id;
        else contiguous = false;
        const rule = NOTIFICATION_RULES[event.operation];
        if (!rule || event.outcome !== 'SUCCESS' || event.entityType !== rule.entityType || !event.entityId)
          continue;
        try {
          // A savepoint: an event that cannot be read must not hold up all others.
          added += await tx.transactional((inner) => this.notificationsFor(inner, event, rule));
        } catch (error) {
          this.log.error(
            { error: describeError(error), eventId: event.id, operation: event.operation },
            'E-Mail-Benachrichtigung zu einem Protokolleintrag konnte nicht erstellt werden',
          );
        }
      }
      if (reached !== last) {
        await tx.execute(
          `update "notification_cursor" set "last_event_id" = ?, "updated_at" = now() where "name" = ?`,
          [reached.toString(), CURSOR],
        );
      }
      return added;
    });
  }

  private async notificationsFor(
    tx: EntityManager,
    event: EventRow,
    rule: NotificationRule,
  ): Promise<number> {
    const execute = tx.execute.bind(tx) as EntityManager['execute'];
    const facts = await findRecordFacts(execute, rule.entityType, event.entityId!);
    if (!facts) return 0;
    const recipients = await findRecipients(execute, rule.audience, facts, event.userId);
    let added = 0;
    for (const recipient of recipients) {
      const mail = composeMail(rule, facts, recipient, this.options.publicUrl);
      const rows = await tx.execute<{ id: string }[]>(
        `insert into "notification" ("event_id", "operation", "recipient_user_id", "recipient_email", "subject", "body")
         values (?, ?, ?, ?, ?, ?) on conflict do nothing returning "id"`,
        [event.id, event.operation, recipient.id, recipient.email, mail.subject, mail.text],
      );
      added += rows.length;
    }
    return added;
  }

  /** Sends the due notifications one by one; stops at the first failure. Returns how many were sent. */
  async sendDue(): Promise<number> {
    let sent = 0;
    while (!this.closed) {
      const outcome = await this.em.fork().transactional(async (tx) => {
        const [row] = await tx.execute<PendingRow[]>(
          `select "id"::text as "id", "recipient_email" as "recipientEmail", "subject", "body", "attempts"
             from "notification" where "sent_at" is null and "next_attempt_at" <= clock_timestamp()
            order by "id" limit 1 for update skip locked`,
        );
        if (!row) return 'none' as const;
        try {
          await this.mailer.send({ to: row.recipientEmail, subject: row.subject, text: row.body });
        } catch (error) {
          const pauseMs = Math.min(this.retryBaseMs * 2 ** row.attempts, this.retryMaxMs);
          await tx.execute(
            `update "notification" set "attempts" = "attempts" + 1, "last_error" = ?,
                    "next_attempt_at" = clock_timestamp() + make_interval(secs => ?) where "id" = ?`,
            [messageOf(error), pauseMs / 1000, row.id],
          );
          this.pausedUntil = Date.now() + pauseMs;
          this.log.warn(
            {
              error: describeError(error),
              notificationId: row.id,
              attempts: row.attempts + 1,
              retryInMs: pauseMs,
            },
            'E-Mail-Benachrichtigung nicht zugestellt; neuer Versuch folgt',
          );
          return 'failed' as const;
        }
        await tx.execute(
          `update "notification" set "attempts" = "attempts" + 1, "sent_at" = clock_timestamp(), "last_error" = null
            where "id" = ?`,
          [row.id],
        );
        return 'sent' as const;
      });
      if (outcome !== 'sent') break;
      sent += 1;
    }
    return sent;
  }

  /** Milliseconds until the next pending notification is due (at most `pollMs`). */
  private async nextDueInMs(): Promise<number> {
    const [row] = await this.em.fork().execute<{ wait: number | null }[]>(
      `select extract(epoch from min("next_attempt_at") - clock_timestamp()) * 1000 as "wait"
           from "notification" where "sent_at" is null`,
    );
    const wait = row?.wait === null || row?.wait === undefined ? this.pollMs : Math.max(0, Number(row.wait));
    return Math.max(wait, this.pausedUntil - Date.now(), 0);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/** The German plain-text mail for one recipient. */
export function composeMail(
  rule: NotificationRule,
  facts: RecordFacts,
  recipient: Recipient,
  publicUrl: string,
): { subject: string; text: string } {
  const fill = (text: string) =>
    text.replaceAll('{title}', facts.title).replaceAll('{provider}', facts.providerName ?? 'Ein Träger');
  const subject = `${rule.subject}: ${facts.title}`.replace(/\s+/g, ' ').slice(0, 300);
  const text = [
    `Guten Tag ${recipient.displayName},`,
    '',
    fill(rule.text),
    '',
    `Zum Vorgang: ${publicUrl}${rule.link(facts)}`,
    '',
    '--',
    'Diese Nachricht hat die Sozialraum-Plattform automatisch gesendet, weil Sie für den Vorgang zuständig sind.',
    'Ihre offenen Aufgaben finden Sie unter: ' + `${publicUrl}/aufgaben`,
  ].join('\n');
  return { subject, text };
}
