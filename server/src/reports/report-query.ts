import type { Knex } from '@mikro-orm/postgresql';
import { type Caller, Role } from '../common/context.js';
import { Forbidden } from '../common/errors.js';
import { isUuid } from '../common/uuid.scalar.js';
import { FinancingKind } from '../master-data/offer-category.entity.js';
import {
  DATASETS,
  type Dataset,
  type DatasetDimension,
  type DatasetMeasure,
  type FilterKey,
  summaryFor,
} from './datasets.js';
import type { ReportDefinition } from './report-definition.js';
import { describeFilters } from './report-filters.js';
import { germanCount, summarize } from './report-summary.js';
import type { ReportColumn, ReportFilterInput, ReportPageInput, ReportResult } from './report.types.js';
import { ReportValueFormat } from './report.types.js';
import { readOnly, type ReportReader } from './reports-database.js';

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

/** One page of a report's rows: `limit` rows from row `offset` (from 0). */
export type ReportPage = Pick<ReportPageInput, 'offset' | 'limit'>;

/** The compiled query of a report; `paged`: one page, each row carrying the total rows and totals. */
export interface CompiledReport extends Fragment {
  paged: boolean;
}

/**
 * Whether a page is cut in SQL: then each row carries `count(*) over ()` and window sums, so the total
 * and the totals cover every row in one query. A report with its own `limit` (the first rows by a
 * measure) is small and cut in memory instead, so its totals are those of its first rows.
 */
