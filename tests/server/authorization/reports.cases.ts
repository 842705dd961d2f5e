import { insertOfferRows } from './offers.cases.js';
import { allow, type AuthorizationCase, deny, insertRow, sorted, type World } from './matrix.js';

interface ReportOffers {
  own: string;
  foreign: string;
  countyWide: string;
}

const prepared = new WeakMap<World, Promise<ReportOffers>>();

/** An offer in the own and the foreign Sozialraum and a kreisweit one, made once per world. */
function reportOffers(w: World): Promise<ReportOffers> {
  let offers = prepared.get(w);
  if (!offers) {
    offers = (async () => {
      const insert = (table: string, values: Record<string, unknown>) => insertRow(w, table, values);
      const offer = async (area: string | null) =>
        (
          await insertOfferRows(w.sql, insert, {
            socialAreaId: area,
            providerId: w.providers.own,
            offerCategoryId: w.offerCategories.active,
            title: w.unique('Bericht Angebot'),
          })
        ).offerId;
      return {
        own: await offer(w.socialAreas.own),
        foreign: await offer(w.socialAreas.foreign),
        countyWide: await offer(null),
      };
    })();
    prepared.set(w, offers);
  }
  return offers;
}

const DEFINITION = {
  key: 'matrix-report',
  title: 'Matrix',
  dataset: 'offers',
  dimensions: ['offer'],
  measures: ['approvedAmount'],
  filters: { keys: ['offerIds'] },
  chart: { type: 'TABLE', series: [] },
};

interface Result {
  columns: { key: string }[];
  rowIds: (string | null)[][];
}

/** The offer ids a result holds. */
const offerIds = (result: Result): string[] => {
  const column = result.columns.findIndex((c) => c.key === 'offer');
  return sorted(result.rowIds.map((ids) => ids[column]!));
};

