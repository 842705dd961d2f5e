import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { readReportFiles } from '../../server/src/reports/report-catalog.js';
import { checkReportDefinition } from '../../server/src/reports/report-definition.js';
import { runReport } from '../../server/src/reports/report-query.js';
import { summarize } from '../../server/src/reports/report-summary.js';
import { ReportValueFormat } from '../../server/src/reports/report.types.js';
import {
  closeReportsDatabase,
  configureReportsDatabase,
  readOnly,
  REPORTS_APPLICATION_NAME,
  reportsDatabase,
} from '../../server/src/reports/reports-database.js';
import { sqlIn } from '../support/rows.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { createReportWorld, type ReportWorld } from './reports-world.js';

const committee: Caller = { userId: 'r-committee', displayName: 'Greta Gerdes', roles: [Role.COMMITTEE] };
const admin: Caller = { userId: 'r-admin', displayName: 'Anna Admin', roles: [Role.ADMIN] };
const provider = (id: string): Caller => ({
  userId: 'r-provider',
  displayName: 'Paul Träger',
  roles: [Role.PROVIDER],
  providerId: id,
});
const teamLead = (areas: string[]): Caller => ({
  userId: 'r-lead',
  displayName: 'Lena Leitung',
  roles: [Role.TEAM_LEAD],
  socialAreaIds: areas,
});
const regionalTeam = (team: string): Caller => ({
  userId: 'r-team',
  displayName: 'Rita Regional',
  roles: [Role.REGIONAL_TEAM],
  regionalTeamId: team,
});

const REPORT = `query($key: String!, $filters: ReportFilterInput) {
  report(key: $key, filters: $filters) {
    key title columns { key label role format } rows rowIds totals summary asOf
    chart { type x series stacked } drillDowns { column report filter }
    filters { years socialAreas regionalTeams financingKinds providers offers text }
  }
}`;

const REQUIRED = [
  'budget-use',
  'goal-achievement',
  'offer-overview',
  'needs-by-outcome',
  'overdue-evaluations',
  'budget-by-month',
  'applications-by-provider',
  'offer-evaluations',
];

let api: TestApi;
let world: ReportWorld;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);

interface Result {
  title: string;
  columns: { key: string; role: string }[];
  rows: unknown[][];
  rowIds: (string | null)[][];
  totals: unknown[];
  summary: string;
  filters: { text: string; years: number[]; socialAreas: string[] };
}

async function run(key: string, filters: Record<string, unknown> | null, caller: Caller = committee) {
  const response = await api.gql<{ report: Result }>(REPORT, { key, filters }, { caller });
  expect(response.errors).toBeUndefined();
  return response.data!.report;
}

/** The rows as objects by column key, for comparing with hand-written SQL. */
function records(result: Result): Record<string, unknown>[] {
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c, i) => [c.key, row[i]])));
}

const byKey = (rows: Record<string, unknown>[], ...keys: string[]) =>
  [...rows].sort((a, b) =>
    keys
      .map((k) => String(a[k]))
      .join('|')
      .localeCompare(keys.map((k) => String(b[k])).join('|')),
  );

/** A condition on ledger_entry x for the report filters. */
function ledgerWhere(f: {
  years?: number[];
  socialAreaIds?: string[];
  regionalTeamIds?: string[];
  financingKinds?: string[];
}) {
  const parts: string[] = ['true'];
  const params: unknown[] = [];
  if (f.years) {
    parts.push(`x.budget_year = any(?::int[])`);
    params.push(`{${f.years.join(',')}}`);
  }
  if (f.socialAreaIds) {
    parts.push(`x.social_area_id = any(?::uuid[])`);
    params.push(`{${f.socialAreaIds.join(',')}}`);
  }
  if (f.regionalTeamIds) {
    parts.push(`x.regional_team_id = any(?::uuid[])`);
    params.push(`{${f.regionalTeamIds.join(',')}}`);
  }
  if (f.financingKinds) {
    parts.push(`(x.kind = 'ALLOCATION' or x.financing_kind::text = any(?::text[]))`);
    params.push(`{${f.financingKinds.join(',')}}`);
  }
  return { where: parts.join(' and '), params };
}

