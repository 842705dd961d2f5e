import { formatCents } from '../../../form-logic/index.js';
import { STATE_LABELS } from '../../../process-logic/index.js';
import type {
  FinancingKind,
  OfferFilter,
  OfferSort,
  OfferSortField,
  OfferState,
  SortDirection,
} from '../gql/graphql.js';

/** The value of the Sozialraum filter that means „kreisweit“. */
export const COUNTY_WIDE = 'kreisweit';

export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

export const FINANCING_KIND_LABELS: Readonly<Record<FinancingKind, string>> = {
  FEE: 'Fachleistungsstunden (§ 77 SGB VIII)',
  GRANT: 'Kreiszuschuss (§ 74 SGB VIII)',
};

export const OFFER_STATES: readonly OfferState[] = ['RUNNING', 'ENDED'];
export const offerStateLabel = (state: OfferState): string => STATE_LABELS.offer[state];

/** „1.234,56 €“ from cents. */
export const euros = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '–' : formatCents(cents);

/** „240,5“ */
export const hours = (value: number): string =>
  new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }).format(value);

/** The filter names in the page address (German, readable) and what they mean. */
export interface OfferSearch {
  /** A Sozialraum id, COUNTY_WIDE or empty. */
  area: string;
  regionalTeam: string;
  provider: string;
  category: string;
  financingKind: FinancingKind | '';
  state: OfferState | '';
  sort: OfferSortField;
  direction: SortDirection;
  page: number;
  pageSize: number;
}

const PARAM = {
  area: 'sozialraum',
  regionalTeam: 'regionalteam',
  provider: 'traeger',
  category: 'angebotsart',
  financingKind: 'finanzierung',
  state: 'status',
  sort: 'sortierung',
  direction: 'richtung',
  page: 'seite',
  pageSize: 'anzahl',
} as const;

/** The URL's name for each sortable column. */
export const SORT_PARAM: Readonly<Record<OfferSortField, string>> = {
  TITLE: 'titel',
  SOCIAL_AREA: 'sozialraum',
  PROVIDER: 'traeger',
  OFFER_CATEGORY: 'angebotsart',
  FINANCING_KIND: 'finanzierungsart',
  STATE: 'status',
  APPROVED_AMOUNT: 'betrag',
  PERIOD_START: 'beginn',
  PERIOD_END: 'ende',
  NEXT_EVALUATION_DUE: 'evaluation',
};

const FINANCING_PARAM: Readonly<Record<FinancingKind, string>> = { FEE: 'fls', GRANT: 'zuschuss' };
const STATE_PARAM: Readonly<Record<OfferState, string>> = { RUNNING: 'laufend', ENDED: 'beendet' };

const keyOf = <K extends string>(map: Readonly<Record<K, string>>, value: string | null): K | undefined =>
  (Object.keys(map) as K[]).find((key) => map[key] === value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = (value: string | null) => (value && UUID.test(value) ? value : '');

/** The search the address holds; unknown values count as not given. */
export const readSearch = (params: URLSearchParams): OfferSearch => {
  const area = params.get(PARAM.area);
  const page = Number(params.get(PARAM.page));
  const pageSize = Number(params.get(PARAM.pageSize));
  return {
    area: area === COUNTY_WIDE ? COUNTY_WIDE : id(area),
    regionalTeam: id(params.get(PARAM.regionalTeam)),
    provider: id(params.get(PARAM.provider)),
    category: id(params.get(PARAM.category)),
    financingKind: keyOf(FINANCING_PARAM, params.get(PARAM.financingKind)) ?? '',
    state: keyOf(STATE_PARAM, params.get(PARAM.state)) ?? '',
    sort: keyOf(SORT_PARAM, params.get(PARAM.sort)) ?? 'SOCIAL_AREA',
    direction: params.get(PARAM.direction) === 'ab' ? 'DESC' : 'ASC',
    page: Number.isInteger(page) && page > 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
};

/** The address for `search` (defaults left out, so a plain /angebote stays plain). */
export const writeSearch = (search: OfferSearch): URLSearchParams => {
  const params = new URLSearchParams();
  if (search.area) params.set(PARAM.area, search.area);
  if (search.regionalTeam) params.set(PARAM.regionalTeam, search.regionalTeam);
  if (search.provider) params.set(PARAM.provider, search.provider);
  if (search.category) params.set(PARAM.category, search.category);
  if (search.financingKind) params.set(PARAM.financingKind, FINANCING_PARAM[search.financingKind]);
  if (search.state) params.set(PARAM.state, STATE_PARAM[search.state]);
  if (search.sort !== 'SOCIAL_AREA' || search.direction !== 'ASC') {
    params.set(PARAM.sort, SORT_PARAM[search.sort]);
    params.set(PARAM.direction, search.direction === 'DESC' ? 'ab' : 'auf');
  }
  if (search.page > 1) params.set(PARAM.page, String(search.page));
  if (search.pageSize !== DEFAULT_PAGE_SIZE) params.set(PARAM.pageSize, String(search.pageSize));
  return params;
};

export const toApiFilter = (search: OfferSearch): OfferFilter => ({
  ...(search.area === COUNTY_WIDE ? { countyWide: true } : search.area ? { socialAreaId: search.area } : {}),
  ...(search.regionalTeam ? { regionalTeamId: search.regionalTeam } : {}),
  ...(search.provider ? { providerId: search.provider } : {}),
  ...(search.category ? { offerCategoryId: search.category } : {}),
  ...(search.financingKind ? { financingKind: search.financingKind } : {}),
  ...(search.state ? { states: [search.state] } : {}),
});

export const toApiSort = (search: OfferSearch): OfferSort => ({
  field: search.sort,
  direction: search.direction,
});

/** `/api/offers.csv?…` with the filters and the order of the table (all pages). */
export const csvHref = (search: OfferSearch): string => {
  const filter = toApiFilter(search);
  const params = new URLSearchParams();
  if (filter.socialAreaId) params.set('socialAreaId', filter.socialAreaId);
  if (filter.countyWide) params.set('countyWide', 'true');
  if (filter.regionalTeamId) params.set('regionalTeamId', filter.regionalTeamId);
  if (filter.providerId) params.set('providerId', filter.providerId);
  if (filter.offerCategoryId) params.set('offerCategoryId', filter.offerCategoryId);
  if (filter.financingKind) params.set('financingKind', filter.financingKind);
  if (filter.states?.length) params.set('states', filter.states.join(','));
  params.set('sort', search.sort);
  params.set('direction', search.direction);
  return `/api/offers.csv?${params.toString()}`;
};
