/**
 * Latency of the required reports through GraphQL beside the same aggregate as a hand-written SQL
 * query, in one run. The transport is passed in, so the bench (HTTP to a running platform, a signed-in
 * session) and the smoke test (the test API) measure the same way.
 */

/** The required reports of the committee, in the order they are printed. */
export const REQUIRED_REPORTS = [
  'budget-use',
  'goal-achievement',
  'offer-overview',
  'needs-by-outcome',
  'overdue-evaluations',
  'budget-by-month',
  'applications-by-provider',
] as const;
export type RequiredReport = (typeof REQUIRED_REPORTS)[number];

/**
 * The rows of one page of a table report, as the dashboard asks for them (its first page); the hand-written
 * SQL returns the same page with the count and sums of every row.
 */
export const TABLE_PAGE = 50;
/** The reports the dashboard shows as tables, a page at a time. */
export const TABLE_REPORTS: readonly RequiredReport[] = ['offer-overview', 'overdue-evaluations'];

/** Filters as the dashboard sends them: one budget year, all Sozialräume. */
export interface BenchFilters {
  years: number[];
}

/**
 * The aggregate each report shows, written by hand over the typed tables for a committee member (all
 * Sozialräume, kreisweit included). `$1` is the list of years. Written as well as the platform's own
 * queries, so the ratio shows the report layer's cost, not a better plan: the budget reports read the
 * ledger's monthly totals (table ledger_month_total, kept by a trigger with every entry), years are ranges
 * on indexed columns (bounds from the schema's immutable report_first_year/report_last_year, so the
 * planner sees them), goal facts are summed per offer and period before the count of offers.
 */
export const HAND_WRITTEN_SQL: Record<RequiredReport, string> = {
  'budget-use': `
    select sa.id, sa.name as social_area, l.budget_year,
           coalesce(sum(l.amount) filter (where l.kind = 'ALLOCATION'), 0) as allocated,
           coalesce(sum(l.amount) filter (where l.kind in ('COMMITMENT', 'CANCELLATION')), 0) as committed,
           coalesce(sum(l.amount) filter (where l.kind in ('COMMITMENT', 'CANCELLATION') and l.financing_kind = 'GRANT'), 0) as committed_74,
           coalesce(sum(l.amount) filter (where l.kind in ('COMMITMENT', 'CANCELLATION') and l.financing_kind = 'FEE'), 0) as committed_77,
           coalesce(sum(l.amount) filter (where l.kind in ('PAYMENT', 'REPAYMENT')), 0) as paid,
           coalesce(sum(l.amount) filter (where l.kind in ('PAYMENT', 'REPAYMENT') and l.financing_kind = 'GRANT'), 0) as paid_74,
           coalesce(sum(l.amount) filter (where l.kind in ('PAYMENT', 'REPAYMENT') and l.financing_kind = 'FEE'), 0) as paid_77,
           coalesce(sum(l.amount) filter (where l.kind = 'ALLOCATION'), 0)
             - coalesce(sum(l.amount) filter (where l.kind in ('COMMITMENT', 'CANCELLATION')), 0) as remaining
    from ledger_month_total l left join social_area sa on sa.id = l.social_area_id
    where l.budget_year = any($1::int[])
    group by sa.id, sa.name, l.budget_year
    order by sa.name nulls last, l.budget_year`,
  'goal-achievement': `
    select sa.id, sa.name as social_area,
           to_char(g.period_from, 'YYYY') || case when extract(month from g.period_from) <= 6 then ' H1' else ' H2' end as half_year,
           round(sum(g.percent_sum) / sum(g.goals), 1) as average_percent,
           count(distinct g.offer_id) as offers,
           sum(g.goals) as goals
    from (select period_from, social_area_id, provider_id, offer_id,
                 sum(achievement_percent) as percent_sum, count(*) as goals
          from evaluation_goal_fact
          where period_from >= make_date(report_first_year($1::int[]), 1, 1)
            and period_from < make_date(report_last_year($1::int[]) + 1, 1, 1)
            and extract(year from period_from)::int = any($1::int[])
          group by period_from, social_area_id, provider_id, offer_id) g
    left join social_area sa on sa.id = g.social_area_id
    group by sa.id, sa.name, 3
    order by sa.name nulls last, 3`,
  'offer-overview': `
    select o.id, o.title, sa.name as social_area, p.name as provider, c.name as category, o.financing_kind,
           o.state, o.period_start, o.period_end, o.approved_amount,
           (select min(e.due_date) from evaluation e
             where e.offer_id = o.id and e.state in ('DUE', 'CHANGES_REQUESTED')) as next_due,
           count(*) over () as total_rows, sum(o.approved_amount) over () as total_approved
    from offer o
    left join social_area sa on sa.id = o.social_area_id
    join provider p on p.id = o.provider_id
    join offer_category c on c.id = o.offer_category_id
    where o.period_start < make_date(report_last_year($1::int[]) + 1, 1, 1)
      and o.period_end >= make_date(report_first_year($1::int[]), 1, 1)
      and exists (select 1 from unnest($1::int[]) y
                  where o.period_start <= make_date(y, 12, 31) and o.period_end >= make_date(y, 1, 1))
    order by sa.name collate "und-x-icu" nulls last, o.title collate "und-x-icu", o.id
    limit ${TABLE_PAGE}`,
  'needs-by-outcome': `
    select sa.id, sa.name as social_area, coalesce(n.outcome::text, 'OPEN') as outcome, count(*) as needs
    from need n left join social_area sa on sa.id = n.social_area_id
    where n.created_at >= make_timestamptz(report_first_year($1::int[]), 1, 1, 0, 0, 0, 'Europe/Berlin')
      and n.created_at < make_timestamptz(report_last_year($1::int[]) + 1, 1, 1, 0, 0, 0, 'Europe/Berlin')
      and extract(year from n.created_at at time zone 'Europe/Berlin')::int = any($1::int[])
    group by sa.id, sa.name, 3
    order by sa.name nulls last, 3`,
  'overdue-evaluations': `
    select e.id, o.title, sa.name as social_area, p.name as provider, e.period_number, e.due_date,
           current_date - e.due_date as days_overdue, count(*) over () as total_rows
    from evaluation e
    join offer o on o.id = e.offer_id
    left join social_area sa on sa.id = o.social_area_id
    join provider p on p.id = o.provider_id
    where e.state in ('DUE', 'CHANGES_REQUESTED') and e.due_date < current_date
      and $1::int[] is not null -- overdue in any year: the report takes no year filter
    order by e.due_date, o.title, e.id
    limit ${TABLE_PAGE}`,
  'budget-by-month': `
    select l.booked_on as month,
           coalesce(sum(l.amount) filter (where l.kind in ('COMMITMENT', 'CANCELLATION')), 0) as committed,
           coalesce(sum(l.amount) filter (where l.kind in ('PAYMENT', 'REPAYMENT')), 0) as paid
    from ledger_month_total l
    where l.budget_year = any($1::int[])
    group by 1 order by 1`,
  'applications-by-provider': `
    select p.id, p.name as provider, count(*) as applications,
           count(*) filter (where d.outcome = 'APPROVED') as approved,
           count(*) filter (where d.outcome = 'REJECTED') as rejected
    from application a
    join provider p on p.id = a.provider_id
    left join application_decision d on d.application_id = a.id
    where a.submitted_at >= make_timestamptz(report_first_year($1::int[]), 1, 1, 0, 0, 0, 'Europe/Berlin')
      and a.submitted_at < make_timestamptz(report_last_year($1::int[]) + 1, 1, 1, 0, 0, 0, 'Europe/Berlin')
      and extract(year from a.submitted_at at time zone 'Europe/Berlin')::int = any($1::int[])
    group by p.id, p.name
    order by p.name`,
};

