import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY, generateReportData, hasLedger, type Scale } from '../../bench/reports/generate.js';
import {
  COUNTY_TARGETS,
  explainReports,
  formatTable,
  HAND_WRITTEN_SQL,
  measureReports,
  FROM_ENTRIES_SQL,
  measureSql,
  REPORT_QUERY,
  reportVariables,
  REQUIRED_REPORTS,
  type ReportMeasurement,
} from '../../bench/reports/measure.js';
import { type Caller, Role } from '../../server/src/common/context.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/** The county's shape at a few hundredth: the generator and the measurement run end to end. */
const SMALL: Scale = {
  ...COUNTY,
  name: 'smoke',
  socialAreas: 4,
  budgetYears: 3,
  offers: 40,
  ledgerEntries: 3_000,
  evaluations: 200,
};
const committee: Caller = { userId: 'bench-committee', displayName: 'Greta Gerdes', roles: [Role.COMMITTEE] };

let api: TestApi;
let client: pg.Client;
let ledger = false;
let counts: Record<string, number>;

beforeAll(async () => {
  api = await startTestApi();
  client = new pg.Client({ connectionString: api.databaseUrl });
  await client.connect();
  ledger = await hasLedger(client);
  counts = await generateReportData(client, SMALL);
});

afterAll(async () => {
  await client?.end();
  await api?.close();
});

async function count(table: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(`select count(*) as n from ${table}`);
  return Number(rows[0].n);
}

describe('reports benchmark data', () => {
  it('writes the scale asked for: Sozialräume, offers with a notice each, evaluations and (with the ledger) entries', async () => {
    expect(counts.social_area).toBe(SMALL.socialAreas);
    expect(counts.offer).toBe(SMALL.offers);
    expect(counts.decision_notice).toBe(SMALL.offers);
    expect(counts.evaluation).toBe(SMALL.evaluations);
    expect(counts.need).toBe(SMALL.offers * SMALL.needsPerOffer);
    expect(counts.application).toBeGreaterThanOrEqual(SMALL.offers);
    expect(counts.evaluation_goal_fact).toBe(counts.evaluation_fact * SMALL.goalsPerEvaluation);
    expect(await count('offer')).toBeGreaterThanOrEqual(SMALL.offers);
    if (ledger) expect(await count('ledger_entry')).toBe(SMALL.ledgerEntries);
  });

  it('spreads each notice over its budget years to the cent', async () => {
    const { rows } = await client.query(
      `select n.id from decision_notice n join decision_notice_share s on s.notice_id = n.id
       where n.number like 'BENCH-%' group by n.id, n.amount having sum(s.amount) <> n.amount`,
    );
    expect(rows).toEqual([]);
  });

  it('writes the same rows again for the same seed', async () => {
    const digest = async (connection: pg.Client) => {
      const { rows } = await connection.query<{ offers: string; goals: string }>(
        `select (select md5(string_agg(id::text || approved_amount || period_start || coalesce(social_area_id::text, '-'), ',' order by id))
                   from offer where title like 'Angebot Bench %') as offers,
                (select md5(string_agg(id::text || achievement_percent, ',' order by id))
                   from evaluation_goal_fact where created_by = 'bench') as goals`,
      );
      return rows[0];
    };
    const other = await startTestApi();
    const otherClient = new pg.Client({ connectionString: other.databaseUrl });
    await otherClient.connect();
    try {
      await generateReportData(otherClient, SMALL);
      expect(await digest(otherClient)).toEqual(await digest(client));
    } finally {
      await otherClient.end();
      await other.close();
    }
  });
});

describe('reports benchmark measurement', () => {
  let results: ReportMeasurement[];

  beforeAll(async () => {
    const keys = ledger
      ? REQUIRED_REPORTS
      : REQUIRED_REPORTS.filter((key) => key !== 'budget-use' && key !== 'budget-by-month');
    results = await measureReports(
      {
        graphql: async (key, filters) => {
          const answer = await api.gql<{ report: { rows: unknown[] } }>(
            REPORT_QUERY,
            reportVariables(key, filters),
            { caller: committee },
          );
          if (answer.errors?.length || !answer.data?.report) {
            const first = answer.errors?.[0];
            return { error: `${first?.extensions?.code ?? 'ERROR'}: ${first?.message ?? 'keine Antwort'}` };
          }
          return { rows: answer.data.report.rows.length };
        },
        sql: async (text, params) => (await client.query(text, params)).rowCount ?? 0,
        floor: async () => {
          await api.gql('query BenchFloor { __typename }', {}, { caller: committee });
        },
      },
      { keys, filters: { years: [SMALL.lastYear - 1] }, iterations: 3, warmup: 1 },
    );
  });

  it('times every report on the SQL side and through GraphQL or names why GraphQL could not run it', () => {
    expect(results.length).toBeGreaterThanOrEqual(5);
    for (const result of results) {
      expect(Number.isFinite(result.sql.p50)).toBe(true);
      expect(result.sql.p95).toBeGreaterThanOrEqual(result.sql.p50);
      if (result.graphql) expect(result.ratioP50).toBeGreaterThan(0);
      else expect(result.error).toBeTruthy();
      expect(result.floor!.p50).toBeGreaterThan(0);
      if (result.graphql) expect(result.ratioOverFloor).toBeLessThan(result.ratioP50!);
    }
    const table = formatTable(results, COUNTY_TARGETS);
    expect(table).toContain('GraphQL ÷ (floor + SQL) p50');
    for (const result of results) expect(table).toContain(`| ${result.key} |`);
  });

  it('gets as many rows through GraphQL as from the hand-written SQL (a table report: its first page)', () => {
    for (const result of results) {
      expect(result.error, result.key).toBeUndefined();
      expect(result.graphql?.rows, result.key).toBe(result.sql.rows);
    }
  });

  it('finds rows for the year in the hand-written queries', () => {
    for (const result of results.filter((r) => r.key !== 'overdue-evaluations')) {
      expect(result.sql.rows, result.key).toBeGreaterThan(0);
    }
  });

  it('gives the same budget figures from the monthly totals as from the entries, to the cent', async () => {
    if (!ledger) return;
    const years = [[SMALL.lastYear - 1], [SMALL.lastYear - 2, SMALL.lastYear]];
    for (const filter of years) {
      for (const [key, text] of Object.entries(FROM_ENTRIES_SQL)) {
        const fromEntries = await client.query(text, [filter]);
        const fromTotals = await client.query(HAND_WRITTEN_SQL[key as keyof typeof HAND_WRITTEN_SQL], [
          filter,
        ]);
        expect(fromTotals.rows, key).toEqual(fromEntries.rows);
        expect(fromTotals.rows.length).toBeGreaterThan(0);
      }
    }
    const latency = await measureSql(
      async (text, params) => (await client.query(text, params)).rowCount ?? 0,
      FROM_ENTRIES_SQL['budget-by-month']!,
      [[SMALL.lastYear - 1]],
      { iterations: 2, warmup: 1 },
    );
    expect(latency.rows).toBeGreaterThan(0);
  });

  it('reads the plans of the hand-written queries', async () => {
    const plans = await explainReports(
      async (text, params) => (await client.query(text, params)).rows[0]['QUERY PLAN'],
      { years: [SMALL.lastYear - 1] },
      results.map((result) => result.key),
    );
    expect(plans).toHaveLength(results.length);
    for (const plan of plans) expect(plan.scans.length).toBeGreaterThan(0);
  });
});
