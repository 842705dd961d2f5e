import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CALL, seedDemoApplications } from '../../server/src/applications/seed-demo-applications.js';
import { type Caller, Role } from '../../server/src/common/context.js';
import { seedDemoMasterData } from '../../server/src/master-data/seed-demo-master-data.js';
import { sampleDataOf } from '../support/factories.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { type GraphQLResponse, startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const areas = { achim: '', verden: '' };
const teams = { north: '', south: '' };
const providers = { a: '', b: '', c: '' };
let categoryId = '';
let lead: Caller;
let foreignLead: Caller;
let regionalNorth: Caller;
let regionalSouth: Caller;
let providerA: Caller;
let providerB: Caller;
let providerC: Caller;
const admin: Caller = { userId: 'apps-admin', displayName: 'Anna Adler', roles: [Role.ADMIN] };
const finance: Caller = { userId: 'apps-finance', displayName: 'Frank Fehse', roles: [Role.FINANCE] };
const committee: Caller = { userId: 'apps-committee', displayName: 'Greta Gerdes', roles: [Role.COMMITTEE] };

beforeAll(async () => {
  api = await startTestApi();
  teams.north = await insert('regional_team', { name: 'Aufrufe Nord' });
  teams.south = await insert('regional_team', { name: 'Aufrufe Süd' });
  areas.achim = await insert('social_area', { name: 'Aufrufe Achim', regional_team_id: teams.north });
  areas.verden = await insert('social_area', { name: 'Aufrufe Verden', regional_team_id: teams.south });
  providers.a = await insert('provider', { name: 'Träger A' });
  providers.b = await insert('provider', { name: 'Träger B' });
  providers.c = await insert('provider', { name: 'Träger C' });
  categoryId = await insert('offer_category', {
    name: 'Aufrufe Offenes Angebot',
    financing_kind: 'GRANT',
  });
  lead = {
    userId: 'apps-lead',
    displayName: 'Tarek Thiel',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.achim],
  };
  foreignLead = {
    userId: 'apps-lead-foreign',
    displayName: 'Vera Vogt',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.verden],
  };
  regionalNorth = {
    userId: 'apps-rt-north',
    displayName: 'Rita Rolfs',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: teams.north,
  };
  regionalSouth = {
    userId: 'apps-rt-south',
    displayName: 'Sven Sander',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: teams.south,
  };
  const staff = (name: string, providerId: string): Caller => ({
    userId: `apps-provider-${name}`,
    displayName: `Fachkraft ${name}`,
    roles: [Role.PROVIDER],
    providerId,
  });
  providerA = staff('A', providers.a);
  providerB = staff('B', providers.b);
  providerC = staff('C', providers.c);
});
afterAll(() => api?.close());

// --- Operations -------------------------------------------------------------------------------------

const NEED_MUTATION = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { id state revision } }`;
const RECORD = NEED_MUTATION('recordNeed', 'RecordNeedInput');
const DECIDE_RESOURCES = NEED_MUTATION('decideNeedResources', 'DecideNeedResourcesInput');
const DECIDE_OFFER = NEED_MUTATION('decideNeedOffer', 'DecideNeedOfferInput');
const CALL_FIELDS = /* GraphQL */ `
  id title deadline openToAll isOpen countyWide situationDescription financingKind openedByName closedAt
  socialArea { id name } offerCategory { id name } invitedProviders { id name }
  need { id } viewerCan { apply close }
`;
const OPEN_CALL = `mutation($input: OpenCallForInterestInput!) {
  openCallForInterest(input: $input) { id state revision callForInterest { ${CALL_FIELDS} } }
}`;
const CLOSE_CALL = `mutation($input: CloseCallForInterestInput!) {
  closeCallForInterest(input: $input) { id state revision callForInterest { id isOpen closedAt closedByName } }
}`;
const CALLS = `query { callsForInterest { ${CALL_FIELDS} } }`;
const APPLICATION_FIELDS = /* GraphQL */ `
  id state revision createdByName submittedAt changeRequestComment changesRequestedByName withdrawnAt
  provider { id name } call { id title }
  offerDescriptionVersion { id } costCalculationVersion { id }
  offerDescriptionData costCalculationData
  revisions { number submittedAt submittedByName requestedAmount costCalculationData }
  viewerCan { readData saveDraft submit requestChanges withdraw }
