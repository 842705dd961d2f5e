import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { DATASETS } from '../../server/src/reports/datasets.js';
import { readReportFiles } from '../../server/src/reports/report-catalog.js';
import { compileReport } from '../../server/src/reports/report-query.js';

const committee: Caller = { userId: 'u', displayName: 'Gremium', roles: [Role.COMMITTEE] };

async function definition(key: string) {
  const { reports } = await readReportFiles();
  const found = reports.find((report) => report.key === key);
  if (!found) throw new Error(`no report ${key}`);
  return found;
}

describe('summary tables of datasets', () => {
  it('name only dimensions, measures and filters of their dataset, and only sums as measures', () => {
    for (const dataset of DATASETS.values()) {
      if (!dataset.summary) continue;
      const { summary } = dataset;
      for (const key of summary.dimensions)
        expect(
          dataset.dimensions.map((d) => d.key),
          `${dataset.key}: ${key}`,
        ).toContain(key);
      for (const key of summary.filters) expect(dataset.filters[key], `${dataset.key}: ${key}`).toBeTruthy();
      for (const key of Object.keys(summary.groupBy ?? {}))
        expect(summary.dimensions, `${dataset.key}: groupBy ${key}`).toContain(key);
      for (const key of summary.measures) {
        const measure = dataset.measures.find((m) => m.key === key);
        expect(measure, `${dataset.key}: ${key}`).toBeDefined();
        // a sum of monthly sums is the sum of the entries; a count or an average would not be
        expect(measure!.sql).not.toMatch(/count\(|avg\(/);
        expect(measure!.additive).toBe(true);
      }
    }
  });

  it('the budget reports read the monthly totals, unless a filter needs single entries', async () => {
    for (const key of ['budget-use', 'budget-by-month']) {
      const report = await definition(key);
      const plain = compileReport(report, { years: [2025], financingKinds: ['FEE'] }, committee);
      expect(plain.sql).toMatch(/from ledger_month_total le/);
      expect(plain.sql).not.toMatch(/ledger_entry/);
      if (key === 'budget-by-month') expect(plain.sql).toMatch(/group by le\.booked_on/);
      const narrowed = compileReport(
        { ...report, filters: { ...report.filters, keys: [...report.filters.keys, 'providerIds'] } },
        { years: [2025], providerIds: ['7d0f2f9e-3c1b-4a57-9a53-2f7c8f1f0a11'] },
        committee,
      );
      expect(narrowed.sql).toMatch(/from ledger_entry le/);
    }
  });

  it('a report whose rows are unique by the dataset’s row key does not group', async () => {
    for (const key of ['offer-overview', 'overdue-evaluations']) {
      const compiled = compileReport(await definition(key), { years: [2025] }, committee, {
        offset: 0,
        limit: 50,
      });
      expect(compiled.sql, key).not.toMatch(/group by/);
      // the page is chosen on the keys (with the count over all rows), then only its rows are formatted
      expect(compiled.sql, key).toMatch(
        /^with page as \(\nselect [eo]\.id as row_id, count\(\*\) over \(\) as total_rows/,
      );
      expect(compiled.sql, key).toMatch(/join page on page\.row_id = [eo]\.id/);
    }
    const budget = compileReport(await definition('budget-use'), { years: [2025] }, committee);
    expect(budget.sql).toMatch(/group by/);
  });
});
