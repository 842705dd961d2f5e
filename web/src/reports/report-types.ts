/**
 * The shapes of the report API the pages render. They are structural subsets of the generated
 * GraphQL types (web/src/gql), so a query result can be passed in directly and unit tests can use
 * plain fixtures.
 */
export type ReportChartType = 'BAR' | 'STACKED_BAR' | 'LINE' | 'PIE' | 'TABLE';
export type ReportValueFormat = 'TEXT' | 'CENTS' | 'NUMBER' | 'PERCENT' | 'DATE' | 'MONTH' | 'YEAR';
export type ReportFinancingKind = 'FEE' | 'GRANT';

export interface ReportColumnView {
  key: string;
  label: string;
  /** "DIMENSION" or "MEASURE". */
  role: string;
  format: ReportValueFormat;
}

export interface ReportChartView {
  type: ReportChartType;
  x?: string | null;
  series: readonly string[];
  stacked: boolean;
}

export interface ReportDrillDownView {
  column: string;
  report: string;
  filter: string;
}

export interface ReportFiltersAppliedView {
  years: readonly number[];
  socialAreas: readonly string[];
  regionalTeams: readonly string[];
  financingKinds: readonly string[];
  providers: readonly string[];
  offers: readonly string[];
  text: string;
}

export interface ReportResultView {
  key: string;
  title: string;
  description?: string | null;
  chart: ReportChartView;
  columns: readonly ReportColumnView[];
  /** One list per row (the API allows a null row; it shows as empty). */
  rows: readonly (readonly unknown[] | null)[];
  rowIds: readonly (readonly (string | null)[] | null)[];
  totals: readonly unknown[];
  /** Rows of the whole report; `rows` may be one page of them, starting at row `offset`. */
  totalRows?: number;
  offset?: number;
  summary: string;
  asOf: string;
  filters: ReportFiltersAppliedView;
  drillDowns: readonly ReportDrillDownView[];
}