/**
 * The two budget reports summed from the ledger's entries instead of its monthly totals: what they would
 * cost without the totals, and an independent check of them (the same rows to the cent).
 */
export const FROM_ENTRIES_SQL: Partial<Record<RequiredReport, string>> = {
  'budget-use': `
    select sa.id, sa.name as social_area, l.budget_year,
           coalesce(sum(l.amount) filter (where l.kind = 'ALLOCATION'), 0) as allocated,
           coalesce(sum(l.amount) filter (where l.kind in ('COMMITMENT', 'CANCELLATION')), 0) as committed,
           coalesce(sum(l.amount) filter (where l.kind in ('COMMITMENT', 'CANCELLATION') and l.financing_kind = 'GRANT'), 0) as committed_74,
           coalesce(sum(l.amount) filter (where l.kind in ('COMMITMENT', 'CANCELLATION') and l.financing_kind = 'FEE'), 0) as committed_77,
           coalesce(sum(l.amount) filter (where l.kind in ('PAYMENT', 'REPAYMENT')), 0) as paid,
           coalesce(sum(l.amount) filter (where l.kind in ('PAYMENT', 'REPAYMENT') and l.financing_kind = 'GRANT'), 0) as paid_74,
           coalesce(sum(l.amount) filter (where l.kind in ('PAYMENT', 'REPAYMENT') and l.financing_kind = 'FEE'), 0) as paid_77,
           coalesce(sum(l.amount) filter (where l.kind = 'ALLOCATION'), 0)
             - coalesce(sum(l.amount) filter (where l.kind in ('COMMITMENT', 'CANCELLATION')), 0) as remaining
    from ledger_entry l left join social_area sa on sa.id = l.social_area_id
    where l.budget_year = any($1::int[])
    group by sa.id, sa.name, l.budget_year
    order by sa.name nulls last, l.budget_year`,
  'budget-by-month': `
    select date_trunc('month', l.booked_on)::date as month,
           coalesce(sum(l.amount) filter (where l.kind in ('COMMITMENT', 'CANCELLATION')), 0) as committed,
           coalesce(sum(l.amount) filter (where l.kind in ('PAYMENT', 'REPAYMENT')), 0) as paid
    from ledger_entry l
    where l.budget_year = any($1::int[])
    group by 1 order by 1`,
};

