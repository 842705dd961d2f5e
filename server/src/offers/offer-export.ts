import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import type { FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import { OfferState, STATE_LABELS } from '../../../process-logic/index.js';
import { BadUserInput, ErrorCode } from '../common/errors.js';
import { type CallerOf, downloadCaller, sendDownloadError } from '../http/download.js';
import { describeError } from '../http/error-log.js';
import { FinancingKind } from '../master-data/offer-category.entity.js';
import { OfferFilter, OfferSort, OfferSortField, SortDirection } from './offer.inputs.js';
import { countOffers, findOfferExportRows, type OfferExportRow, offerQuery } from './offer-query.js';
import { isUuid } from '../common/uuid.scalar.js';
import { todayInVerden } from '../common/local-date.js';

/** Where the CSV export of the Angebotsübersicht answers. */
export const OFFER_EXPORT_PATH = '/api/offers.csv';

/** Rows read from the database at a time, so an export never holds more than this in memory. */
const BATCH_SIZE = 500;

export interface OfferExportOptions {
  /** The ORM's entity manager; the export forks its own. */
  em: EntityManager;
  /** Works out who sends the request, exactly as for GraphQL. */
  callerOf: CallerOf;
}

export const OFFER_EXPORT_COLUMNS = [
  'Titel',
  'Sozialraum',
  'Regionalteam',
  'Träger',
  'Angebotsart',
  'Finanzierungsart',
  'Status',
  'Beginn',
  'Ende',
  'Bewilligter Betrag (EUR)',
  'Fachleistungsstunden',
  'Stundensatz (EUR)',
  'Nächste Evaluation',
  'Evaluation überfällig',
  'Angebots-ID',
];

const FINANCING_KIND_LABELS: Record<FinancingKind, string> = {
  [FinancingKind.FEE]: 'Fachleistungsstunden (§ 77 SGB VIII)',
  [FinancingKind.GRANT]: 'Kreiszuschuss (§ 74 SGB VIII)',
};

/**
 * Cents as a German decimal without thousands separators ("1234,50"): Excel with German settings reads
 * it as the number 1234.5, sums it and formats it as currency; "1.234,50" would also be read but is
 * ambiguous for other tools, and cents would need a division in every sheet.
 */
export function germanDecimal(cents: string | number): string {
  const value = BigInt(cents);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n},${String(abs % 100n).padStart(2, '0')}`;
}

/** "12.50" (numeric) as "12,5"; hours keep their decimals as a German number. */
function germanNumber(value: string): string {
  return value.replace(/\.?0+$/, '').replace('.', ',') || '0';
}

/** An ISO date as Excel in Germany reads a date: "31.12.2026". */
export function germanDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

function rowOf(row: OfferExportRow, today: string): string[] {
  return [
    row.title,
    row.social_area ?? 'kreisweit',
    row.regional_team ?? '',
    row.provider,
    row.offer_category,
    FINANCING_KIND_LABELS[row.financing_kind as FinancingKind] ?? row.financing_kind,
    STATE_LABELS.offer[row.state as OfferState] ?? row.state,
    germanDate(row.period_start),
    germanDate(row.period_end),
    germanDecimal(row.approved_amount),
    row.fee_hours === null ? '' : germanNumber(row.fee_hours),
    row.hourly_rate === null ? '' : germanDecimal(row.hourly_rate),
    row.next_due ? germanDate(row.next_due) : '',
    row.next_due && row.next_due < today ? 'ja' : 'nein',
    row.id,
  ];
}

/**
 * The filter and sort of the query string; the same names the web page keeps in its address
 * (`socialAreaId`, `countyWide`, `regionalTeamId`, `providerId`, `offerCategoryId`, `financingKind`,
 * `states` comma-separated, `sort`, `direction`). Empty values count as not given.
 */
export function exportParamsOf(query: unknown): { filter: OfferFilter; sort: OfferSort | null } {
  const params = (query ?? {}) as Record<string, unknown>;
  const single = (name: string): string | undefined => {
    const value = params[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw BadUserInput(`${name} darf nur einmal angegeben werden.`);
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const value = single(name);
    if (value === undefined) return undefined;
    if (!allowed.includes(value as T)) {
      throw BadUserInput(`${name} muss einer der Werte ${allowed.join(', ')} sein.`);
    }
    return value as T;
  };
  const filter = new OfferFilter();
  for (const name of ['socialAreaId', 'regionalTeamId', 'providerId', 'offerCategoryId'] as const) {
    const value = single(name);
    if (value === undefined) continue;
    if (!isUuid(value)) throw BadUserInput(`${name} ist keine gültige ID.`);
    filter[name] = value.toLowerCase();
  }
  const countyWide = oneOf('countyWide', ['true', 'false']);
  if (countyWide !== undefined) filter.countyWide = countyWide === 'true';
  filter.financingKind = oneOf('financingKind', Object.values(FinancingKind));
  const states = single('states');
  if (states !== undefined) {
    const list = states.split(',').filter(Boolean);
    const unknown = list.filter((state) => !Object.values(OfferState).includes(state as OfferState));
    if (unknown.length > 0) {
      throw BadUserInput(
        `states kennt ${unknown.join(', ')} nicht (${Object.values(OfferState).join(', ')}).`,
      );
    }
    filter.states = list as OfferState[];
  }
  const field = oneOf('sort', Object.values(OfferSortField));
  const direction = oneOf('direction', Object.values(SortDirection)) ?? SortDirection.ASC;
  return { filter, sort: field ? { field, direction } : null };
}

async function* exportRows(
  em: EntityManager,
  query: ReturnType<typeof offerQuery>,
  today: string,
): AsyncGenerator<string[]> {
  yield OFFER_EXPORT_COLUMNS;
  for (let offset = 0; ; offset += BATCH_SIZE) {
    const rows = await findOfferExportRows(em, query, BATCH_SIZE, offset);
    for (const row of rows) yield rowOf(row, today);
    if (rows.length < BATCH_SIZE) break;
  }
}

/**
 * `GET /api/offers.csv?socialAreaId=…&providerId=…&states=RUNNING&sort=APPROVED_AMOUNT&direction=DESC`:
 * the Angebotsübersicht as CSV for Excel, with the caller's scope and the same filters and order as the
 * `offers` query (provider staff get only their own Träger's offers). UTF-8 with BOM, `;` between fields,
 * CRLF, German headers; amounts in euros as German decimals ("1234,50"), dates as "31.12.2026". Cells a
 * spreadsheet would run as a formula are prefixed with `'`. Streamed in batches.
 */
export function registerOfferExport(http: FastifyInstance, options: OfferExportOptions): void {
  http.route({
    method: 'GET',
    url: OFFER_EXPORT_PATH,
    exposeHeadRoute: false,
    handler: async (request, reply) => {
      const caller = await downloadCaller(request, reply, options.callerOf);
      if (!caller) return reply;
      let params: ReturnType<typeof exportParamsOf>;
      try {
        params = exportParamsOf(request.query);
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code === ErrorCode.BadUserInput) {
          return sendDownloadError(reply, 400, error);
        }
        throw error;
      }
      const em = options.em.fork();
      const query = offerQuery(caller, params.filter, params.sort);
      const total = await countOffers(em, query);
      const today = todayInVerden();
      const csv = stringify({
        delimiter: ';',
        bom: true,
        record_delimiter: 'windows',
        escape_formulas: true,
      });
      pipeline(Readable.from(exportRows(em, query, today)), csv).catch((error: unknown) => {
        request.log.error({ error: describeError(error) }, 'CSV-Export der Angebote abgebrochen');
      });
      return reply
        .header('Content-Type', 'text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="angebote-${today}.csv"`)
        .header('Cache-Control', 'no-store')
        .header('X-Total-Count', String(total))
        .send(csv);
    },
  });
}
