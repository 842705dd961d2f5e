import type { ReportChartType } from './report-types.js';

/** A page of a table report as the table shows it: the page number (from 0) and rows per page. */
export interface ReportPageState {
  page: number;
  rowsPerPage: number;
}

/** The rows a page may hold (the server takes at most 500). */
export const REPORT_PAGE_SIZES: readonly number[] = [25, 50, 100, 250, 500];
export const DEFAULT_ROWS_PER_PAGE = 50;
export const FIRST_PAGE: ReportPageState = { page: 0, rowsPerPage: DEFAULT_ROWS_PER_PAGE };

/** Table reports are paged on the server; charts need all their (few) rows. */
export const isPagedReport = (chartType: ReportChartType | null | undefined): boolean =>
  chartType === 'TABLE';

/** The `page` argument of the report query. */
export const toReportPageInput = ({ page, rowsPerPage }: ReportPageState) => ({
  offset: page * rowsPerPage,
  limit: rowsPerPage,
});

const number = (value: number) => value.toLocaleString('de-DE');

/** „1–50 von 1.358“ */
export const displayedRows = ({ from, to, count }: { from: number; to: number; count: number }): string =>
  `${number(from)}–${number(to)} von ${number(count)}`;

/** The names of the pagination's buttons, for screen readers. */
export const pageButtonLabel = (type: 'first' | 'last' | 'next' | 'previous'): string =>
  ({
    first: 'Erste Seite',
    previous: 'Vorherige Seite',
    next: 'Nächste Seite',
    last: 'Letzte Seite',
  })[type];

/** The address names the page „seite“ (from 1) and the rows per page „zeilen“. */
const PAGE_PARAM = 'seite';
const ROWS_PARAM = 'zeilen';

/** The page the address holds; anything else is the first page of 50 rows. */
export const readReportPage = (params: URLSearchParams): ReportPageState => {
  const page = Number(params.get(PAGE_PARAM));
  const rowsPerPage = Number(params.get(ROWS_PARAM));
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page - 1 : 0,
    rowsPerPage: REPORT_PAGE_SIZES.includes(rowsPerPage) ? rowsPerPage : DEFAULT_ROWS_PER_PAGE,
  };
};

/** The address with `state` (the first page and the default size are left out); other parameters stay. */
export const writeReportPage = (params: URLSearchParams, state: ReportPageState): URLSearchParams => {
  const next = new URLSearchParams(params);
  next.delete(PAGE_PARAM);
  next.delete(ROWS_PARAM);
  if (state.page > 0) next.set(PAGE_PARAM, String(state.page + 1));
  if (state.rowsPerPage !== DEFAULT_ROWS_PER_PAGE) next.set(ROWS_PARAM, String(state.rowsPerPage));
  return next;
};