export const cases: AuthorizationCase[] = [
  {
    title: 'reports: the office lists the committee reports, provider staff none',
    covers: ['Query.reports'],
    document: `query { reports { key version title dataset chartType filterKeys } }`,
    pick: (data) => data.reports.some((r: { key: string }) => r.key === 'budget-use'),
    expect: { office: allow(true), PROVIDER: (_w) => allow(false) },
  },
  {
    title:
      'report: county roles see every Sozialraum and kreisweit, team lead and Regionalteam their own; provider staff FORBIDDEN',
    covers: [
      'Query.report',
      'ReportResult.columns',
      'ReportResult.chart',
      'ReportResult.filters',
      'ReportResult.drillDowns',
    ],
    prepare: (w) => reportOffers(w),
    document: `query($filters: ReportFilterInput) { report(key: "offer-overview", filters: $filters) {
      key columns { key role format } rowIds chart { type } filters { text } drillDowns { column report filter } } }`,
    variables: (_w, p: ReportOffers) => ({ filters: { offerIds: [p.own, p.foreign, p.countyWide] } }),
    pick: (data) => offerIds(data.report),
    expect: {
      ADMIN: (_w, p: ReportOffers) => allow(sorted([p.own, p.foreign, p.countyWide])),
      FINANCE: (_w, p: ReportOffers) => allow(sorted([p.own, p.foreign, p.countyWide])),
      COMMITTEE: (_w, p: ReportOffers) => allow(sorted([p.own, p.foreign, p.countyWide])),
      'TEAM_LEAD:own': (_w, p: ReportOffers) => allow([p.own]),
      'TEAM_LEAD:foreign': (_w, p: ReportOffers) => allow([p.foreign]),
      'REGIONAL_TEAM:own': (_w, p: ReportOffers) => allow([p.own]),
      'REGIONAL_TEAM:foreign': (_w, p: ReportOffers) => allow([p.foreign]),
      PROVIDER: deny('FORBIDDEN'),
    },
  },
  {
    title:
      'report with a page: the total counts only the rows of the own scope, the page holds no other; provider staff FORBIDDEN',
    covers: ['Query.report'],
    prepare: (w) => reportOffers(w),
    document: `query($filters: ReportFilterInput) { report(key: "offer-overview", filters: $filters, page: { offset: 0, limit: 2 }) {
      columns { key } rowIds totalRows offset } }`,
    variables: (_w, p: ReportOffers) => ({ filters: { offerIds: [p.own, p.foreign, p.countyWide] } }),
    pick: (data) => ({
      total: data.report.totalRows,
      rows: data.report.rowIds.length,
      offset: data.report.offset,
    }),
    expect: {
      ADMIN: allow({ total: 3, rows: 2, offset: 0 }),
      FINANCE: allow({ total: 3, rows: 2, offset: 0 }),
      COMMITTEE: allow({ total: 3, rows: 2, offset: 0 }),
      'TEAM_LEAD:own': allow({ total: 1, rows: 1, offset: 0 }),
      'TEAM_LEAD:foreign': allow({ total: 1, rows: 1, offset: 0 }),
      'REGIONAL_TEAM:own': allow({ total: 1, rows: 1, offset: 0 }),
      'REGIONAL_TEAM:foreign': allow({ total: 1, rows: 1, offset: 0 }),
      PROVIDER: deny('FORBIDDEN'),
    },
  },
  {
    title: 'dashboard: the committee dashboard for the office; provider staff FORBIDDEN',
    covers: ['Query.dashboard', 'Dashboard.items'],
    document: `query { dashboard(key: "committee") { key filterKeys items { report width } } }`,
    pick: (data) => data.dashboard.key,
    expect: { office: allow('committee'), PROVIDER: deny('FORBIDDEN') },
  },
  {
    title: 'reportDefinition: administrators only',
    covers: ['Query.reportDefinition'],
    document: `query { reportDefinition(key: "budget-use") }`,
    pick: (data) => data.reportDefinition.key,
    expect: { ADMIN: allow('budget-use'), '*': deny('FORBIDDEN') },
  },
  {
    title: 'reportDatasets: administrators only',
    covers: ['Query.reportDatasets', 'ReportDatasetInfo.dimensions', 'ReportDatasetInfo.measures'],
    document: `query { reportDatasets { key label filterKeys dimensions { key label format } measures { key label format } } }`,
    pick: (data) => data.reportDatasets.some((d: { key: string }) => d.key === 'ledger'),
    expect: { ADMIN: allow(true), '*': deny('FORBIDDEN') },
  },
  {
    title: 'previewReport: administrators only',
    covers: ['Query.previewReport'],
    prepare: (w) => reportOffers(w),
    document: `query($d: JSON!, $filters: ReportFilterInput) { previewReport(definition: $d, filters: $filters) { key columns { key } rowIds } }`,
    variables: (_w, p: ReportOffers) => ({ d: DEFINITION, filters: { offerIds: [p.own, p.foreign] } }),
    pick: (data) => offerIds(data.previewReport),
    expect: { ADMIN: (_w, p: ReportOffers) => allow(sorted([p.own, p.foreign])), '*': deny('FORBIDDEN') },
  },
  {
    title: 'saveReport: administrators only; a refused call stores no version',
    covers: ['Mutation.saveReport', 'ReportSavePayload.report', 'ReportSavePayload.errors'],
    prepare: async (w) => ({
      key: w
        .unique('matrix-report')
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-'),
    }),
    document: `mutation($d: JSON!) { saveReport(definition: $d) { report { key version } errors { path message } errorCount } }`,
    variables: (_w, p: { key: string }) => ({ d: { ...DEFINITION, key: p.key } }),
    pick: (data) => data.saveReport.report?.version ?? null,
    expect: { ADMIN: allow(1), '*': deny('FORBIDDEN') },
    state: async (w, p: { key: string }) =>
      w.sql(`select count(*)::int as count from report_definition_version where key = ?`, [p.key]),
  },
];