`;
const CREATE = `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
const SAVE = `mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { ${APPLICATION_FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { errors { path message } errorCount application { ${APPLICATION_FIELDS} } }
}`;
const REQUEST_CHANGES = `mutation($input: RequestApplicationChangesInput!) { requestApplicationChanges(input: $input) { ${APPLICATION_FIELDS} } }`;
const WITHDRAW = `mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { ${APPLICATION_FIELDS} } }`;
const APPLICATION = `query($id: UUID!) { application(id: $id) { ${APPLICATION_FIELDS} } }`;
const APPLICATIONS = `query($filter: ApplicationFilter) { applications(filter: $filter) { id state provider { id } } }`;
const DIFF = `query($id: UUID!, $from: Int!, $to: Int!) {
  application(id: $id) { revisionDiff(fromRevision: $from, toRevision: $to) { formKey formTitle path label before after } }
}`;

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
): Promise<T> {
  const { data, errors } = await api.gql<T>(query, variables, { caller });
  expect(errors).toBeUndefined();
  return data!;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A need of `socialAreaId` taken to OFFER_PLANNED by `caller`. */
async function plannedNeed(caller: Caller = lead, socialAreaId: string = areas.achim) {
  const need = (
    await ok(
      RECORD,
      {
        input: {
          socialAreaId,
          countyWide: false,
          title: `Elterncafé ${randomUUID().slice(0, 6)}`,
          situationDescription: 'Junge Familien ohne Netz vor Ort.',
        },
      },
      caller,
    )
  ).recordNeed;
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
  ).decideNeedOffer as { id: string; state: string; revision: number };
}

/** A need with an open call inviting `invited` (empty: open to all). */
async function openCall(invited: string[] = [], caller: Caller = lead, socialAreaId = areas.achim) {
  const need = await plannedNeed(caller, socialAreaId);
  const opened = (
    await ok(
      OPEN_CALL,
      {
        input: {
          needId: need.id,
          revision: need.revision,
          deadline: inDays(14),
          openToAll: invited.length === 0,
          invitedProviderIds: invited.length > 0 ? invited : null,
          offerCategoryId: categoryId,
        },
      },
      caller,
    )
  ).openCallForInterest;
  return { need: opened, call: opened.callForInterest };
}

async function create(callId: string, caller: Caller, data: Record<string, unknown> = {}) {
  return (await ok(CREATE, { input: { callId, ...data } }, caller)).createApplication;
}

/** The rows of the application, its revisions, call and need, and the number of successful audit events. */
async function snapshot(applicationId: string) {
  return {
    application: await sql('select * from application where id = ?', [applicationId]),
    revisions: await sql('select * from application_revision where application_id = ? order by number', [
      applicationId,
    ]),
    calls: await sql('select * from call_for_interest order by id'),
    needs: await sql('select id, state, revision from need order by id'),
    events: (
      await sql<{ n: number }>(`select count(*)::int as n from audit_event where outcome = 'SUCCESS'`)
    )[0]!.n,
  };
}

/** Runs a call that must be refused with `code` (and `reason`) and checks that nothing changed. */
async function refused(
  applicationId: string,
  run: () => Promise<GraphQLResponse>,
  code: string,
  reason?: string,
) {
  const before = await snapshot(applicationId);
  const { data, errors } = await run();
  expect(data ?? null).toBeNull();
  expect(errors?.[0]?.extensions?.code).toBe(code);
  if (reason) expect(errors?.[0]?.extensions?.reason).toBe(reason);
  expect(await snapshot(applicationId)).toEqual(before);
  return errors![0]!;
}

const eventsFor = (entityId: string) =>
  sql<{ operation: string; role: string; details: any; justification: string | null }>(
    `select * from audit_event where entity_id = ? and outcome = 'SUCCESS' order by id`,
    [entityId],
  );

// --- The journey ----------------------------------------------------------------------------------------

