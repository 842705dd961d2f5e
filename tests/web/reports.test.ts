import { describe, expect, it } from 'vitest';
import { cellExtraLinks, cellHref, chartModel } from '../../web/src/reports/chart-model.js';
import {
  formatAsOf,
  formatAxisValue,
  formatReportValue,
  formatRow,
} from '../../web/src/reports/report-format.js';
import {
  EMPTY_FILTERS,
  readReportFilters,
  reportExportHref,
  reportKeyOfPath,
  reportPath,
  socialAreaPdfHref,
  toReportFilterInput,
  writeReportFilters,
} from '../../web/src/reports/report-filters.js';
import {
  displayedRows,
  FIRST_PAGE,
  isPagedReport,
  pageButtonLabel,
  readReportPage,
  toReportPageInput,
  writeReportPage,
} from '../../web/src/reports/report-paging.js';
import type { ReportResultView } from '../../web/src/reports/report-types.js';
import {
  definitionOf,
  draftFromDefinition,
  draftProblems,
  keyFromTitle,
  newDraft,
  toggle,
  updateDraft,
} from '../../web/src/reports/editor-state.js';

const ACHIM = '3f1c2a4e-8d6b-4c1a-9e2f-0a1b2c3d4e5f';
const OYTEN = '7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d';
const OFFER = '11111111-2222-4333-8444-555555555555';

const budgetUse: ReportResultView = {
  key: 'budget-use',
  title: 'Budgetverwendung',
  description: null,
  chart: { type: 'BAR', x: 'socialArea', series: ['allocated', 'committed'], stacked: false },
  columns: [
    { key: 'socialArea', label: 'Sozialraum', role: 'DIMENSION', format: 'TEXT' },
    { key: 'year', label: 'Haushaltsjahr', role: 'DIMENSION', format: 'YEAR' },
    { key: 'allocated', label: 'Zugewiesen', role: 'MEASURE', format: 'CENTS' },
    { key: 'committed', label: 'Gebunden', role: 'MEASURE', format: 'CENTS' },
  ],
  rows: [
    ['Achim', 2026, 10000000, 8000000],
    ['Oyten', 2026, '5000000', 1234567],
    ['kreisweit', 2026, null, 250000],
  ],
  rowIds: [
    [ACHIM, null, null, null],
    [OYTEN, null, null, null],
    [null, null, null, null],
  ],
  totals: [null, null, 15000000, 9484567],
  summary: 'Achim hat 80 % seines Budgets gebunden.',
  asOf: '2026-11-26T17:45:00.000Z',
  filters: {
    years: [2026],
    socialAreas: [],
    regionalTeams: [],
    financingKinds: [],
    providers: [],
    offers: [],
    text: 'Haushaltsjahr 2026',
  },
  drillDowns: [{ column: 'socialArea', report: 'offer-overview', filter: 'socialAreaIds' }],
};

describe('report values in German', () => {
  it('writes cents as euros, numbers, percent, dates, months and years the German way', () => {
    expect(formatReportValue(123456, 'CENTS')).toBe('1.234,56\u00a0€');
    expect(formatReportValue('-5000', 'CENTS')).toBe('-50,00\u00a0€');
    expect(formatReportValue(1234.5, 'NUMBER')).toBe('1.234,5');
    expect(formatReportValue(80, 'PERCENT')).toBe('80 %');
    expect(formatReportValue(66.666, 'PERCENT')).toBe('66,7 %');
    expect(formatReportValue('2026-03-15', 'DATE')).toBe('15.03.2026');
    expect(formatReportValue('2026-03', 'MONTH')).toBe('März 2026');
    expect(formatReportValue('2026-03-01', 'MONTH')).toBe('März 2026');
    expect(formatReportValue(2026, 'YEAR')).toBe('2026');
    expect(formatReportValue('Achim', 'TEXT')).toBe('Achim');
    for (const empty of [null, undefined, '']) expect(formatReportValue(empty, 'CENTS')).toBe('–');
    expect(formatRow(budgetUse.rows[1]!, budgetUse.columns)).toEqual([
      'Oyten',
      '2026',
      '50.000,00\u00a0€',
      '12.345,67\u00a0€',
    ]);
  });

  it('keeps axis labels short and names the date of the figures', () => {
    expect(formatAxisValue(10000000, 'CENTS')).toBe('100.000\u00a0€');
    expect(formatAxisValue('2026-01', 'MONTH')).toBe('Jan. 2026');
    expect(formatAsOf('2026-11-26T17:45:00.000Z')).toBe('Stand: 26.11.2026, 18:45 Uhr');
  });
});

