import type { EntityManager } from '@mikro-orm/postgresql';
import { BadUserInput } from '../common/errors.js';
import { AuditEvent, AuditOutcome } from './audit-event.entity.js';

/** Which audit events to read; every field narrows, none given means all. */
export interface AuditFilter {
  userId?: string | null;
  operation?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  outcome?: AuditOutcome | null;
  /** Events at or after this instant. */
  from?: Date | null;
  /** Events at or before this instant. */
  to?: Date | null;
}

/** Where a page of the log ends: the (occurred_at, id) of its last event, newest first. */
export interface AuditCursor {
  /** `occurred_at` in UTC with all six fraction digits PostgreSQL keeps (a JS Date keeps three). */
  occurredAt: string;
  id: string;
}

/** A page of the log, newest first. */
export interface AuditPage {
  nodes: AuditEvent[];
  /** Where the next page starts; null when the page is empty. */
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Most events one `entityHistory` answer lists (oldest first). */
export const MAX_HISTORY_EVENTS = 500;

const SELECT = `select "id", "occurred_at", "request_id", "user_id", "user_name", "role", "operation",
  "entity_type", "entity_id", "outcome", "details", "justification",
  to_char("occurred_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursor_at"
  from "audit_event"`;

interface AuditRow {
  id: string;
  /** A string or a Date, depending on the driver's type parsers. */
  occurred_at: Date | string;
  request_id: string | null;
  user_id: string | null;
  user_name: string | null;
  role: string | null;
  operation: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: AuditOutcome;
  details: Record<string, unknown> | null;
  justification: string | null;
  cursor_at: string;
}

/** The conditions of `filter` (and of `cursor`, `upToId`) as SQL with `?` parameters appended to `params`. */
function whereOf(
  filter: AuditFilter,
  params: unknown[],
  options: { cursor?: AuditCursor | null; upToId?: string | null } = {},
): string {
  const conditions: string[] = [];
  const equal = (column: string, value: string | null | undefined) => {
    if (value === null || value === undefined) return;
    conditions.push(`"${column}" = ?`);
    params.push(value);
  };
  equal('user_id', filter.userId);
  equal('operation', filter.operation);
  equal('entity_type', filter.entityType);
  equal('entity_id', filter.entityId);
  if (filter.outcome) {
    conditions.push(`"outcome" = ?::audit_outcome`);
    params.push(filter.outcome);
  }
  if (filter.from) {
    conditions.push(`"occurred_at" >= ?`);
    params.push(filter.from);
  }
  if (filter.to) {
    // The API shows times to the millisecond, PostgreSQL keeps microseconds: `to` includes its whole millisecond.
    conditions.push(`"occurred_at" < ?::timestamptz + interval '1 millisecond'`);
    params.push(filter.to);
  }
  if (options.upToId) {
    conditions.push(`"id" <= ?::bigint`);
    params.push(options.upToId);
  }
  if (options.cursor) {
    conditions.push(`("occurred_at", "id") < (?::timestamptz, ?::bigint)`);
    params.push(options.cursor.occurredAt, options.cursor.id);
  }
  return conditions.length ? `where ${conditions.join(' and ')}` : '';
}

function eventOf(row: AuditRow): AuditEvent {
  return Object.assign(new AuditEvent(), {
    id: String(row.id),
    occurredAt: new Date(row.occurred_at),
    requestId: row.request_id,
    userId: row.user_id,
    userName: row.user_name,
    role: row.role,
    operation: row.operation,
    entityType: row.entity_type,
    entityId: row.entity_id,
    outcome: row.outcome,
    details: row.details,
    justification: row.justification,
  });
}

/** The opaque cursor string of `cursor`. */
export function encodeCursor(cursor: AuditCursor): string {
  return Buffer.from(JSON.stringify([cursor.occurredAt, cursor.id])).toString('base64url');
}

const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Reads a cursor from `encodeCursor`; anything else is BAD_USER_INPUT. */
export function decodeCursor(value: string): AuditCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[0] === 'string' &&
      CURSOR_TIME.test(parsed[0]) &&
      typeof parsed[1] === 'string' &&
      /^\d{1,18}$/.test(parsed[1])
    ) {
      return { occurredAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // reported below
  }
  throw BadUserInput('after ist kein gültiger Cursor: bitte den endCursor einer vorigen Seite angeben.', {
    fields: [{ argument: 'after', message: 'Kein gültiger Cursor.' }],
  });
}

/**
 * One page of the events that match `filter`, newest first, after `cursor` (keyset pagination on
 * (occurred_at, id), so pages stay stable while events are added and deep pages cost no more than the first).
 */
export async function findAuditEvents(
  em: EntityManager,
  filter: AuditFilter,
  page: { first: number; after?: AuditCursor | null; upToId?: string | null },
): Promise<AuditPage> {
  const params: unknown[] = [];
  const where = whereOf(filter, params, { cursor: page.after, upToId: page.upToId });
  const rows = await em.execute<AuditRow[]>(
    `${SELECT} ${where} order by "occurred_at" desc, "id" desc limit ?`,
    [...params, page.first + 1],
  );
  const shown = rows.slice(0, page.first);
  const last = shown.at(-1);
  return {
    nodes: shown.map(eventOf),
    endCursor: last ? encodeCursor({ occurredAt: last.cursor_at, id: String(last.id) }) : null,
    hasNextPage: rows.length > page.first,
  };
}

/** How many events match `filter` (up to event `upToId` when given). */
export async function countAuditEvents(
  em: EntityManager,
  filter: AuditFilter,
  upToId?: string | null,
): Promise<number> {
  const params: unknown[] = [];
  const [row] = await em.execute<{ n: number }[]>(
    `select count(*)::int as "n" from "audit_event" ${whereOf(filter, params, { upToId })}`,
    params,
  );
  return row?.n ?? 0;
}

/** The id of the newest event, so a long read (an export) can leave out events written after it began. */
export async function latestAuditEventId(em: EntityManager): Promise<string> {
  const [row] = await em.execute<{ id: string | null }[]>(
    'select max("id")::text as "id" from "audit_event"',
  );
  return row?.id ?? '0';
}

/** The events about one record, oldest first (at most MAX_HISTORY_EVENTS). */
export async function entityHistory(
  em: EntityManager,
  entityType: string,
  entityId: string,
): Promise<AuditEvent[]> {
  const rows = await em.execute<AuditRow[]>(
    `${SELECT} where "entity_type" = ? and "entity_id" = ? order by "occurred_at" asc, "id" asc limit ?`,
    [entityType, entityId, MAX_HISTORY_EVENTS],
  );
  return rows.map(eventOf);
}
