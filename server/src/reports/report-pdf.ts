import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import PDFDocument from 'pdfkit';
import { type Caller, Role } from '../common/context.js';
import { NotFound } from '../common/errors.js';
import { isUuid } from '../common/uuid.scalar.js';
import { downloadCaller, sendDownloadError } from '../http/download.js';
import { formatValue } from './report-format.js';
import {
  germanDateTime,
  type ReportExportOptions,
  reportFiltersOf,
  sendReportError,
} from './report-export.js';
import { requireReportCaller, runStoredReport } from './report.service.js';
import type { ReportResult } from './report.types.js';

/** The reports a Sozialraum's PDF holds: where its budget goes and whether its offers reach their goals. */
export const SOCIAL_AREA_PDF_REPORTS = ['budget-use', 'goal-achievement'] as const;

/** The Sozialraum by id when the caller's scope holds it (county roles: any; team lead and Regionalteam: their own). */
async function visibleSocialArea(
  em: EntityManager,
  caller: Caller,
  id: string,
): Promise<{ name: string } | null> {
  const [area] = await em
    .getConnection()
    .execute<{ name: string; regional_team_id: string | null }[]>(
      'select name, regional_team_id from social_area where id = ?',
      [id],
    );
  if (!area) return null;
  if (caller.roles.some((role) => [Role.ADMIN, Role.FINANCE, Role.COMMITTEE].includes(role))) return area;
  if (caller.roles.includes(Role.TEAM_LEAD) && caller.socialAreaIds?.includes(id)) return area;
  if (
    caller.roles.includes(Role.REGIONAL_TEAM) &&
    caller.regionalTeamId &&
    caller.regionalTeamId === area.regional_team_id
  )
    return area;
  return null;
}

function writeTable(doc: PDFKit.PDFDocument, result: ReportResult): void {
  doc.font('Helvetica-Bold').fontSize(12).text(result.title);
  doc.moveDown(0.3);
  if (result.rows.length === 0) {
    doc.font('Helvetica').fontSize(10).text('Keine Daten für diese Filter.');
    doc.moveDown();
    return;
  }
  const dimensions = result.columns.flatMap((column, index) => (column.role === 'DIMENSION' ? [index] : []));
  const measures = result.columns.flatMap((column, index) => (column.role === 'MEASURE' ? [index] : []));
  for (const row of result.rows) {
    const name = dimensions.map((index) => formatValue(row[index], result.columns[index]!.format)).join(', ');
    doc.font('Helvetica-Bold').fontSize(10).text(name);
    doc.font('Helvetica');
    for (const index of measures) {
      const column = result.columns[index]!;
      doc.text(`${column.label}: ${formatValue(row[index], column.format)}`, { indent: 14 });
    }
    doc.moveDown(0.3);
  }
  doc.moveDown();
}

/** Writes the Sozialraum report (A4, built-in Helvetica, like the Bescheid) and returns the PDF bytes. */
export function renderSocialAreaPdf(input: {
  socialAreaName: string;
  results: ReportResult[];
  asOf: Date;
  filters: string;
}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 70, right: 56 },
    info: { Title: `Sozialraumbericht ${input.socialAreaName}`, Author: 'Sozialraum-Plattform' },
    lang: 'de-DE',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).text(`Sozialraumbericht ${input.socialAreaName}`);
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(10).text(`Filter: ${input.filters}`);
  doc.text(`Stand: ${germanDateTime(input.asOf)}`);
  doc.moveDown();
  for (const result of input.results) writeTable(doc, result);
  doc.end();
  return done;
}

/**
 * `GET /api/reports/sozialraum/:socialAreaId.pdf?years=2026`: budget use and goal achievement of one
 * Sozialraum as a PDF with the filters and the date of the figures; a Sozialraum outside the caller's
 * scope is 404, provider staff 403.
 */
export function registerSocialAreaPdf(http: FastifyInstance, options: ReportExportOptions): void {
  http.get<{ Params: { file: string } }>('/api/reports/sozialraum/:file', async (request, reply) => {
    const caller = await downloadCaller(request, reply, options.callerOf);
    if (!caller) return reply;
    const match = /^([0-9a-fA-F-]{36})\.pdf$/.exec(request.params.file);
    const id = match?.[1]?.toLowerCase();
    const notFound = () => sendDownloadError(reply, 404, NotFound('Der Sozialraum'));
    if (!id || !isUuid(id)) return notFound();
    const em = options.em.fork();
    try {
      requireReportCaller(caller);
      const area = await visibleSocialArea(em, caller, id);
      if (!area) return notFound();
      const { years } = reportFiltersOf(request.query);
      const results: ReportResult[] = [];
      for (const key of SOCIAL_AREA_PDF_REPORTS) {
        results.push(await runStoredReport(em, caller, key, { years, socialAreaIds: [id] }));
      }
      const pdf = await renderSocialAreaPdf({
        socialAreaName: area.name,
        results,
        asOf: results[0]!.asOf,
        filters: results[0]!.filters.text,
      });
      return reply
        .header('Cache-Control', 'no-store')
        .header('Content-Disposition', `attachment; filename="sozialraumbericht-${id}.pdf"`)
        .type('application/pdf')
        .send(pdf);
    } catch (error) {
      const answered = sendReportError(reply, error);
      if (answered) return answered;
      throw error;
    }
  });
}
