import type { EntityManager } from '@mikro-orm/postgresql';
import { EvaluationState } from '../../../process-logic/index.js';
import type { Caller } from '../common/context.js';
import { type OfferFilter, type OfferSort, OfferSortField, SortDirection } from './offer.inputs.js';
import { visibleOffersSql } from './offer.policy.js';

/** Evaluations that still wait for the provider: due, or sent back with a change request. */
export const OPEN_EVALUATION_STATES: readonly EvaluationState[] = [
  EvaluationState.DUE,
  EvaluationState.CHANGES_REQUESTED,
];

/** The earliest due date of an offer's open evaluations (aliased `next_due`; null when none is open). */
const NEXT_DUE_JOIN = `left join lateral (
    select min(e.due_date) as next_due from evaluation e
    where e.offer_id = o.id and e.state in (${OPEN_EVALUATION_STATES.map((state) => `'${state}'`).join(', ')})
  ) ne on true`;

/** Names compare as a German reader expects (ä with a, case ignored), not by byte. */
const GERMAN = 'collate "und-x-icu"';

const SORT_COLUMNS: Record<OfferSortField, string> = {
  [OfferSortField.TITLE]: `o.title ${GERMAN}`,
  [OfferSortField.SOCIAL_AREA]: `sa.name ${GERMAN}`,
  [OfferSortField.PROVIDER]: `p.name ${GERMAN}`,
  [OfferSortField.OFFER_CATEGORY]: `c.name ${GERMAN}`,
  [OfferSortField.FINANCING_KIND]: 'o.financing_kind',
  [OfferSortField.STATE]: 'o.state',
  [OfferSortField.APPROVED_AMOUNT]: 'o.approved_amount',
  [OfferSortField.PERIOD_START]: 'o.period_start',
  [OfferSortField.PERIOD_END]: 'o.period_end',
  [OfferSortField.NEXT_EVALUATION_DUE]: 'ne.next_due',
};

/** The default order of the overview: by Sozialraum (kreisweit last), then title. */
export const DEFAULT_OFFER_SORT: OfferSort = {
  field: OfferSortField.SOCIAL_AREA,
  direction: SortDirection.ASC,
};

interface OfferQueryParts {
  /** `from … where …` with the joins every query of the overview uses. */
  from: string;
  params: unknown[];
  orderBy: string;
}

/**
 * The overview's query for `caller`: the offers the caller may read (the same rule as `visibleOffers`),
 * narrowed by `filter`, in the order `sort` names (empty values last, then title and id, so pages never
 * overlap). The GraphQL list and the CSV export both read through it, so they always agree.
 */
export function offerQuery(
  caller: Caller,
  filter: OfferFilter | null,
  sort: OfferSort | null,
): OfferQueryParts {
  const scope = visibleOffersSql(caller, 'o');
  const conditions = [scope.sql];
  const params: unknown[] = [...scope.params];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (filter?.socialAreaId) add('o.social_area_id = ?', filter.socialAreaId);
  if (filter?.countyWide != null)
    add(filter.countyWide ? 'o.social_area_id is null' : 'o.social_area_id is not null');
  if (filter?.regionalTeamId) add('sa.regional_team_id = ?', filter.regionalTeamId);
  if (filter?.providerId) add('o.provider_id = ?', filter.providerId);
  if (filter?.offerCategoryId) add('o.offer_category_id = ?', filter.offerCategoryId);
  if (filter?.financingKind) add('o.financing_kind = ?', filter.financingKind);
  if (filter?.states?.length) {
    add(`o.state::text in (${filter.states.map(() => '?').join(', ')})`, ...filter.states);
  }
  const { field, direction } = sort ?? DEFAULT_OFFER_SORT;
  const dir = direction === SortDirection.DESC ? 'desc' : 'asc';
  const orderBy = `${SORT_COLUMNS[field]} ${dir} nulls last, o.title ${GERMAN} asc, o.id asc`;
  return {
    from: `from offer o
      left join social_area sa on sa.id = o.social_area_id
      left join regional_team rt on rt.id = sa.regional_team_id
      join provider p on p.id = o.provider_id
      join offer_category c on c.id = o.offer_category_id
      ${NEXT_DUE_JOIN}
      where ${conditions.join(' and ')}`,
    params,
    orderBy,
  };
}

/** One page of the overview: the ids in order, and how many offers match in all. */
export async function findOfferPage(
  em: EntityManager,
  caller: Caller,
  filter: OfferFilter | null,
  sort: OfferSort | null,
  page: { limit: number; offset: number },
): Promise<{ ids: string[]; totalCount: number }> {
  const query = offerQuery(caller, filter, sort);
  const connection = em.getConnection();
  const [rows, counts] = await Promise.all([
    connection.execute<{ id: string }[]>(
      `select o.id ${query.from} order by ${query.orderBy} limit ? offset ?`,
      [...query.params, page.limit, page.offset],
    ),
    connection.execute<{ count: number }[]>(`select count(*)::int as count ${query.from}`, query.params),
  ]);
  return { ids: rows.map((row) => row.id), totalCount: counts[0]?.count ?? 0 };
}

/** A row of the CSV export: the overview's columns with names instead of ids. */
export interface OfferExportRow {
  id: string;
  title: string;
  social_area: string | null;
  regional_team: string | null;
  provider: string;
  offer_category: string;
  financing_kind: string;
  state: string;
  period_start: string;
  period_end: string;
  approved_amount: string;
  fee_hours: string | null;
  hourly_rate: string | null;
  next_due: string | null;
}

/** The rows of the export in the overview's order, `limit` from `offset` (for reading in batches). */
export function findOfferExportRows(
  em: EntityManager,
  query: OfferQueryParts,
  limit: number,
  offset: number,
): Promise<OfferExportRow[]> {
  return em.getConnection().execute<OfferExportRow[]>(
    `select o.id, o.title, sa.name as social_area, rt.name as regional_team, p.name as provider,
       c.name as offer_category, o.financing_kind::text as financing_kind, o.state::text as state,
       o.period_start::text as period_start, o.period_end::text as period_end,
       o.approved_amount::text as approved_amount, o.fee_hours::text as fee_hours,
       o.hourly_rate::text as hourly_rate, ne.next_due::text as next_due
     ${query.from} order by ${query.orderBy} limit ? offset ?`,
    [...query.params, limit, offset],
  );
}

/** How many offers the query matches. */
export async function countOffers(em: EntityManager, query: OfferQueryParts): Promise<number> {
  const [row] = await em
    .getConnection()
    .execute<{ count: number }[]>(`select count(*)::int as count ${query.from}`, query.params);
  return row?.count ?? 0;
}
