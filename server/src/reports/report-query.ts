import type { Knex } from '@mikro-orm/postgresql';
import { type Caller, Role } from '../common/context.js';
import { Forbidden } from '../common/errors.js';
import { isUuid } from '../common/uuid.scalar.js';
import { FinancingKind } from '../master-data/offer-category.entity.js';
import { DATASETS, type Dataset, type FilterKey, sourceOf } from './datasets.js';
import type { ReportDefinition } from './report-definition.js';
import { describeFilters } from './report-filters.js';
import { summarize } from './report-summary.js';
import type { ReportColumn, ReportFilterInput, ReportResult } from './report.types.js';
import { ReportValueFormat } from './report.types.js';
import { readOnly } from './reports-database.js';

/** Roles that see every Sozialraum and kreisweit rows in reports. */
const COUNTY_ROLES: readonly Role[] = [Role.ADMIN, Role.FINANCE, Role.COMMITTEE];
/** Roles that may run the committee's reports at all (with their scope). */
const REPORT_ROLES: readonly Role[] = [...COUNTY_ROLES, Role.TEAM_LEAD, Role.REGIONAL_TEAM];

const MAX_ROWS = 10_000;

/** How many rows a report answers at most. */
export const rowLimit = (definition: ReportDefinition): number =>
  Math.min(definition.limit ?? MAX_ROWS, MAX_ROWS);

/** Whether the caller may run reports (provider staff may not). */
export const mayRunReports = (caller: Caller): boolean =>
  caller.roles.some((role) => REPORT_ROLES.includes(role));

/** The filter values a report is run with after defaults, each list checked (ids, years, enum values). */
export type AppliedFilters = Partial<Record<FilterKey, (string | number)[]>>;

/** A SQL fragment with its `?` bindings. */
interface Fragment {
  sql: string;
  bindings: unknown[];
}

/**
 * The caller's scope as a condition on the dataset's rows: county roles see all, a team lead its
 * Sozialräume, a Regionalteam its team's Sozialräume (neither sees kreisweit rows); several roles add up.
 * Provider staff and callers without a report role are refused.
 */
export function scopeCondition(caller: Caller, dataset: Dataset): Fragment {
  if (!mayRunReports(caller)) throw Forbidden();
  if (caller.roles.some((role) => COUNTY_ROLES.includes(role))) return { sql: 'true', bindings: [] };
  const parts: Fragment[] = [];
  if (caller.roles.includes(Role.TEAM_LEAD)) {
    const ids = (caller.socialAreaIds ?? []).filter(isUuid);
    if (ids.length > 0) parts.push({ sql: `${dataset.socialAreaSql} = any(?::uuid[])`, bindings: [ids] });
  }
  if (caller.roles.includes(Role.REGIONAL_TEAM) && caller.regionalTeamId && isUuid(caller.regionalTeamId)) {
    parts.push({ sql: `${dataset.regionalTeamSql} = ?`, bindings: [caller.regionalTeamId] });
  }
  if (parts.length === 0) return { sql: 'false', bindings: [] };
  return {
    sql: `(${parts.map((part) => part.sql).join(' or ')})`,
    bindings: parts.flatMap((p) => p.bindings),
  };
}

/** The current Haushaltsjahr in the county's time zone. */
export function currentYear(now = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(now));
}

/**
 * The filters a report applies: only those its definition offers, with its defaults (e.g. the current year)
 * where the caller gave none. Values are checked again here (ids as UUIDs, years as integers, financing
 * kinds from the enum), so nothing but checked values ever reaches a binding.
 */
export function applyFilters(
  definition: ReportDefinition,
  input: ReportFilterInput | null | undefined,
  now = new Date(),
): AppliedFilters {
  const applied: AppliedFilters = {};
  for (const key of definition.filters.keys) {
    let values: (string | number)[] = [...((input?.[key] ?? []) as (string | number)[])];
    if (key === 'years') {
      if (values.length === 0) {
        const fallback = definition.filters.defaults?.years;
        values = fallback === 'CURRENT' ? [currentYear(now)] : [...(fallback ?? [])];
      }
      values = values.filter(
        (year) => Number.isInteger(year) && (year as number) >= 1900 && (year as number) <= 2200,
      );
    } else if (key === 'financingKinds') {
      values = values.filter((kind) => Object.values(FinancingKind).includes(kind as FinancingKind));
    } else {
      values = values.filter((id) => typeof id === 'string' && isUuid(id));
    }
    if (values.length > 0) applied[key] = [...new Set(values)];
  }
  return applied;
}

