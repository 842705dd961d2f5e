import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { INITIAL_BODIES } from '../../server/src/needs/body.entity.js';
import { DEMO_NEEDS, seedDemoNeeds } from '../../server/src/needs/seed-demo-needs.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { insertOfferRows, type OfferRowOptions } from './authorization/offers.cases.js';
import { type GraphQLResponse, startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const areas = { achim: '', oyten: '', verden: '', inactive: '' };
const teams = { north: '', south: '' };
let providerId = '';
let lead: Caller;
let otherLead: Caller;
let foreignLead: Caller;
let regionalNorth: Caller;
let regionalSouth: Caller;
const admin: Caller = { userId: 'needs-admin', displayName: 'Anna Adler', roles: [Role.ADMIN] };
const finance: Caller = { userId: 'needs-finance', displayName: 'Frank Fehse', roles: [Role.FINANCE] };
const committee: Caller = { userId: 'needs-committee', displayName: 'Greta Gerdes', roles: [Role.COMMITTEE] };
let provider: Caller;

beforeAll(async () => {
  api = await startTestApi();
  teams.north = await insert('regional_team', { name: 'Bedarfe Nord' });
  teams.south = await insert('regional_team', { name: 'Bedarfe Süd' });
  areas.achim = await insert('social_area', { name: 'Bedarfe Achim', regional_team_id: teams.north });
  areas.oyten = await insert('social_area', { name: 'Bedarfe Oyten', regional_team_id: teams.north });
  areas.verden = await insert('social_area', { name: 'Bedarfe Verden', regional_team_id: teams.south });
  areas.inactive = await insert('social_area', {
    name: 'Bedarfe Alt',
    regional_team_id: teams.north,
    active: false,
  });
  providerId = await insert('provider', { name: 'Bedarfe Träger' });
  lead = {
    userId: 'needs-lead',
    displayName: 'Tarek Thiel',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.achim, areas.inactive],
  };
  otherLead = {
    userId: 'needs-lead-2',
    displayName: 'Tina Tews',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.achim],
  };
  foreignLead = {
    userId: 'needs-lead-foreign',
    displayName: 'Vera Vogt',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.verden],
  };
  regionalNorth = {
    userId: 'needs-rt-north',
    displayName: 'Rita Rolfs',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: teams.north,
  };
  regionalSouth = {
    userId: 'needs-rt-south',
    displayName: 'Sven Sander',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: teams.south,
  };
  provider = { userId: 'needs-provider', displayName: 'Paula Peters', roles: [Role.PROVIDER], providerId };
});
afterAll(() => api?.close());

// --- Operations -------------------------------------------------------------------------------------

const NEED_FIELDS = /* GraphQL */ `
  id state outcome title situationDescription countyWide priority revision createdByName
  socialArea { id name }
  coveredByResources resourcesJustification consideredOffers consideredProviders { id name }
  resourcesDecidedByName resourcesDecidedAt
  offerWanted offerJustification offerDecidedByName offerDecidedAt
  contactYouthOffice contactProviders fundingProgrammes professionalJustification resourcesWeighed developmentWithoutOffer
  viewerCan { update planOffer decideResources decideOffer recordBodyInvolvement prioritise }
  timeline { kind at byName decision justification bodyName involvement date outcome }
`;
const RECORD = `mutation($input: RecordNeedInput!) { recordNeed(input: $input) { ${NEED_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateNeedInput!) { updateNeed(input: $input) { ${NEED_FIELDS} } }`;
const DECIDE_RESOURCES = `mutation($input: DecideNeedResourcesInput!) { decideNeedResources(input: $input) { ${NEED_FIELDS} } }`;
const DECIDE_OFFER = `mutation($input: DecideNeedOfferInput!) { decideNeedOffer(input: $input) { ${NEED_FIELDS} } }`;
const INVOLVE = `mutation($input: RecordNeedBodyInvolvementInput!) { recordNeedBodyInvolvement(input: $input) { ${NEED_FIELDS} } }`;
const PRIORITISE = `mutation($input: PrioritiseNeedsInput!) { prioritiseNeeds(input: $input) { id priority revision } }`;
const NEEDS = `query($filter: NeedFilter) { needs(filter: $filter) { id state priority } }`;
const NEED = `query($id: UUID!) { need(id: $id) { ${NEED_FIELDS} } }`;
const BODIES = `query($all: Boolean) { bodies(includeInactive: $all) { id name active revision viewerCan { update } } }`;

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
): Promise<T> {
  const { data, errors } = await api.gql<T>(query, variables, { caller });
  expect(errors).toBeUndefined();
  return data!;
}

async function recordNeed(
  caller: Caller = lead,
  socialAreaId: string | null = areas.achim,
  title = 'Bedarf',
) {
  return (
    await ok(
      RECORD,
      {
        input: {
          socialAreaId,
          countyWide: socialAreaId === null,
          title: `${title} ${randomUUID().slice(0, 6)}`,
          situationDescription: 'Eltern berichten von Konflikten in der Schule.',
        },
      },
      caller,
    )
  ).recordNeed;
}