describe('report filters in the address', () => {
  it('reads years, ids and financing kinds and drops what is not one', () => {
    const filters = readReportFilters(
      new URLSearchParams(
        `year=2026&year=2025,abc&socialAreaIds=${ACHIM},${OYTEN}&regionalTeamIds=x';drop table&financingKinds=FEE,BAD`,
      ),
    );
    expect(filters).toEqual({
      ...EMPTY_FILTERS,
      years: [2025, 2026],
      socialAreaIds: [ACHIM, OYTEN],
      financingKinds: ['FEE'],
    });
  });

  it('writes only what is set, so the address reads back to the same filters', () => {
    expect(writeReportFilters(EMPTY_FILTERS).toString()).toBe('');
    const filters = {
      ...EMPTY_FILTERS,
      years: [2026],
      socialAreaIds: [ACHIM],
      financingKinds: ['GRANT' as const],
    };
    const written = writeReportFilters(filters);
    expect(written.toString()).toBe(`year=2026&socialAreaIds=${ACHIM}&financingKinds=GRANT`);
    expect(readReportFilters(written)).toEqual(filters);
    expect(toReportFilterInput(filters)).toEqual({
      years: [2026],
      socialAreaIds: [ACHIM],
      financingKinds: ['GRANT'],
    });
    expect(toReportFilterInput(EMPTY_FILTERS)).toEqual({});
  });

  it('gives the exports the filters of the page', () => {
    const filters = { ...EMPTY_FILTERS, years: [2026], socialAreaIds: [ACHIM] };
    expect(reportExportHref('budget-use', 'xlsx', filters)).toBe(
      `/api/reports/budget-use.xlsx?years=2026&socialAreaIds=${ACHIM}`,
    );
    expect(reportExportHref('budget-use', 'csv', EMPTY_FILTERS)).toBe('/api/reports/budget-use.csv');
    expect(socialAreaPdfHref(ACHIM, filters)).toBe(`/api/reports/sozialraum/${ACHIM}.pdf?years=2026`);
    expect(reportPath('offer-overview')).toBe('/berichte/angebote');
    expect(reportPath('budget-use')).toBe('/berichte/budget-use');
    expect(reportKeyOfPath('angebote')).toBe('offer-overview');
  });
});

describe('drill-down and charts', () => {
  it('links a Sozialraum to its offers in the years chosen and an offer to its page and evaluations', () => {
    const filters = { ...EMPTY_FILTERS, years: [2026], regionalTeamIds: [OYTEN] };
    expect(cellHref(budgetUse, 0, 0, filters)).toBe(`/berichte/angebote?year=2026&socialAreaIds=${ACHIM}`);
    expect(cellHref(budgetUse, 2, 0, filters)).toBeNull();
    expect(cellHref(budgetUse, 0, 2, filters)).toBeNull();
    const offers = {
      columns: [{ key: 'offer', label: 'Angebot', role: 'DIMENSION', format: 'TEXT' as const }],
      rowIds: [[OFFER]],
      drillDowns: [{ column: 'offer', report: 'offer-evaluations', filter: 'offerIds' }],
    };
    expect(cellHref(offers, 0, 0, EMPTY_FILTERS)).toBe(`/angebote/${OFFER}`);
    expect(cellExtraLinks(offers, 0, 0, EMPTY_FILTERS).map((link) => link.href)).toEqual([
      `/berichte/offer-evaluations?offerIds=${OFFER}`,
    ]);
  });

  it('arranges the figures per Sozialraum with one series per measure, pivoting a second dimension', () => {
    const model = chartModel(budgetUse, EMPTY_FILTERS);
    expect(model.format).toBe('CENTS');
    expect(model.series).toEqual([
      { key: 'allocated', label: 'Zugewiesen' },
      { key: 'committed', label: 'Gebunden' },
    ]);
    // One year in every row: the label is the Sozialraum alone; several years join it.
    expect(model.data.map((datum) => datum.label)).toEqual(['Achim', 'Oyten', 'kreisweit']);
    const twoYears = { ...budgetUse, rows: [...budgetUse.rows, ['Achim', 2027, 100, 0]] };
    expect(chartModel(twoYears, EMPTY_FILTERS).data.map((datum) => datum.label)).toEqual([
      'Achim · 2026',
      'Oyten · 2026',
      'kreisweit · 2026',
      'Achim · 2027',
    ]);
    expect(model.data[1]!.values).toEqual({ allocated: 5000000, committed: 1234567 });
    expect(model.data[0]!.href).toBe(`/berichte/angebote?socialAreaIds=${ACHIM}`);

    const goals: ReportResultView = {
      ...budgetUse,
      chart: { type: 'LINE', x: 'halfYear', series: ['achievement'], stacked: false },
      columns: [
        { key: 'socialArea', label: 'Sozialraum', role: 'DIMENSION', format: 'TEXT' },
        { key: 'halfYear', label: 'Halbjahr', role: 'DIMENSION', format: 'TEXT' },
        { key: 'achievement', label: 'Zielerreichung', role: 'MEASURE', format: 'PERCENT' },
      ],
      rows: [
        ['Achim', '1. Hj. 2026', 80],
        ['Oyten', '1. Hj. 2026', 60],
        ['Achim', '2. Hj. 2026', 90],
      ],
      rowIds: [
        [ACHIM, null, null],
        [OYTEN, null, null],
        [ACHIM, null, null],
      ],
    };
    const pivoted = chartModel(goals, EMPTY_FILTERS);
    expect(pivoted.series.map((series) => series.label)).toEqual(['Achim', 'Oyten']);
    expect(pivoted.data).toEqual([
      { label: '1. Hj. 2026', href: null, values: { s0: 80, s1: 60 } },
      { label: '2. Hj. 2026', href: null, values: { s0: 90 } },
    ]);
  });
});

