import {
  allow,
  type AuthorizationCase,
  deny,
  type ExpectationTable,
  insertRow,
  type World,
} from './matrix.js';

const versionIds: Record<string, string> = {};

async function publishedVersion(w: World, formKey: string): Promise<string> {
  if (!versionIds[formKey]) {
    const [row] = await w.sql<{ id: string }>(
      `select id from form_version where form_key = ? and status = 'PUBLISHED'`,
      [formKey],
    );
    versionIds[formKey] = row!.id;
  }
  return versionIds[formKey]!;
}

/** A closed need of the own Sozialraum with its call and a submitted application of the own Träger (revision 1, 250.000 ct requested). */
export async function submittedApplication(w: World): Promise<{ applicationId: string; needId: string }> {
  const needId = await insertRow(w, 'need', {
    social_area_id: w.socialAreas.own,
    title: w.unique('Matrix Entscheidung'),
    situation_description: 'Matrix Lage',
    created_by_name: 'Matrix',
    state: 'CLOSED',
    outcome: 'OFFER',
  });
  const callId = await insertRow(w, 'call_for_interest', {
    need_id: needId,
    title: w.unique('Matrix Entscheidung'),
    deadline: new Date(Date.now() - 3_600_000),
    open_to_all: true,
    invited_provider_ids: '{}',
    offer_category_id: w.offerCategories.active,
    opened_by_name: 'Matrix',
  });
  const data = JSON.stringify({ title: 'Matrix Angebot', goals: [{ goal: 'Ziel', indicator: 'Indikator' }] });
  const applicationId = await insertRow(w, 'application', {
    call_id: callId,
    provider_id: w.providers.own,
    state: 'SUBMITTED',
    offer_description_version_id: await publishedVersion(w, 'offer-description'),
    cost_calculation_version_id: await publishedVersion(w, 'cost-calculation'),
    offer_description_data: data,
    cost_calculation_data: JSON.stringify({}),
    created_by_name: 'Matrix',
    submitted_at: new Date(),
  });
  await insertRow(w, 'application_revision', {
    application_id: applicationId,
    number: 1,
    offer_description_data: data,
    cost_calculation_data: JSON.stringify({}),
    requested_amount: 250_000,
    submitted_at: new Date(),
    submitted_by_name: 'Matrix',
  });
  return { applicationId, needId };
}

/** As `submittedApplication`, approved by the Regionalteam (200.000 ct for 2027, Kreiszuschuss), without notice. */
export async function approvedApplication(w: World): Promise<{ applicationId: string; decisionId: string }> {
  const { applicationId } = await submittedApplication(w);
  await w.sql(`update application set state = 'APPROVED', revision = 2 where id = ?`, [applicationId]);
  const [category] = await w.sql<{ financing_kind: string }>(
    `select financing_kind from offer_category where id = ?`,
    [w.offerCategories.active],
  );
  const decisionId = await insertRow(w, 'application_decision', {
    application_id: applicationId,
    outcome: 'APPROVED',
    justification: 'Matrix bewilligt',
    decided_by_name: 'Matrix',
    decided_at: new Date(),
    application_revision_number: 1,
    social_area_id: w.socialAreas.own,
    offer_category_id: w.offerCategories.active,
    approved_amount: 200_000,
    period_start: '2027-01-01',
    period_end: '2027-12-31',
    financing_kind: category!.financing_kind,
    fee_hours: category!.financing_kind === 'FEE' ? '32.00' : null,
    hourly_rate: category!.financing_kind === 'FEE' ? 6250 : null,
  });
  return { applicationId, decisionId };
}

/**
 * Runs `make` once per world for read cases (reads change nothing, so every persona can look at the same
 * rows); keeps the world small for cases that count what is waiting.
 */
export function once<P>(make: (w: World) => Promise<P>): (w: World) => Promise<P> {
  const made = new WeakMap<World, Promise<P>>();
  return (w) => {
    if (!made.has(w)) made.set(w, make(w));
    return made.get(w)!;
  };
}

const sharedSubmitted = once(submittedApplication);
const sharedApproved = once(approvedApplication);

const decisionState = async (w: World, p: { applicationId: string }) => ({
  application: await w.sql(`select state, revision from application where id = ?`, [p.applicationId]),
  decisions: await w.sql(`select * from application_decision where application_id = ?`, [p.applicationId]),
});

/** A decision by the Regionalteam of the own Sozialraum: everyone else is refused or does not find it. */
const decidedByOwnRegionalTeam = (outcome: string): ExpectationTable<{ applicationId: string }> => ({
  'REGIONAL_TEAM:own': allow({ outcome }),
  ADMIN: deny('FORBIDDEN'),
  FINANCE: deny('FORBIDDEN'),
  'TEAM_LEAD:own': deny('FORBIDDEN'),
  COMMITTEE: deny('FORBIDDEN'),
  'PROVIDER:own': deny('FORBIDDEN'),
  'TEAM_LEAD:foreign': deny('NOT_FOUND'),
  'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
  'PROVIDER:foreign': deny('NOT_FOUND'),
});