/** A need of `socialAreaId` taken to OFFER_PLANNED (open, prioritised). */
async function plannedNeed(caller: Caller = lead, socialAreaId: string | null = areas.achim) {
  const need = await recordNeed(caller, socialAreaId, 'Offener Bedarf');
  const insufficient = (
    await ok(
      DECIDE_RESOURCES,
      { input: { id: need.id, revision: need.revision, covered: false, justification: 'Reicht nicht.' } },
      caller,
    )
  ).decideNeedResources;
  return (
    await ok(
      DECIDE_OFFER,
      {
        input: { id: need.id, revision: insufficient.revision, offer: true, justification: 'Angebot nötig.' },
      },
      caller,
    )
  ).decideNeedOffer;
}

const bodyId = async (name: string) =>
  (await sql<{ id: string }>('select id from body where name = ?', [name]))[0]!.id;

/** The need's row, its involvements and the number of successful audit events: what a refused call must not change. */
async function snapshot(needId: string) {
  return {
    need: await sql('select * from need where id = ?', [needId]),
    involvements: await sql('select * from need_body_involvement where need_id = ? order by id', [needId]),
    priorities: await sql('select id, priority, revision from need order by id'),
    events: (
      await sql<{ n: number }>(`select count(*)::int as n from audit_event where outcome = 'SUCCESS'`)
    )[0]!.n,
  };
}

/** Runs a call that must be refused with `code` (and `reason`) and checks that nothing changed. */
async function refused(needId: string, run: () => Promise<GraphQLResponse>, code: string, reason?: string) {
  const before = await snapshot(needId);
  const { data, errors } = await run();
  expect(data ?? null).toBeNull();
  expect(errors?.[0]?.extensions?.code).toBe(code);
  if (reason) expect(errors?.[0]?.extensions?.reason).toBe(reason);
  expect(await snapshot(needId)).toEqual(before);
  return errors![0]!;
}

const eventsFor = (entityId: string) =>
  sql<{ operation: string; role: string; user_id: string; details: any; justification: string | null }>(
    `select * from audit_event where entity_id = ? and outcome = 'SUCCESS' order by id`,
    [entityId],
  );

// --- Steps 1–7 ----------------------------------------------------------------------------------------

