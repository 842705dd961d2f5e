import { Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * How far the dispatcher has read the audit trail: every event up to `lastEventId` has been turned into
 * its notifications (in the transaction that moved the cursor). One row per reader (`name`).
 */
@Entity({ tableName: 'notification_cursor' })
export class NotificationCursor {
  @PrimaryKey({ type: 'string', length: 50 })
  name!: string;

  /** The id of the last audit event read (bigint as text). */
  @Property({ type: 'bigint' })
  lastEventId!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();
}

/**
 * One e-mail to one user about one audit event, written when the dispatcher reads the event and sent
 * afterwards (retried with growing pauses until the mail server takes it). At most one per event and user.
 */
@Entity({ tableName: 'notification' })
@Unique({ properties: ['eventId', 'recipientUserId'] })
@Index({ properties: ['sentAt', 'nextAttemptAt'] })
export class Notification {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string & Opt;

  /** The audit event the notification is about. */
  @Property({ type: 'bigint' })
  eventId!: string;

  /** The event's operation, e.g. `submitApplication`. */
  @Property({ type: 'string', length: 100 })
  operation!: string;

  @Property({ type: 'uuid' })
  recipientUserId!: string;

  /** The address at the time the event was read. */
  @Property({ type: 'string', length: 320 })
  recipientEmail!: string;

  @Property({ type: 'string', length: 300 })
  subject!: string;

  /** Plain text, German, with a link to the record. */
  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  /** Attempts to hand it to the mail server so far. */
  @Property({ type: 'integer', default: 0 })
  attempts: number & Opt = 0;

  /** Not before this instant (growing pauses after failures). */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  nextAttemptAt: Date & Opt = new Date();

  /** When the mail server accepted it; null while pending. */
  @Property({ type: 'datetime', nullable: true })
  sentAt?: Date | null;

  /** Why the last attempt failed (for the operator). */
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;
}