describe('the report editor’s draft', () => {
  const stored = {
    key: 'budget-use',
    version: 3,
    title: 'Budgetverwendung',
    dataset: 'ledger',
    dimensions: ['socialArea', 'budgetYear'],
    measures: ['allocated', 'committed'],
    filters: { keys: ['years', 'socialAreaIds'], defaults: { years: 'CURRENT' } },
    sort: [{ key: 'socialArea', direction: 'ASC' }],
    chart: { type: 'BAR', x: 'socialArea', series: ['allocated', 'committed'], stacked: true },
    drillDowns: [{ column: 'socialArea', report: 'offer-overview', filter: 'socialAreaIds' }],
  };

  it('reads a stored definition and writes it back unchanged, keeping what the editor does not offer', () => {
    const draft = draftFromDefinition(stored);
    expect(draft).toMatchObject({
      version: 3,
      chartType: 'STACKED_BAR',
      currentYearByDefault: true,
      filterKeys: ['years', 'socialAreaIds'],
    });
    const { version: _version, ...definition } = stored;
    expect(definitionOf(draft)).toEqual({
      ...definition,
      chart: { ...definition.chart, type: 'STACKED_BAR' },
    });
  });

  it('keeps the axis and series among the chosen columns and drops drill-downs of removed dimensions', () => {
    const draft = draftFromDefinition(stored);
    const withoutArea = updateDraft(draft, { dimensions: ['budgetYear'] });
    expect(withoutArea.x).toBe('budgetYear');
    const definition = definitionOf(withoutArea);
    expect(definition.drillDowns).toBeUndefined();
    expect(definition.sort).toBeUndefined();
    const pie = updateDraft(draft, { chartType: 'PIE' });
    expect(pie.series).toEqual(['allocated']);
    const added = updateDraft(draft, { measures: ['allocated', 'committed', 'paid'] });
    expect(added.series).toEqual(['allocated', 'committed', 'paid']);
    const otherDataset = updateDraft(draft, { dataset: 'needs' });
    expect(otherDataset).toMatchObject({ dimensions: [], measures: [], series: [], x: '', kept: {} });
  });

  it('names what is missing before the server is asked, and derives a key from the title', () => {
    expect(draftProblems(newDraft())).toHaveLength(5);
    expect(keyFromTitle('Ausgaben je Träger 2026 (§ 77)')).toBe('ausgaben-je-traeger-2026-77');
    expect(keyFromTitle('2026 Übersicht')).toBe('uebersicht');
    const ready = {
      ...newDraft(),
      title: 'T',
      key: 'tt',
      dataset: 'ledger',
      measures: ['paid'],
      dimensions: ['x'],
    };
    expect(draftProblems(ready)).toEqual([]);
    expect(toggle(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggle(['b'], 'a', true)).toEqual(['b', 'a']);
  });
});

describe('the pages of a table report', () => {
  it('pages only table reports, and asks the server for the rows of the page shown', () => {
    expect(isPagedReport('TABLE')).toBe(true);
    expect(isPagedReport('BAR')).toBe(false);
    expect(isPagedReport(undefined)).toBe(false);
    expect(toReportPageInput(FIRST_PAGE)).toEqual({ offset: 0, limit: 50 });
    expect(toReportPageInput({ page: 2, rowsPerPage: 25 })).toEqual({ offset: 50, limit: 25 });
  });

  it('says which rows are shown and names its buttons in German', () => {
    expect(displayedRows({ from: 1, to: 50, count: 1358 })).toBe('1–50 von 1.358');
    expect(displayedRows({ from: 1001, to: 1050, count: 12000 })).toBe('1.001–1.050 von 12.000');
    expect(pageButtonLabel('next')).toBe('Nächste Seite');
    expect(pageButtonLabel('first')).toBe('Erste Seite');
  });

  it('keeps the page in the address beside the filters, leaving out the first page and the default size', () => {
    const params = new URLSearchParams(`year=2026&socialAreaIds=${ACHIM}`);
    const second = writeReportPage(params, { page: 1, rowsPerPage: 50 });
    expect(second.toString()).toBe(`year=2026&socialAreaIds=${ACHIM}&seite=2`);
    expect(readReportPage(second)).toEqual({ page: 1, rowsPerPage: 50 });
    expect(readReportFilters(second).socialAreaIds).toEqual([ACHIM]);
    const wide = writeReportPage(second, { page: 0, rowsPerPage: 100 });
    expect(wide.toString()).toBe(`year=2026&socialAreaIds=${ACHIM}&zeilen=100`);
    expect(readReportPage(wide)).toEqual({ page: 0, rowsPerPage: 100 });
    // What the address may not hold is the first page of 50 rows.
    for (const query of ['seite=0', 'seite=-3', 'seite=abc', 'zeilen=7', 'zeilen=5000', 'seite=1.5'])
      expect(readReportPage(new URLSearchParams(query))).toEqual(FIRST_PAGE);
  });
});
