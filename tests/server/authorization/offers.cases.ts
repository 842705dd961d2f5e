import { allow, type AuthorizationCase, deny, insertRow, sorted, type World } from './matrix.js';

type Sql = <T = Record<string, any>>(query: string, params?: unknown[]) => Promise<T[]>;
type Insert = (table: string, values: Record<string, unknown>) => Promise<string>;

export interface OfferRowOptions {
  /** null: a county-wide offer (and need). */
  socialAreaId: string | null;
  providerId: string;
  offerCategoryId: string;
  title: string;
  financingKind?: 'FEE' | 'GRANT';
  state?: 'RUNNING' | 'ENDED';
  approvedAmount?: number;
  periodStart?: string;
  periodEnd?: string;
  feeHours?: string | null;
  hourlyRate?: number | null;
}

/**
 * An offer as an issued notice leaves it, written straight into the tables: its need (closed), the call,
 * the approved application and the offer. Returns the ids.
 */
export async function insertOfferRows(
  sql: Sql,
  insert: Insert,
  options: OfferRowOptions,
): Promise<{ offerId: string; needId: string; applicationId: string }> {
  const versions = await sql<{ form_key: string; id: string }>(
    `select form_key, id from form_version where status = 'PUBLISHED' and form_key in ('offer-description', 'cost-calculation')`,
  );
  const versionOf = (key: string) => versions.find((row) => row.form_key === key)!.id;
  const needId = await insert('need', {
    social_area_id: options.socialAreaId,
    title: `Bedarf ${options.title}`,
    situation_description: 'Lage',
    created_by_name: 'Test',
    state: 'CLOSED',
    outcome: 'OFFER',
  });
  const callId = await insert('call_for_interest', {
    need_id: needId,
    title: `Aufruf ${options.title}`,
    deadline: new Date(Date.now() - 86_400_000),
    open_to_all: true,
    offer_category_id: options.offerCategoryId,
    opened_by_name: 'Test',
  });
  const applicationId = await insert('application', {
    call_id: callId,
    provider_id: options.providerId,
    state: 'APPROVED',
    offer_description_version_id: versionOf('offer-description'),
    cost_calculation_version_id: versionOf('cost-calculation'),
    offer_description_data: JSON.stringify({ title: options.title }),
    cost_calculation_data: JSON.stringify({}),
    created_by_name: 'Test',
    submitted_at: new Date(),
  });
  const financingKind = options.financingKind ?? 'GRANT';
  const offerId = await insert('offer', {
    application_id: applicationId,
    need_id: needId,
    social_area_id: options.socialAreaId,
    provider_id: options.providerId,
    offer_category_id: options.offerCategoryId,
    financing_kind: financingKind,
    title: options.title,
    period_start: options.periodStart ?? '2026-01-01',
    period_end: options.periodEnd ?? '2026-12-31',
    approved_amount: options.approvedAmount ?? 1_000_000,
    fee_hours: options.feeHours ?? (financingKind === 'FEE' ? '200.00' : null),
    hourly_rate: options.hourlyRate ?? (financingKind === 'FEE' ? 5_000 : null),
    state: options.state ?? 'RUNNING',
  });
  return { offerId, needId, applicationId };
}

interface MatrixOffers {
  /** A category only these offers use, so a filtered list holds exactly them. */
  categoryId: string;
  /** Own Sozialraum, own Träger. */
  ownOwn: string;
  /** Foreign Sozialraum, foreign Träger. */
  foreignForeign: string;
  /** Own Sozialraum, foreign Träger. */
  ownAreaForeignTräger: string;
  /** County-wide, own Träger. */
  countyWideOwn: string;
}

const prepared = new WeakMap<World, Promise<MatrixOffers>>();

/** The matrix's offers, made once per world. */
function matrixOffers(w: World): Promise<MatrixOffers> {
  let offers = prepared.get(w);
  if (!offers) {
    offers = (async () => {
      const insert: Insert = (table, values) => insertRow(w, table, values);
      const categoryId = await insert('offer_category', {
        name: w.unique('Matrix Angebotsart'),
        financing_kind: 'GRANT',
      });
      const offer = async (area: 'own' | 'foreign' | null, träger: 'own' | 'foreign') =>
        (
          await insertOfferRows(w.sql, insert, {
            socialAreaId: area ? w.socialAreas[area] : null,
            providerId: w.providers[träger],
            offerCategoryId: categoryId,
            title: w.unique('Matrix Angebot'),
          })
        ).offerId;
      return {
        categoryId,
        ownOwn: await offer('own', 'own'),
        foreignForeign: await offer('foreign', 'foreign'),
        ownAreaForeignTräger: await offer('own', 'foreign'),
        countyWideOwn: await offer(null, 'own'),
      };
    })();
    prepared.set(w, offers);
  }
  return offers;
}

const OFFER_FIELDS = `id title socialArea { id } provider { id } offerCategory { id } need { id }
  application { id } viewerCan { readNeed readApplication }`;

const all = (p: MatrixOffers) => [p.ownOwn, p.foreignForeign, p.ownAreaForeignTräger, p.countyWideOwn];

