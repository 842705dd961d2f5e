import { formatValue } from './report-format.js';
import type { ReportColumn } from './report.types.js';

const ROWS_IN_SUMMARY = 12;

/** A count as a German reader writes it: 1.358. */
export const germanCount = (count: number): string => count.toLocaleString('de-DE');

/**
 * The figures of a report as German sentences, the accessible alternative to its chart: one sentence
 * per row (the first rows shown), and the totals. With a page, `rows` are the page's rows from row
 * `offset`, `totalRows` and `totals` those of the whole report.
 */
export function summarize(input: {
  title: string;
  columns: ReportColumn[];
  rows: unknown[][];
  totals: unknown[];
  filters: string;
  totalRows?: number;
  offset?: number;
}): string {
  const { title, columns, rows, totals, filters } = input;
  const totalRows = input.totalRows ?? rows.length;
  const offset = input.offset ?? 0;
  if (totalRows === 0) return `${title} (${filters}): keine Daten.`;
  const dimensions = columns.flatMap((column, index) => (column.role === 'DIMENSION' ? [index] : []));
  const measures = columns.flatMap((column, index) => (column.role === 'MEASURE' ? [index] : []));
  // Zeros after the first figure say nothing a listener needs ("Gebunden § 77 0,00 €").
  const figures = (values: unknown[], indexes: number[]) =>
    indexes
      .filter((index) => values[index] !== null && values[index] !== undefined)
      .filter((index, position) => position === 0 || values[index] !== 0)
      .map((index) => `${columns[index].label} ${formatValue(values[index], columns[index].format)}`)
      .join(', ');
  const sentences = rows.slice(0, ROWS_IN_SUMMARY).map((row) => {
    const name = dimensions.map((index) => formatValue(row[index], columns[index].format)).join(', ');
    return name ? `${name}: ${figures(row, measures)}.` : `${figures(row, measures)}.`;
  });
  const others = totalRows - sentences.length;
  const rest =
    others > 0 ? ` Weitere ${germanCount(others)} ${others === 1 ? 'Zeile' : 'Zeilen'} in der Tabelle.` : '';
  const total = figures(totals, measures);
  const sum = total && dimensions.length > 0 && totalRows > 1 ? ` Insgesamt: ${total}.` : '';
  const count = totalRows === 1 ? '1 Zeile' : `${germanCount(totalRows)} Zeilen`;
  const from = offset > 0 ? `Ab Zeile ${germanCount(offset + 1)}: ` : '';
  const shown = sentences.length > 0 ? ` ${from}${sentences.join(' ')}` : '';
  return `${title} (${filters}), ${count}.${shown}${rest}${sum}`;
}