beforeAll(async () => {
  api = await startTestApi();
  world = await createReportWorld(api, 'RB');
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('the report files', () => {
  it('are all loaded and listed for the committee, with the committee dashboard', async () => {
    const response = await api.gql(
      `query { reports { key version dataset chartType filterKeys } dashboard(key: "committee") { key items { report width } filterKeys } }`,
      {},
      { caller: committee },
    );
    expect(response.errors).toBeUndefined();
    const keys = response.data!.reports.map((r: { key: string }) => r.key).sort();
    expect(keys).toEqual([...REQUIRED].sort());
    expect(response.data!.dashboard.items.map((i: { report: string }) => i.report)).toContain('budget-use');
  });

  it('refuses a bad definition file at start, naming every problem of every file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'reports-'));
    await mkdir(path.join(dir, 'dashboards'));
    await writeFile(
      path.join(dir, 'broken.json'),
      JSON.stringify({
        key: 'broken',
        title: 'Kaputt',
        colour: 'rot',
        dataset: 'ledger',
        dimensions: ['socialArea', 'nichtDa'],
        measures: ['allocated'],
        filters: { keys: ['years', 'colour'] },
        chart: { type: 'BAR', x: 'socialArea', series: ['allocated'], stacked: false },
      }),
    );
    await writeFile(
      path.join(dir, 'other.json'),
      JSON.stringify({
        key: 'other',
        title: 'Auch kaputt',
        dataset: 'secrets',
        dimensions: [],
        measures: ['x'],
        chart: { type: 'DONUT', series: [] },
      }),
    );
    await writeFile(path.join(dir, 'not-json.json'), '{ nope');
    await writeFile(
      path.join(dir, 'dashboards', 'board.json'),
      JSON.stringify({
        key: 'board',
        title: 'Brett',
        filterKeys: [],
        items: [{ report: 'missing', width: 6 }],
      }),
    );
    const error = await readReportFiles(dir).then(
      () => null,
      (e: Error) => e,
    );
    expect(error?.message).toMatch(/broken\.json[\s\S]*nichtDa/);
    expect(error?.message).toMatch(/colour/);
    expect(error?.message).toMatch(/broken\.json[\s\S]*Unbekannte Angabe: „colour“/);
    expect(error?.message).toMatch(/other\.json[\s\S]*Diagrammart/);
    expect(error?.message).toMatch(/other\.json[\s\S]*„secrets“/);
    expect(error?.message).toMatch(/not-json\.json: kein gültiges JSON/);
    expect(error?.message).toMatch(/board\.json[\s\S]*„missing“/);
  });

  it('accepts the shipped files', async () => {
    const files = await readReportFiles('reports');
    expect(files.reports.map((r) => r.key).sort()).toEqual([...REQUIRED].sort());
    expect(files.dashboards.map((d) => d.key)).toEqual(['committee']);
  });
});

describe('report figures equal an independent computation', () => {
  const budgetFilters = () => [
    { years: [2026] },
    { years: [2025, 2026], socialAreaIds: [world.areas.achim, world.areas.verden] },
    { years: [2026], regionalTeamIds: [world.teams.north], financingKinds: ['FEE'] },
    { years: [2025], financingKinds: ['GRANT'] },
  ];

  it('budget-use: allocated, committed, paid, remaining and the § 74/§ 77 split per Sozialraum and year, to the cent', async () => {
    for (const filters of budgetFilters()) {
      const result = await run('budget-use', filters);
      const { where, params } = ledgerWhere(filters);
      const sum = (kinds: string, extra = '') =>
        `(select coalesce(sum(y.amount), 0)::bigint from ledger_entry y where y.id in (select x.id from ledger_entry x where ${where})
           and y.social_area_id is not distinct from k.social_area_id and y.budget_year = k.budget_year
           and y.kind::text in (${kinds}) ${extra})`;
      const expected = await sql(
        `select coalesce(sa.name, 'kreisweit') as "socialArea", k.budget_year as "budgetYear",
           ${sum(`'ALLOCATION'`)} as allocated, ${sum(`'COMMITMENT','CANCELLATION'`)} as committed,
           ${sum(`'PAYMENT','REPAYMENT'`)} as paid,
           ${sum(`'ALLOCATION'`)} - ${sum(`'COMMITMENT','CANCELLATION'`)} as remaining,
           ${sum(`'COMMITMENT','CANCELLATION'`, `and y.financing_kind = 'GRANT'`)} as "committedGrant",
           ${sum(`'COMMITMENT','CANCELLATION'`, `and y.financing_kind = 'FEE'`)} as "committedFee",
           ${sum(`'PAYMENT','REPAYMENT'`, `and y.financing_kind = 'GRANT'`)} as "paidGrant",
           ${sum(`'PAYMENT','REPAYMENT'`, `and y.financing_kind = 'FEE'`)} as "paidFee"
         from (select distinct x.social_area_id, x.budget_year from ledger_entry x where ${where}) k
         left join social_area sa on sa.id = k.social_area_id`,
        Array(1 + 9 * 1)
          .fill(params)
          .flat(),
      );
      const numeric = expected.map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, k === 'socialArea' ? v : Number(v)])),
      );
      expect(byKey(records(result), 'socialArea', 'budgetYear')).toEqual(
        byKey(numeric, 'socialArea', 'budgetYear'),
      );
      expect(result.rows.length).toBeGreaterThan(0);
      const allocated = result.columns.findIndex((c) => c.key === 'allocated');
      expect(result.totals[allocated]).toBe(numeric.reduce((s, r) => s + (r.allocated as number), 0));
    }
  });

  it('budget-by-month: committed and paid per month', async () => {
    for (const filters of budgetFilters()) {
      const result = await run('budget-by-month', filters);
      const { where, params } = ledgerWhere(filters);
      const expected = await sql(
        `select to_char(date_trunc('month', x.booked_on), 'YYYY-MM') as month,
           sum(case when x.kind in ('COMMITMENT', 'CANCELLATION') then x.amount else 0 end)::bigint as committed,
           sum(case when x.kind in ('PAYMENT', 'REPAYMENT') then x.amount else 0 end)::bigint as paid
         from ledger_entry x where ${where} group by 1 order by 1`,
        params,
      );
      expect(records(result)).toEqual(
        expected.map((r) => ({ month: r.month, committed: Number(r.committed), paid: Number(r.paid) })),
      );
    }
  });

  it('goal-achievement: average achievement per Sozialraum and half-year', async () => {
    for (const filters of [
      { years: [2026] },
      { years: [2025, 2026], socialAreaIds: [world.areas.oyten] },
      { years: [2026], financingKinds: ['GRANT'] },
    ]) {
      const result = await run('goal-achievement', filters);
      const rows = await sql<{ area: string | null; from: string; percent: number; financing: string }>(
        `select sa.name as area, to_char(g.period_from, 'YYYY-MM-DD') as "from", g.achievement_percent as percent,
           o.financing_kind as financing, g.offer_id as offer, g.social_area_id as area_id
         from evaluation_goal_fact g join offer o on o.id = g.offer_id left join social_area sa on sa.id = g.social_area_id`,
      );
      const groups = new Map<string, { sum: number; n: number; offers: Set<string> }>();
      for (const row of rows as any[]) {
        const year = Number(row.from.slice(0, 4));
        if (!filters.years.includes(year)) continue;
        if ('socialAreaIds' in filters && !filters.socialAreaIds!.includes(row.area_id)) continue;
        if ('financingKinds' in filters && !filters.financingKinds!.includes(row.financing)) continue;
        const half = Number(row.from.slice(5, 7)) <= 6 ? 'H1' : 'H2';
        const key = `${row.area ?? 'kreisweit'}|${year} ${half}`;
        const group = groups.get(key) ?? { sum: 0, n: 0, offers: new Set() };
        group.sum += row.percent;
        group.n += 1;
        group.offers.add(row.offer);
        groups.set(key, group);
      }
      const expected = [...groups].map(([key, g]) => {
        const [socialArea, halfYear] = key.split('|');
        return {
          socialArea,
          halfYear,
          achievementPercent: Math.round((g.sum / g.n) * 10 + 1e-9) / 10,
          offers: g.offers.size,
          count: g.n,
        };
      });
      expect(byKey(records(result), 'socialArea', 'halfYear')).toEqual(
        byKey(expected, 'socialArea', 'halfYear'),
      );
    }
  });

  it('offer-overview: every offer with its approved amount, filtered by year, Träger and financing', async () => {
    for (const filters of [
      {},
      { years: [2025] },
      { providerIds: [world.providers.one], financingKinds: ['FEE'] },
      { socialAreaIds: [world.areas.achim], years: [2027] },
      // consecutive years as one range, others year by year
      { years: [2025, 2026] },
      { years: [2024, 2027] },
      { years: [2023, 2026] },
    ] as Record<string, any>[]) {
      const result = await run('offer-overview', filters);
      const expected = await sql<{ id: string; approved_amount: string }>(
        `select o.id, o.approved_amount from offer o
         where (?::int[] is null or exists (select 1 from generate_series(extract(year from o.period_start)::int, extract(year from o.period_end)::int) s(y) where s.y = any(?::int[])))
           and (?::uuid[] is null or o.provider_id = any(?::uuid[]))
           and (?::text[] is null or o.financing_kind::text = any(?::text[]))
           and (?::uuid[] is null or o.social_area_id = any(?::uuid[]))`,
        [
          ...Array(2).fill(filters.years ? `{${filters.years.join(',')}}` : null),
          ...Array(2).fill(filters.providerIds ? `{${filters.providerIds.join(',')}}` : null),
          ...Array(2).fill(filters.financingKinds ? `{${filters.financingKinds.join(',')}}` : null),
          ...Array(2).fill(filters.socialAreaIds ? `{${filters.socialAreaIds.join(',')}}` : null),
        ],
      );
      const offerColumn = result.columns.findIndex((c) => c.key === 'offer');
      const amountColumn = result.columns.findIndex((c) => c.key === 'approvedAmount');
      const actual = result.rows.map((row, i) => ({
        id: result.rowIds[i]![offerColumn],
        amount: row[amountColumn],
      }));
      expect(byKey(actual, 'id')).toEqual(
        byKey(
          expected.map((r) => ({ id: r.id, amount: Number(r.approved_amount) })),
          'id',
        ),
      );
    }
  });

  it('needs-by-outcome: needs per Sozialraum and outcome', async () => {
    const year = new Date().getFullYear();
    for (const filters of [{ years: [year] }, { years: [year], regionalTeamIds: [world.teams.north] }]) {
      const result = await run('needs-by-outcome', filters);
      const expected = await sql(
        `select coalesce(sa.name, 'kreisweit') as "socialArea",
           case n.outcome when 'COVERED_BY_RESOURCES' then 'durch Ressourcen gedeckt' when 'NO_OFFER' then 'kein Angebot'
             when 'OFFER' then 'Angebot' else 'offen' end as outcome, count(*)::int as count
         from need n left join social_area sa on sa.id = n.social_area_id
         where (?::uuid is null or sa.regional_team_id = ?::uuid)
         group by 1, 2`,
        Array(2).fill('regionalTeamIds' in filters ? filters.regionalTeamIds![0] : null),
      );
      expect(byKey(records(result), 'socialArea', 'outcome')).toEqual(
        byKey(expected, 'socialArea', 'outcome'),
      );
    }
  });

  it('overdue-evaluations: open evaluations past their due date', async () => {
    for (const filters of [{}, { providerIds: [world.providers.two] }] as Record<string, any>[]) {
      const result = await run('overdue-evaluations', filters);
      const expected = await sql<{ id: string; period: number }>(
        `select e.offer_id as id, e.period_number as period from evaluation e join offer o on o.id = e.offer_id
         where e.state in ('DUE', 'CHANGES_REQUESTED') and e.due_date < current_date
           and (?::uuid is null or o.provider_id = ?::uuid)`,
        Array(2).fill(filters.providerIds?.[0] ?? null),
      );
      const offer = result.columns.findIndex((c) => c.key === 'offer');
      const period = result.columns.findIndex((c) => c.key === 'period');
      const actual = result.rows.map((row, i) => ({ id: result.rowIds[i]![offer], period: row[period] }));
      expect(byKey(actual, 'id', 'period')).toEqual(byKey(expected, 'id', 'period'));
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('applications-by-provider: submitted applications, approvals and rejections per Träger', async () => {
    const year = new Date().getFullYear();
    for (const filters of [
      { years: [year] },
      { years: [year], socialAreaIds: [world.areas.achim, world.areas.oyten] },
    ]) {
      const result = await run('applications-by-provider', filters);
      const expected = await sql(
        `select p.name as provider, count(*)::int as count,
           count(d.id) filter (where d.outcome = 'APPROVED')::int as approved,
           count(d.id) filter (where d.outcome = 'REJECTED')::int as rejected,
           coalesce(sum(case when d.outcome = 'APPROVED' then d.approved_amount end), 0)::bigint as "approvedAmount"
         from application a join provider p on p.id = a.provider_id
         join call_for_interest c on c.id = a.call_id join need n on n.id = c.need_id
         left join application_decision d on d.application_id = a.id
         where a.submitted_at is not null and (?::uuid[] is null or n.social_area_id = any(?::uuid[]))
         group by p.name`,
        Array(2).fill('socialAreaIds' in filters ? `{${filters.socialAreaIds!.join(',')}}` : null),
      );
      const actual = records(result).map(({ approvalRate: _rate, ...rest }) => rest);
      expect(byKey(actual, 'provider')).toEqual(
        byKey(
          expected.map((r) => ({ ...r, approvedAmount: Number(r.approvedAmount) })),
          'provider',
        ),
      );
    }
  });

  it('offer-evaluations: the evaluations of one offer with their average goal achievement', async () => {
    const offer = world.offers[1]!.id;
    const result = await run('offer-evaluations', { offerIds: [offer] });
    const expected = await sql(
      `select e.period_number as period,
         (select round(avg(g.achievement_percent), 1) from evaluation_goal_fact g where g.evaluation_id = e.id) as percent
       from evaluation e where e.offer_id = ? order by e.period_number`,
      [offer],
    );
    const period = result.columns.findIndex((c) => c.key === 'period');
    const percent = result.columns.findIndex((c) => c.key === 'achievementPercent');
    expect(result.rows.map((row) => ({ period: row[period], percent: row[percent] }))).toEqual(
      expected.map((r) => ({ period: r.period, percent: r.percent === null ? null : Number(r.percent) })),
    );
  });

  it('says what the figures are in German, with the filters applied', async () => {
    const result = await run('budget-use', { years: [2026], socialAreaIds: [world.areas.achim] });
    expect(result.filters.text).toBe('Haushaltsjahr 2026 · Sozialraum: RB Achim');
    expect(result.summary).toMatch(
      /^Budgetverwendung je Sozialraum \(Haushaltsjahr 2026 · Sozialraum: RB Achim\), 1 Zeile\. RB Achim, 2026: Zugewiesen [\d.]+,\d\d\s€/,
    );
  });
});

describe('who sees which report', () => {
  it('provider staff run no committee report', async () => {
    const caller = provider(world.providers.one);
    const list = await api.gql(`query { reports { key } }`, {}, { caller });
    expect(list.data!.reports).toEqual([]);
    for (const key of REQUIRED) {
      const response = await api.gql(REPORT, { key, filters: null }, { caller });
      expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const dashboard = await api.gql(`query { dashboard(key: "committee") { key } }`, {}, { caller });
    expect(dashboard.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a team lead sees only its Sozialräume in every report (no kreisweit rows)', async () => {
    const lead = teamLead([world.areas.achim]);
    for (const key of REQUIRED) {
      for (const filters of [{ years: [2025, 2026] }, { years: [2026] }]) {
        const own = await run(key, filters, lead);
        const narrowed = await run(key, { ...filters, socialAreaIds: [world.areas.achim] }, committee);
        expect(own.rows, key).toEqual(narrowed.rows);
        const area = own.columns.findIndex((c) => c.key === 'socialArea');
        if (area >= 0)
          expect(new Set(own.rowIds.map((ids) => ids[area]))).toEqual(
            own.rows.length ? new Set([world.areas.achim]) : new Set(),
          );
      }
      const foreign = await run(key, { years: [2026], socialAreaIds: [world.areas.verden] }, lead);
      expect(foreign.rows, key).toEqual([]);
    }
  });

  it('a Regionalteam sees its team’s Sozialräume', async () => {
    const team = regionalTeam(world.teams.north);
    const own = await run('budget-use', { years: [2026] }, team);
    const narrowed = await run(
      'budget-use',
      { years: [2026], socialAreaIds: [world.areas.achim, world.areas.oyten] },
      committee,
    );
    expect(own.rows).toEqual(narrowed.rows);
    expect(own.rows.length).toBe(2);
  });

  it('finance and the committee see kreisweit rows', async () => {
    const result = await run('budget-use', { years: [2026] }, { ...committee, roles: [Role.FINANCE] });
    expect(result.rows.some((row) => row[0] === 'kreisweit')).toBe(true);
  });
});

describe('hostile input', () => {
  const counts = async () =>
    (
      await sql<{ ledger: number; versions: number; offers: number }>(
        `select (select count(*)::int from ledger_entry) as ledger, (select count(*)::int from report_definition_version) as versions,
         (select count(*)::int from offer) as offers`,
      )
    )[0];

  it('refuses SQL in filter values and changes nothing', async () => {
    const before = await counts();
    for (const filters of [
      { socialAreaIds: [`'; delete from ledger_entry; --`] },
      { years: ['2026); delete from offer; --'] },
      { financingKinds: [`FEE' or '1'='1`] },
      { offerIds: [`00000000-0000-0000-0000-000000000000' or 1=1 --`] },
    ]) {
      const response = await api.gql(REPORT, { key: 'budget-use', filters }, { caller: committee });
      expect(response.errors?.[0]?.extensions?.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    }
    const unknownKey = await api.gql(
      REPORT,
      { key: `budget-use'; drop table offer; --`, filters: null },
      { caller: committee },
    );
    expect(unknownKey.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('refuses SQL in saved and previewed definitions and changes nothing', async () => {
    const before = await counts();
    const bad = [
      { dataset: 'ledger le; delete from ledger_entry; --' },
      { dimensions: ['socialArea) from offer; delete from offer; --'] },
      { measures: ['sum(amount)'] },
      { sort: [{ key: 'allocated; drop table offer', direction: 'ASC' }] },
      { sort: [{ key: 'allocated', direction: 'ASC; drop table offer' }] },
      { conditions: ['1=1'] },
      { limit: '1; delete from offer' },
      { filters: { keys: ['years'], defaults: { years: ['2026) or (1=1'] } } },
    ];
    const base = {
      key: 'hostile',
      title: 'Feindlich',
      dataset: 'ledger',
      dimensions: ['socialArea'],
      measures: ['allocated'],
      filters: { keys: ['years'] },
      chart: { type: 'TABLE', series: [] },
    };
    for (const change of bad) {
      const definition = { ...base, ...change };
      const saved = await api.gql(
        `mutation($d: JSON!) { saveReport(definition: $d) { report { key } errors { path message } errorCount } }`,
        { d: definition },
        { caller: admin },
      );
      expect(saved.errors).toBeUndefined();
      expect(saved.data!.saveReport.report).toBeNull();
      expect(saved.data!.saveReport.errorCount).toBeGreaterThan(0);
      const preview = await api.gql(
        `query($d: JSON!) { previewReport(definition: $d) { key } }`,
        { d: definition },
        { caller: admin },
      );
      expect(preview.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(preview.errors?.[0]?.extensions?.fieldErrors?.length).toBeGreaterThan(0);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('the report editor', () => {
  const definition = {
    key: 'budget-per-team',
    title: 'Budget je Regionalteam',
    dataset: 'ledger',
    dimensions: ['regionalTeam'],
    measures: ['allocated', 'committed'],
    filters: { keys: ['years'], defaults: { years: 'CURRENT' } },
    chart: { type: 'BAR', x: 'regionalTeam', series: ['allocated', 'committed'], stacked: false },
  };

  it('lists the datasets and previews a definition on real data', async () => {
    const datasets = await api.gql(
      `query { reportDatasets { key dimensions { key } measures { key } filterKeys } }`,
      {},
      { caller: admin },
    );
    expect(datasets.errors).toBeUndefined();
    expect(datasets.data!.reportDatasets.map((d: { key: string }) => d.key)).toContain('ledger');
    const preview = await api.gql(
      `query($d: JSON!, $f: ReportFilterInput) { previewReport(definition: $d, filters: $f) { rows totals } }`,
      { d: definition, f: { years: [2026] } },
      { caller: admin },
    );
    expect(preview.errors).toBeUndefined();
    // Nord, Süd and the kreisweit entries (no Regionalteam)
    expect(preview.data!.previewReport.rows.length).toBe(3);
  });

  it('saves versions with an audit event; a stale version is a conflict', async () => {
    const save = (d: unknown, expectedVersion?: number) =>
      api.gql(
        `mutation($d: JSON!, $v: Int) { saveReport(definition: $d, expectedVersion: $v) { report { key version title } errors { path message } errorCount } }`,
        { d, v: expectedVersion ?? null },
        { caller: admin },
      );
    const first = await save(definition);
    // The checked definition of a version is kept; the next version is in force at once all the same.
    expect((await run('budget-per-team', { years: [2026] }, committee)).title).toBe('Budget je Regionalteam');
    expect(first.data!.saveReport).toEqual({
      report: { key: 'budget-per-team', version: 1, title: 'Budget je Regionalteam' },
      errors: [],
      errorCount: 0,
    });
    const again = await save(definition);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REPORT_EXISTS' });
    const second = await save({ ...definition, title: 'Budget je Regionalteam (neu)' }, 1);
    expect(second.data!.saveReport.report.version).toBe(2);
    const stale = await save({ ...definition, title: 'Veraltet' }, 1);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVISION' });
    const stored = await api.gql(`query { reportDefinition(key: "budget-per-team") }`, {}, { caller: admin });
    expect(stored.data!.reportDefinition).toMatchObject({
      version: 2,
      title: 'Budget je Regionalteam (neu)',
    });
    const audit = await sql(
      `select operation, entity_id, user_name, details from audit_event where operation = 'saveReport' and outcome = 'SUCCESS' order by id`,
    );
    expect(audit.map((row) => [row.entity_id, row.user_name, row.details.version])).toEqual([
      ['budget-per-team', 'Anna Admin', 1],
      ['budget-per-team', 'Anna Admin', 2],
    ]);
    const result = await run('budget-per-team', { years: [2026] }, committee);
    expect(result.rows.length).toBe(3);
    expect(result.title).toBe('Budget je Regionalteam (neu)');
    const denied = await api.gql(
      `mutation($d: JSON!) { saveReport(definition: $d) { errorCount } }`,
      { d: { ...definition, key: 'by-committee' } },
      { caller: committee },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('exports', () => {
  const download = (url: string, caller: Caller | null = committee) =>
    api.app.http.inject({ method: 'GET', url, headers: { 'x-test-caller': JSON.stringify(caller) } });

  it('CSV holds the filters, the date of the figures and the figures as German decimals', async () => {
    const filters = { years: [2026], socialAreaIds: [world.areas.achim, world.areas.oyten] };
    const result = await run('budget-use', filters);
    const response = await download(
      `/api/reports/budget-use.csv?years=2026&socialAreaIds=${world.areas.achim},${world.areas.oyten}`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Bericht;Budgetverwendung je Sozialraum');
    expect(lines[1]).toBe('Filter;Haushaltsjahr 2026 · Sozialräume: RB Achim, RB Oyten');
    expect(lines[2]).toMatch(/^Stand;\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr$/);
    expect(lines[4]!.split(';').slice(0, 3)).toEqual(['Sozialraum', 'Haushaltsjahr', 'Zugewiesen (EUR)']);
    const euros = (cents: number) =>
      `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
    for (const [index, row] of result.rows.entries()) {
      const cells = lines[5 + index]!.split(';');
      expect(cells[0]).toBe(row[0]);
      expect(cells[2]).toBe(euros(row[2] as number));
      expect(cells[5]).toBe(euros(row[5] as number));
    }
    expect(lines[5 + result.rows.length]!.startsWith('Summe;')).toBe(true);
  });

  it('XLSX holds numbers in euros with a currency format, a frozen header row, the filters and the date', async () => {
    const result = await run('budget-use', { years: [2026] });
    const response = await download('/api/reports/budget-use.xlsx?years=2026');
    expect(response.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Bericht')!;
    expect(sheet.getCell('A1').value).toBe('Budgetverwendung je Sozialraum');
    expect(sheet.getCell('A2').value).toBe('Filter: Haushaltsjahr 2026');
    expect(String(sheet.getCell('A3').value)).toMatch(/^Stand: \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr$/);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.getRow(5).getCell(3).value).toBe('Zugewiesen (EUR)');
    for (const [index, row] of result.rows.entries()) {
      const line = sheet.getRow(6 + index);
      expect(line.getCell(1).value).toBe(row[0]);
      expect(line.getCell(3).value).toBe((row[2] as number) / 100);
      expect(line.getCell(3).numFmt).toContain('€');
    }
  });

  it('PDF of a Sozialraum holds its budget use and goal achievement with filters and date', async () => {
    const budget = await run('budget-use', { years: [2026], socialAreaIds: [world.areas.achim] });
    const response = await download(`/api/reports/sozialraum/${world.areas.achim}.pdf?years=2026`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const { extractText, getDocumentProxy } = await import('unpdf');
    const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Sozialraumbericht RB Achim');
    expect(flat).toContain('Filter: Haushaltsjahr 2026 · Sozialraum: RB Achim');
    expect(flat).toMatch(/Stand: \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/);
    const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
    expect(flat).toContain(
      `Zugewiesen: ${euro.format((budget.rows[0]![2] as number) / 100)}`.replace(/\s+/g, ' '),
    );
    expect(flat).toContain('Zielerreichung je Sozialraum und Halbjahr');
    expect(flat).toContain('Zielerreichung (Durchschnitt)');
  });

  it('refuses provider staff, foreign Sozialräume and bad filter values', async () => {
    const caller = provider(world.providers.one);
    expect((await download('/api/reports/budget-use.csv', caller)).statusCode).toBe(403);
    expect((await download('/api/reports/budget-use.xlsx', caller)).statusCode).toBe(403);
    expect((await download(`/api/reports/sozialraum/${world.areas.achim}.pdf`, caller)).statusCode).toBe(403);
    const lead = teamLead([world.areas.achim]);
    expect((await download(`/api/reports/sozialraum/${world.areas.verden}.pdf`, lead)).statusCode).toBe(404);
    expect((await download(`/api/reports/sozialraum/${world.areas.achim}.pdf`, lead)).statusCode).toBe(200);
    expect((await download(`/api/reports/budget-use.csv?socialAreaIds=x'%20or%201=1`)).statusCode).toBe(400);
    expect((await download(`/api/reports/budget-use.csv?years=2026;drop`)).statusCode).toBe(400);
    expect((await download(`/api/reports/budget-use.csv?financingKinds=ALL`)).statusCode).toBe(400);
    expect((await download(`/api/reports/nope.csv`)).statusCode).toBe(404);
    expect((await download('/api/reports/budget-use.csv', null)).statusCode).toBe(401);
  });

  it('a team lead’s CSV holds only its Sozialräume', async () => {
    const lead = teamLead([world.areas.achim]);
    const response = await download('/api/reports/budget-use.csv?years=2025,2026', lead);
    const rows = response.body
      .split('\r\n')
      .slice(5)
      .filter((line) => line && !line.startsWith('Summe'));
    expect(rows.length).toBe(2);
    expect(rows.every((line) => line.startsWith('RB Achim;'))).toBe(true);
  });
});

describe('the reports database', () => {
  it('reads through the pool of REPORTS_DATABASE_URL when it is set, with the same figures', async () => {
    const before = await run('budget-use', { years: [2025, 2026] });
    configureReportsDatabase(api.databaseUrl);
    try {
      const separate = await run('budget-use', { years: [2025, 2026] });
      expect(separate.rows).toEqual(before.rows);
      const [sessions] = await sql<{ count: number }>(
        `select count(*)::int as count from pg_stat_activity where application_name = ? and datname = current_database()`,
        [REPORTS_APPLICATION_NAME],
      );
      expect(sessions!.count).toBeGreaterThan(0);
    } finally {
      await closeReportsDatabase();
    }
  });

  it('runs report queries in read-only transactions', async () => {
    const db = reportsDatabase(api.orm.em);
    const attempt = readOnly(db, (trx) =>
      trx.raw(
        `insert into regional_team (id, created_by, name) values (gen_random_uuid(), 'test', 'Schreibversuch')`,
      ),
    );
    await expect(attempt).rejects.toThrow(/read-only transaction/);
    const settings = await readOnly(db, async (trx, asOf) => {
      const result = await trx.raw<{ rows: { isolation: string; timeout: string; now: Date }[] }>(
        `select current_setting('transaction_isolation') as isolation,
                current_setting('statement_timeout') as timeout, now() as now`,
      );
      return { ...result.rows[0]!, asOf };
    });
    // One snapshot for every query of a report, and the time of that snapshot.
    expect(settings.isolation).toBe('repeatable read');
    expect(settings.timeout).toBe('30s');
    expect(settings.asOf).toEqual(settings.now);
    const [row] = await sql<{ count: number }>(
      `select count(*)::int as count from regional_team where name = 'Schreibversuch'`,
    );
    expect(row!.count).toBe(0);
  });
});

describe('the row limit', () => {
  it('says in the summary when a report shows only its first rows', async () => {
    const definition = {
      key: 'limited',
      title: 'Begrenzt',
      dataset: 'offers',
      dimensions: ['offer'],
      measures: ['approvedAmount'],
      limit: 3,
      chart: { type: 'TABLE', series: [] },
    };
    const preview = await api.gql(
      `query($d: JSON!) { previewReport(definition: $d) { rows summary } }`,
      { d: definition },
      { caller: admin },
    );
    expect(preview.data!.previewReport.rows.length).toBe(3);
    expect(preview.data!.previewReport.summary).toMatch(/Es werden höchstens 3 Zeilen gezeigt/);
  });
});

describe('paging', () => {
  const PAGED = `query($key: String!, $filters: ReportFilterInput, $page: ReportPageInput) {
    report(key: $key, filters: $filters, page: $page) {
      columns { key role } rows rowIds totals totalRows offset summary
    }
  }`;
  interface Paged extends Result {
    totalRows: number;
    offset: number;
  }
  async function page(key: string, filters: Record<string, unknown> | null, offset: number, limit: number) {
    const response = await api.gql<{ report: Paged }>(
      PAGED,
      { key, filters, page: { offset, limit } },
      { caller: committee },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.report;
  }
  /** Every page of a report, one after the other. */
  async function allPages(key: string, filters: Record<string, unknown> | null, limit: number) {
    const pages: Paged[] = [];
    for (let offset = 0; ; offset += limit) {
      const next = await page(key, filters, offset, limit);
      pages.push(next);
      if (offset + limit >= next.totalRows) return pages;
    }
  }

  it('offer-overview: the pages are the report’s rows in its order, each with the total and totals of all rows', async () => {
    for (const filters of [{}, { years: [2025] }, { financingKinds: ['GRANT'] }] as Record<string, any>[]) {
      const whole = await run('offer-overview', filters);
      const pages = await allPages('offer-overview', filters, 3);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.flatMap((p) => p.rows)).toEqual(whole.rows);
      expect(pages.flatMap((p) => p.rowIds)).toEqual(whole.rowIds);
      expect(pages.map((p) => p.offset)).toEqual(pages.map((_p, i) => i * 3));
      expect(pages.every((p) => p.rows.length <= 3)).toBe(true);
      const [expected] = await sql<{ rows: number; amount: string }>(
        `select count(*)::int as rows, coalesce(sum(o.approved_amount), 0)::bigint as amount from offer o
         where (?::int[] is null or exists (select 1 from generate_series(extract(year from o.period_start)::int, extract(year from o.period_end)::int) s(y) where s.y = any(?::int[])))
           and (?::text[] is null or o.financing_kind::text = any(?::text[]))`,
        [
          ...Array(2).fill(filters.years ? `{${filters.years.join(',')}}` : null),
          ...Array(2).fill(filters.financingKinds ? `{${filters.financingKinds.join(',')}}` : null),
        ],
      );
      const amount = whole.columns.findIndex((c) => c.key === 'approvedAmount');
      for (const p of pages) {
        expect(p.totalRows).toBe(expected!.rows);
        expect(p.totals[amount]).toBe(Number(expected!.amount));
        expect(p.totals).toEqual(whole.totals);
      }
    }
  });

  it('overdue-evaluations: pages in the order of days overdue, total from all rows', async () => {
    const whole = await run('overdue-evaluations', {});
    const pages = await allPages('overdue-evaluations', {}, 2);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.rows)).toEqual(whole.rows);
    const [expected] = await sql<{ rows: number }>(
      `select count(*)::int as rows from evaluation e
       where e.state in ('DUE', 'CHANGES_REQUESTED') and e.due_date < (now() at time zone 'Europe/Berlin')::date`,
    );
    expect(pages[0]!.totalRows).toBe(expected!.rows);
    const days = whole.columns.findIndex((c) => c.key === 'daysOverdue');
    const order = pages.flatMap((p) => p.rows.map((row) => row[days] as number));
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it('the summary counts and sums every row, and says where the page starts', async () => {
    const whole = await run('offer-overview', {});
    const second = await page('offer-overview', {}, 3, 3);
    const count = `${whole.rows.length} Zeilen`;
    expect(second.summary).toContain(`Angebotsübersicht (ohne Filter), ${count}. Ab Zeile 4: `);
    const total = whole.summary.slice(whole.summary.indexOf(' Insgesamt: '));
    expect(total).toMatch(/Insgesamt: Bewilligt [\d.]+,\d\d\s€\.$/);
    expect(second.summary.endsWith(total)).toBe(true);
    expect(second.summary).toContain(`Weitere ${whole.rows.length - 3} Zeilen in der Tabelle.`);
  });

  it('a page past the last row is empty but still tells the total and the totals', async () => {
    const whole = await run('offer-overview', {});
    const past = await page('offer-overview', {}, 1000, 50);
    expect(past.rows).toEqual([]);
    expect(past.offset).toBe(1000);
    expect(past.totalRows).toBe(whole.rows.length);
    expect(past.totals).toEqual(whole.totals);
  });

  it('takes 50 rows by default and at most 500; a negative or far offset and a bad limit are BAD_USER_INPUT', async () => {
    const defaults = await api.gql(
      `query { report(key: "offer-overview", page: {}) { rows offset totalRows } }`,
      {},
      { caller: committee },
    );
    expect(defaults.errors).toBeUndefined();
    expect(defaults.data!.report.offset).toBe(0);
    expect(defaults.data!.report.rows.length).toBe(Math.min(50, defaults.data!.report.totalRows));
    expect((await page('offer-overview', {}, 0, 500)).rows.length).toBeGreaterThan(0);
    for (const [offset, limit, argument] of [
      [0, 501, 'limit'],
      [0, 0, 'limit'],
      [0, -5, 'limit'],
      [-1, 50, 'offset'],
      [1_000_001, 50, 'offset'],
    ] as const) {
      const response = await api.gql(
        PAGED,
        { key: 'offer-overview', filters: null, page: { offset, limit } },
        { caller: committee },
      );
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0]?.extensions?.fields).toEqual([expect.objectContaining({ argument })]);
      expect(response.errors?.[0]?.message).toMatch(/limit muss zwischen 1 und 500|offset darf/);
    }
  });

  it('provider staff get no page either', async () => {
    const response = await api.gql(
      PAGED,
      { key: 'offer-overview', filters: null, page: { offset: 0, limit: 10 } },
      { caller: provider(world.providers.one) },
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a report with its own limit pages within its first rows, its totals those of these rows', async () => {
    const definition = checkReportDefinition({
      key: 'top-offers',
      title: 'Größte Angebote',
      dataset: 'offers',
      dimensions: ['offer'],
      measures: ['approvedAmount'],
      sort: [{ key: 'approvedAmount', direction: 'DESC' }],
      limit: 4,
      chart: { type: 'TABLE', series: [] },
    }).definition!;
    const db = reportsDatabase(api.orm.em);
    const whole = await runReport({ db, caller: committee, definition });
    const second = await runReport({ db, caller: committee, definition, page: { offset: 2, limit: 3 } });
    expect(whole.rows.length).toBe(4);
    expect(second.rows).toEqual(whole.rows.slice(2));
    expect(second.totalRows).toBe(4);
    expect(second.totals).toEqual(whole.totals);
    expect(second.offset).toBe(2);
  });
});

describe('the text summary', () => {
  it('names each row with its figures in German and leaves out zeros after the first figure', () => {
    const columns = [
      { key: 'socialArea', label: 'Sozialraum', role: 'DIMENSION' as const, format: ReportValueFormat.TEXT },
      { key: 'allocated', label: 'Zugewiesen', role: 'MEASURE' as const, format: ReportValueFormat.CENTS },
      { key: 'paid', label: 'Ausgezahlt', role: 'MEASURE' as const, format: ReportValueFormat.CENTS },
      {
        key: 'percent',
        label: 'Zielerreichung',
        role: 'MEASURE' as const,
        format: ReportValueFormat.PERCENT,
      },
    ];
    const text = summarize({
      title: 'Budget',
      columns,
      rows: [
        ['Achim', 5_000_000, 0, 80],
        ['Oyten', 0, 123_456, null],
      ],
      totals: [null, 5_000_000, 123_456, null],
      filters: 'Haushaltsjahr 2026',
    });
    expect(text.replace(/\u00a0/g, ' ')).toBe(
      'Budget (Haushaltsjahr 2026), 2 Zeilen. Achim: Zugewiesen 50.000,00 €, Zielerreichung 80 %. ' +
        'Oyten: Zugewiesen 0,00 €, Ausgezahlt 1.234,56 €. Insgesamt: Zugewiesen 50.000,00 €, Ausgezahlt 1.234,56 €.',
    );
    expect(summarize({ title: 'Budget', columns, rows: [], totals: [], filters: 'ohne Filter' })).toBe(
      'Budget (ohne Filter): keine Daten.',
    );
    // A page of a long report: the count and the sums are those of every row.
    const page = summarize({
      title: 'Budget',
      columns,
      rows: [['Verden', 100, 0, null]],
      totals: [null, 5_000_000, 123_456, null],
      filters: 'ohne Filter',
      totalRows: 1358,
      offset: 1050,
    });
    expect(page.replace(/\u00a0/g, ' ')).toBe(
      'Budget (ohne Filter), 1.358 Zeilen. Ab Zeile 1.051: Verden: Zugewiesen 1,00 €. Weitere 1.357 Zeilen in der Tabelle. ' +
        'Insgesamt: Zugewiesen 50.000,00 €, Ausgezahlt 1.234,56 €.',
    );
  });
});
