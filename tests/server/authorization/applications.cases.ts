import { sampleDataOf } from '../../support/factories.js';
import {
  allow,
  type AuthorizationCase,
  deny,
  type ExpectationTable,
  insertRow,
  knownIds,
  type Persona,
  sorted,
  type World,
} from './matrix.js';

type NeedState = 'OFFER_PLANNED' | 'OPEN_FOR_APPLICATIONS' | 'CLOSED';

interface CallOptions {
  state?: NeedState;
  area?: 'own' | 'foreign';
  openToAll?: boolean;
  /** Invited Träger (used when not open to all). */
  invited?: ('own' | 'foreign')[];
  /** Deadline in hours from now (negative: passed). */
  deadlineHours?: number;
}

/** A need in `state` (of the own Sozialraum unless told) with its priority among the open needs. */
async function freshNeed(w: World, state: NeedState, area: 'own' | 'foreign' = 'own') {
  const socialAreaId = w.socialAreas[area];
  const [row] = await w.sql<{ max: number | null }>(
    `select max(priority) as max from need where social_area_id = ? and state in ('OFFER_PLANNED', 'OPEN_FOR_APPLICATIONS')`,
    [socialAreaId],
  );
  const id = await insertRow(w, 'need', {
    social_area_id: socialAreaId,
    title: w.unique('Matrix Aufruf'),
    situation_description: 'Matrix Lage',
    created_by_name: 'Matrix',
    state,
    outcome: 'OFFER',
    priority: state === 'CLOSED' ? null : (row?.max ?? 0) + 1,
  });
  return { id, revision: 1 };
}

/** A need with a call for interest (open for applications, open to all, deadline tomorrow unless told). */
async function freshCall(w: World, options: CallOptions = {}) {
  const need = await freshNeed(w, options.state ?? 'OPEN_FOR_APPLICATIONS', options.area);
  const invited = (options.invited ?? []).map((scope) => w.providers[scope]);
  const callId = await insertRow(w, 'call_for_interest', {
    need_id: need.id,
    title: w.unique('Matrix Aufruf'),
    deadline: new Date(Date.now() + (options.deadlineHours ?? 24) * 3_600_000),
    open_to_all: options.openToAll ?? invited.length === 0,
    invited_provider_ids: `{${invited.join(',')}}`,
    offer_category_id: w.offerCategories.active,
    opened_by_name: 'Matrix',
  });
  return { needId: need.id, needRevision: need.revision, callId };
}

let costCalculationVersion: string | null = null;

interface ApplicationOptions {
  provider?: 'own' | 'foreign';
  area?: 'own' | 'foreign';
  state?: 'DRAFT' | 'SUBMITTED';
  /** Submitted revisions to write (default: 1 when submitted); each with its own offer title. */
  revisions?: number;
  offerDescriptionData?: Record<string, unknown>;
  costCalculationData?: Record<string, unknown>;
  callId?: string;
}

/** An application (with its call unless given) and, when submitted, its revisions. */
async function freshApplication(w: World, options: ApplicationOptions = {}) {
  if (!costCalculationVersion) {
    const [row] = await w.sql<{ id: string }>(
      `select id from form_version where form_key = 'cost-calculation' and status = 'PUBLISHED'`,
    );
    costCalculationVersion = row!.id;
  }
  const callId = options.callId ?? (await freshCall(w, { area: options.area ?? 'own' })).callId;
  const state = options.state ?? 'DRAFT';
  const submitted = state !== 'DRAFT';
  const id = await insertRow(w, 'application', {
    call_id: callId,
    provider_id: w.providers[options.provider ?? 'own'],
    state,
    offer_description_version_id: w.formVersions.published,
    cost_calculation_version_id: costCalculationVersion,
    offer_description_data: JSON.stringify(options.offerDescriptionData ?? { title: 'Matrix' }),
    cost_calculation_data: JSON.stringify(options.costCalculationData ?? {}),
    created_by_name: 'Matrix',
    submitted_at: submitted ? new Date() : null,
  });
  const revisions = options.revisions ?? (submitted ? 1 : 0);
  for (let number = 1; number <= revisions; number++) {
    await insertRow(w, 'application_revision', {
      application_id: id,
      number,
      offer_description_data: JSON.stringify({ title: 'Matrix' }),
      cost_calculation_data: JSON.stringify({ offerTitle: `Fassung ${number}` }),
      requested_amount: 100_000 * number,
      submitted_at: new Date(),
      submitted_by_name: 'Matrix',
    });
  }
  return { id, callId, revision: 1 };
}

