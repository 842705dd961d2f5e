import { ReportValueFormat } from './report.types.js';

const EURO = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const MONTH = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A value of a report as a German reader writes it: 1.234,56 €, 80 %, 31.12.2026, März 2026. */
export function formatValue(value: unknown, format: ReportValueFormat): string {
  if (value === null || value === undefined) return '–';
  switch (format) {
    case ReportValueFormat.CENTS:
      return EURO.format(Number(value) / 100);
    case ReportValueFormat.NUMBER:
      return NUMBER.format(Number(value));
    case ReportValueFormat.PERCENT:
      return `${NUMBER.format(Number(value))} %`;
    case ReportValueFormat.DATE: {
      const [year, month, day] = String(value).split('-');
      return `${day}.${month}.${year}`;
    }
    case ReportValueFormat.MONTH: {
      const [year, month] = String(value).split('-').map(Number);
      return MONTH.format(new Date(Date.UTC(year, month - 1, 1)));
    }
    default:
      return String(value);
  }
}
