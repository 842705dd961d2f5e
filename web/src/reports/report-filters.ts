import type { ReportDrillDownView, ReportFinancingKind } from './report-types.js';

/** The filters of a report or dashboard, as the page address holds them. */
export interface ReportFilterState {
  years: number[];
  socialAreaIds: string[];
  regionalTeamIds: string[];
  financingKinds: ReportFinancingKind[];
  providerIds: string[];
  offerIds: string[];
}

export const EMPTY_FILTERS: ReportFilterState = {
  years: [],
  socialAreaIds: [],
  regionalTeamIds: [],
  financingKinds: [],
  providerIds: [],
  offerIds: [],
};

type IdFilter = 'socialAreaIds' | 'regionalTeamIds' | 'providerIds' | 'offerIds';
const ID_FILTERS: readonly IdFilter[] = ['socialAreaIds', 'regionalTeamIds', 'providerIds', 'offerIds'];
const FINANCING_KINDS: readonly ReportFinancingKind[] = ['FEE', 'GRANT'];

/** The address names the year „year“ (as in /berichte/angebote?socialAreaIds=…&year=2026). */
const YEAR_PARAM = 'year';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every value of a parameter, whether repeated (`a=1&a=2`) or comma-separated (`a=1,2`). */
const valuesOf = (params: URLSearchParams, name: string): string[] =>
  params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

const isYear = (value: number) => Number.isInteger(value) && value >= 2000 && value <= 2100;

/** The filters the address holds; values that are not ids, years or financing kinds count as not given. */
export const readReportFilters = (params: URLSearchParams): ReportFilterState => {
  const years = unique(
    [...valuesOf(params, YEAR_PARAM), ...valuesOf(params, 'years')].map(Number).filter(isYear),
  ).sort((a, b) => a - b);
  const ids = (name: IdFilter) => unique(valuesOf(params, name).filter((value) => UUID.test(value)));
  return {
    years,
    socialAreaIds: ids('socialAreaIds'),
    regionalTeamIds: ids('regionalTeamIds'),
    financingKinds: unique(
      valuesOf(params, 'financingKinds').filter((value): value is ReportFinancingKind =>
        (FINANCING_KINDS as readonly string[]).includes(value),
      ),
    ),
    providerIds: ids('providerIds'),
    offerIds: ids('offerIds'),
  };
};

/** The address for `filters`; empty filters are left out, so a plain /berichte stays plain. */
export const writeReportFilters = (filters: ReportFilterState): URLSearchParams => {
  const params = new URLSearchParams();
  if (filters.years.length > 0) params.set(YEAR_PARAM, filters.years.join(','));
  for (const name of ID_FILTERS) if (filters[name].length > 0) params.set(name, filters[name].join(','));
  if (filters.financingKinds.length > 0) params.set('financingKinds', filters.financingKinds.join(','));
  return params;
};

/** The `filters` argument of the report queries (only what is set). */
export const toReportFilterInput = (filters: ReportFilterState) => ({
  ...(filters.years.length > 0 ? { years: filters.years } : {}),
  ...(filters.socialAreaIds.length > 0 ? { socialAreaIds: filters.socialAreaIds } : {}),
  ...(filters.regionalTeamIds.length > 0 ? { regionalTeamIds: filters.regionalTeamIds } : {}),
  ...(filters.financingKinds.length > 0 ? { financingKinds: filters.financingKinds } : {}),
  ...(filters.providerIds.length > 0 ? { providerIds: filters.providerIds } : {}),
  ...(filters.offerIds.length > 0 ? { offerIds: filters.offerIds } : {}),
});

/** The query string of the server's exports (`years=2026&socialAreaIds=…`). */
const exportQuery = (filters: ReportFilterState): string => {
  const params = new URLSearchParams();
  if (filters.years.length > 0) params.set('years', filters.years.join(','));
  for (const name of ID_FILTERS) if (filters[name].length > 0) params.set(name, filters[name].join(','));
  if (filters.financingKinds.length > 0) params.set('financingKinds', filters.financingKinds.join(','));
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** `/api/reports/budget-use.xlsx?years=2026` */
export const reportExportHref = (key: string, format: 'csv' | 'xlsx', filters: ReportFilterState): string =>
  `/api/reports/${encodeURIComponent(key)}.${format}${exportQuery(filters)}`;

/** The PDF of one Sozialraum's budget and goal achievement, for the years of the filter. */
export const socialAreaPdfHref = (socialAreaId: string, filters: ReportFilterState): string => {
  const params = new URLSearchParams();
  if (filters.years.length > 0) params.set('years', filters.years.join(','));
  const text = params.toString();
  return `/api/reports/sozialraum/${encodeURIComponent(socialAreaId)}.pdf${text ? `?${text}` : ''}`;
};

/** The page of a report: the Angebotsübersicht has a German address, the others their key. */
export const reportPath = (key: string): string =>
  key === 'offer-overview' ? '/berichte/angebote' : `/berichte/${encodeURIComponent(key)}`;

/** The report key a page address stands for (the inverse of reportPath). */
export const reportKeyOfPath = (segment: string): string =>
  segment === 'angebote' ? 'offer-overview' : segment;

const FILTER_NAMES: readonly string[] = ['socialAreaIds', 'regionalTeamIds', 'providerIds', 'offerIds'];

/**
 * Where a value of a drill-down column leads: the target report with the row's id as its filter; the
 * years chosen stay, the other filters are replaced by the one the value stands for.
 */
export const drillDownHref = (
  drillDown: ReportDrillDownView,
  rowId: string,
  filters: ReportFilterState,
): string | null => {
  if (!FILTER_NAMES.includes(drillDown.filter) || !UUID.test(rowId)) return null;
  const target: ReportFilterState = { ...EMPTY_FILTERS, years: filters.years, [drillDown.filter]: [rowId] };
  const query = writeReportFilters(target).toString();
  return `${reportPath(drillDown.report)}?${query}`;
};

/** An offer's own page (its evaluations are there). */
export const offerHref = (offerId: string): string | null =>
  UUID.test(offerId) ? `/angebote/${offerId}` : null;

/** Whether exactly one Sozialraum is chosen (the PDF is per Sozialraum). */
export const singleSocialArea = (filters: ReportFilterState): string | null =>
  filters.socialAreaIds.length === 1 ? filters.socialAreaIds[0]! : null;
