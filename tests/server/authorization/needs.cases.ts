import {
  allow,
  type AuthorizationCase,
  deny,
  type ExpectationTable,
  ids,
  insertRow,
  knownIds,
  sorted,
  type World,
} from './matrix.js';
import { insertOfferRows } from './offers.cases.js';

type NeedState = 'RECORDED' | 'RESOURCES_INSUFFICIENT' | 'OFFER_PLANNED';

/** A need of its own for one persona's call, in the world's own Sozialraum (null: kreisweit). */
async function freshNeed(
  w: World,
  state: NeedState = 'RECORDED',
  socialAreaId: string | null = w.socialAreas.own,
): Promise<{ id: string; revision: number }> {
  const values: Record<string, unknown> = {
    social_area_id: socialAreaId,
    title: w.unique('Matrix Bedarf'),
    situation_description: 'Matrix',
    created_by_name: 'Matrix',
    state,
    considered_provider_ids: `{${w.providers.own}}`,
  };
  if (state === 'OFFER_PLANNED') {
    values.outcome = 'OFFER';
    const [row] = await w.sql<{ max: number | null }>(
      `select max(priority) as max from need where social_area_id is not distinct from ? and state in ('OFFER_PLANNED', 'OPEN_FOR_APPLICATIONS')`,
      [socialAreaId],
    );
    values.priority = (row?.max ?? 0) + 1;
  }
  return { id: await insertRow(w, 'need', values), revision: 1 };
}

const needRow = (w: World, id: string) => w.sql(`select * from need where id = ?`, [id]);

/** Who may read a need of the own Sozialraum: the administration, finance, the committee, and its team lead and Regionalteam. */
const readsOwnNeed = <P>(value: (w: World, p: P) => unknown): ExpectationTable<P> => ({
  ADMIN: (w, p) => allow(value(w, p)),
  FINANCE: (w, p) => allow(value(w, p)),
  COMMITTEE: (w, p) => allow(value(w, p)),
  'TEAM_LEAD:own': (w, p) => allow(value(w, p)),
  'REGIONAL_TEAM:own': (w, p) => allow(value(w, p)),
  'TEAM_LEAD:foreign': deny('NOT_FOUND'),
  'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
  PROVIDER: deny('NOT_FOUND'),
});

/** A change of a need of the own Sozialraum: its team lead and the administration; others that read it are forbidden, the rest do not find it. */
const changesOwnNeed = <P>(value: (w: World, p: P) => unknown): ExpectationTable<P> => ({
  ADMIN: (w, p) => allow(value(w, p)),
  'TEAM_LEAD:own': (w, p) => allow(value(w, p)),
  FINANCE: deny('FORBIDDEN'),
  COMMITTEE: deny('FORBIDDEN'),
  'REGIONAL_TEAM:own': deny('FORBIDDEN'),
  'TEAM_LEAD:foreign': deny('NOT_FOUND'),
  'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
  PROVIDER: deny('NOT_FOUND'),
});

interface Listed {
  own: string;
  foreign: string;
  county: string;
}

/** A change mutation on a fresh need of the own Sozialraum in `state`; a denied call leaves the need (and its involvements) as it was. */
function needChange(
  mutation: string,
  inputType: string,
  state: NeedState,
  input: (
    w: World,
    need: { id: string; revision: number },
  ) => Promise<Record<string, unknown>> | Record<string, unknown>,
): AuthorizationCase<{ id: string; revision: number; input: Record<string, unknown> }> {
  return {
    title: `${mutation} is for the team lead of the Sozialraum and the administration`,
    covers: [`Mutation.${mutation}`],
    prepare: async (w) => {
      const need = await freshNeed(w, state);
      return { ...need, input: await input(w, need) };
    },
    document: `mutation($input: ${inputType}!) { ${mutation}(input: $input) { id revision } }`,
    variables: (_w, p) => ({ input: p.input }),
    expect: changesOwnNeed((_w, p) => ({ id: p.id, revision: 2 })),
    state: async (w, p) => ({
      need: await needRow(w, p.id),
      involvements: await w.sql(`select * from need_body_involvement where need_id = ?`, [p.id]),
    }),
  };
}

interface ConsideredOffers {
  needId: string;
  own: string;
  foreign: string;
  county: string;
}

/** A need of the own Sozialraum decided in decision 1 with running offers of the own and the foreign Sozialraum and a county-wide one. */
async function needWithConsideredOffers(w: World): Promise<ConsideredOffers> {
  const offer = async (socialAreaId: string | null, providerId: string) =>
    (
      await insertOfferRows(w.sql, (table, values) => insertRow(w, table, values), {
        socialAreaId,
        providerId,
        offerCategoryId: w.offerCategories.active,
        title: w.unique('Matrix betrachtetes Angebot'),
      })
    ).offerId;
  const own = await offer(w.socialAreas.own, w.providers.own);
  const foreign = await offer(w.socialAreas.foreign, w.providers.foreign);
  const county = await offer(null, w.providers.own);
  const needId = await insertRow(w, 'need', {
    social_area_id: w.socialAreas.own,
    title: w.unique('Matrix Bedarf'),
    situation_description: 'Matrix',
    created_by_name: 'Matrix',
    state: 'COVERED_BY_RESOURCES',
    outcome: 'COVERED_BY_RESOURCES',
    covered_by_resources: true,
    resources_justification: 'Gedeckt.',
    resources_decided_by_name: 'Matrix',
    resources_decided_at: new Date(),
    considered_offer_ids: `{${own},${foreign},${county}}`,
  });
  return { needId, own, foreign, county };
}

