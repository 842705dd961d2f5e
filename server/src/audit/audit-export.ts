import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import type { FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { BadUserInput, ErrorCode, Forbidden, Unauthenticated } from '../common/errors.js';
import {
  type CallerOf,
  mustChangePassword,
  PasswordChangeRequired,
  sendDownloadError,
} from '../http/download.js';
import { allowingRole } from '../common/policy.js';
import { validateArgs } from '../common/validate-args.js';
import { describeError } from '../http/error-log.js';
import { type AuditEvent, AuditOutcome } from './audit-event.entity.js';
import { AuditEventFilter, checkAuditFilter } from './audit.inputs.js';
import { auditPolicy } from './audit.policy.js';
import {
  type AuditCursor,
  type AuditFilter,
  countAuditEvents,
  decodeCursor,
  findAuditEvents,
  latestAuditEventId,
} from './audit-query.js';
import { recordAuditEvent } from './record-audit-event.js';
import { todayInVerden } from '../common/local-date.js';

/** Where the CSV export answers. */
export const AUDIT_EXPORT_PATH = '/api/audit-events.csv';

/** Most rows one export holds; past it the file ends with a note and the answer says so in a header. */
export const MAX_EXPORT_ROWS = 100_000;

const PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED';

/** Rows read from the database at a time, so an export never holds more than this in memory. */
const BATCH_SIZE = 1000;

export interface AuditExportOptions {
  /** The ORM's entity manager; the export forks its own. */
  em: EntityManager;
  /** Works out who sends the request, exactly as for GraphQL. */
  callerOf: CallerOf;
  maxRows?: number;
}

const TEXT_FIELDS = ['userId', 'operation', 'entityType', 'entityId'] as const;

const COLUMNS = [
  'Zeitpunkt',
  'Benutzer-ID',
  'Benutzer',
  'Rolle',
  'Vorgang',
  'Ergebnis',
  'Datensatztyp',
  'Datensatz-ID',
  'Details',
  'Begründung',
  'Anfrage-ID',
  'Eintrags-ID',
];

const OUTCOME_LABELS: Record<AuditOutcome, string> = {
  [AuditOutcome.SUCCESS]: 'erfolgreich',
  [AuditOutcome.DENIED]: 'verweigert',
  [AuditOutcome.FAILED]: 'fehlgeschlagen',
};

function rowOf(event: AuditEvent): string[] {
  return [
    event.occurredAt.toISOString(),
    event.userId ?? '',
    event.userName ?? '',
    event.role ?? '',
    event.operation,
    OUTCOME_LABELS[event.outcome] ?? event.outcome,
    event.entityType ?? '',
    event.entityId ?? '',
    event.details ? JSON.stringify(event.details) : '',
    event.justification ?? '',
    event.requestId ?? '',
    event.id,
  ];
}

/** The filter of the query string (the fields of `AuditEventFilter`); empty values count as not given. */
async function filterOf(query: unknown): Promise<AuditFilter> {
  const params = (query ?? {}) as Record<string, unknown>;
  const filter = new AuditEventFilter();
  const single = (name: string): string | undefined => {
    const value = params[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') {
      throw BadUserInput(`${name} darf nur einmal angegeben werden.`, {
        fields: [{ argument: name, message: 'Nur ein Wert erlaubt.' }],
      });
    }
    return value;
  };
  for (const name of TEXT_FIELDS) filter[name] = single(name);
  const outcome = single('outcome');
  if (outcome !== undefined) {
    if (!Object.values(AuditOutcome).includes(outcome as AuditOutcome)) {
      throw BadUserInput(`outcome muss einer der Werte ${Object.values(AuditOutcome).join(', ')} sein.`, {
        fields: [{ argument: 'outcome', message: 'Unbekanntes Ergebnis.' }],
      });
    }
    filter.outcome = outcome as AuditOutcome;
  }
  for (const name of ['from', 'to'] as const) {
    const value = single(name);
    if (value === undefined) continue;
    try {
      filter[name] = DateTimeResolver.parseValue(value) as Date;
    } catch {
      throw BadUserInput(`${name} ist kein gültiger Zeitpunkt (ISO 8601, z. B. 2026-11-26T00:00:00Z).`, {
        fields: [{ argument: name, message: 'Kein gültiger Zeitpunkt.' }],
      });
    }
  }
  await validateArgs(filter);
  checkAuditFilter(filter);
  return filter;
}

/** The filter as the export's audit event records it (only the fields given). */
function filterDetails(filter: AuditFilter): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value]),
  );
}