/** The GraphQL operation the dashboard sends for one report. */
export const REPORT_QUERY = `query BenchReport($key: String!, $filters: ReportFilterInput, $page: ReportPageInput) {
  report(key: $key, filters: $filters, page: $page) { key rows rowIds totals totalRows offset summary asOf columns { key format } }
}`;

/** The variables of the dashboard's request for a report: a table report asks for its first page. */
export const reportVariables = (key: RequiredReport, filters: BenchFilters) => ({
  key,
  filters,
  ...(TABLE_REPORTS.includes(key) ? { page: { offset: 0, limit: TABLE_PAGE } } : {}),
});

/** One GraphQL answer: its rows, or the first error's code and message. */
export type GraphQLOutcome = { rows: number } | { error: string };

export interface Transport {
  /** Runs `report(key, filters)` through GraphQL as a committee member. */
  graphql(key: RequiredReport, filters: BenchFilters): Promise<GraphQLOutcome>;
  /** Runs a query on the database directly and returns its row count. */
  sql(text: string, params: unknown[]): Promise<number>;
  /**
   * The bare stack: the cheapest GraphQL request with the same session (HTTP, Apollo, the caller from the
   * session), which every report request pays before its own work.
   */
  floor?(): Promise<void>;
}

export interface Latency {
  p50: number;
  p95: number;
  rows: number;
}

export interface ReportMeasurement {
  key: RequiredReport;
  sql: Latency;
  /** Null with `error` when the platform could not run the report. */
  graphql: Latency | null;
  error?: string;
  /** GraphQL p50 ÷ SQL p50 and GraphQL p95 ÷ SQL p95. */
  ratioP50: number | null;
  ratioP95: number | null;
  /** The bare stack's latency in the same loop, when the transport has one. */
  floor?: Latency;
  /** GraphQL p50 ÷ (floor p50 + SQL p50): the report against a request that only ran the SQL. */
  ratioOverFloor?: number | null;
}

export interface MeasureOptions {
  keys?: readonly RequiredReport[];
  filters: BenchFilters;
  iterations: number;
  warmup: number;
}

/** Nearest-rank percentile of a list of milliseconds. */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))];
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}

/**
 * Measures each report: warm-up runs, then `iterations` requests one after another, GraphQL and SQL
 * alternating so drifting load on a shared machine hits both alike. A report GraphQL cannot run
 * (not there yet, an error) is measured on the SQL side only and carries the error.
 */
export async function measureReports(
  transport: Transport,
  options: MeasureOptions,
): Promise<ReportMeasurement[]> {
  const results: ReportMeasurement[] = [];
  for (const key of options.keys ?? REQUIRED_REPORTS) {
    const params = [options.filters.years];
    const runSql = () => transport.sql(HAND_WRITTEN_SQL[key], params);
    const runGraphQL = () => transport.graphql(key, options.filters);
    let error: string | undefined;
    for (let i = 0; i < options.warmup; i++) {
      await runSql();
      const outcome = await runGraphQL();
      if ('error' in outcome) error = outcome.error;
    }
    const sqlTimes: number[] = [];
    const graphqlTimes: number[] = [];
    const floorTimes: number[] = [];
    let sqlRows = 0;
    let graphqlRows = 0;
    for (let i = 0; i < options.iterations; i++) {
      const [sqlMs, rows] = await time(runSql);
      sqlTimes.push(sqlMs);
      sqlRows = rows;
      if (transport.floor) floorTimes.push((await time(() => transport.floor!()))[0]);
      if (error) continue;
      const [graphqlMs, outcome] = await time(runGraphQL);
      if ('error' in outcome) {
        error = outcome.error;
        continue;
      }
      graphqlTimes.push(graphqlMs);
      graphqlRows = outcome.rows;
    }
    const sql = { p50: percentile(sqlTimes, 0.5), p95: percentile(sqlTimes, 0.95), rows: sqlRows };
    const graphql =
      error || graphqlTimes.length === 0
        ? null
        : { p50: percentile(graphqlTimes, 0.5), p95: percentile(graphqlTimes, 0.95), rows: graphqlRows };
    const floor =
      floorTimes.length > 0
        ? { p50: percentile(floorTimes, 0.5), p95: percentile(floorTimes, 0.95), rows: 0 }
        : undefined;
    results.push({
      key,
      sql,
      graphql,
      ...(error ? { error } : {}),
      ratioP50: graphql ? graphql.p50 / sql.p50 : null,
      ratioP95: graphql ? graphql.p95 / sql.p95 : null,
      ...(floor ? { floor, ratioOverFloor: graphql ? graphql.p50 / (floor.p50 + sql.p50) : null } : {}),
    });
  }
  return results;
}