/** The compiled query of a report: SQL from whitelisted fragments, every value a binding. */
export function compileReport(
  definition: ReportDefinition,
  filters: AppliedFilters,
  caller: Caller,
): Fragment {
  const dataset = DATASETS.get(definition.dataset)!;
  const dimensions = definition.dimensions.map((key) => dataset.dimensions.find((d) => d.key === key)!);
  const measures = definition.measures.map((key) => dataset.measures.find((m) => m.key === key)!);
  const select = [
    ...dimensions.flatMap((d, i) => [`${d.sql} as d${i}`, ...(d.idSql ? [`${d.idSql} as i${i}`] : [])]),
    ...measures.map((m, i) => `${m.sql} as m${i}`),
  ];
  const scope = scopeCondition(caller, dataset);
  const where: Fragment[] = [scope];
  for (const key of definition.filters.keys) {
    const values = filters[key];
    // Every `?` of a filter's condition receives the list (a range and the exact condition, say).
    const condition = dataset.filters[key]!;
    if (values?.length)
      where.push({ sql: condition, bindings: Array.from(condition.matchAll(/\?/g), () => values) });
  }
  for (const key of definition.conditions ?? [])
    where.push({ sql: dataset.conditions![key].sql, bindings: [] });
  const groupBy = dimensions.flatMap((d) => [d.sql, ...(d.idSql ? [d.idSql] : [])]);
  const order: string[] = [];
  const dimensionOrder = (index: number, direction: 'asc' | 'desc') => {
    const d = dimensions[index];
    return (d.orderSql ?? [d.sql]).map((part) => `${part} ${direction} nulls last`);
  };
  for (const entry of definition.sort ?? []) {
    const direction = entry.direction === 'DESC' ? 'desc' : 'asc';
    const dimensionIndex = definition.dimensions.indexOf(entry.key);
    if (dimensionIndex >= 0) order.push(...dimensionOrder(dimensionIndex, direction));
    else order.push(`m${definition.measures.indexOf(entry.key)} ${direction} nulls last`);
  }
  dimensions.forEach((_d, index) => order.push(...dimensionOrder(index, 'asc')));
  const sql = [
    `select ${select.join(', ')}`,
    sourceOf(
      dataset,
      definition,
      definition.filters.keys.filter((key) => filters[key]?.length),
    ),
    `where ${where.map((part) => part.sql).join(' and ')}`,
    groupBy.length > 0 ? `group by ${groupBy.join(', ')}` : '',
    order.length > 0 ? `order by ${order.join(', ')}` : '',
    'limit ?',
  ].join('\n');
  return {
    sql,
    bindings: [...where.flatMap((part) => part.bindings), rowLimit(definition)],
  };
}

function toValue(value: unknown, format: ReportValueFormat): unknown {
  if (value === null || value === undefined) return null;
  switch (format) {
    case ReportValueFormat.CENTS:
    case ReportValueFormat.NUMBER:
    case ReportValueFormat.PERCENT:
    case ReportValueFormat.YEAR:
      return Number(value);
    default:
      return String(value);
  }
}

/** What running a report needs: the reporting database, the caller, the definition and the filters. */
export interface RunReportInput {
  db: Knex;
  caller: Caller;
  definition: ReportDefinition;
  filters?: ReportFilterInput | null;
  now?: Date;
}

/**
 * Runs a report in one read-only transaction on the reporting database: its rows (dimensions then
 * measures), the ids behind them, totals of additive measures, a German summary and the filters applied.
 */
export async function runReport({
  db,
  caller,
  definition,
  filters,
  now = new Date(),
}: RunReportInput): Promise<ReportResult> {
  const dataset = DATASETS.get(definition.dataset)!;
  const applied = applyFilters(definition, filters, now);
  const query = compileReport(definition, applied, caller);
  const dimensions = definition.dimensions.map((key) => dataset.dimensions.find((d) => d.key === key)!);
  const measures = definition.measures.map((key) => dataset.measures.find((m) => m.key === key)!);
  const {
    rows: raw,
    asOf,
    filtersApplied,
  } = await readOnly(db, async (trx) => {
    const result = await trx.raw<{ rows: Record<string, unknown>[] }>(
      query.sql,
      query.bindings as Knex.RawBinding[],
    );
    const time = await trx.raw<{ rows: { now: Date }[] }>('select now() as now');
    return { rows: result.rows, asOf: time.rows[0].now, filtersApplied: await describeFilters(trx, applied) };
  });
  const columns: ReportColumn[] = [
    ...dimensions.map((d) => ({ key: d.key, label: d.label, role: 'DIMENSION' as const, format: d.format })),
    ...measures.map((m) => ({ key: m.key, label: m.label, role: 'MEASURE' as const, format: m.format })),
  ];
  const rows = raw.map((row) => [
    ...dimensions.map((d, i) => toValue(row[`d${i}`], d.format)),
    ...measures.map((m, i) => toValue(row[`m${i}`], m.format)),
  ]);
  const rowIds = raw.map((row) => [
    ...dimensions.map((d, i) => (d.idSql && row[`i${i}`] != null ? String(row[`i${i}`]) : null)),
    ...measures.map(() => null),
  ]);
  const totals: unknown[] = [
    ...dimensions.map(() => null),
    ...measures.map((m, i) =>
      m.additive
        ? Number(
            rows.reduce((sum, row) => sum + BigInt((row[dimensions.length + i] as number | null) ?? 0), 0n),
          )
        : null,
    ),
  ];
  const chart = {
    type: definition.chart.type,
    x: definition.chart.x ?? null,
    series: definition.chart.series,
    stacked: definition.chart.stacked,
  };
  return {
    key: definition.key,
    title: definition.title,
    description: definition.description ?? null,
    chart,
    columns,
    rows,
    rowIds,
    totals,
    summary:
      summarize({ title: definition.title, columns, rows, totals, filters: filtersApplied.text }) +
      (rows.length === rowLimit(definition)
        ? ` Es werden höchstens ${rows.length} Zeilen gezeigt; engere Filter zeigen den Rest.`
        : ''),
    asOf: new Date(asOf),
    filters: filtersApplied,
    drillDowns: definition.drillDowns,
  };
}