describe('call for interest and applications through GraphQL', () => {
  it('opens a call, two Träger apply, one submits, changes are requested, it resubmits as revision 2 (with a diff), the other withdraws', async () => {
    // The team lead opens the call for the invited Träger A and B.
    const need = await plannedNeed();
    const deadline = inDays(14);
    const opened = (
      await ok(
        OPEN_CALL,
        {
          input: {
            needId: need.id,
            revision: need.revision,
            title: 'Elterncafé in Achim-Baden',
            deadline,
            openToAll: false,
            invitedProviderIds: [providers.a, providers.b],
            offerCategoryId: categoryId,
          },
        },
        lead,
      )
    ).openCallForInterest;
    expect(opened).toMatchObject({ state: 'OPEN_FOR_APPLICATIONS', revision: need.revision + 1 });
    const call = opened.callForInterest;
    expect(call).toMatchObject({
      title: 'Elterncafé in Achim-Baden',
      deadline,
      openToAll: false,
      isOpen: true,
      countyWide: false,
      situationDescription: 'Junge Familien ohne Netz vor Ort.',
      financingKind: 'GRANT',
      openedByName: 'Tarek Thiel',
      closedAt: null,
      socialArea: { id: areas.achim, name: 'Aufrufe Achim' },
      offerCategory: { id: categoryId },
      need: { id: need.id },
      viewerCan: { apply: false, close: true },
    });
    expect(call.invitedProviders.map((p: { id: string }) => p.id).sort()).toEqual(
      [providers.a, providers.b].sort(),
    );

    // Träger A sees the call (and of the invited only itself, and not the need); Träger C is not invited.
    const seenByA = (await ok(CALLS, {}, providerA)).callsForInterest;
    expect(seenByA.map((c: { id: string }) => c.id)).toEqual([call.id]);
    expect(seenByA[0]).toMatchObject({
      need: null,
      invitedProviders: [{ id: providers.a }],
      viewerCan: { apply: true, close: false },
      situationDescription: 'Junge Familien ohne Netz vor Ort.',
    });
    expect((await ok(CALLS, {}, providerC)).callsForInterest).toEqual([]);
    const notInvited = await api.gql(CREATE, { input: { callId: call.id } }, { caller: providerC });
    expect(notInvited.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Both apply; the application is bound to the versions of Anlage 1 and 2 in force.
    const [offerVersion] = await sql<{ id: string }>(
      `select id from form_version where form_key = 'offer-description' and status = 'PUBLISHED'`,
    );
    const [costVersion] = await sql<{ id: string }>(
      `select id from form_version where form_key = 'cost-calculation' and status = 'PUBLISHED'`,
    );
    const a = await create(call.id, providerA, { offerDescriptionData: { title: 'Elt' } });
    expect(a).toMatchObject({
      state: 'DRAFT',
      revision: 1,
      createdByName: 'Fachkraft A',
      provider: { id: providers.a },
      call: { id: call.id },
      offerDescriptionVersion: { id: offerVersion!.id },
      costCalculationVersion: { id: costVersion!.id },
      offerDescriptionData: { title: 'Elt' },
      costCalculationData: {},
      revisions: [],
      viewerCan: { readData: true, saveDraft: true, submit: true, requestChanges: false, withdraw: true },
    });
    expect((await ok(CALLS, {}, providerA)).callsForInterest[0].viewerCan.apply).toBe(false);
    const b = await create(call.id, providerB);
    const twice = await api.gql(CREATE, { input: { callId: call.id } }, { caller: providerA });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'APPLICATION_EXISTS' });

    // A draft is stored as it is (not validated strictly).
    const offer = sampleDataOf('offer-description');
    const cost = sampleDataOf('cost-calculation');
    const saved = (
      await ok(
        SAVE,
        {
          input: {
            id: a.id,
            revision: a.revision,
            offerDescriptionData: { ...offer, title: 'x' },
            costCalculationData: { ...cost, requestedAmount: 1 },
          },
        },
        providerA,
      )
    ).saveApplicationDraft;
    expect(saved).toMatchObject({ state: 'DRAFT', revision: 2, offerDescriptionData: { title: 'x' } });

    // Submitting validates both Anlagen: field errors carry the Anlage in the path, and nothing is stored.
    const before = await snapshot(a.id);
    const invalid = (await ok(SUBMIT, { input: { id: a.id, revision: saved.revision } }, providerA))
      .submitApplication;
    expect(invalid.application).toBeNull();
    expect(invalid.errorCount).toBeGreaterThan(0);
    expect(invalid.errors.map((e: { path: string }) => e.path)).toContain('/offer-description/title');
    expect(await snapshot(a.id)).toEqual(before);

    // Submitted with valid data: the derived values are recomputed (the requested amount sent is ignored).
    const submitted = (
      await ok(
        SUBMIT,
        { input: { id: a.id, revision: saved.revision, offerDescriptionData: offer } },
        providerA,
      )
    ).submitApplication;
    expect(submitted.errors).toEqual([]);
    expect(submitted.application).toMatchObject({
      state: 'SUBMITTED',
      submittedAt: expect.any(String),
      costCalculationData: { requestedAmount: cost.requestedAmount },
      viewerCan: { saveDraft: false, submit: false, withdraw: true, requestChanges: false },
    });
    expect(submitted.application.revisions).toEqual([
      expect.objectContaining({
        number: 1,
        submittedByName: 'Fachkraft A',
        requestedAmount: cost.requestedAmount,
      }),
    ]);
    const [figure] = await sql<{ requested_amount: string }>(
      'select requested_amount from application_revision where application_id = ?',
      [a.id],
    );
    expect(Number(figure!.requested_amount)).toBe(cost.requestedAmount);

    // The team lead of the Sozialraum sees it and requests changes.
    const forLead = (await ok(APPLICATION, { id: a.id }, lead)).application;
    expect(forLead.viewerCan).toEqual({
      readData: true,
      saveDraft: false,
      submit: false,
      requestChanges: true,
      withdraw: false,
    });
    const changesRequested = (
      await ok(
        REQUEST_CHANGES,
        { input: { id: a.id, revision: forLead.revision, comment: 'Bitte mehr Stunden einplanen.' } },
        lead,
      )
    ).requestApplicationChanges;
    expect(changesRequested).toMatchObject({
      state: 'CHANGES_REQUESTED',
      changeRequestComment: 'Bitte mehr Stunden einplanen.',
      changesRequestedByName: 'Tarek Thiel',
    });

    // The provider edits and resubmits: revision 2; revision 1 stays as it was.
    const edited = (
      await ok(
        SAVE,
        {
          input: {
            id: a.id,
            revision: changesRequested.revision,
            costCalculationData: { ...cost, professionalHours: { ...cost.professionalHours, hours: 200 } },
          },
        },
        providerA,
      )
    ).saveApplicationDraft;
    expect(edited.state).toBe('CHANGES_REQUESTED');
    const resubmitted = (await ok(SUBMIT, { input: { id: a.id, revision: edited.revision } }, providerA))
      .submitApplication.application;
    expect(resubmitted).toMatchObject({
      state: 'SUBMITTED',
      changeRequestComment: 'Bitte mehr Stunden einplanen.',
    });
    expect(resubmitted.revisions.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    expect(resubmitted.revisions[0].costCalculationData.professionalHours.hours).toBe(187.5);
    expect(resubmitted.revisions[1].costCalculationData.professionalHours.hours).toBe(200);
    const moreHours = 200 * cost.professionalHours.hourlyRate - cost.professionalHours.amount;
    expect(resubmitted.revisions[1].requestedAmount).toBe(cost.requestedAmount + moreHours);

    // The readable diff between the revisions: German labels, old → new values.
    const diff = (await ok(DIFF, { id: a.id, from: 1, to: 2 }, lead)).application.revisionDiff;
    expect(diff).toContainEqual({
      formKey: 'cost-calculation',
      formTitle: 'Anlage 2 – Kalkulationsbogen',
      path: '/professionalHours/hours',
      label: 'Fachleistungsstunden › Anzahl Stunden',
      before: '187,5',
      after: '200',
    });
    expect(diff).toContainEqual(
      expect.objectContaining({
        path: '/requestedAmount',
        label: 'Beantragter Betrag aus dem Sozialraumbudget',
        before: expect.stringMatching(/^11\.528,75\s€$/),
      }),
    );
    expect(diff.every((change: { formKey: string }) => change.formKey === 'cost-calculation')).toBe(true);

    // Träger B withdraws its draft.
    const withdrawn = (
      await ok(
        WITHDRAW,
        { input: { id: b.id, revision: b.revision, justification: 'Keine Kapazität.' } },
        providerB,
      )
    ).withdrawApplication;
    expect(withdrawn).toMatchObject({ state: 'WITHDRAWN', withdrawnAt: expect.any(String) });

    // One audit event per mutation, with what changed.
    expect((await eventsFor(a.id)).map((e) => [e.operation, e.role])).toEqual([
      ['createApplication', 'PROVIDER'],
      ['saveApplicationDraft', 'PROVIDER'],
      ['submitApplication', 'PROVIDER'],
      ['requestApplicationChanges', 'TEAM_LEAD'],
      ['saveApplicationDraft', 'PROVIDER'],
      ['submitApplication', 'PROVIDER'],
    ]);
    const events = await eventsFor(a.id);
    expect(events[3]!.justification).toBe('Bitte mehr Stunden einplanen.');
    expect(events[5]!.details).toMatchObject({
      before: { state: 'CHANGES_REQUESTED' },
      after: { state: 'SUBMITTED', revisionNumber: 2 },
    });
    expect((await eventsFor(b.id)).map((e) => e.operation)).toEqual([
      'createApplication',
      'withdrawApplication',
    ]);
    expect((await eventsFor(need.id)).map((e) => e.operation)).toEqual([
      'recordNeed',
      'decideNeedResources',
      'decideNeedOffer',
      'openCallForInterest',
    ]);

    // Who sees what.
    const listed = async (caller: Caller) =>
      (await ok(APPLICATIONS, { filter: { callId: call.id } }, caller)).applications
        .map((application: { id: string }) => application.id)
        .sort();
    expect(await listed(providerA)).toEqual([a.id]);
    expect(await listed(providerB)).toEqual([b.id]);
    expect(await listed(providerC)).toEqual([]);
    expect(await listed(lead)).toEqual([a.id, b.id].sort());
    expect(await listed(regionalNorth)).toEqual([a.id, b.id].sort());
    expect(await listed(finance)).toEqual([a.id, b.id].sort());
    expect(await listed(admin)).toEqual([a.id, b.id].sort());
    expect(await listed(foreignLead)).toEqual([]);
    expect(await listed(regionalSouth)).toEqual([]);
    // The committee: only the submitted one, without its content.
    expect(await listed(committee)).toEqual([a.id]);
    const forCommittee = (await ok(APPLICATION, { id: a.id }, committee)).application;
    expect(forCommittee).toMatchObject({
      state: 'SUBMITTED',
      changeRequestComment: null,
      offerDescriptionData: null,
      costCalculationData: null,
      viewerCan: { readData: false },
    });
    expect(
      forCommittee.revisions.map((r: Record<string, unknown>) => [
        r.number,
        r.requestedAmount,
        r.costCalculationData,
      ]),
    ).toEqual([
      [1, null, null],
      [2, null, null],
    ]);
    expect((await ok(DIFF, { id: a.id, from: 1, to: 2 }, committee)).application.revisionDiff).toBeNull();
    for (const caller of [providerB, foreignLead, regionalSouth]) {
      const foreign = await api.gql(APPLICATION, { id: a.id }, { caller });
      expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    const draftForCommittee = await api.gql(APPLICATION, { id: b.id }, { caller: committee });
    expect(draftForCommittee.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // The team lead closes the call: providers no longer see it, and no one applies any more.
    const needNow = (await ok(`query($id: UUID!) { need(id: $id) { revision } }`, { id: need.id }, lead))
      .need;
    const closed = (await ok(CLOSE_CALL, { input: { needId: need.id, revision: needNow.revision } }, lead))
      .closeCallForInterest;
    expect(closed).toMatchObject({
      state: 'CLOSED',
      callForInterest: { id: call.id, isOpen: false, closedByName: 'Tarek Thiel' },
    });
    expect((await ok(CALLS, {}, providerA)).callsForInterest).toEqual([]);
    const late = await api.gql(CREATE, { input: { callId: call.id } }, { caller: providerA });
    expect(late.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a call open to all is seen by every Träger while it is open; the Sozialraum’s other roles see it as their need', async () => {
    const { call } = await openCall();
    for (const caller of [providerA, providerB, providerC]) {
      const calls = (await ok(CALLS, {}, caller)).callsForInterest.map((c: { id: string }) => c.id);
      expect(calls).toContain(call.id);
    }
    const ids = async (caller: Caller) =>
      (await ok(CALLS, {}, caller)).callsForInterest.map((c: { id: string }) => c.id);
    expect(await ids(lead)).toContain(call.id);
    expect(await ids(regionalNorth)).toContain(call.id);
    expect(await ids(finance)).toContain(call.id);
    expect(await ids(foreignLead)).not.toContain(call.id);
    expect(await ids(regionalSouth)).not.toContain(call.id);
    // After the deadline providers no longer see it.
    await sql(`update call_for_interest set deadline = now() - interval '1 minute' where id = ?`, [call.id]);
    expect(await ids(providerA)).not.toContain(call.id);
    expect(await ids(lead)).toContain(call.id);
  });

  it('Need.viewerCan offers opening the call when an offer is planned, and closing it while it is open', async () => {
    const NEED_CAN = `query($id: UUID!) { need(id: $id) { viewerCan { openCallForInterest closeCallForInterest } } }`;
    const need = await plannedNeed();
    const can = async (caller: Caller) => (await ok(NEED_CAN, { id: need.id }, caller)).need.viewerCan;
    expect(await can(lead)).toEqual({ openCallForInterest: true, closeCallForInterest: false });
    expect(await can(regionalNorth)).toEqual({ openCallForInterest: false, closeCallForInterest: false });
    await ok(
      OPEN_CALL,
      {
        input: {
          needId: need.id,
          revision: need.revision,
          deadline: inDays(2),
          openToAll: true,
          offerCategoryId: categoryId,
        },
      },
      lead,
    );
    expect(await can(lead)).toEqual({ openCallForInterest: false, closeCallForInterest: true });
    expect(await can(finance)).toEqual({ openCallForInterest: false, closeCallForInterest: false });
  });

  it('refuses a call that is not in state OFFER_PLANNED, a deadline in the past, a missing invitation', async () => {
    const need = await plannedNeed();
    const base = { needId: need.id, revision: need.revision, openToAll: true, offerCategoryId: categoryId };
    const past = await api.gql(OPEN_CALL, { input: { ...base, deadline: inDays(-1) } }, { caller: lead });
    expect(past.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const nobody = await api.gql(
      OPEN_CALL,
      { input: { ...base, openToAll: false, deadline: inDays(3) } },
      { caller: lead },
    );
    expect(nobody.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const foreign = await api.gql(
      OPEN_CALL,
      { input: { ...base, deadline: inDays(3) } },
      { caller: foreignLead },
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const finances = await api.gql(
      OPEN_CALL,
      { input: { ...base, deadline: inDays(3) } },
      { caller: finance },
    );
    expect(finances.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sql('select state from need where id = ?', [need.id]))[0]!.state).toBe('OFFER_PLANNED');
    expect(await sql('select * from call_for_interest where need_id = ?', [need.id])).toEqual([]);
    // Once open, opening again is an illegal transition.
    await ok(OPEN_CALL, { input: { ...base, deadline: inDays(3) } }, lead);
    const again = await api.gql(
      OPEN_CALL,
      { input: { ...base, revision: need.revision + 1, deadline: inDays(3) } },
      { caller: lead },
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });
});

describe('refused changes leave the database unchanged', () => {
  it('a submit after the deadline is CONFLICT/DEADLINE_PASSED', async () => {
    const { call } = await openCall([providers.a]);
    const draft = await create(call.id, providerA, {
      offerDescriptionData: sampleDataOf('offer-description'),
      costCalculationData: sampleDataOf('cost-calculation'),
    });
    await sql(`update call_for_interest set deadline = now() - interval '1 second' where id = ?`, [call.id]);
    const error = await refused(
      draft.id,
      () => api.gql(SUBMIT, { input: { id: draft.id, revision: draft.revision } }, { caller: providerA }),
      'CONFLICT',
      'DEADLINE_PASSED',
    );
    expect(error.message).toMatch(/Frist/);
    const after = (await ok(APPLICATION, { id: draft.id }, providerA)).application;
    expect(after.viewerCan.submit).toBe(false);
  });

  it('a first submit after the call was closed is CONFLICT/CALL_CLOSED; a resubmit after a change request is not bound to the call', async () => {
    const { need, call } = await openCall([providers.a, providers.b]);
    const data = {
      offerDescriptionData: sampleDataOf('offer-description'),
      costCalculationData: sampleDataOf('cost-calculation'),
    };
    const draft = await create(call.id, providerA, data);
    const other = await create(call.id, providerB, data);
    const submitted = (await ok(SUBMIT, { input: { id: other.id, revision: 1 } }, providerB))
      .submitApplication.application;
    await ok(CLOSE_CALL, { input: { needId: need.id, revision: need.revision } }, lead);
    await refused(
      draft.id,
      () => api.gql(SUBMIT, { input: { id: draft.id, revision: draft.revision } }, { caller: providerA }),
      'CONFLICT',
      'CALL_CLOSED',
    );
    // Changes requested after the deadline may still be made and resubmitted.
    await sql(`update call_for_interest set deadline = now() - interval '1 day' where id = ?`, [call.id]);
    const requested = (
      await ok(
        REQUEST_CHANGES,
        { input: { id: other.id, revision: submitted.revision, comment: 'Zeitplan ergänzen.' } },
        lead,
      )
    ).requestApplicationChanges;
    expect((await ok(APPLICATION, { id: other.id }, providerB)).application.viewerCan.submit).toBe(true);
    const resubmitted = (
      await ok(SUBMIT, { input: { id: other.id, revision: requested.revision } }, providerB)
    ).submitApplication.application;
    expect(resubmitted.revisions.map((r: { number: number }) => r.number)).toEqual([1, 2]);
    // Nothing changed between the revisions.
    expect((await ok(DIFF, { id: other.id, from: 1, to: 2 }, providerB)).application.revisionDiff).toEqual(
      [],
    );
  });

  it('an illegal transition, a wrong role, a foreign Träger, a foreign Sozialraum and a stale save', async () => {
    const { call } = await openCall();
    const draft = await create(call.id, providerA);
    // Changes can only be requested on a submitted application.
    await refused(
      draft.id,
      () =>
        api.gql(REQUEST_CHANGES, { input: { id: draft.id, revision: 1, comment: 'x' } }, { caller: lead }),
      'CONFLICT',
      'INVALID_TRANSITION',
    );
    // The team lead does not edit a provider's draft; the Regionalteam does not request changes.
    await refused(
      draft.id,
      () =>
        api.gql(SAVE, { input: { id: draft.id, revision: 1, offerDescriptionData: {} } }, { caller: lead }),
      'FORBIDDEN',
    );
    await refused(
      draft.id,
      () =>
        api.gql(
          REQUEST_CHANGES,
          { input: { id: draft.id, revision: 1, comment: 'x' } },
          { caller: regionalNorth },
        ),
      'FORBIDDEN',
    );
    // Another Träger does not even find it; nor does the team lead of another Sozialraum.
    await refused(
      draft.id,
      () =>
        api.gql(
          SAVE,
          { input: { id: draft.id, revision: 1, offerDescriptionData: {} } },
          { caller: providerB },
        ),
      'NOT_FOUND',
    );
    await refused(
      draft.id,
      () => api.gql(WITHDRAW, { input: { id: draft.id, revision: 1 } }, { caller: providerB }),
      'NOT_FOUND',
    );
    await refused(
      draft.id,
      () =>
        api.gql(
          REQUEST_CHANGES,
          { input: { id: draft.id, revision: 1, comment: 'x' } },
          { caller: foreignLead },
        ),
      'NOT_FOUND',
    );
    // A stale save.
    const saved = (
      await ok(
        SAVE,
        { input: { id: draft.id, revision: 1, offerDescriptionData: { title: 'Neu' } } },
        providerA,
      )
    ).saveApplicationDraft;
    expect(saved.revision).toBe(2);
    await refused(
      draft.id,
      () =>
        api.gql(
          SAVE,
          { input: { id: draft.id, revision: 1, offerDescriptionData: { title: 'Alt' } } },
          { caller: providerA },
        ),
      'CONFLICT',
      'STALE_REVISION',
    );
    // A withdrawn application takes no further step.
    const withdrawn = (await ok(WITHDRAW, { input: { id: draft.id, revision: 2 } }, providerA))
      .withdrawApplication;
    await refused(
      draft.id,
      () => api.gql(SUBMIT, { input: { id: draft.id, revision: withdrawn.revision } }, { caller: providerA }),
      'CONFLICT',
      'INVALID_TRANSITION',
    );
    // After withdrawing, the Träger may apply anew.
    const anew = await create(call.id, providerA);
    expect(anew.state).toBe('DRAFT');
  });

  it('a draft beyond the limits of the form is refused', async () => {
    const { call } = await openCall();
    const draft = await create(call.id, providerB);
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let level = 0; level < 40; level++) {
      const next = {};
      deep.x = next;
      deep = next;
    }
    await refused(
      draft.id,
      () =>
        api.gql(
          SAVE,
          { input: { id: draft.id, revision: 1, offerDescriptionData: root } },
          { caller: providerB },
        ),
      'BAD_USER_INPUT',
    );
  });
});

describe('demo data', () => {
  it('seeds a call open to all in Oyten with a submitted application and a draft, once', async () => {
    await seedDemoMasterData(api.orm.em.fork());
    expect(await seedDemoApplications(api.orm.em.fork())).toBe(true);
    expect(await seedDemoApplications(api.orm.em.fork())).toBe(false);
    const [need] = await sql<{ id: string; state: string; priority: number }>(
      'select n.id, n.state, n.priority from need n join social_area s on s.id = n.social_area_id where n.title = ? and s.name = ?',
      [DEMO_CALL.needTitle, DEMO_CALL.socialArea],
    );
    expect(need).toMatchObject({ state: 'OPEN_FOR_APPLICATIONS', priority: 1 });
    const [call] = await sql<{ id: string; open_to_all: boolean }>(
      'select id, open_to_all from call_for_interest where need_id = ?',
      [need!.id],
    );
    expect(call!.open_to_all).toBe(true);
    const applications = await sql<{ id: string; state: string; revisions: number }>(
      `select a.id, a.state, (select count(*)::int from application_revision r where r.application_id = a.id) as revisions
         from application a where a.call_id = ? order by a.state`,
      [call!.id],
    );
    expect(applications.map((a) => [a.state, a.revisions])).toEqual([
      ['DRAFT', 0],
      ['SUBMITTED', 1],
    ]);
    // Any Träger sees the call; the seeded submission passes the form evaluator as it is.
    expect((await ok(CALLS, {}, providerC)).callsForInterest.map((c: { id: string }) => c.id)).toContain(
      call!.id,
    );
    const [demoProvider] = await sql<{ provider_id: string }>(
      `select provider_id from application where id = ?`,
      [applications[1]!.id],
    );
    const demoStaff: Caller = {
      userId: 'apps-demo-provider',
      displayName: 'Demo',
      roles: [Role.PROVIDER],
      providerId: demoProvider!.provider_id,
    };
    const submitted = (await ok(APPLICATION, { id: applications[1]!.id }, demoStaff)).application;
    const requested = (
      await ok(
        REQUEST_CHANGES,
        { input: { id: submitted.id, revision: submitted.revision, comment: 'Bitte prüfen.' } },
        {
          ...lead,
          socialAreaIds: [
            (await sql<{ id: string }>(`select id from social_area where name = 'Oyten'`))[0]!.id,
          ],
        },
      )
    ).requestApplicationChanges;
    const again = (await ok(SUBMIT, { input: { id: submitted.id, revision: requested.revision } }, demoStaff))
      .submitApplication;
    expect(again.errors).toEqual([]);
    expect(again.application.revisions.map((r: { number: number }) => r.number)).toEqual([1, 2]);
  });
});