/** The rows of the export, read in batches (keyset), newest first, at most `maxRows`, then the note. */
async function* exportRows(
  em: EntityManager,
  filter: AuditFilter,
  upToId: string,
  maxRows: number,
  truncatedNote: string | null,
): AsyncGenerator<string[]> {
  yield COLUMNS;
  let sent = 0;
  let after: AuditCursor | null = null;
  while (sent < maxRows) {
    const page = await findAuditEvents(em, filter, {
      first: Math.min(BATCH_SIZE, maxRows - sent),
      after,
      upToId,
    });
    for (const event of page.nodes) yield rowOf(event);
    sent += page.nodes.length;
    if (!page.hasNextPage || !page.endCursor) break;
    after = decodeCursor(page.endCursor);
  }
  if (truncatedNote) yield [truncatedNote];
}

/**
 * `GET /api/audit-events.csv?userId=…&operation=…&entityType=…&entityId=…&outcome=…&from=…&to=…`: the
 * audit log as CSV for Excel (UTF-8 with BOM, `;` between fields, CRLF, German headers, times in ISO
 * 8601 UTC), newest first, streamed in batches and capped at MAX_EXPORT_ROWS. Only an administrator's
 * session may export; every export (and every refused one) is itself an audit event. Cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`) are prefixed with `'`.
 */
export function registerAuditExport(http: FastifyInstance, options: AuditExportOptions): void {
  const maxRows = options.maxRows ?? MAX_EXPORT_ROWS;
  http.route({
    method: 'GET',
    url: AUDIT_EXPORT_PATH,
    // A HEAD request would be recorded as an export without delivering one.
    exposeHeadRoute: false,
    handler: async (request, reply) => {
      const caller = await options.callerOf(request);
      if (!caller) return sendDownloadError(reply, 401, Unauthenticated());
      const em = options.em.fork();
      // As for GraphQL: who must first choose a new password may do nothing else (see users/access-gate.ts).
      const passwordFirst = mustChangePassword(caller);
      const role = passwordFirst ? null : allowingRole(auditPolicy, caller, 'export', null);
      if (!role) {
        const reason = passwordFirst ? PASSWORD_CHANGE_REQUIRED : undefined;
        await recordAuditEvent(em, {
          operation: 'exportAuditEvents',
          outcome: AuditOutcome.DENIED,
          requestId: request.id,
          caller,
          details: { callerRoles: caller.roles, ...(reason ? { reason } : {}) },
        });
        return sendDownloadError(reply, 403, passwordFirst ? PasswordChangeRequired() : Forbidden());
      }
      let filter: AuditFilter;
      try {
        filter = await filterOf(request.query);
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BadUserInput) {
          return sendDownloadError(reply, 400, error);
        }
        throw error;
      }

      // Events written after this point (the export's own among them) are not part of this export.
      const upToId = await latestAuditEventId(em);
      const total = await countAuditEvents(em, filter, upToId);
      const truncated = total > maxRows;
      await recordAuditEvent(em, {
        operation: 'exportAuditEvents',
        outcome: AuditOutcome.SUCCESS,
        requestId: request.id,
        caller,
        role,
        details: { filter: filterDetails(filter), rowCount: Math.min(total, maxRows), truncated },
      });

      const note = truncated
        ? `Hinweis: Der Export ist auf ${maxRows.toLocaleString('de-DE')} Einträge begrenzt; ` +
          `${total.toLocaleString('de-DE')} Einträge passen zum Filter. Bitte Zeitraum oder Filter einschränken.`
        : null;
      const csv = stringify({
        delimiter: ';',
        bom: true,
        record_delimiter: 'windows',
        escape_formulas: true,
      });
      pipeline(Readable.from(exportRows(em, filter, upToId, maxRows, note)), csv).catch((error: unknown) => {
        request.log.error({ error: describeError(error) }, 'CSV-Export abgebrochen');
      });
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="audit-protokoll-${todayInVerden()}.csv"`)
        .header('Cache-Control', 'no-store')
        .header('X-Total-Count', String(total))
        .header('X-Export-Truncated', String(truncated))
        .send(csv);
    },
  });
}