const applicationState = async (w: World, p: { id: string }) => ({
  application: await w.sql(`select * from application where id = ?`, [p.id]),
  revisions: await w.sql(`select * from application_revision where application_id = ? order by number`, [
    p.id,
  ]),
});

/** A change by the provider of the own Träger (an application of the own Sozialraum): others are refused or do not find it. */
const editsOwnApplication = <P>(
  value: (w: World, p: P) => unknown,
  committee: 'NOT_FOUND' | 'FORBIDDEN' = 'NOT_FOUND',
): ExpectationTable<P> => ({
  'PROVIDER:own': (w, p) => allow(value(w, p)),
  ADMIN: deny('FORBIDDEN'),
  FINANCE: deny('FORBIDDEN'),
  'TEAM_LEAD:own': deny('FORBIDDEN'),
  'REGIONAL_TEAM:own': deny('FORBIDDEN'),
  COMMITTEE: deny(committee),
  'TEAM_LEAD:foreign': deny('NOT_FOUND'),
  'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
  'PROVIDER:foreign': deny('NOT_FOUND'),
});

/** A change of a need (own Sozialraum): its team lead and the administration; others that read it are forbidden, the rest do not find it. */
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

interface ListedCalls {
  ownOpen: string;
  invitedOwn: string;
  invitedForeign: string;
  closed: string;
  expired: string;
}

interface ListedApplications {
  ownDraft: string;
  foreignSubmitted: string;
  foreignElsewhere: string;
}

/** The provider ids of a list that are not the persona's own Träger (must be none for provider staff). */
const foreignTräger = (list: { provider: { id: string } | null }[], w: World, persona: Persona): number =>
  persona.role === 'PROVIDER'
    ? list.filter((item) => item.provider?.id !== w.providers[persona.scope!]).length
    : 0;