describe('steps 1–7 through GraphQL as the team lead', () => {
  it('records a need, decides twice, notes contacts, funding programmes, bodies and the justification', async () => {
    const need = await recordNeed(lead, areas.achim, 'Soziales Training');
    expect(need).toMatchObject({
      state: 'RECORDED',
      outcome: null,
      countyWide: false,
      socialArea: { id: areas.achim },
      priority: null,
      revision: 1,
      createdByName: 'Tarek Thiel',
      viewerCan: {
        update: true,
        planOffer: false,
        decideResources: true,
        decideOffer: false,
        recordBodyInvolvement: false,
        prioritise: false,
      },
    });
    expect(need.timeline).toEqual([expect.objectContaining({ kind: 'RECORDED', byName: 'Tarek Thiel' })]);

    // Step 2: the resources do not cover it; the Träger and offers considered are noted.
    const step2 = (
      await ok(
        DECIDE_RESOURCES,
        {
          input: {
            id: need.id,
            revision: need.revision,
            covered: false,
            justification: 'Die Schulsozialarbeit ist ausgelastet.',
            consideredOffers: 'Schulsozialarbeit; Jugendtreff',
            consideredProviderIds: [providerId],
          },
        },
        lead,
      )
    ).decideNeedResources;
    expect(step2).toMatchObject({
      state: 'RESOURCES_INSUFFICIENT',
      outcome: null,
      coveredByResources: false,
      resourcesJustification: 'Die Schulsozialarbeit ist ausgelastet.',
      consideredOffers: 'Schulsozialarbeit; Jugendtreff',
      consideredProviders: [{ id: providerId, name: 'Bedarfe Träger' }],
      resourcesDecidedByName: 'Tarek Thiel',
      revision: 2,
      viewerCan: { decideResources: false, decideOffer: true },
    });
    expect(step2.resourcesDecidedAt).toEqual(expect.any(String));

    // Step 3: an offer shall cover it; it becomes the first open need of the Sozialraum.
    const step3 = (
      await ok(
        DECIDE_OFFER,
        {
          input: {
            id: need.id,
            revision: step2.revision,
            offer: true,
            justification: 'Ein Gruppenangebot vermeidet Einzelfallhilfen.',
          },
        },
        lead,
      )
    ).decideNeedOffer;
    expect(step3).toMatchObject({
      state: 'OFFER_PLANNED',
      outcome: 'OFFER',
      offerWanted: true,
      offerDecidedByName: 'Tarek Thiel',
      priority: 1,
      viewerCan: {
        update: true,
        planOffer: true,
        decideOffer: false,
        recordBodyInvolvement: true,
        prioritise: true,
      },
    });

    // Steps 4 and 6: contacts, funding programmes, the professional justification.
    const step4 = (
      await ok(
        UPDATE,
        {
          input: {
            id: need.id,
            revision: step3.revision,
            contactYouthOffice: 'Mit FD 51 am 3.11. abgestimmt.',
            contactProviders: 'Zwei Träger angefragt.',
            fundingProgrammes: 'Landesprogramm geprüft: nicht einschlägig.',
            professionalJustification: 'Gruppenarbeit erreicht alle Kinder.',
            resourcesWeighed: 'Rund 120 Fachleistungsstunden.',
            developmentWithoutOffer: 'Weitere Einzelfallhilfen wären zu erwarten.',
          },
        },
        lead,
      )
    ).updateNeed;
    expect(step4).toMatchObject({
      contactYouthOffice: 'Mit FD 51 am 3.11. abgestimmt.',
      fundingProgrammes: 'Landesprogramm geprüft: nicht einschlägig.',
      developmentWithoutOffer: 'Weitere Einzelfallhilfen wären zu erwarten.',
      state: 'OFFER_PLANNED',
    });

    // Step 5: two bodies, each with its kind of involvement, date and outcome.
    const ag = await bodyId('AG nach § 78 SGB VIII');
    const jha = await bodyId('Jugendhilfeausschuss');
    const first = (
      await ok(
        INVOLVE,
        {
          input: {
            needId: need.id,
            revision: step4.revision,
            bodyId: ag,
            involvement: 'PARTICIPATE',
            date: '2026-11-12',
            outcome: 'Unterstützt.',
          },
        },
        lead,
      )
    ).recordNeedBodyInvolvement;
    const second = (
      await ok(
        INVOLVE,
        {
          input: {
            needId: need.id,
            revision: first.revision,
            bodyId: jha,
            involvement: 'INFORM',
            date: '2026-11-20',
            outcome: 'Zur Kenntnis genommen.',
          },
        },
        lead,
      )
    ).recordNeedBodyInvolvement;
    expect(second.timeline.map((entry: { kind: string }) => entry.kind)).toEqual([
      'RECORDED',
      'RESOURCES_DECIDED',
      'OFFER_DECIDED',
      'BODY_INVOLVED',
      'BODY_INVOLVED',
    ]);
    expect(second.timeline[1]).toMatchObject({
      decision: false,
      justification: 'Die Schulsozialarbeit ist ausgelastet.',
      byName: 'Tarek Thiel',
    });
    expect(second.timeline[2]).toMatchObject({
      decision: true,
      justification: 'Ein Gruppenangebot vermeidet Einzelfallhilfen.',
    });
    expect(second.timeline[4]).toMatchObject({
      bodyName: 'Jugendhilfeausschuss',
      involvement: 'INFORM',
      date: '2026-11-20',
      outcome: 'Zur Kenntnis genommen.',
    });

    // One audit event per mutation, naming the team lead, with before/after and the justifications.
    const events = await eventsFor(need.id);
    expect(events.map((event) => event.operation)).toEqual([
      'recordNeed',
      'decideNeedResources',
      'decideNeedOffer',
      'updateNeed',
      'recordNeedBodyInvolvement',
      'recordNeedBodyInvolvement',
    ]);
    for (const event of events) expect(event).toMatchObject({ role: 'TEAM_LEAD', user_id: 'needs-lead' });
    expect(events[1]).toMatchObject({
      justification: 'Die Schulsozialarbeit ist ausgelastet.',
      details: {
        before: { state: 'RECORDED', coveredByResources: null },
        after: {
          state: 'RESOURCES_INSUFFICIENT',
          coveredByResources: false,
          consideredProviderIds: [providerId],
        },
      },
    });
    expect(events[2]).toMatchObject({
      justification: 'Ein Gruppenangebot vermeidet Einzelfallhilfen.',
      details: {
        before: { state: 'RESOURCES_INSUFFICIENT', outcome: null },
        after: { state: 'OFFER_PLANNED', outcome: 'OFFER', priority: 1 },
      },
    });
    expect(events[3]!.details.after).toMatchObject({ contactYouthOffice: 'Mit FD 51 am 3.11. abgestimmt.' });
    expect(events[5]!.details.after).toMatchObject({
      bodyName: 'Jugendhilfeausschuss',
      involvement: 'INFORM',
    });

    // The outcome is a typed column for the reports.
    const [row] = await sql('select state, outcome, priority from need where id = ?', [need.id]);
    expect(row).toEqual({ state: 'OFFER_PLANNED', outcome: 'OFFER', priority: 1 });
  });

  it('decision 1 yes ends the need as covered by resources; decision 2 no as no offer', async () => {
    const covered = await recordNeed();
    const decided = (
      await ok(
        DECIDE_RESOURCES,
        { input: { id: covered.id, revision: 1, covered: true, justification: 'Das Netzwerk deckt es.' } },
        lead,
      )
    ).decideNeedResources;
    expect(decided).toMatchObject({
      state: 'COVERED_BY_RESOURCES',
      outcome: 'COVERED_BY_RESOURCES',
      priority: null,
      viewerCan: {
        update: false,
        planOffer: false,
        decideResources: false,
        decideOffer: false,
        recordBodyInvolvement: false,
        prioritise: false,
      },
    });

    const none = await recordNeed();
    const insufficient = (
      await ok(
        DECIDE_RESOURCES,
        { input: { id: none.id, revision: 1, covered: false, justification: 'Nein.' } },
        lead,
      )
    ).decideNeedResources;
    const noOffer = (
      await ok(
        DECIDE_OFFER,
        {
          input: {
            id: none.id,
            revision: insufficient.revision,
            offer: false,
            justification: 'Ein anderes Angebot startet bald.',
          },
        },
        lead,
      )
    ).decideNeedOffer;
    expect(noOffer).toMatchObject({
      state: 'NO_OFFER',
      outcome: 'NO_OFFER',
      offerWanted: false,
      priority: null,
    });
    expect(noOffer.timeline.at(-1)).toMatchObject({
      kind: 'OFFER_DECIDED',
      decision: false,
      justification: 'Ein anderes Angebot startet bald.',
    });
  });

  it('a county-wide need: recorded by a team lead, read by all office roles in scope, changed only by its author and the administration', async () => {
    const need = await recordNeed(lead, null, 'Kreisweit');
    expect(need).toMatchObject({ countyWide: true, socialArea: null });
    for (const reader of [otherLead, foreignLead, regionalNorth, regionalSouth, finance, committee, admin]) {
      expect((await ok(NEED, { id: need.id }, reader)).need.id).toBe(need.id);
    }
    expect((await ok(NEED, { id: need.id }, otherLead)).need.viewerCan.update).toBe(false);
    await refused(
      need.id,
      () =>
        api.gql(UPDATE, { input: { id: need.id, revision: 1, title: 'Übernommen' } }, { caller: otherLead }),
      'FORBIDDEN',
    );
    const changed = (
      await ok(UPDATE, { input: { id: need.id, revision: 1, title: 'Kreisweit geändert' } }, admin)
    ).updateNeed;
    expect(changed).toMatchObject({ title: 'Kreisweit geändert', revision: 2 });
    const recorded = await api.gql(
      RECORD,
      { input: { socialAreaId: areas.achim, countyWide: true, title: 'x', situationDescription: 'y' } },
      { caller: lead },
    );
    expect(recorded.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

// --- Refusals leave everything as it was ------------------------------------------------------------

describe('refused changes leave the database unchanged', () => {
  it('an illegal transition: CONFLICT/INVALID_TRANSITION', async () => {
    const need = await recordNeed();
    const error = await refused(
      need.id,
      () =>
        api.gql(
          DECIDE_OFFER,
          { input: { id: need.id, revision: 1, offer: true, justification: 'Zu früh.' } },
          { caller: lead },
        ),
      'CONFLICT',
      'INVALID_TRANSITION',
    );
    expect(error.extensions).toMatchObject({ state: 'RECORDED', action: 'decideOffer' });
    expect(error.message).toContain('Erfasst');
    // Body involvement and steps 4/6 need a planned offer.
    await refused(
      need.id,
      () =>
        api.gql(
          INVOLVE,
          {
            input: {
              needId: need.id,
              revision: 1,
              bodyId: randomUUID(),
              involvement: 'DECIDE',
              date: '2026-11-01',
              outcome: 'x',
            },
          },
          { caller: lead },
        ),
      'CONFLICT',
      'INVALID_TRANSITION',
    );
    await refused(
      need.id,
      () =>
        api.gql(
          UPDATE,
          { input: { id: need.id, revision: 1, fundingProgrammes: 'zu früh' } },
          { caller: lead },
        ),
      'CONFLICT',
      'INVALID_TRANSITION',
    );
    // An ended need takes no more decisions or edits.
    await ok(
      DECIDE_RESOURCES,
      { input: { id: need.id, revision: 1, covered: true, justification: 'Gedeckt.' } },
      lead,
    );
    await refused(
      need.id,
      () =>
        api.gql(
          DECIDE_RESOURCES,
          { input: { id: need.id, revision: 2, covered: false, justification: 'Doch nicht.' } },
          { caller: lead },
        ),
      'CONFLICT',
      'INVALID_TRANSITION',
    );
    await refused(
      need.id,
      () => api.gql(UPDATE, { input: { id: need.id, revision: 2, title: 'Neu' } }, { caller: lead }),
      'CONFLICT',
      'INVALID_TRANSITION',
    );
  });

  it('a wrong role: FORBIDDEN for roles that read the need, NOT_FOUND for provider staff', async () => {
    const need = await recordNeed();
    const decide = (caller: Caller) => () =>
      api.gql(
        DECIDE_RESOURCES,
        { input: { id: need.id, revision: 1, covered: true, justification: 'x' } },
        { caller },
      );
    for (const caller of [regionalNorth, finance, committee]) {
      expect((await ok(NEED, { id: need.id }, caller)).need.viewerCan).toEqual({
        update: false,
        planOffer: false,
        decideResources: false,
        decideOffer: false,
        recordBodyInvolvement: false,
        prioritise: false,
      });
      await refused(need.id, decide(caller), 'FORBIDDEN');
    }
    await refused(need.id, decide(provider), 'NOT_FOUND');
    await refused(
      need.id,
      () =>
        api.gql(
          RECORD,
          { input: { socialAreaId: areas.achim, countyWide: false, title: 'x', situationDescription: 'y' } },
          { caller: regionalNorth },
        ),
      'FORBIDDEN',
    );
  });

  it('a foreign Sozialraum: NOT_FOUND for its needs, FORBIDDEN for recording one there', async () => {
    const need = await recordNeed();
    await refused(need.id, () => api.gql(NEED, { id: need.id }, { caller: foreignLead }), 'NOT_FOUND');
    await refused(need.id, () => api.gql(NEED, { id: need.id }, { caller: regionalSouth }), 'NOT_FOUND');
    await refused(
      need.id,
      () => api.gql(UPDATE, { input: { id: need.id, revision: 1, title: 'Fremd' } }, { caller: foreignLead }),
      'NOT_FOUND',
    );
    await refused(
      need.id,
      () =>
        api.gql(
          RECORD,
          {
            input: {
              socialAreaId: areas.verden,
              countyWide: false,
              title: 'Fremd',
              situationDescription: 'y',
            },
          },
          { caller: lead },
        ),
      'FORBIDDEN',
    );
    await refused(
      need.id,
      () =>
        api.gql(
          RECORD,
          {
            input: {
              socialAreaId: areas.inactive,
              countyWide: false,
              title: 'Alt',
              situationDescription: 'y',
            },
          },
          { caller: lead },
        ),
      'BAD_USER_INPUT',
    );
  });

  it('a stale save: CONFLICT/STALE_REVISION', async () => {
    const need = await recordNeed();
    await ok(UPDATE, { input: { id: need.id, revision: 1, title: 'Erste Änderung' } }, lead);
    await refused(
      need.id,
      () =>
        api.gql(UPDATE, { input: { id: need.id, revision: 1, title: 'Veraltet' } }, { caller: otherLead }),
      'CONFLICT',
      'STALE_REVISION',
    );
    await refused(
      need.id,
      () =>
        api.gql(
          DECIDE_RESOURCES,
          { input: { id: need.id, revision: 1, covered: true, justification: 'Veraltet' } },
          { caller: otherLead },
        ),
      'CONFLICT',
      'STALE_REVISION',
    );
  });

  it('unknown Träger or an inactive body: BAD_USER_INPUT', async () => {
    const need = await recordNeed();
    await refused(
      need.id,
      () =>
        api.gql(
          DECIDE_RESOURCES,
          {
            input: {
              id: need.id,
              revision: 1,
              covered: false,
              justification: 'x',
              consideredProviderIds: [randomUUID()],
            },
          },
          { caller: lead },
        ),
      'BAD_USER_INPUT',
    );
    const planned = await plannedNeed();
    const inactive = await insert('body', {
      name: `Altes Gremium ${randomUUID().slice(0, 6)}`,
      active: false,
    });
    await refused(
      planned.id,
      () =>
        api.gql(
          INVOLVE,
          {
            input: {
              needId: planned.id,
              revision: planned.revision,
              bodyId: inactive,
              involvement: 'DECIDE',
              date: '2026-11-01',
              outcome: 'x',
            },
          },
          { caller: lead },
        ),
      'BAD_USER_INPUT',
    );
  });
});

// --- Decision 1 names running offers -------------------------------------------------------------------

describe('decision 1 names the running offers considered', () => {
  const OFFERS_OF_NEED = `query($id: UUID!) { need(id: $id) {
    consideredRunningOffers { id title state }
    timeline { kind offers { id title } }
  } }`;
  const offers = { achim: '', achimToo: '', county: '', verden: '', ended: '' };
  const titles: Record<string, string> = {};

  beforeAll(async () => {
    const categoryId = await insert('offer_category', {
      name: `Bedarfe Angebotsart ${randomUUID().slice(0, 6)}`,
      financing_kind: 'GRANT',
    });
    const offer = async (key: keyof typeof offers, options: Partial<OfferRowOptions>) => {
      titles[key] = `Laufendes Angebot ${key} ${randomUUID().slice(0, 6)}`;
      offers[key] = (
        await insertOfferRows(sql, insert, {
          socialAreaId: areas.achim,
          providerId,
          offerCategoryId: categoryId,
          title: titles[key],
          ...options,
        })
      ).offerId;
    };
    await offer('achim', {});
    await offer('achimToo', {});
    await offer('county', { socialAreaId: null });
    await offer('verden', { socialAreaId: areas.verden });
    await offer('ended', { state: 'ENDED' });
  });

  const decide = (need: { id: string; revision: number }, consideredOfferIds: string[], caller = lead) =>
    api.gql(
      DECIDE_RESOURCES,
      {
        input: {
          id: need.id,
          revision: need.revision,
          covered: true,
          justification: 'Das Elterncafé deckt es ab.',
          consideredOffers: 'Nachbarschaftshilfe',
          consideredOfferIds,
        },
      },
      { caller },
    );

  it('stores valid ids once, in order, returns them with the need and names them in the timeline and the audit event', async () => {
    const need = await recordNeed();
    const { data, errors } = await decide(need, [
      offers.county,
      offers.achim,
      offers.county.toUpperCase(),
      offers.achim,
    ]);
    expect(errors).toBeUndefined();
    expect(data!.decideNeedResources).toMatchObject({
      state: 'COVERED_BY_RESOURCES',
      consideredOffers: 'Nachbarschaftshilfe',
    });
    const [row] = await sql<{ considered_offer_ids: string[] }>(
      'select considered_offer_ids from need where id = ?',
      [need.id],
    );
    expect(row!.considered_offer_ids).toEqual([offers.county, offers.achim]);
    const expected = [
      { id: offers.county, title: titles.county, state: 'RUNNING' },
      { id: offers.achim, title: titles.achim, state: 'RUNNING' },
    ];
    const read = (await ok(OFFERS_OF_NEED, { id: need.id }, lead)).need;
    expect(read.consideredRunningOffers).toEqual(expected);
    expect(read.timeline).toEqual([
      { kind: 'RECORDED', offers: [] },
      {
        kind: 'RESOURCES_DECIDED',
        offers: expected.map(({ id, title }) => ({ id, title })),
      },
    ]);
    // Everyone who reads the need in scope reads them too.
    for (const caller of [admin, finance, committee, regionalNorth, otherLead]) {
      expect((await ok(OFFERS_OF_NEED, { id: need.id }, caller)).need.consideredRunningOffers).toEqual(
        expected,
      );
    }
    const [event] = (await eventsFor(need.id)).filter((e) => e.operation === 'decideNeedResources');
    expect(event!.details.before.consideredOfferIds).toEqual([]);
    expect(event!.details.after.consideredOfferIds).toEqual([offers.county, offers.achim]);
    expect(event!.details.after.consideredRunningOffers).toEqual([
      { id: offers.county, title: titles.county },
      { id: offers.achim, title: titles.achim },
    ]);
  });

  it('lists many needs’ offers in one query (batched), each with only the offers the caller may read', async () => {
    const first = await recordNeed(admin);
    const second = await recordNeed(admin);
    expect((await decide(first, [offers.achim, offers.verden], admin)).errors).toBeUndefined();
    expect((await decide(second, [offers.achimToo, offers.county], admin)).errors).toBeUndefined();
    const LIST = `query { needs(filter: { states: [COVERED_BY_RESOURCES] }) { id consideredRunningOffers { id } } }`;
    const listed = (caller: Caller) =>
      ok<{ needs: { id: string; consideredRunningOffers: { id: string }[] }[] }>(LIST, {}, caller).then(
        (data) =>
          Object.fromEntries(data.needs.map((n) => [n.id, n.consideredRunningOffers.map((o) => o.id)])),
      );
    const byAdmin = await listed(admin);
    expect(byAdmin[first.id]).toEqual([offers.achim, offers.verden]);
    expect(byAdmin[second.id]).toEqual([offers.achimToo, offers.county]);
    // The team lead of Achim reads the needs, but not Verden's offer.
    const byLead = await listed(lead);
    expect(byLead[first.id]).toEqual([offers.achim]);
    expect(byLead[second.id]).toEqual([offers.achimToo, offers.county]);
    // The team lead of Verden does not read Achim's needs at all; provider staff read no needs.
    expect((await listed(foreignLead))[first.id]).toBeUndefined();
    expect(await listed(provider)).toEqual({});
    // One query for the offers of all listed needs, with the needs' own queries (and the caller's).
    const statements: string[] = [];
    const knex = api.orm.em.getConnection().getKnex();
    const record = (data: { sql: string }) => statements.push(data.sql);
    knex.on('query', record);
    try {
      await listed(admin);
    } finally {
      knex.off('query', record);
    }
    expect(statements.filter((statement) => /from "offer"/.test(statement))).toHaveLength(1);
  });

  it('refuses an unknown, a foreign or an ended offer with a field error and stores nothing', async () => {
    for (const [id, message] of [
      [randomUUID(), 'Ein genanntes Angebot existiert nicht.'],
      [offers.verden, 'Ein genanntes Angebot existiert nicht.'],
      [offers.ended, `Das Angebot „${titles.ended}“ läuft nicht mehr; betrachtet werden laufende Angebote.`],
    ] as const) {
      const need = await recordNeed();
      const error = await refused(need.id, () => decide(need, [offers.achim, id]), 'BAD_USER_INPUT');
      expect(error.extensions?.fields).toEqual([{ argument: 'consideredOfferIds', message }]);
    }
  });

  it('refuses more than 50 offers', async () => {
    const need = await recordNeed();
    const many = Array.from({ length: 51 }, () => randomUUID());
    await refused(need.id, () => decide(need, many), 'BAD_USER_INPUT');
  });
});

// --- Reading -------------------------------------------------------------------------------------------

describe('needs(filter) is scoped like the policy', () => {
  it('shows each role exactly its needs', async () => {
    const achim = await recordNeed(lead, areas.achim);
    const oyten = await recordNeed(admin, areas.oyten);
    const verden = await recordNeed(foreignLead, areas.verden);
    const county = await recordNeed(foreignLead, null);
    const mine = [achim.id, oyten.id, verden.id, county.id];
    const visible = async (caller: Caller) =>
      (await ok(NEEDS, {}, caller)).needs
        .map((need: { id: string }) => need.id)
        .filter((id: string) => mine.includes(id))
        .sort();
    expect(await visible(lead)).toEqual([achim.id, county.id].sort());
    expect(await visible(foreignLead)).toEqual([verden.id, county.id].sort());
    expect(await visible(regionalNorth)).toEqual([achim.id, oyten.id, county.id].sort());
    expect(await visible(regionalSouth)).toEqual([verden.id, county.id].sort());
    for (const reader of [admin, finance, committee]) expect(await visible(reader)).toEqual([...mine].sort());
    expect((await ok(NEEDS, {}, provider)).needs).toEqual([]);
    const filtered = await ok(NEEDS, { filter: { socialAreaId: areas.oyten, states: ['RECORDED'] } }, admin);
    expect(filtered.needs.map((need: { id: string }) => need.id)).toContain(oyten.id);
    expect(filtered.needs.every((need: { state: string }) => need.state === 'RECORDED')).toBe(true);
    const countyOnly = await ok(NEEDS, { filter: { countyWide: true } }, lead);
    expect(countyOnly.needs.map((need: { id: string }) => need.id)).toContain(county.id);
    expect(countyOnly.needs.map((need: { id: string }) => need.id)).not.toContain(achim.id);
  });
});

// --- Step 7: prioritisation --------------------------------------------------------------------------

describe('prioritisation (step 7)', () => {
  it('reorders the open needs of a Sozialraum; a list that is not the current one is refused', async () => {
    const area = await insert('social_area', {
      name: `Bedarfe Prio ${randomUUID().slice(0, 6)}`,
      regional_team_id: teams.north,
    });
    const caller: Caller = { ...lead, socialAreaIds: [area] };
    const [a, b, c] = [
      await plannedNeed(caller, area),
      await plannedNeed(caller, area),
      await plannedNeed(caller, area),
    ];
    expect([a.priority, b.priority, c.priority]).toEqual([1, 2, 3]);
    const reordered = (
      await ok(
        PRIORITISE,
        { input: { socialAreaId: area, needIds: [c.id, a.id, b.id], justification: 'Schule zuerst.' } },
        caller,
      )
    ).prioritiseNeeds;
    expect(reordered.map((need: { id: string; priority: number }) => [need.id, need.priority])).toEqual([
      [c.id, 1],
      [a.id, 2],
      [b.id, 3],
    ]);
    const events = await eventsFor(area);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      operation: 'prioritiseNeeds',
      role: 'TEAM_LEAD',
      justification: 'Schule zuerst.',
      details: { before: { needIds: [a.id, b.id, c.id] }, after: { needIds: [c.id, a.id, b.id] } },
    });
    await refused(
      c.id,
      () => api.gql(PRIORITISE, { input: { socialAreaId: area, needIds: [a.id, b.id] } }, { caller }),
      'CONFLICT',
      'STALE_PRIORITISATION',
    );
    await refused(
      c.id,
      () => api.gql(PRIORITISE, { input: { socialAreaId: area, needIds: [a.id, a.id, b.id] } }, { caller }),
      'BAD_USER_INPUT',
    );
    await refused(
      c.id,
      () =>
        api.gql(
          PRIORITISE,
          { input: { socialAreaId: area, needIds: [a.id, b.id, c.id] } },
          { caller: foreignLead },
        ),
      'FORBIDDEN',
    );
    await refused(
      c.id,
      () =>
        api.gql(
          PRIORITISE,
          { input: { socialAreaId: area, needIds: [a.id, b.id, c.id] } },
          { caller: regionalNorth },
        ),
      'FORBIDDEN',
    );
    // Without a role that prioritises, also where there is nothing to reorder (the county-wide needs of this test file).
    for (const caller of [provider, finance]) {
      await refused(
        c.id,
        () => api.gql(PRIORITISE, { input: { socialAreaId: null, needIds: [randomUUID()] } }, { caller }),
        'FORBIDDEN',
      );
    }
  });

  it('stays consistent under concurrency: parallel decisions and reorders leave the priorities 1…n', async () => {
    const area = await insert('social_area', {
      name: `Bedarfe Parallel ${randomUUID().slice(0, 6)}`,
      regional_team_id: teams.north,
    });
    const caller: Caller = { ...lead, socialAreaIds: [area] };
    // Six needs reach decision 2 at the same time: each gets its own place.
    const waiting = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const need = await recordNeed(caller, area);
        return (
          await ok(
            DECIDE_RESOURCES,
            { input: { id: need.id, revision: 1, covered: false, justification: 'x' } },
            caller,
          )
        ).decideNeedResources;
      }),
    );
    const decided = await Promise.all(
      waiting.map((need) =>
        api.gql(
          DECIDE_OFFER,
          { input: { id: need.id, revision: need.revision, offer: true, justification: 'y' } },
          { caller },
        ),
      ),
    );
    expect(decided.every((result) => !result.errors)).toBe(true);
    const prioritiesOf = async () =>
      sql<{ id: string; priority: number }>(
        `select id, priority from need where social_area_id = ? order by priority`,
        [area],
      );
    expect((await prioritiesOf()).map((row) => row.priority)).toEqual([1, 2, 3, 4, 5, 6]);

    // Reorders in parallel: they run one after another; the result is one of the orders asked for.
    const ids = (await prioritiesOf()).map((row) => row.id);
    const orders = [
      ids.slice().reverse(),
      [...ids.slice(3), ...ids.slice(0, 3)],
      [ids[1]!, ids[0]!, ...ids.slice(2)],
    ];
    const results = await Promise.all(
      orders.map((needIds) => api.gql(PRIORITISE, { input: { socialAreaId: area, needIds } }, { caller })),
    );
    expect(results.map((result) => result.errors)).toEqual([undefined, undefined, undefined]);
    const final = (await prioritiesOf()).map((row) => row.id);
    expect((await prioritiesOf()).map((row) => row.priority)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(orders).toContainEqual(final);

    // A reorder racing a new open need: either it ran first, or it is refused as stale; the newcomer is last either way.
    const late = await recordNeed(caller, area);
    const lateInsufficient = (
      await ok(
        DECIDE_RESOURCES,
        { input: { id: late.id, revision: 1, covered: false, justification: 'x' } },
        caller,
      )
    ).decideNeedResources;
    const [reorder, newcomer] = await Promise.all([
      api.gql(PRIORITISE, { input: { socialAreaId: area, needIds: final.slice().reverse() } }, { caller }),
      api.gql(
        DECIDE_OFFER,
        { input: { id: late.id, revision: lateInsufficient.revision, offer: true, justification: 'y' } },
        { caller },
      ),
    ]);
    expect(newcomer.errors).toBeUndefined();
    if (reorder.errors)
      expect(reorder.errors[0]!.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'STALE_PRIORITISATION',
      });
    const after = await prioritiesOf();
    expect(after.map((row) => row.priority)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(after.at(-1)!.id).toBe(late.id);
  });
});

// --- Bodies and demo data ---------------------------------------------------------------------------

describe('bodies (Gremien)', () => {
  it('the four bodies of the seed exist; the administration adds, renames and deactivates', async () => {
    const listed = (await ok(BODIES, {}, lead)).bodies;
    expect(listed.map((body: { name: string }) => body.name)).toEqual(
      expect.arrayContaining([...INITIAL_BODIES]),
    );
    expect(listed.every((body: { viewerCan: { update: boolean } }) => !body.viewerCan.update)).toBe(true);
    const created = (
      await ok(
        `mutation($input: CreateBodyInput!) { createBody(input: $input) { id name revision viewerCan { update } } }`,
        { input: { name: 'Präventionsrat' } },
        admin,
      )
    ).createBody;
    expect(created).toMatchObject({ name: 'Präventionsrat', revision: 1, viewerCan: { update: true } });
    const updated = (
      await ok(
        `mutation($input: UpdateBodyInput!) { updateBody(input: $input) { id active revision } }`,
        { input: { id: created.id, revision: 1, active: false } },
        admin,
      )
    ).updateBody;
    expect(updated).toMatchObject({ active: false, revision: 2 });
    expect((await ok(BODIES, {}, lead)).bodies.map((body: { id: string }) => body.id)).not.toContain(
      created.id,
    );
    expect((await ok(BODIES, { all: true }, lead)).bodies.map((body: { id: string }) => body.id)).toContain(
      created.id,
    );
    const taken = await api.gql(
      `mutation($input: CreateBodyInput!) { createBody(input: $input) { id } }`,
      { input: { name: 'jugendhilfeausschuss' } },
      { caller: admin },
    );
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NAME_TAKEN' });
    const denied = await api.gql(
      `mutation($input: CreateBodyInput!) { createBody(input: $input) { id } }`,
      { input: { name: 'Anderes' } },
      { caller: lead },
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('demo needs', () => {
  it('are created once, in the demo Sozialräume, in different states, with priorities and a body', async () => {
    for (const name of new Set(DEMO_NEEDS.map((need) => need.socialArea).filter((n): n is string => !!n))) {
      await sql(
        `insert into social_area (id, created_by, name) values (?, 'test', ?) on conflict (name) do nothing`,
        [randomUUID(), name],
      );
    }
    expect(await seedDemoNeeds(api.orm.em.fork())).toBe(DEMO_NEEDS.length);
    expect(await seedDemoNeeds(api.orm.em.fork())).toBe(0);
    const rows = await sql<{
      state: string;
      outcome: string | null;
      priority: number | null;
      social_area_id: string | null;
    }>(
      `select state, outcome, priority, social_area_id from need where title in (${DEMO_NEEDS.map(() => '?').join(', ')})`,
      DEMO_NEEDS.map((need) => need.title),
    );
    expect(new Set(rows.map((row) => row.state))).toEqual(
      new Set(['RECORDED', 'RESOURCES_INSUFFICIENT', 'COVERED_BY_RESOURCES', 'NO_OFFER', 'OFFER_PLANNED']),
    );
    expect(
      rows
        .filter((row) => row.state === 'OFFER_PLANNED')
        .map((row) => row.priority)
        .sort(),
    ).toEqual([1, 2]);
    expect(rows.some((row) => row.social_area_id === null)).toBe(true);
    const [{ n }] = await sql<{ n: number }>(
      `select count(*)::int as n from need_body_involvement i join need on need.id = i.need_id where need.title = ?`,
      [DEMO_NEEDS[1]!.title],
    );
    expect(n).toBe(1);
  });
});