export interface Targets {
  /** Dashboard report p95 through GraphQL, in ms. */
  p95Ms: number;
  /** GraphQL at most this many times the raw SQL. */
  ratio: number;
}

export const COUNTY_TARGETS: Targets = { p95Ms: 100, ratio: 1.5 };
export const STATE_TARGETS: Targets = { p95Ms: 500, ratio: 1.5 };

/** Milliseconds as the tables print them: one decimal below 10, whole above. */
export const ms = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));
const ratio = (value: number | null) => (value === null ? '–' : `${value.toFixed(2)}×`);

/** The results as a Markdown table with whether the targets hold. */
export function formatTable(results: ReportMeasurement[], targets: Targets): string {
  const withFloor = results.some((result) => result.floor);
  const lines = [
    '| Report | rows | GraphQL p50 ms | p95 ms | SQL p50 ms | p95 ms | GraphQL ÷ SQL p50 | p95 | ' +
      (withFloor ? 'floor p50 ms | GraphQL ÷ (floor + SQL) p50 | ' : '') +
      `p95 < ${targets.p95Ms} ms | ≤ ${targets.ratio}× SQL |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ' +
      (withFloor ? '---: | ---: | ' : '') +
      '--- | --- |',
  ];
  for (const result of results) {
    const graphql = result.graphql;
    const p95Met = graphql ? (graphql.p95 < targets.p95Ms ? 'met' : 'NOT met') : 'n/a';
    const ratioMet = result.ratioP50 === null ? 'n/a' : result.ratioP50 <= targets.ratio ? 'met' : 'NOT met';
    const floor = withFloor
      ? `${result.floor ? ms(result.floor.p50) : '–'} | ${ratio(result.ratioOverFloor ?? null)} | `
      : '';
    lines.push(
      `| ${result.key} | ${graphql?.rows ?? result.sql.rows} | ${graphql ? ms(graphql.p50) : '–'} | ` +
        `${graphql ? ms(graphql.p95) : '–'} | ${ms(result.sql.p50)} | ${ms(result.sql.p95)} | ` +
        `${ratio(result.ratioP50)} | ${ratio(result.ratioP95)} | ${floor}${p95Met} | ${ratioMet} |`,
    );
  }
  const errors = results.filter((result) => result.error);
  for (const result of errors) lines.push(`\n${result.key}: GraphQL failed: ${result.error}`);
  return lines.join('\n');
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/** What EXPLAIN ANALYZE says about a query: its time and the scans that read whole tables. */
export interface PlanSummary {
  key: RequiredReport;
  executionMs: number;
  scans: string[];
}

/** Runs EXPLAIN (ANALYZE, FORMAT JSON) of each hand-written query and lists its scans. */
export async function explainReports(
  explain: (text: string, params: unknown[]) => Promise<unknown>,
  filters: BenchFilters,
  keys: readonly RequiredReport[] = REQUIRED_REPORTS,
): Promise<PlanSummary[]> {
  const summaries: PlanSummary[] = [];
  for (const key of keys) {
    const plan = (await explain(`explain (analyze, format json) ${HAND_WRITTEN_SQL[key]}`, [
      filters.years,
    ])) as [{ Plan: PlanNode; 'Execution Time': number }];
    const scans: string[] = [];
    const walk = (node: PlanNode) => {
      if (node['Relation Name'] && /Scan/.test(node['Node Type'])) {
        const rows = (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1);
        const removed = node['Rows Removed by Filter'] ?? 0;
        scans.push(
          `${node['Node Type']} ${node['Relation Name']}${node['Index Name'] ? ` (${node['Index Name']})` : ''}: ` +
            `${rows} rows${removed ? `, ${removed} removed by filter` : ''}`,
        );
      }
      for (const child of node.Plans ?? []) walk(child);
    };
    walk(plan[0].Plan);
    summaries.push({ key, executionMs: plan[0]['Execution Time'], scans });
  }
  return summaries;
}

/** Times one query alone: `iterations` runs after `warmup`, one at a time. */
export async function measureSql(
  sql: (text: string, params: unknown[]) => Promise<number>,
  text: string,
  params: unknown[],
  options: { iterations: number; warmup: number },
): Promise<Latency> {
  for (let i = 0; i < options.warmup; i++) await sql(text, params);
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < options.iterations; i++) {
    const [ms, count] = await time(() => sql(text, params));
    times.push(ms);
    rows = count;
  }
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), rows };
}