export const cases: AuthorizationCase[] = [
  {
    title:
      'offers: the office by its scope (kreisweit for all office roles), provider staff exactly their own Träger’s',
    covers: ['Query.offers', 'OfferPage.nodes'],
    prepare: (w) => matrixOffers(w),
    document: `query($filter: OfferFilter) { offers(filter: $filter, limit: 200) { totalCount nodes { id } } }`,
    variables: (_w, p: MatrixOffers) => ({ filter: { offerCategoryId: p.categoryId } }),
    pick: (data) => ({
      ids: sorted(data.offers.nodes.map((n: { id: string }) => n.id)),
      total: data.offers.totalCount,
    }),
    expect: {
      ADMIN: (_w, p) => allow({ ids: sorted(all(p)), total: 4 }),
      FINANCE: (_w, p) => allow({ ids: sorted(all(p)), total: 4 }),
      COMMITTEE: (_w, p) => allow({ ids: sorted(all(p)), total: 4 }),
      'TEAM_LEAD:own': (_w, p) =>
        allow({ ids: sorted([p.ownOwn, p.ownAreaForeignTräger, p.countyWideOwn]), total: 3 }),
      'REGIONAL_TEAM:own': (_w, p) =>
        allow({ ids: sorted([p.ownOwn, p.ownAreaForeignTräger, p.countyWideOwn]), total: 3 }),
      'TEAM_LEAD:foreign': (_w, p) => allow({ ids: sorted([p.foreignForeign, p.countyWideOwn]), total: 2 }),
      'REGIONAL_TEAM:foreign': (_w, p) =>
        allow({ ids: sorted([p.foreignForeign, p.countyWideOwn]), total: 2 }),
      'PROVIDER:own': (_w, p) => allow({ ids: sorted([p.ownOwn, p.countyWideOwn]), total: 2 }),
      'PROVIDER:foreign': (_w, p) =>
        allow({ ids: sorted([p.foreignForeign, p.ownAreaForeignTräger]), total: 2 }),
    },
  },
  {
    title: 'offers without a filter: provider staff never get an offer of another Träger',
    covers: ['Query.offers', 'Offer.provider'],
    prepare: (w) => matrixOffers(w),
    document: `query { offers(limit: 200) { nodes { id provider { id } } } }`,
    pick: (data, w, _p, persona) => {
      const nodes = data.offers.nodes as { id: string; provider: { id: string } | null }[];
      if (persona.role !== 'PROVIDER') return 'office';
      const own = w.providers[persona.scope!];
      return nodes.every((node) => node.provider?.id === own) ? 'only own' : 'LEAK';
    },
    expect: { office: allow('office'), PROVIDER: allow('only own') },
  },
  {
    title: 'offer(id): read within the scope; out of it NOT_FOUND',
    covers: ['Query.offer', 'Offer.socialArea', 'Offer.offerCategory', 'Offer.provider'],
    prepare: (w) => matrixOffers(w),
    document: `query($id: UUID!) { offer(id: $id) { id socialArea { id } offerCategory { id } provider { id } } }`,
    variables: (_w, p: MatrixOffers) => ({ id: p.ownOwn }),
    pick: (data) => data.offer,
    expect: {
      office: (w, p) =>
        allow({
          id: p.ownOwn,
          socialArea: { id: w.socialAreas.own },
          offerCategory: { id: p.categoryId },
          provider: { id: w.providers.own },
        }),
      'PROVIDER:own': (w, p) =>
        allow({
          id: p.ownOwn,
          socialArea: { id: w.socialAreas.own },
          offerCategory: { id: p.categoryId },
          provider: { id: w.providers.own },
        }),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
  },
  {
    title: 'offer(id) of a county-wide offer: every office role; provider staff only of its own Träger',
    covers: ['Query.offer'],
    prepare: (w) => matrixOffers(w),
    document: `query($id: UUID!) { offer(id: $id) { id socialArea { id } } }`,
    variables: (_w, p: MatrixOffers) => ({ id: p.countyWideOwn }),
    pick: (data) => data.offer,
    expect: {
      office: (_w, p) => allow({ id: p.countyWideOwn, socialArea: null }),
      'PROVIDER:own': (_w, p) => allow({ id: p.countyWideOwn, socialArea: null }),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
  },
  {
    title: 'Offer.need and Offer.application: only where the caller may read the need and the application',
    covers: ['Offer.need', 'Offer.application', 'Offer.viewerCan'],
    prepare: (w) => matrixOffers(w),
    document: `query($id: UUID!) { offer(id: $id) { ${OFFER_FIELDS} } }`,
    variables: (_w, p: MatrixOffers) => ({ id: p.ownOwn }),
    pick: (data) => ({
      need: !!data.offer.need,
      application: !!data.offer.application,
      viewerCan: data.offer.viewerCan,
    }),
    expect: {
      office: allow({
        need: true,
        application: true,
        viewerCan: { readNeed: true, readApplication: true },
      }),
      'PROVIDER:own': allow({
        need: false,
        application: true,
        viewerCan: { readNeed: false, readApplication: true },
      }),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
  },
];