const pagedInSql = (definition: ReportDefinition, page: ReportPage | null | undefined): page is ReportPage =>
  page != null && definition.limit === undefined;

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
  page?: ReportPage | null,
): CompiledReport {
  const dataset = DATASETS.get(definition.dataset)!;
  const dimensions = definition.dimensions.map((key) => dataset.dimensions.find((d) => d.key === key)!);
  const measures = definition.measures.map((key) => dataset.measures.find((m) => m.key === key)!);
  const paged = pagedInSql(definition, page);
  const summary = summaryFor(
    dataset,
    definition,
    definition.filters.keys.filter((key) => filters[key]?.length),
  );
  /** What a dimension is grouped and ordered by: the summary's plain column for it, or its expression. */
  const groupSql = (d: DatasetDimension) => summary?.groupBy?.[d.key] ?? d.sql;
  const rowKey = dataset.rowKey;
  const keyed =
    rowKey && rowKey.dimensions.every((key) => definition.dimensions.includes(key)) ? rowKey : undefined;
  // One row per key, and every measure has its value for one row: no grouping at all.
  const ungrouped = keyed !== undefined && measures.every((m) => m.rowSql !== undefined);
  const measureSql = (m: DatasetMeasure) => (ungrouped ? m.rowSql! : m.sql);
  /** The number of rows and the totals of additive measures over every row, as window figures. */
  const windowTotals = [
    'count(*) over () as total_rows',
    ...measures.flatMap((m, i) => (m.additive ? [`sum(${measureSql(m)}) over () as t${i}`] : [])),
  ];
  const select = [
    ...dimensions.flatMap((d, i) => [`${d.sql} as d${i}`, ...(d.idSql ? [`${d.idSql} as i${i}`] : [])]),
    ...measures.map((m, i) => `${measureSql(m)} as m${i}`),
    // an ungrouped page counts in its own subquery (below)
    ...(paged && !ungrouped ? windowTotals : []),
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
  const groupBy = ungrouped
    ? []
    : keyed
      ? keyed.groupBy
      : dimensions.flatMap((d) => [groupSql(d), ...(d.idSql ? [d.idSql] : [])]);
  // The declared sort, then each dimension with its id, so equal names keep one order from page to page.
  const order: string[] = [];
  const ordered = new Set<string>();
  const orderBy = (expression: string, direction: 'asc' | 'desc') => {
    if (ordered.has(expression)) return;
    ordered.add(expression);
    order.push(`${expression} ${direction} nulls last`);
  };
  const dimensionOrder = (index: number, direction: 'asc' | 'desc') => {
    const d = dimensions[index]!;
    for (const part of d.orderSql ?? [groupSql(d)]) orderBy(part, direction);
    if (d.idSql) orderBy(d.idSql, direction);
  };
  for (const entry of definition.sort ?? []) {
    const direction = entry.direction === 'DESC' ? 'desc' : 'asc';
    const dimensionIndex = definition.dimensions.indexOf(entry.key);
    if (dimensionIndex >= 0) dimensionOrder(dimensionIndex, direction);
    else {
      // by its alias, or (ungrouped, where a page is chosen before the select list exists) its expression
      const index = definition.measures.indexOf(entry.key);
      orderBy(ungrouped ? `(${measures[index]!.rowSql})` : `m${index}`, direction);
    }
  }
  const orderedKeys = new Set<string>();
  for (const [index, d] of dimensions.entries()) {
    dimensionOrder(index, 'asc');
    orderedKeys.add(d.key);
    // Rows are unique by the key: nothing after it changes the order.
    if (keyed && keyed.dimensions.every((key) => orderedKeys.has(key))) break;
  }
  const from = summary?.from ?? dataset.from;
  const whereSql = `where ${where.map((part) => part.sql).join(' and ')}`;
  const whereBindings = where.flatMap((part) => part.bindings);
  const orderSql = order.length > 0 ? `order by ${order.join(', ')}` : '';
  if (paged && ungrouped && keyed) {
    // A page of a report with one row per key: the page is chosen on the keys and the raw values the
    // order needs, with the number of rows and the totals as window figures over those narrow rows; only
    // the rows of the page are then joined again and formatted.
    const pageSql = [
      `select ${[`${keyed.idSql} as row_id`, ...windowTotals].join(', ')}`,
      from,
      whereSql,
      orderSql,
      'limit ? offset ?',
    ]
      .filter((part) => part !== '')
      .join('\n');
    const totalsColumns = [
      'page.total_rows',
      ...measures.flatMap((m, i) => (m.additive ? [`page.t${i}`] : [])),
    ];
    return {
      sql: [
        `with page as (\n${pageSql}\n)`,
        `select ${[...select, ...totalsColumns].join(', ')}`,
        `${from}\njoin page on page.row_id = ${keyed.idSql}`,
        orderSql,
      ]
        .filter((part) => part !== '')
        .join('\n'),
      bindings: [...whereBindings, page.limit, page.offset],
      paged,
    };
  }
  const sql = [
    `select ${select.join(', ')}`,
    from,
    whereSql,
    groupBy.length > 0 ? `group by ${groupBy.join(', ')}` : '',
    orderSql,
    paged ? 'limit ? offset ?' : 'limit ?',
  ]
    .filter((part) => part !== '')
    .join('\n');
  return {
    sql,
    bindings: [...whereBindings, ...(paged ? [page.limit, page.offset] : [rowLimit(definition)])],
    paged,
  };
}

/** How a cell from the driver becomes a value of the answer: numbers as numbers, the rest as text. */
function converterOf(format: ReportValueFormat): (value: unknown) => unknown {
  switch (format) {
    case ReportValueFormat.CENTS:
    case ReportValueFormat.NUMBER:
    case ReportValueFormat.PERCENT:
    case ReportValueFormat.YEAR:
      // bigint sums and numeric averages arrive as strings
      return (value) => (value === null || value === undefined ? null : Number(value));
    default:
      return (value) =>
        value === null || value === undefined ? null : typeof value === 'string' ? value : String(value);
  }
}

/**
 * A stored report's definition, read in the report's own transaction: `sql` (without bindings) runs in the
 * round trip that opens it, and `pick` finds the definition in its rows (reading more only when needed).
 */
export interface DefinitionSource {
  sql: string;
  pick(rows: Record<string, unknown>[], reader: ReportReader): Promise<ReportDefinition>;
}

/** What running a report needs: the reporting database, the caller, the definition and the filters. */
export interface RunReportInput {
  db: Knex;
  caller: Caller;
  definition: ReportDefinition | DefinitionSource;
  filters?: ReportFilterInput | null;
  /** One page of the rows; without it every row up to the row limit (charts, exports). */
  page?: ReportPage | null;
  now?: Date;
}

type RawRow = Record<string, unknown>;

/**
 * Runs a report in one read-only transaction on the reporting database: its rows (dimensions then
 * measures), the ids behind them, totals of additive measures, a German summary and the filters applied.
 * With a page, the rows are that page; the number of rows, the totals and the summary's figures cover
 * the whole report.
 */
export async function runReport({
  db,
  caller,
  definition: source,
  filters,
  page,
  now = new Date(),
}: RunReportInput): Promise<ReportResult> {
  const stored = 'pick' in source ? source : null;
  const { definition, query, raw, totalsRow, asOf, filtersApplied } = await readOnly(
    db,
    async (trx, asOf, opening) => {
      const definition = stored ? await stored.pick(opening, trx) : (source as ReportDefinition);
      const applied = applyFilters(definition, filters, now);
      const query = compileReport(definition, applied, caller, page);
      const result = await trx.raw<{ rows: RawRow[] }>(query.sql, query.bindings as Knex.RawBinding[]);
      let totalsRow: RawRow | undefined = result.rows[0];
      if (query.paged && !totalsRow && page!.offset > 0) {
        // A page past the last row: the first row carries the total and the totals.
        const first = await trx.raw<{ rows: RawRow[] }>(query.sql, [
          ...query.bindings.slice(0, -2),
          1,
          0,
        ] as Knex.RawBinding[]);
        totalsRow = first.rows[0];
      }
      const filtersApplied = await describeFilters(trx, applied);
      return { definition, query, raw: result.rows, totalsRow, asOf, filtersApplied };
    },
    stored?.sql,
  );
  const dataset = DATASETS.get(definition.dataset)!;
  const dimensions = definition.dimensions.map((key) => dataset.dimensions.find((d) => d.key === key)!);
  const measures = definition.measures.map((key) => dataset.measures.find((m) => m.key === key)!);
  const columns: ReportColumn[] = [
    ...dimensions.map((d) => ({ key: d.key, label: d.label, role: 'DIMENSION' as const, format: d.format })),
    ...measures.map((m) => ({ key: m.key, label: m.label, role: 'MEASURE' as const, format: m.format })),
  ];
  const fields = [...dimensions.map((_d, i) => `d${i}`), ...measures.map((_m, i) => `m${i}`)];
  const converters = columns.map((column) => converterOf(column.format));
  const idFields = [...dimensions.map((d, i) => (d.idSql ? `i${i}` : null)), ...measures.map(() => null)];
  const rowsOf = (list: RawRow[]) =>
    list.map((row) => fields.map((field, index) => converters[index]!(row[field])));
  const idsOf = (list: RawRow[]) =>
    list.map((row) =>
      idFields.map((field) => {
        const id = field ? row[field] : null;
        return id === null || id === undefined ? null : String(id);
      }),
    );
  let rows: unknown[][];
  let rowIds: (string | null)[][];
  let totals: unknown[];
  let totalRows: number;
  let offset = 0;
  if (query.paged) {
    rows = rowsOf(raw);
    rowIds = idsOf(raw);
    offset = page!.offset;
    totalRows = totalsRow ? Number(totalsRow.total_rows) : 0;
    totals = [
      ...dimensions.map(() => null),
      ...measures.map((m, i) => (m.additive ? (totalsRow ? Number(totalsRow[`t${i}`] ?? 0) : 0) : null)),
    ];
  } else {
    const all = rowsOf(raw);
    totalRows = all.length;
    totals = [
      ...dimensions.map(() => null),
      ...measures.map((m, i) =>
        m.additive
          ? Number(
              all.reduce((sum, row) => sum + BigInt((row[dimensions.length + i] as number | null) ?? 0), 0n),
            )
          : null,
      ),
    ];
    if (page) {
      offset = page.offset;
      rows = all.slice(offset, offset + page.limit);
      rowIds = idsOf(raw.slice(offset, offset + page.limit));
    } else {
      rows = all;
      rowIds = idsOf(raw);
    }
  }
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
    totalRows,
    offset,
    summary:
      summarize({
        title: definition.title,
        columns,
        rows,
        totals,
        filters: filtersApplied.text,
        totalRows,
        offset,
      }) +
      (!query.paged && totalRows === rowLimit(definition)
        ? ` Es werden höchstens ${germanCount(totalRows)} Zeilen gezeigt; engere Filter zeigen den Rest.`
        : ''),
    asOf: new Date(asOf),
    filters: filtersApplied,
    drillDowns: definition.drillDowns,
  };
}
