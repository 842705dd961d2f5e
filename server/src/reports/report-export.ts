import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { GraphQLError } from 'graphql';
import { BadUserInput, ErrorCode, NotFound } from '../common/errors.js';
import { isUuid } from '../common/uuid.scalar.js';
import { type CallerOf, downloadCaller, sendDownloadError } from '../http/download.js';
import { FinancingKind } from '../master-data/offer-category.entity.js';
import { germanDate, germanDecimal } from '../offers/offer-export.js';
import { formatValue } from './report-format.js';
import { runStoredReport } from './report.service.js';
import { type ReportFilterInput, type ReportResult, ReportValueFormat } from './report.types.js';
import { todayInVerden } from '../common/local-date.js';

export interface ReportExportOptions {
  /** The ORM's entity manager; each download forks its own. */
  em: EntityManager;
  /** Works out who sends the request, exactly as for GraphQL. */
  callerOf: CallerOf;
}

const ID_PARAMS = ['socialAreaIds', 'regionalTeamIds', 'providerIds', 'offerIds'] as const;

/** The values of a query parameter: repeated (`?years=2025&years=2026`) or comma-separated. */
function listParam(params: Record<string, unknown>, name: string): string[] | undefined {
  const raw = params[name];
  if (raw === undefined || raw === '') return undefined;
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((value) => String(value).split(','));
  const list = values.map((value) => value.trim()).filter(Boolean);
  return list.length > 0 ? list : undefined;
}

/**
 * The report filters of a download's query string, checked as GraphQL checks them: years as whole
 * numbers, ids as UUIDs, financing kinds from the enum. Anything else is BAD_USER_INPUT (400).
 */
export function reportFiltersOf(query: unknown): ReportFilterInput {
  const params = (query ?? {}) as Record<string, unknown>;
  const filters: ReportFilterInput = {};
  const years = listParam(params, 'years');
  if (years) {
    if (years.some((year) => !/^\d{4}$/.test(year)))
      throw BadUserInput('years muss vierstellige Jahre enthalten.');
    filters.years = years.map(Number);
  }
  for (const name of ID_PARAMS) {
    const ids = listParam(params, name);
    if (!ids) continue;
    if (ids.length > 500 || ids.some((id) => !isUuid(id)))
      throw BadUserInput(`${name} enthält keine gültige ID.`);
    filters[name] = ids.map((id) => id.toLowerCase());
  }
  const kinds = listParam(params, 'financingKinds');
  if (kinds) {
    const allowed = Object.values(FinancingKind) as string[];
    if (kinds.some((kind) => !allowed.includes(kind))) {
      throw BadUserInput(`financingKinds kennt nur ${allowed.join(', ')}.`);
    }
    filters.financingKinds = kinds as FinancingKind[];
  }
  return filters;
}

/** When the figures were read, as a German reader writes it: „26.11.2026, 19:05 Uhr“. */
export function germanDateTime(date: Date): string {
  const text = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  return `${text} Uhr`;
}

/** A column heading with its unit: amounts in EUR, percentages in %. */
const headingOf = (label: string, format: ReportValueFormat) =>
  format === ReportValueFormat.CENTS
    ? `${label} (EUR)`
    : format === ReportValueFormat.PERCENT
      ? `${label} (%)`
      : label;

/** A value for the German CSV: euros as "1234,50", numbers with a decimal comma, dates "31.12.2026". */
function csvValue(value: unknown, format: ReportValueFormat): string {
  if (value === null || value === undefined) return '';
  switch (format) {
    case ReportValueFormat.CENTS:
      return germanDecimal(value as number);
    case ReportValueFormat.NUMBER:
    case ReportValueFormat.PERCENT:
      return String(value).replace('.', ',');
    case ReportValueFormat.DATE:
      return germanDate(String(value));
    case ReportValueFormat.MONTH:
      return formatValue(value, format);
    default:
      return String(value);
  }
}

/**
 * A report as CSV for Excel in Germany (UTF-8 with BOM, `;`, CRLF, like /api/offers.csv): the title, the
 * filters and the date of the figures in the first lines, then the table and its totals.
 */