export const cases: AuthorizationCase[] = [
  {
    title:
      'callsForInterest: the office sees the calls of its needs; provider staff only open ones for all or inviting their Träger',
    covers: ['Query.callsForInterest'],
    prepare: async (w): Promise<ListedCalls> => ({
      ownOpen: (await freshCall(w)).callId,
      invitedOwn: (await freshCall(w, { area: 'foreign', invited: ['own'] })).callId,
      invitedForeign: (await freshCall(w, { invited: ['foreign'] })).callId,
      closed: (await freshCall(w, { state: 'CLOSED' })).callId,
      expired: (await freshCall(w, { deadlineHours: -1 })).callId,
    }),
    document: 'query { callsForInterest { id } }',
    pick: (data, _w, p: ListedCalls) => knownIds(data.callsForInterest, Object.values(p)),
    expect: {
      ADMIN: (_w, p) => allow(sorted(Object.values(p))),
      FINANCE: (_w, p) => allow(sorted(Object.values(p))),
      COMMITTEE: (_w, p) => allow(sorted(Object.values(p))),
      'TEAM_LEAD:own': (_w, p) => allow(sorted([p.ownOpen, p.invitedForeign, p.closed, p.expired])),
      'REGIONAL_TEAM:own': (_w, p) => allow(sorted([p.ownOpen, p.invitedForeign, p.closed, p.expired])),
      'TEAM_LEAD:foreign': (_w, p) => allow([p.invitedOwn]),
      'REGIONAL_TEAM:foreign': (_w, p) => allow([p.invitedOwn]),
      'PROVIDER:own': (_w, p) => allow(sorted([p.ownOpen, p.invitedOwn])),
      'PROVIDER:foreign': (_w, p) => allow(sorted([p.ownOpen, p.invitedForeign])),
    },
  },
  {
    title:
      'callForInterest(id): read as its need, and by the invited Träger while open; others do not find it',
    covers: ['Query.callForInterest'],
    prepare: (w) => freshCall(w, { invited: ['own'] }),
    document: 'query($id: UUID!) { callForInterest(id: $id) { id } }',
    variables: (_w, p) => ({ id: p.callId }),
    pick: (data) => data.callForInterest.id,
    expect: {
      ADMIN: (_w, p) => allow(p.callId),
      FINANCE: (_w, p) => allow(p.callId),
      COMMITTEE: (_w, p) => allow(p.callId),
      'TEAM_LEAD:own': (_w, p) => allow(p.callId),
      'REGIONAL_TEAM:own': (_w, p) => allow(p.callId),
      'PROVIDER:own': (_w, p) => allow(p.callId),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
  },
  {
    title:
      'a call’s Sozialraum and category for all who see it; its need for the office only; of the invited Träger and the applications provider staff see only their own',
    covers: [
      'CallForInterest.socialArea',
      'CallForInterest.offerCategory',
      'CallForInterest.invitedProviders',
      'CallForInterest.need',
      'CallForInterest.applications',
      'CallForInterest.viewerCan',
    ],
    prepare: async (w) => {
      const call = await freshCall(w, { invited: ['own', 'foreign'] });
      const own = await freshApplication(w, { callId: call.callId, state: 'SUBMITTED' });
      const foreign = await freshApplication(w, { callId: call.callId, provider: 'foreign' });
      return { ...call, own: own.id, foreign: foreign.id };
    },
    document: `query($id: UUID!) { callForInterest(id: $id) {
      socialArea { id } offerCategory { id } invitedProviders { id } need { id }
      applications { id } viewerCan { apply close }
    } }`,
    variables: (_w, p) => ({ id: p.callId }),
    pick: (data) => ({
      ...data.callForInterest,
      invitedProviders: sorted(data.callForInterest.invitedProviders.map((x: { id: string }) => x.id)),
      applications: sorted(data.callForInterest.applications.map((x: { id: string }) => x.id)),
    }),
    expect: (() => {
      type P = { needId: string; own: string; foreign: string };
      const office = (close: boolean, applications: (p: P) => string[]) => (w: World, p: P) =>
        allow({
          socialArea: { id: w.socialAreas.own },
          offerCategory: { id: w.offerCategories.active },
          invitedProviders: sorted([w.providers.own, w.providers.foreign]),
          need: { id: p.needId },
          applications: sorted(applications(p)),
          viewerCan: { apply: false, close },
        });
      const provider = (scope: 'own' | 'foreign') => (w: World, p: P) =>
        allow({
          socialArea: { id: w.socialAreas.own },
          offerCategory: { id: w.offerCategories.active },
          invitedProviders: [w.providers[scope]],
          need: null,
          applications: [p[scope]],
          // Each Träger has an application already.
          viewerCan: { apply: false, close: false },
        });
      const table: ExpectationTable<P> = {
        ADMIN: office(true, (p) => [p.own, p.foreign]),
        'TEAM_LEAD:own': office(true, (p) => [p.own, p.foreign]),
        'REGIONAL_TEAM:own': office(false, (p) => [p.own, p.foreign]),
        FINANCE: office(false, (p) => [p.own, p.foreign]),
        COMMITTEE: office(false, (p) => [p.own]),
        'PROVIDER:own': provider('own'),
        'PROVIDER:foreign': provider('foreign'),
        'TEAM_LEAD:foreign': deny('NOT_FOUND'),
        'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      };
      return table;
    })(),
  },
  {
    title: 'Need.callForInterest is read with the need',
    covers: ['Need.callForInterest'],
    prepare: (w) => freshCall(w),
    document: 'query($id: UUID!) { need(id: $id) { callForInterest { id } } }',
    variables: (_w, p) => ({ id: p.needId }),
    pick: (data) => data.need.callForInterest?.id,
    expect: {
      ADMIN: (_w, p) => allow(p.callId),
      FINANCE: (_w, p) => allow(p.callId),
      COMMITTEE: (_w, p) => allow(p.callId),
      'TEAM_LEAD:own': (_w, p) => allow(p.callId),
      'REGIONAL_TEAM:own': (_w, p) => allow(p.callId),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      PROVIDER: deny('NOT_FOUND'),
    },
  },
  {
    title: 'openCallForInterest is for the team lead of the Sozialraum and the administration',
    covers: ['Mutation.openCallForInterest'],
    prepare: (w) => freshNeed(w, 'OFFER_PLANNED'),
    document:
      'mutation($input: OpenCallForInterestInput!) { openCallForInterest(input: $input) { id state revision } }',
    variables: (w, p) => ({
      input: {
        needId: p.id,
        revision: p.revision,
        deadline: new Date(Date.now() + 86_400_000).toISOString(),
        openToAll: true,
        offerCategoryId: w.offerCategories.active,
      },
    }),
    expect: changesOwnNeed((_w, p) => ({ id: p.id, state: 'OPEN_FOR_APPLICATIONS', revision: 2 })),
    state: async (w, p) => ({
      need: await w.sql(`select * from need where id = ?`, [p.id]),
      calls: await w.sql(`select * from call_for_interest where need_id = ?`, [p.id]),
    }),
  },
  {
    title: 'closeCallForInterest is for the team lead of the Sozialraum and the administration',
    covers: ['Mutation.closeCallForInterest'],
    prepare: (w) => freshCall(w),
    document:
      'mutation($input: CloseCallForInterestInput!) { closeCallForInterest(input: $input) { id state revision } }',
    variables: (_w, p) => ({ input: { needId: p.needId, revision: p.needRevision } }),
    expect: changesOwnNeed((_w, p) => ({ id: p.needId, state: 'CLOSED', revision: 2 })),
    state: async (w, p) => ({
      need: await w.sql(`select * from need where id = ?`, [p.needId]),
      calls: await w.sql(`select * from call_for_interest where id = ?`, [p.callId]),
    }),
  },
  {
    title:
      'applications: provider staff only their own Träger’s; the office those of its scope; the committee no drafts',
    covers: ['Query.applications'],
    prepare: async (w): Promise<ListedApplications> => ({
      ownDraft: (await freshApplication(w)).id,
      foreignSubmitted: (await freshApplication(w, { provider: 'foreign', state: 'SUBMITTED' })).id,
      foreignElsewhere: (await freshApplication(w, { provider: 'foreign', area: 'foreign' })).id,
    }),
    document: 'query { applications { id provider { id } } }',
    pick: (data, w, p: ListedApplications, persona) => ({
      known: knownIds(data.applications, Object.values(p)),
      foreignTräger: foreignTräger(data.applications, w, persona),
    }),
    expect: (() => {
      const listed = (known: (p: ListedApplications) => string[]) => (_w: World, p: ListedApplications) =>
        allow({ known: sorted(known(p)), foreignTräger: 0 });
      const table: ExpectationTable<ListedApplications> = {
        ADMIN: listed((p) => Object.values(p)),
        FINANCE: listed((p) => Object.values(p)),
        COMMITTEE: listed((p) => [p.foreignSubmitted]),
        'TEAM_LEAD:own': listed((p) => [p.ownDraft, p.foreignSubmitted]),
        'REGIONAL_TEAM:own': listed((p) => [p.ownDraft, p.foreignSubmitted]),
        'TEAM_LEAD:foreign': listed((p) => [p.foreignElsewhere]),
        'REGIONAL_TEAM:foreign': listed((p) => [p.foreignElsewhere]),
        'PROVIDER:own': listed((p) => [p.ownDraft]),
        'PROVIDER:foreign': listed((p) => [p.foreignSubmitted, p.foreignElsewhere]),
      };
      return table;
    })(),
  },
  {
    title:
      'application(id) of a submitted application: its Träger and the office in scope; others do not find it',
    covers: ['Query.application'],
    prepare: (w) => freshApplication(w, { state: 'SUBMITTED' }),
    document: 'query($id: UUID!) { application(id: $id) { id } }',
    variables: (_w, p) => ({ id: p.id }),
    pick: (data) => data.application.id,
    expect: {
      ADMIN: (_w, p) => allow(p.id),
      FINANCE: (_w, p) => allow(p.id),
      COMMITTEE: (_w, p) => allow(p.id),
      'TEAM_LEAD:own': (_w, p) => allow(p.id),
      'REGIONAL_TEAM:own': (_w, p) => allow(p.id),
      'PROVIDER:own': (_w, p) => allow(p.id),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
  },
  {
    title: 'application(id) of a draft: the committee does not find it',
    covers: ['Query.application'],
    prepare: (w) => freshApplication(w),
    document: 'query($id: UUID!) { application(id: $id) { id } }',
    variables: (_w, p) => ({ id: p.id }),
    pick: (data) => data.application.id,
    expect: {
      ADMIN: (_w, p) => allow(p.id),
      FINANCE: (_w, p) => allow(p.id),
      'TEAM_LEAD:own': (_w, p) => allow(p.id),
      'REGIONAL_TEAM:own': (_w, p) => allow(p.id),
      'PROVIDER:own': (_w, p) => allow(p.id),
      COMMITTEE: deny('NOT_FOUND'),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
  },
  {
    title:
      'an application’s call, Träger, form versions and revisions for all who see it; its content, amounts and diff not for the committee',
    covers: [
      'Application.call',
      'Application.provider',
      'Application.offerDescriptionVersion',
      'Application.costCalculationVersion',
      'Application.revisions',
      'Application.revisionDiff',
      'Application.viewerCan',
    ],
    prepare: (w) => freshApplication(w, { state: 'SUBMITTED', revisions: 2 }),
    document: `query($id: UUID!) { application(id: $id) {
      call { id } provider { id } offerDescriptionVersion { id } costCalculationVersion { id }
      offerDescriptionData costCalculationData
      revisions { number requestedAmount offerDescriptionData costCalculationData }
      revisionDiff(fromRevision: 1, toRevision: 2) { label before after }
      viewerCan { readData saveDraft submit requestChanges withdraw }
    } }`,
    variables: (_w, p) => ({ id: p.id }),
    pick: (data) => {
      const { call, provider, offerDescriptionVersion, costCalculationVersion, ...rest } = data.application;
      return {
        ids: [call.id, provider.id, offerDescriptionVersion.id, costCalculationVersion.id],
        ...rest,
      };
    },
    expect: (() => {
      type P = { id: string; callId: string };
      const viewerCan = {
        readData: true,
        saveDraft: false,
        submit: false,
        requestChanges: false,
        withdraw: false,
      };
      const content = (can: Partial<typeof viewerCan>) => (w: World, p: P) =>
        allow({
          ids: [p.callId, w.providers.own, w.formVersions.published, costCalculationVersion],
          offerDescriptionData: { title: 'Matrix' },
          costCalculationData: {},
          revisions: [1, 2].map((number) => ({
            number,
            requestedAmount: 100_000 * number,
            offerDescriptionData: { title: 'Matrix' },
            costCalculationData: { offerTitle: `Fassung ${number}` },
          })),
          revisionDiff: [{ label: 'Titel der Maßnahme', before: 'Fassung 1', after: 'Fassung 2' }],
          viewerCan: { ...viewerCan, ...can },
        });
      const table: ExpectationTable<P> = {
        ADMIN: content({}),
        FINANCE: content({}),
        'REGIONAL_TEAM:own': content({}),
        'TEAM_LEAD:own': content({ requestChanges: true }),
        'PROVIDER:own': content({ withdraw: true }),
        COMMITTEE: (w, p) =>
          allow({
            ids: [p.callId, w.providers.own, w.formVersions.published, costCalculationVersion],
            offerDescriptionData: null,
            costCalculationData: null,
            revisions: [1, 2].map((number) => ({
              number,
              requestedAmount: null,
              offerDescriptionData: null,
              costCalculationData: null,
            })),
            revisionDiff: null,
            viewerCan: { ...viewerCan, readData: false },
          }),
        'TEAM_LEAD:foreign': deny('NOT_FOUND'),
        'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
        'PROVIDER:foreign': deny('NOT_FOUND'),
      };
      return table;
    })(),
  },
  {
    title: 'createApplication is for provider staff of a Träger the open call is for',
    covers: ['Mutation.createApplication'],
    prepare: (w) => freshCall(w),
    document: 'mutation($input: CreateApplicationInput!) { createApplication(input: $input) { state } }',
    variables: (_w, p) => ({ input: { callId: p.callId } }),
    expect: {
      'PROVIDER:own': allow({ state: 'DRAFT' }),
      'PROVIDER:foreign': allow({ state: 'DRAFT' }),
      ADMIN: deny('FORBIDDEN'),
      FINANCE: deny('FORBIDDEN'),
      COMMITTEE: deny('FORBIDDEN'),
      'TEAM_LEAD:own': deny('FORBIDDEN'),
      'REGIONAL_TEAM:own': deny('FORBIDDEN'),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
    },
    state: (w, p) => w.sql(`select * from application where call_id = ?`, [p.callId]),
  },
  {
    title: 'saveApplicationDraft is for provider staff of the own Träger only',
    covers: ['Mutation.saveApplicationDraft'],
    prepare: (w) => freshApplication(w),
    document:
      'mutation($input: SaveApplicationDraftInput!) { saveApplicationDraft(input: $input) { id revision } }',
    variables: (_w, p) => ({ input: { id: p.id, revision: 1, offerDescriptionData: { title: 'Neu' } } }),
    expect: editsOwnApplication((_w, p: { id: string }) => ({ id: p.id, revision: 2 })),
    state: applicationState,
  },
  {
    title: 'submitApplication is for provider staff of the own Träger only',
    covers: [
      'Mutation.submitApplication',
      'SubmitApplicationPayload.application',
      'SubmitApplicationPayload.errors',
    ],
    prepare: (w) =>
      freshApplication(w, {
        offerDescriptionData: sampleDataOf('offer-description'),
        costCalculationData: sampleDataOf('cost-calculation'),
      }),
    document: `mutation($input: SubmitApplicationInput!) {
      submitApplication(input: $input) { errors { path } errorCount application { id state } }
    }`,
    variables: (_w, p) => ({ input: { id: p.id, revision: 1 } }),
    expect: editsOwnApplication((_w, p: { id: string }) => ({
      errors: [],
      errorCount: 0,
      application: { id: p.id, state: 'SUBMITTED' },
    })),
    state: applicationState,
  },
  {
    title: 'requestApplicationChanges is for the team lead of the need’s Sozialraum only',
    covers: ['Mutation.requestApplicationChanges'],
    prepare: (w) => freshApplication(w, { state: 'SUBMITTED' }),
    document:
      'mutation($input: RequestApplicationChangesInput!) { requestApplicationChanges(input: $input) { id state } }',
    variables: (_w, p) => ({ input: { id: p.id, revision: 1, comment: 'Bitte ergänzen.' } }),
    expect: {
      'TEAM_LEAD:own': (_w, p) => allow({ id: p.id, state: 'CHANGES_REQUESTED' }),
      ADMIN: deny('FORBIDDEN'),
      FINANCE: deny('FORBIDDEN'),
      COMMITTEE: deny('FORBIDDEN'),
      'REGIONAL_TEAM:own': deny('FORBIDDEN'),
      'PROVIDER:own': deny('FORBIDDEN'),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
    state: applicationState,
  },
  {
    title: 'withdrawApplication is for provider staff of the own Träger only',
    covers: ['Mutation.withdrawApplication'],
    prepare: (w) => freshApplication(w),
    document:
      'mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { id state } }',
    variables: (_w, p) => ({ input: { id: p.id, revision: 1 } }),
    expect: editsOwnApplication((_w, p: { id: string }) => ({ id: p.id, state: 'WITHDRAWN' })),
    state: applicationState,
  },
];
