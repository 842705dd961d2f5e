import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { yearsInBerlin, yearsOfDate } from '../../server/src/reports/datasets/fields.js';
import { sqlIn } from '../support/rows.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { createReportWorld } from './reports-world.js';

/**
 * The reports' year filters as ranges on the column (an index serves them) select exactly the rows of
 * the year expression they replace: the Berlin year for times (a need recorded on 31 December at 23:30
 * Berlin time is of that year, one at 00:30 on 1 January of the next, though both are 31 December in
 * UTC), the calendar year for dates, for one year, several, gaps and repeats, whatever the session's time
 * zone.
 */

const committee: Caller = { userId: 'ry-committee', displayName: 'Greta Gerdes', roles: [Role.COMMITTEE] };

let api: TestApi;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);

const YEAR_SETS = [
  [2024],
  [2025],
  [2023],
  [2027],
  [2024, 2026],
  [2026, 2024, 2025],
  [2023, 2023, 2025],
  [2030],
];

/** Instants around the turns of the year, with their year in Berlin. */
const INSTANTS: [at: string, berlinYear: number][] = [
  ['2024-12-31T22:30:00Z', 2024], // 31 Dec 2024, 23:30 in Berlin
  ['2024-12-31T23:30:00Z', 2025], // 1 Jan 2025, 00:30 in Berlin
  ['2023-12-31T22:59:59Z', 2023], // 31 Dec 2023, 23:59:59 in Berlin
  ['2026-12-31T23:00:00Z', 2027], // 1 Jan 2027, 00:00 in Berlin
  ['2025-06-30T22:30:00Z', 2025], // 1 Jul 2025, 00:30 in Berlin (summer time)
];
const DATES: [day: string, year: number][] = [
  ['2024-12-31', 2024],
  ['2025-01-01', 2025],
  ['2023-01-01', 2023],
  ['2026-12-31', 2026],
  ['2027-01-01', 2027],
];

const REPORT = `query($key: String!, $filters: ReportFilterInput) {
  report(key: $key, filters: $filters) { columns { key } totals }
}`;

async function total(key: string, years: number[]): Promise<number> {
  const response = await api.gql<{ report: { columns: { key: string }[]; totals: unknown[] } }>(
    REPORT,
    { key, filters: { years } },
    { caller: committee },
  );
  expect(response.errors).toBeUndefined();
  const report = response.data!.report;
  return report.totals[report.columns.findIndex((column) => column.key === 'count')] as number;
}

/** A list of years as a PostgreSQL array literal (the driver would spread a JavaScript array). */
const yearsArray = (years: number[]) => `{${years.join(',')}}`;

const count = async (text: string, years: number[]) =>
  Number((await sql<{ count: string }>(text, [yearsArray(years)]))[0]!.count);

beforeAll(async () => {
  api = await startTestApi();
  await createReportWorld(api, 'RY');
  // Every row far from the turns of the year, then some right at them.
  await sql(`update need set created_at = '2030-06-15T10:00:00Z'`);
  await sql(`update application set submitted_at = '2030-06-15T10:00:00Z' where submitted_at is not null`);
  await sql(`update evaluation_goal_fact set period_from = '2030-01-01'`);
  const needs = await sql<{ id: string }>('select id from need order by id limit ?', [INSTANTS.length]);
  const applications = await sql<{ id: string }>(
    'select id from application where submitted_at is not null order by id limit ?',
    [INSTANTS.length],
  );
  for (const [index, [at]] of INSTANTS.entries()) {
    await sql('update need set created_at = ? where id = ?', [at, needs[index]!.id]);
    await sql('update application set submitted_at = ? where id = ?', [at, applications[index]!.id]);
  }
  const goals = await sql<{ id: string }>('select id from evaluation_goal_fact order by id limit ?', [
    DATES.length,
  ]);
  for (const [index, [day]] of DATES.entries())
    await sql('update evaluation_goal_fact set period_from = ? where id = ?', [day, goals[index]!.id]);
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('a year filter as a range', () => {
  it('takes a time by its year in Berlin, in any session time zone', async () => {
    const values = INSTANTS.map(() => '(?::int, ?::timestamptz)').join(', ');
    const bindings = INSTANTS.flatMap(([at], index) => [index, at]);
    const knex = api.orm.em.getConnection().getKnex();
    for (const zone of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
      await knex.transaction(async (trx) => {
        await trx.raw(`set local time zone '${zone}'`);
        for (const years of YEAR_SETS) {
          const { rows } = await trx.raw<{ rows: { i: number }[] }>(
            `select v.i from (values ${values}) v(i, at) where ${yearsInBerlin('v.at')} order by v.i`,
            [...bindings, years, years, years, years],
          );
          const expected = INSTANTS.flatMap(([, year], index) => (years.includes(year) ? [index] : []));
          expect(
            rows.map((row) => row.i),
            `${zone} ${years}`,
          ).toEqual(expected);
        }
      });
    }
  });

  it('takes a date by its calendar year', async () => {
    const values = DATES.map(() => '(?::int, ?::date)').join(', ');
    const bindings = DATES.flatMap(([day], index) => [index, day]);
    for (const years of YEAR_SETS) {
      const rows = await sql<{ i: number }>(
        `select v.i from (values ${values}) v(i, day) where ${yearsOfDate('v.day')} order by v.i`,
        [...bindings, ...Array(4).fill(yearsArray(years))],
      );
      const expected = DATES.flatMap(([, year], index) => (years.includes(year) ? [index] : []));
      expect(
        rows.map((row) => row.i),
        `${years}`,
      ).toEqual(expected);
    }
  });
});

describe('the reports filtered by years', () => {
  it('count the needs of the Berlin year, as the year expression does', async () => {
    expect(await total('needs-by-outcome', [2024])).toBe(1);
    expect(await total('needs-by-outcome', [2025])).toBe(2);
    expect(await total('needs-by-outcome', [2027])).toBe(1);
    for (const years of YEAR_SETS) {
      expect(await total('needs-by-outcome', years), `${years}`).toBe(
        await count(
          `select count(*) from need
            where extract(year from created_at at time zone 'Europe/Berlin')::int = any(?::int[])`,
          years,
        ),
      );
    }
  });

  it('count the applications by the Berlin year of their submission, as the year expression does', async () => {
    expect(await total('applications-by-provider', [2024])).toBe(1);
    expect(await total('applications-by-provider', [2025])).toBe(2);
    for (const years of YEAR_SETS) {
      expect(await total('applications-by-provider', years), `${years}`).toBe(
        await count(
          `select count(*) from application
            where extract(year from submitted_at at time zone 'Europe/Berlin')::int = any(?::int[])`,
          years,
        ),
      );
    }
  });

  it('count the goals by the year their period starts, as the year expression does', async () => {
    expect(await total('goal-achievement', [2024])).toBe(1);
    expect(await total('goal-achievement', [2025])).toBe(1);
    expect(await total('goal-achievement', [2026, 2024, 2025])).toBe(3);
    for (const years of YEAR_SETS) {
      expect(await total('goal-achievement', years), `${years}`).toBe(
        await count(
          `select count(*) from evaluation_goal_fact where extract(year from period_from)::int = any(?::int[])`,
          years,
        ),
      );
    }
  });
});