export const cases: AuthorizationCase[] = [
  {
    title: 'needs lists each role the needs of its scope; provider staff none',
    covers: ['Query.needs'],
    prepare: async (w): Promise<Listed> => ({
      own: (await freshNeed(w)).id,
      foreign: (await freshNeed(w, 'RECORDED', w.socialAreas.foreign)).id,
      county: (await freshNeed(w, 'RECORDED', null)).id,
    }),
    document: 'query { needs { id } }',
    pick: (data, _w, p: Listed, persona) =>
      persona.role === 'PROVIDER' ? ids(data.needs) : knownIds(data.needs, [p.own, p.foreign, p.county]),
    expect: {
      ADMIN: (_w, p) => allow(sorted([p.own, p.foreign, p.county])),
      FINANCE: (_w, p) => allow(sorted([p.own, p.foreign, p.county])),
      COMMITTEE: (_w, p) => allow(sorted([p.own, p.foreign, p.county])),
      'TEAM_LEAD:own': (_w, p) => allow(sorted([p.own, p.county])),
      'TEAM_LEAD:foreign': (_w, p) => allow(sorted([p.foreign, p.county])),
      'REGIONAL_TEAM:own': (_w, p) => allow(sorted([p.own, p.county])),
      'REGIONAL_TEAM:foreign': (_w, p) => allow(sorted([p.foreign, p.county])),
      PROVIDER: allow([]),
    },
  },
  {
    title: 'need(id) of the own Sozialraum: read in scope, not found outside it',
    covers: ['Query.need'],
    prepare: (w) => freshNeed(w),
    document: 'query($id: UUID!) { need(id: $id) { id } }',
    variables: (_w, p) => ({ id: p.id }),
    pick: (data) => data.need?.id,
    expect: readsOwnNeed((_w, p: { id: string }) => p.id),
  },
  {
    title: 'a need’s Sozialraum, considered Träger and timeline are read with the need',
    covers: ['Need.socialArea', 'Need.consideredProviders', 'Need.timeline'],
    prepare: (w) => freshNeed(w),
    document:
      'query($id: UUID!) { need(id: $id) { socialArea { id } consideredProviders { id } timeline { kind byName } } }',
    variables: (_w, p) => ({ id: p.id }),
    expect: readsOwnNeed((w) => ({
      socialArea: { id: w.socialAreas.own },
      consideredProviders: [{ id: w.providers.own }],
      timeline: [{ kind: 'RECORDED', byName: 'Matrix' }],
    })),
  },
  {
    title:
      'a need’s considered running offers (and its decision-1 timeline entry) show only the offers the caller may read',
    covers: ['Need.consideredRunningOffers', 'NeedTimelineEntry.offers'],
    prepare: (w) => needWithConsideredOffers(w),
    document:
      'query($id: UUID!) { need(id: $id) { consideredRunningOffers { id } timeline { kind offers { id } } } }',
    variables: (_w, p: ConsideredOffers) => ({ id: p.needId }),
    pick: (data) => ({
      considered: data.need.consideredRunningOffers.map((offer: { id: string }) => offer.id),
      timeline: data.need.timeline
        .filter((entry: { kind: string }) => entry.kind === 'RESOURCES_DECIDED')
        .map((entry: { offers: { id: string }[] }) => entry.offers.map((offer) => offer.id)),
    }),
    expect: {
      ...readsOwnNeed((_w, p: ConsideredOffers) => {
        const all = [p.own, p.foreign, p.county];
        return { considered: all, timeline: [all] };
      }),
      // The team lead and the Regionalteam of the own Sozialraum do not read the foreign Sozialraum's offer.
      'TEAM_LEAD:own': (_w, p) => allow({ considered: [p.own, p.county], timeline: [[p.own, p.county]] }),
      'REGIONAL_TEAM:own': (_w, p) => allow({ considered: [p.own, p.county], timeline: [[p.own, p.county]] }),
    },
  },
  {
    title:
      'Need.viewerCan allows the decisions to the team lead of the Sozialraum and the administration only',
    covers: ['Need.viewerCan'],
    prepare: (w) => freshNeed(w),
    document:
      'query($id: UUID!) { need(id: $id) { viewerCan { update decideResources decideOffer prioritise } } }',
    variables: (_w, p) => ({ id: p.id }),
    pick: (data) => data.need.viewerCan,
    expect: {
      ...readsOwnNeed(() => ({
        update: false,
        decideResources: false,
        decideOffer: false,
        prioritise: false,
      })),
      ADMIN: allow({ update: true, decideResources: true, decideOffer: false, prioritise: false }),
      'TEAM_LEAD:own': allow({ update: true, decideResources: true, decideOffer: false, prioritise: false }),
    },
  },
  {
    title: 'recordNeed in the own Sozialraum is for its team lead and the administration',
    covers: ['Mutation.recordNeed'],
    document: 'mutation($input: RecordNeedInput!) { recordNeed(input: $input) { state } }',
    variables: (w) => ({
      input: {
        socialAreaId: w.socialAreas.own,
        countyWide: false,
        title: w.unique('Matrix'),
        situationDescription: 'x',
      },
    }),
    expect: {
      ADMIN: allow({ state: 'RECORDED' }),
      'TEAM_LEAD:own': allow({ state: 'RECORDED' }),
      '*': deny('FORBIDDEN'),
    },
    state: (w) => w.sql(`select count(*)::int as count from need`),
  },
  needChange('updateNeed', 'UpdateNeedInput', 'RECORDED', (_w, need) => ({
    id: need.id,
    revision: need.revision,
    title: 'Geändert',
  })),
  needChange('decideNeedResources', 'DecideNeedResourcesInput', 'RECORDED', (_w, need) => ({
    id: need.id,
    revision: need.revision,
    covered: false,
    justification: 'Reicht nicht.',
  })),
  needChange('decideNeedOffer', 'DecideNeedOfferInput', 'RESOURCES_INSUFFICIENT', (_w, need) => ({
    id: need.id,
    revision: need.revision,
    offer: false,
    justification: 'Kein Angebot.',
  })),
  needChange(
    'recordNeedBodyInvolvement',
    'RecordNeedBodyInvolvementInput',
    'OFFER_PLANNED',
    async (w, need) => {
      const [body] = await w.sql<{ id: string }>(`select id from body where name = 'Jugendhilfeausschuss'`);
      return {
        needId: need.id,
        revision: need.revision,
        bodyId: body!.id,
        involvement: 'DECIDE',
        date: '2026-11-20',
        outcome: 'Zugestimmt.',
      };
    },
  ),
  {
    title: 'prioritiseNeeds of the own Sozialraum is for its team lead and the administration',
    covers: ['Mutation.prioritiseNeeds'],
    prepare: async (w) => {
      await freshNeed(w, 'OFFER_PLANNED');
      const open = await w.sql<{ id: string }>(
        `select id from need where social_area_id = ? and state in ('OFFER_PLANNED', 'OPEN_FOR_APPLICATIONS') order by priority desc`,
        [w.socialAreas.own],
      );
      return { needIds: open.map((row) => row.id) };
    },
    document: 'mutation($input: PrioritiseNeedsInput!) { prioritiseNeeds(input: $input) { id } }',
    variables: (w, p) => ({ input: { socialAreaId: w.socialAreas.own, needIds: p.needIds } }),
    pick: (data) => data.prioritiseNeeds.map((need: { id: string }) => need.id),
    expect: {
      ADMIN: (_w, p) => allow(p.needIds),
      'TEAM_LEAD:own': (_w, p) => allow(p.needIds),
      '*': deny('FORBIDDEN'),
    },
    state: (w) =>
      w.sql(`select id, priority, revision from need where social_area_id = ? order by id`, [
        w.socialAreas.own,
      ]),
  },
  {
    title: 'bodies are read by the office; provider staff see none',
    covers: ['Query.bodies'],
    document: 'query { bodies { name } }',
    pick: (data) => data.bodies.some((body: { name: string }) => body.name === 'Jugendhilfeausschuss'),
    expect: { office: allow(true), PROVIDER: allow(false) },
  },
  {
    title: 'Body.viewerCan says only the administration may change it',
    covers: ['Body.viewerCan'],
    document: 'query { bodies { viewerCan { update } } }',
    pick: (data) => [
      ...new Set(data.bodies.map((body: { viewerCan: { update: boolean } }) => body.viewerCan.update)),
    ],
    expect: { ADMIN: allow([true]), office: allow([false]), PROVIDER: allow([]) },
  },
  {
    title: 'createBody is for the administration only',
    covers: ['Mutation.createBody'],
    document: 'mutation($input: CreateBodyInput!) { createBody(input: $input) { revision } }',
    variables: (w) => ({ input: { name: w.unique('Matrix Gremium') } }),
    expect: { ADMIN: allow({ revision: 1 }), '*': deny('FORBIDDEN') },
    state: (w) => w.sql(`select count(*)::int as count from body`),
  },
  {
    title: 'updateBody is for the administration only',
    covers: ['Mutation.updateBody'],
    prepare: async (w) => ({ id: await insertRow(w, 'body', { name: w.unique('Matrix Gremium') }) }),
    document: 'mutation($input: UpdateBodyInput!) { updateBody(input: $input) { id revision } }',
    variables: (_w, p) => ({ input: { id: p.id, revision: 1, active: false } }),
    expect: { ADMIN: (_w, p) => allow({ id: p.id, revision: 2 }), '*': deny('FORBIDDEN') },
    state: (w, p) => w.sql(`select * from body where id = ?`, [p.id]),
  },
];
