import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import PDFDocument from 'pdfkit';
import { NotFound } from '../common/errors.js';
import { type CallerOf, downloadCaller, sendDownloadError } from '../http/download.js';
import { FinancingKind } from '../master-data/offer-category.entity.js';
import { DecisionNotice, DecisionNoticeShare } from './notice.entity.js';
import { visibleNotices } from './notice.policy.js';
import { type NoticeSettings, noticeSettings } from './notice-settings.js';
import { isUuid } from '../common/uuid.scalar.js';

/** Where a notice's PDF letter answers. */
export const noticePdfPath = (id: string) => `/api/notices/${id}/pdf`;

/** Cents as German euros: `123456` → `1.234,56 €` (with a plain space). */
export function formatEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(Math.trunc(cents));
  const euros = String(Math.floor(absolute / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${euros},${String(absolute % 100).padStart(2, '0')} €`;
}

/** An ISO date as a German date: `2027-01-31` → `31.01.2027`. */
export function formatGermanDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}

const FINANCING_LABELS: Record<FinancingKind, string> = {
  [FinancingKind.FEE]: 'Entgeltfinanzierung (Fachleistungsstunden)',
  [FinancingKind.GRANT]: 'Kreiszuschuss',
};

/** The facts of a notice the letter prints. */
export interface NoticeLetter {
  notice: DecisionNotice;
  shares: Pick<DecisionNoticeShare, 'budgetYear' | 'amount'>[];
  socialAreaName: string | null;
}

/** Writes the notice letter (A4, built-in Helvetica) and returns the PDF bytes. */
export function renderNoticePdf(
  letter: NoticeLetter,
  settings: NoticeSettings = noticeSettings(),
): Promise<Buffer> {
  const { notice, shares } = letter;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 70, right: 56 },
    info: {
      Title: `Bescheid ${notice.number}`,
      Author: settings.letterhead[0] ?? 'Jugendamt',
      Subject: notice.title,
    },
    lang: 'de-DE',
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  settings.letterhead.forEach((line, index) => {
    doc
      .font(index === 0 ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(index === 0 ? 13 : 10)
      .text(line);
  });
  doc.moveDown(2);
  doc.font('Helvetica').fontSize(11);
  doc.text(notice.addresseeName);
  if (notice.addresseeStreet) doc.text(notice.addresseeStreet);
  const city = [notice.addresseePostalCode, notice.addresseeCity].filter(Boolean).join(' ');
  if (city) doc.text(city);
  doc.moveDown(1.5);
  doc.text(`Aktenzeichen: ${notice.number}`);
  doc.text(`Datum: ${formatGermanDate(notice.noticeDate)}`);
  doc.moveDown(1.5);
  doc.font('Helvetica-Bold').fontSize(12).text(`Bescheid über die Förderung aus dem Sozialraumbudget`);
  doc.font('Helvetica-Bold').fontSize(11).text(`Angebot „${notice.title}“`);
  doc.moveDown();
  doc.font('Helvetica').fontSize(11);
  doc.text('Sehr geehrte Damen und Herren,');
  doc.moveDown(0.5);
  const area = letter.socialAreaName ? `im Sozialraum ${letter.socialAreaName}` : 'kreisweit';
  doc.text(
    `auf Ihre Interessensbekundung hin bewillige ich Ihnen für das Angebot „${notice.title}“ ${area} ` +
      `einen Betrag von ${formatEuro(notice.amount)} für den Zeitraum vom ${formatGermanDate(notice.periodStart)} ` +
      `bis zum ${formatGermanDate(notice.periodEnd)}.`,
    { align: 'left' },
  );
  doc.moveDown();
  doc.text(`Bewilligter Betrag: ${formatEuro(notice.amount)}`);
  doc.text(
    `Bewilligungszeitraum: ${formatGermanDate(notice.periodStart)} bis ${formatGermanDate(notice.periodEnd)}`,
  );
  doc.text(`Finanzierungsart: ${FINANCING_LABELS[notice.financingKind]}`);
  doc.text(`Rechtsgrundlage: ${notice.legalBasis}`);
  if (notice.financingKind === FinancingKind.FEE && notice.feeHours != null && notice.hourlyRate != null) {
    const hours = Number(notice.feeHours).toLocaleString('de-DE', { minimumFractionDigits: 2 });
    doc.text(`Fachleistungsstunden: ${hours} Stunden zu ${formatEuro(notice.hourlyRate)} je Stunde`);
  }
  doc.moveDown();
  doc.font('Helvetica-Bold').text('Aufteilung auf die Haushaltsjahre');
  doc.font('Helvetica');
  for (const share of shares) doc.text(`Haushaltsjahr ${share.budgetYear}: ${formatEuro(share.amount)}`);
  doc.moveDown();
  doc.text(
    'Die Mittel sind zweckgebunden für das oben genannte Angebot zu verwenden. Über den Verlauf berichten ' +
      'Sie halbjährlich mit dem Evaluationsbogen.',
  );
  doc.moveDown();
  doc.font('Helvetica-Bold').text('Rechtsbehelfsbelehrung');
  doc.font('Helvetica').fontSize(10).text(settings.legalRemedy);
  doc.moveDown(1.5);
  doc.fontSize(11).text('Mit freundlichen Grüßen');
  doc.text('Im Auftrag');
  doc.text(notice.issuedByName);
  doc.end();
  return done;
}

export interface NoticePdfOptions {
  /** The ORM's entity manager; each download forks its own. */
  em: EntityManager;
  /** Works out who sends the request, exactly as for GraphQL. */
  callerOf: CallerOf;
}

/**
 * `GET /api/notices/:id/pdf`: the notice as a PDF letter, for whoever may read the notice (session
 * cookie); anyone else gets 404, as if there were none. Reading needs no audit event.
 */
export function registerNoticePdf(http: FastifyInstance, options: NoticePdfOptions): void {
  http.get<{ Params: { id: string } }>('/api/notices/:id/pdf', async (request, reply) => {
    const caller = await downloadCaller(request, reply, options.callerOf);
    if (!caller) return reply;
    const id = request.params.id;
    const notFound = () => sendDownloadError(reply, 404, NotFound('Der Bescheid'));
    if (!isUuid(id)) return notFound();
    const em = options.em.fork();
    const notice = await em.findOne(
      DecisionNotice,
      { $and: [{ id: id.toLowerCase() }, visibleNotices(caller)] },
      { populate: ['socialArea'] },
    );
    if (!notice) return notFound();
    const shares = await em.find(
      DecisionNoticeShare,
      { notice: notice.id },
      { orderBy: { budgetYear: 'asc' } },
    );
    const pdf = await renderNoticePdf({ notice, shares, socialAreaName: notice.socialArea?.name ?? null });
    return reply
      .header('Cache-Control', 'no-store')
      .header(
        'Content-Disposition',
        `attachment; filename="Bescheid-${notice.number.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf"`,
      )
      .type('application/pdf')
      .send(pdf);
  });
}
