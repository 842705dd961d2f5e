import type { ReportValueFormat } from './report.types.js';
import { applications } from './datasets/applications.js';
import { evaluations, goalAchievement } from './datasets/evaluations.js';
import { ledger } from './datasets/ledger.js';
import { needs } from './datasets/needs.js';
import { offers } from './datasets/offers.js';

/** The filters a report may offer; each dataset says which apply to it and on which column. */
export const FILTER_KEYS = [
  'years',
  'socialAreaIds',
  'regionalTeamIds',
  'financingKinds',
  'providerIds',
  'offerIds',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** A value a report groups by: its SQL expression, the id behind it (for drill-downs) and its format. */
export interface DatasetDimension {
  key: string;
  label: string;
  format: ReportValueFormat;
  sql: string;
  /** The id of the thing the value names (a Sozialraum, an offer), or none. */
  idSql?: string;
  /** The expressions rows are ordered by for this dimension (default: `sql`); only grouped columns or columns of a grouped key. */
  orderSql?: string[];
}

/** A figure a report computes per row: an aggregate over the dataset's rows. */
export interface DatasetMeasure {
  key: string;
  label: string;
  format: ReportValueFormat;
  /** An aggregate expression; integers stay integers (cents are bigint sums). */
  sql: string;
  /** Whether the figures of several rows add up to a meaningful total (sums do, averages do not). */
  additive: boolean;
  /** The figure of a single row of the dataset, for reports whose rows are unique by the dataset's row key. */
  rowSql?: string;
}

/** A fixed condition a report may pick, such as "overdue". */
export interface DatasetCondition {
  label: string;
  sql: string;
}

/**
 * A whitelisted view over typed tables. Every SQL fragment here is written in code; a report definition
 * only picks fragments by key, and filter values are bound as parameters (`?` takes an array).
 */
export interface Dataset {
  key: string;
  label: string;
  /** `from … join …`: the base rows. */
  from: string;
  /** The Sozialraum of a row (null: kreisweit) and its Regionalteam, for the caller's scope. */
  socialAreaSql: string;
  regionalTeamSql: string;
  dimensions: DatasetDimension[];
  measures: DatasetMeasure[];
  /**
   * Per filter key a condition whose every `?` receives the list of values as an array (`= any(?::type[])`,
   * or a range and the exact condition).
   */
  filters: Partial<Record<FilterKey, string>>;
  conditions?: Record<string, DatasetCondition>;
  /**
   * For a dataset with one row per key (an offer, an evaluation): the dimensions that together name a
   * row. A report showing all of them groups by the primary keys of the joined tables instead of every
   * expression (PostgreSQL knows that a table's columns depend on its primary key), or not at all when
   * each measure has its figure for one row (`rowSql`), and is ordered no further than those dimensions,
   * so an expression needed neither for grouping nor for the order (a subquery) runs only for the rows
   * returned.
   */
  rowKey?: {
    dimensions: string[];
    /** The primary key of a row (the offer's, the evaluation's id). */
    idSql: string;
    /** The primary keys of every table a dimension or measure reads. */
    groupBy: string[];
  };
  /**
   * A pre-aggregated table that answers the reports needing nothing finer than it holds: same alias and
   * column names as `from`, so every fragment above reads it unchanged (its measures must be sums).
   */
  summary?: DatasetSummary;
}

/** A table kept current with the dataset's rows, summed over what the reports rarely need. */
export interface DatasetSummary {
  from: string;
  /** What the summary can answer; a report using anything else reads `from`. */
  dimensions: string[];
  measures: string[];
  filters: FilterKey[];
  /**
   * Per dimension, a plain column of the summary to group and order by, of which the dimension's
   * expression is a function: PostgreSQL then computes the expression once per group, not per row.
   */
  groupBy?: Partial<Record<string, string>>;
}

/**
 * The summary a report reads instead of the dataset's rows: the dataset's summary when it holds every
 * dimension, measure and applied filter the report needs (and the report picks no condition), else none.
 */
export function summaryFor(
  dataset: Dataset,
  report: { dimensions: string[]; measures: string[]; conditions?: string[] },
  appliedFilterKeys: FilterKey[],
): DatasetSummary | undefined {
  const summary = dataset.summary;
  const fits =
    summary &&
    !report.conditions?.length &&
    report.dimensions.every((key) => summary.dimensions.includes(key)) &&
    report.measures.every((key) => summary.measures.includes(key)) &&
    appliedFilterKeys.every((key) => summary.filters.includes(key));
  return fits ? summary : undefined;
}

/** Every dataset a report may read, by key. */
export const DATASETS: ReadonlyMap<string, Dataset> = new Map(
  [ledger, offers, goalAchievement, evaluations, needs, applications].map((dataset) => [
    dataset.key,
    dataset,
  ]),
);