export function reportCsv(result: ReportResult): string {
  const records: string[][] = [
    ['Bericht', result.title],
    ['Filter', result.filters.text],
    ['Stand', germanDateTime(result.asOf)],
    [],
    result.columns.map((column) => headingOf(column.label, column.format)),
    ...result.rows.map((row) => row.map((value, index) => csvValue(value, result.columns[index]!.format))),
  ];
  if (result.totals.some((total) => total !== null) && result.rows.length > 1) {
    records.push(
      result.totals.map((total, index) =>
        index === 0 && total === null ? 'Summe' : csvValue(total, result.columns[index]!.format),
      ),
    );
  }
  return stringify(records, {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}

const EURO_FORMAT = '#,##0.00 "€";-#,##0.00 "€"';
const NUMBER_FORMATS: Partial<Record<ReportValueFormat, string>> = {
  [ReportValueFormat.CENTS]: EURO_FORMAT,
  [ReportValueFormat.NUMBER]: '#,##0.##',
  [ReportValueFormat.PERCENT]: '0.0" %"',
  [ReportValueFormat.DATE]: 'dd.mm.yyyy',
  [ReportValueFormat.YEAR]: '0',
};

/** A value as an XLSX cell: numbers stay numbers (euros, not cents), dates real dates. */
function cellValue(value: unknown, format: ReportValueFormat): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  switch (format) {
    case ReportValueFormat.CENTS:
      return Number(value) / 100;
    case ReportValueFormat.NUMBER:
    case ReportValueFormat.PERCENT:
    case ReportValueFormat.YEAR:
      return Number(value);
    case ReportValueFormat.DATE:
      return new Date(`${String(value)}T00:00:00Z`);
    case ReportValueFormat.MONTH:
      return formatValue(value, format);
    default:
      return String(value);
  }
}

/** The first row of the table in the sheet (after title, filters, date and a blank row). */
export const XLSX_HEADER_ROW = 5;

/**
 * A report as an Excel workbook: title, filters and „Stand“ in the first rows, the header row frozen and
 * filterable, amounts as numbers in euros with a currency format, totals below.
 */
export async function reportXlsx(result: ReportResult): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sozialraum-Plattform';
  workbook.created = result.asOf;
  const sheet = workbook.addWorksheet('Bericht', {
    views: [{ state: 'frozen', ySplit: XLSX_HEADER_ROW }],
  });
  sheet.getCell('A1').value = result.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = `Filter: ${result.filters.text}`;
  sheet.getCell('A3').value = `Stand: ${germanDateTime(result.asOf)}`;
  const header = sheet.getRow(XLSX_HEADER_ROW);
  result.columns.forEach((column, index) => {
    header.getCell(index + 1).value = headingOf(column.label, column.format);
    header.getCell(index + 1).font = { bold: true };
    const sheetColumn = sheet.getColumn(index + 1);
    sheetColumn.width = Math.max(12, Math.min(40, column.label.length + 4));
    const numFmt = NUMBER_FORMATS[column.format];
    if (numFmt) sheetColumn.numFmt = numFmt;
  });
  result.rows.forEach((row, rowIndex) => {
    const line = sheet.getRow(XLSX_HEADER_ROW + 1 + rowIndex);
    row.forEach((value, index) => {
      line.getCell(index + 1).value = cellValue(value, result.columns[index]!.format);
    });
  });
  if (result.totals.some((total) => total !== null) && result.rows.length > 1) {
    const line = sheet.getRow(XLSX_HEADER_ROW + 1 + result.rows.length);
    result.totals.forEach((total, index) => {
      const cell = line.getCell(index + 1);
      cell.value = index === 0 && total === null ? 'Summe' : cellValue(total, result.columns[index]!.format);
      cell.font = { bold: true };
    });
  }
  if (result.columns.length > 0) {
    sheet.autoFilter = {
      from: { row: XLSX_HEADER_ROW, column: 1 },
      to: { row: XLSX_HEADER_ROW + result.rows.length, column: result.columns.length },
    };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Answers a refused download with the status of its error code. */
export function sendReportError(reply: FastifyReply, error: unknown): FastifyReply | null {
  if (!(error instanceof GraphQLError)) return null;
  const status: Record<string, number> = {
    [ErrorCode.BadUserInput]: 400,
    [ErrorCode.Forbidden]: 403,
    [ErrorCode.NotFound]: 404,
  };
  const code = String(error.extensions.code);
  return status[code] ? sendDownloadError(reply, status[code], error) : null;
}

const FILE = /^([a-z][a-z0-9-]{1,98})\.(csv|xlsx)$/;

/**
 * `GET /api/reports/:key.csv` and `GET /api/reports/:key.xlsx` with the report filters as query parameters
 * (`years=2026&socialAreaIds=…&regionalTeamIds=…&financingKinds=FEE`): a report as the caller may see it
 * (scope as in GraphQL; provider staff 403), with the filters and the date of the figures.
 */
export function registerReportExport(http: FastifyInstance, options: ReportExportOptions): void {
  http.get<{ Params: { file: string } }>('/api/reports/:file', async (request, reply) => {
    const caller = await downloadCaller(request, reply, options.callerOf);
    if (!caller) return reply;
    const match = FILE.exec(request.params.file);
    if (!match) return sendDownloadError(reply, 404, NotFound('Der Bericht'));
    const [, key, kind] = match as unknown as [string, string, 'csv' | 'xlsx'];
    let result: ReportResult;
    try {
      result = await runStoredReport(options.em.fork(), caller, key, reportFiltersOf(request.query));
    } catch (error) {
      const answered = sendReportError(reply, error);
      if (answered) return answered;
      throw error;
    }
    const date = todayInVerden(result.asOf);
    reply
      .header('Cache-Control', 'no-store')
      .header('Content-Disposition', `attachment; filename="${key}-${date}.${kind}"`);
    if (kind === 'csv') return reply.type('text/csv; charset=utf-8').send(reportCsv(result));
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await reportXlsx(result));
  });
}
