import type { DatasetDimension, DatasetMeasure } from '../datasets.js';
import { ReportValueFormat } from '../report.types.js';

/** Fields and SQL fragments several datasets share. */

export const KREISWEIT = `'kreisweit'`;
export const GERMAN = 'collate "und-x-icu"';
export const OPEN_EVALUATION = `('DUE', 'CHANGES_REQUESTED')`;
export const TODAY = `(now() at time zone 'Europe/Berlin')::date`;

export const socialArea: DatasetDimension = {
  key: 'socialArea',
  label: 'Sozialraum',
  format: ReportValueFormat.TEXT,
  sql: `coalesce(sa.name, ${KREISWEIT})`,
  idSql: 'sa.id',
  // kreisweit after the Sozialräume
  orderSql: ['sa.name is null', `sa.name ${GERMAN}`],
};
export const regionalTeam: DatasetDimension = {
  key: 'regionalTeam',
  label: 'Regionalteam',
  format: ReportValueFormat.TEXT,
  sql: 'rt.name',
  idSql: 'rt.id',
  orderSql: [`rt.name ${GERMAN}`],
};
export const provider = (alias: string): DatasetDimension => ({
  key: 'provider',
  label: 'Träger',
  format: ReportValueFormat.TEXT,
  sql: `${alias}.name`,
  idSql: `${alias}.id`,
  orderSql: [`${alias}.name ${GERMAN}`],
});
export const financingKind = (column: string): DatasetDimension => ({
  key: 'financingKind',
  label: 'Finanzierungsart',
  format: ReportValueFormat.TEXT,
  sql: `case ${column} when 'GRANT' then '§ 74 Kreiszuschuss' when 'FEE' then '§ 77 Fachleistungsstunden' end`,
});
export const count = (label: string, sql = 'count(*)'): DatasetMeasure => ({
  key: 'count',
  label,
  format: ReportValueFormat.NUMBER,
  sql: `${sql}::int`,
  additive: true,
  // a row of a dataset counts once (a sum of counts has no figure for one row)
  ...(sql === 'count(*)' ? { rowSql: '1' } : {}),
});
export const cents = (key: string, label: string, kinds: string, extra = ''): DatasetMeasure => ({
  key,
  label,
  format: ReportValueFormat.CENTS,
  sql: `coalesce(sum(le.amount) filter (where le.kind in (${kinds})${extra}), 0)::bigint`,
  additive: true,
});

const SOCIAL_AREA_JOINS = `left join social_area sa on sa.id = {area}
  left join regional_team rt on rt.id = sa.regional_team_id`;
export const areaJoins = (column: string) => SOCIAL_AREA_JOINS.replace('{area}', column);

export const ALLOCATION = `'ALLOCATION'`;
export const COMMITTED = `'COMMITMENT', 'CANCELLATION'`;
export const PAID = `'PAYMENT', 'REPAYMENT'`;

/**
 * The years filter on a `date` column, in a form an index on the column serves: the range from 1 January
 * of the first year chosen to 1 January after the last, and within it exactly the years chosen (the same
 * rows as `extract(year from column) = any(years)`). The functions of Migration20261207100000_report_year_ranges give the
 * bounds as constants when the query is planned, so PostgreSQL estimates the range from the column's
 * statistics; for consecutive years the exact condition folds away. Each `?` receives the list.
 */
export const yearsOfDate = (column: string) =>
  `(${column} >= make_date(report_first_year(?::int[]), 1, 1)
    and ${column} < make_date(report_last_year(?::int[]) + 1, 1, 1)
    and (report_years_contiguous(?::int[]) or extract(year from ${column})::int = any(?::int[])))`;

/**
 * The years filter on a `timestamptz` column by the year in Europe/Berlin (the county's budget years), in
 * a form an index on the column serves: from midnight of 1 January of the first year chosen, Berlin time,
 * to midnight of 1 January after the last, and within it exactly the years chosen (as `yearsOfDate`).
 * Each `?` receives the list.
 */
export const yearsInBerlin = (column: string) =>
  `(${column} >= make_timestamptz(report_first_year(?::int[]), 1, 1, 0, 0, 0, 'Europe/Berlin')
    and ${column} < make_timestamptz(report_last_year(?::int[]) + 1, 1, 1, 0, 0, 0, 'Europe/Berlin')
    and (report_years_contiguous(?::int[])
      or extract(year from ${column} at time zone 'Europe/Berlin')::int = any(?::int[])))`;
