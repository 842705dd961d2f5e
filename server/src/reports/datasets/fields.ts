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