export const cases: AuthorizationCase[] = [
  {
    title: 'applicationsAwaitingDecision: the office in its scope; providers are refused',
    covers: ['Query.applicationsAwaitingDecision'],
    prepare: sharedSubmitted,
    document: 'query { applicationsAwaitingDecision { id viewerCanDecide } }',
    pick: (data, _w, p: { applicationId: string }) =>
      data.applicationsAwaitingDecision?.find((a: any) => a.id === p.applicationId) ?? null,
    expect: {
      ADMIN: (_w, p) => allow({ id: p.applicationId, viewerCanDecide: false }),
      FINANCE: (_w, p) => allow({ id: p.applicationId, viewerCanDecide: false }),
      COMMITTEE: (_w, p) => allow({ id: p.applicationId, viewerCanDecide: false }),
      'TEAM_LEAD:own': (_w, p) => allow({ id: p.applicationId, viewerCanDecide: false }),
      'REGIONAL_TEAM:own': (_w, p) => allow({ id: p.applicationId, viewerCanDecide: true }),
      'TEAM_LEAD:foreign': allow(null),
      'REGIONAL_TEAM:foreign': allow(null),
      'PROVIDER:own': deny('FORBIDDEN'),
      'PROVIDER:foreign': deny('FORBIDDEN'),
    },
  },
  {
    title: 'budgetCheck: the office in the application’s scope; never providers',
    covers: ['Query.budgetCheck'],
    prepare: sharedSubmitted,
    document: `query($id: UUID!) {
      budgetCheck(applicationId: $id, amount: 100000, periodStart: "2027-01-01", periodEnd: "2027-12-31") { year amount }
    }`,
    variables: (_w, p: { applicationId: string }) => ({ id: p.applicationId }),
    expect: {
      ADMIN: allow([{ year: 2027, amount: 100_000 }]),
      FINANCE: allow([{ year: 2027, amount: 100_000 }]),
      COMMITTEE: allow([{ year: 2027, amount: 100_000 }]),
      'TEAM_LEAD:own': allow([{ year: 2027, amount: 100_000 }]),
      'REGIONAL_TEAM:own': allow([{ year: 2027, amount: 100_000 }]),
      'PROVIDER:own': deny('FORBIDDEN'),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
  },
  {
    title:
      'Application.decision: the office in scope and the own Träger (without the budget warning); others do not find the application',
    covers: ['Application.decision', 'ApplicationDecision.application'],
    prepare: sharedApproved,
    document: `query($id: UUID!) {
      application(id: $id) { decision { id outcome approvedAmount budgetWarning application { id } } }
    }`,
    variables: (_w, p: { applicationId: string }) => ({ id: p.applicationId }),
    expect: (() => {
      const seen =
        (budgetWarning: boolean | null) => (_w: World, p: { applicationId: string; decisionId: string }) =>
          allow({
            decision: {
              id: p.decisionId,
              outcome: 'APPROVED',
              approvedAmount: 200_000,
              budgetWarning,
              application: { id: p.applicationId },
            },
          });
      const table: ExpectationTable<{ applicationId: string; decisionId: string }> = {
        ADMIN: seen(false),
        FINANCE: seen(false),
        COMMITTEE: seen(false),
        'TEAM_LEAD:own': seen(false),
        'REGIONAL_TEAM:own': seen(false),
        'PROVIDER:own': seen(null),
        'TEAM_LEAD:foreign': deny('NOT_FOUND'),
        'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
        'PROVIDER:foreign': deny('NOT_FOUND'),
      };
      return table;
    })(),
  },
  {
    title: 'approveApplication is for the Regionalteam of the need’s Sozialraum only',
    covers: ['Mutation.approveApplication'],
    prepare: submittedApplication,
    document: `mutation($input: ApproveApplicationInput!) { approveApplication(input: $input) { outcome } }`,
    variables: (_w, p: { applicationId: string }) => ({
      input: {
        applicationId: p.applicationId,
        revision: 1,
        amount: 100_000,
        periodStart: '2027-01-01',
        periodEnd: '2027-12-31',
        financingKind: 'GRANT',
        justification: 'Matrix',
      },
    }),
    expect: decidedByOwnRegionalTeam('APPROVED'),
    state: decisionState,
  },
  {
    title: 'rejectApplication is for the Regionalteam of the need’s Sozialraum only',
    covers: ['Mutation.rejectApplication'],
    prepare: submittedApplication,
    document: `mutation($input: RejectApplicationInput!) { rejectApplication(input: $input) { outcome } }`,
    variables: (_w, p: { applicationId: string }) => ({
      input: { applicationId: p.applicationId, revision: 1, justification: 'Matrix' },
    }),
    expect: decidedByOwnRegionalTeam('REJECTED'),
    state: decisionState,
  },
];
