import { formatCents } from '../../../form-logic/index.js';
import type { ReportColumnView, ReportValueFormat } from './report-types.js';

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });
const dateFormat = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthFormat = new Intl.DateTimeFormat('de-DE', {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const euroAxisFormat = new Intl.NumberFormat('de-DE', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 0,
});

/** What an empty cell shows (a dash reads as „keine Angabe“, an empty cell reads as nothing). */
export const EMPTY_VALUE = '–';

/** A value of the API as a number, or null when it is none (bigint sums may arrive as strings). */
export const toNumber = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
    return Number(value);
  return null;
};

/** The UTC date of „2026-03-15“, „2026-03“ or a full timestamp; null when the text is none of them. */
const toDate = (value: unknown): Date | null => {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value);
  if (!match) return null;
  if (value.length > 10) {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? '1'), 12));
};

/**
 * A value of a report as German text: cents as euros („1.234,56 €“), numbers with German separators,
 * percent as „80 %“, dates as „15.03.2026“, months as „März 2026“, years without grouping.
 */
export const formatReportValue = (value: unknown, format: ReportValueFormat): string => {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  switch (format) {
    case 'CENTS': {
      const cents = toNumber(value);
      return cents === null ? String(value) : formatCents(cents);
    }
    case 'NUMBER': {
      const number = toNumber(value);
      return number === null ? String(value) : numberFormat.format(number);
    }
    case 'PERCENT': {
      const number = toNumber(value);
      return number === null ? String(value) : `${percentFormat.format(number)} %`;
    }
    case 'DATE': {
      const date = toDate(value);
      return date ? dateFormat.format(date) : String(value);
    }
    case 'MONTH': {
      const date = toDate(value);
      return date ? monthFormat.format(date) : String(value);
    }
    case 'YEAR':
      return String(value);
    case 'TEXT':
      return typeof value === 'string'
        ? value
        : typeof value === 'number'
          ? String(value)
          : JSON.stringify(value);
  }
};

/** A shorter form for chart axes: whole euros, abbreviated months. */
export const formatAxisValue = (value: unknown, format: ReportValueFormat): string => {
  if (format === 'CENTS') {
    const cents = toNumber(value);
    return cents === null ? EMPTY_VALUE : euroAxisFormat.format(cents / 100);
  }
  if (format === 'MONTH') {
    const date = toDate(value);
    return date ? shortMonthFormat.format(date) : EMPTY_VALUE;
  }
  return formatReportValue(value, format);
};

/** Whether a column's values are numbers (right-aligned in tables). */
export const isNumericFormat = (format: ReportValueFormat): boolean =>
  format === 'CENTS' || format === 'NUMBER' || format === 'PERCENT';

/** Formats a whole row by its columns. */
export const formatRow = (row: readonly unknown[], columns: readonly ReportColumnView[]): string[] =>
  columns.map((column, index) => formatReportValue(row[index], column.format));

/** „Stand: 26.11.2026, 18:45 Uhr“ */
export const formatAsOf = (asOf: string): string => {
  const date = new Date(asOf);
  if (Number.isNaN(date.getTime())) return `Stand: ${asOf}`;
  const text = new Intl.DateTimeFormat('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Berlin',
  }).format(date);
  return `Stand: ${text} Uhr`;
};
