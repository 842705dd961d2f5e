import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAuditExport } from '../../server/src/audit/audit-export.js';
import { runCommand } from '../../server/src/common/command.js';
import { type Caller, Role } from '../../server/src/common/context.js';
import { startOfferFollowUp } from '../../server/src/evaluations/offer-follow-up.js';
import { Offer } from '../../server/src/offers/offer.entity.js';
import { buildGraphQLSchema } from '../../server/src/schema.js';
import { costCalculation, newClientSubmissionId, sampleDataOf } from '../support/factories.js';
import { CREATE_DRAFT, FORM_VERSION, PUBLISH, SUBMIT, UPDATE_DRAFT } from '../support/operations.js';
import { type GraphQLResponse, startTestApi, type TestApi } from '../support/test-api.js';
import { refusal, withRuntimeRole } from '../support/runtime-role.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const CALLER_HEADER = 'x-test-caller';

const admin: Caller = { userId: randomUUID(), displayName: 'Anja Verwaltung', roles: [Role.ADMIN] };
const teamLead: Caller = { userId: randomUUID(), displayName: 'Tom Teamleitung', roles: [Role.TEAM_LEAD] };
let provider: Caller;

interface AuditRow {
  id: string;
  occurred_at: Date;
  request_id: string | null;
  user_id: string | null;
  user_name: string | null;
  role: string | null;
  operation: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: string;
  details: Record<string, any> | null;
  justification: string | null;
}

/** Sends one operation as `caller` and returns the answer with the request id the server gave it. */
async function send<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller | null,
): Promise<GraphQLResponse<T> & { requestId: string }> {
  const response = await api.app.http.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', [CALLER_HEADER]: JSON.stringify(caller) },
    payload: { query, variables },
  });
  return { ...response.json(), requestId: String(response.headers['x-request-id']) };
}

/** Sends as `caller` and fails the test on any error. */
async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller = admin,
): Promise<T> {
  const { data, errors } = await send<T>(query, variables, caller);
  expect(errors).toBeUndefined();
  return data!;
}

async function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  return api.orm.em.getConnection().execute(text, params);
}

const eventsOf = (requestId: string) =>
  sql<AuditRow>('select * from audit_event where request_id = ? order by id', [requestId]);

const unique = (prefix: string) => `${prefix} ${randomBytes(4).toString('hex')}`;

beforeAll(async () => {
  const providerId = randomUUID();
  await sql(`insert into provider (id, created_by, name) values (?, 'test', ?)`, [
    providerId,
    unique('Träger Audit'),
  ]);
  provider = { userId: randomUUID(), displayName: 'Petra Träger', roles: [Role.PROVIDER], providerId };
});

// --- Operations --------------------------------------------------------------------------------------

const AUDIT_EVENTS = /* GraphQL */ `
  query AuditEvents($filter: AuditEventFilter, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      totalCount
      endCursor
      hasNextPage
      nodes {
        id
        occurredAt
        requestId
        userId
        userName
        role
        operation
        entityType
        entityId
        outcome
        details
        justification
      }
    }
  }
`;

const ENTITY_HISTORY = /* GraphQL */ `
  query EntityHistory($entityType: String!, $entityId: String!) {
    entityHistory(entityType: $entityType, entityId: $entityId) {
      id
      occurredAt
      operation
      outcome
      entityType
      entityId
      details
    }
  }
`;

const masterDataMutation = (name: string, inputType: string) => /* GraphQL */ `
  mutation ${name[0]!.toUpperCase()}${name.slice(1)}($input: ${inputType}!) {
    ${name}(input: $input) { id revision }
  }
`;

const CREATE_SOCIAL_AREA = masterDataMutation('createSocialArea', 'CreateSocialAreaInput');
const UPDATE_SOCIAL_AREA = masterDataMutation('updateSocialArea', 'UpdateSocialAreaInput');
const CREATE_REGIONAL_TEAM = masterDataMutation('createRegionalTeam', 'CreateRegionalTeamInput');
const UPDATE_REGIONAL_TEAM = masterDataMutation('updateRegionalTeam', 'UpdateRegionalTeamInput');
const CREATE_PROVIDER = masterDataMutation('createProvider', 'CreateProviderInput');
const UPDATE_PROVIDER = masterDataMutation('updateProvider', 'UpdateProviderInput');
const CREATE_OFFER_CATEGORY = masterDataMutation('createOfferCategory', 'CreateOfferCategoryInput');
const UPDATE_OFFER_CATEGORY = masterDataMutation('updateOfferCategory', 'UpdateOfferCategoryInput');
const CREATE_BUDGET_YEAR = masterDataMutation('createBudgetYear', 'CreateBudgetYearInput');
const UPDATE_BUDGET_YEAR = masterDataMutation('updateBudgetYear', 'UpdateBudgetYearInput');

/** A fresh draft of `formKey` (there may be one draft per form at a time, so each case uses its own form). */
async function draftOf(formKey: string) {
  return (await ok(CREATE_DRAFT, { formKey })).createDraft;
}

/** The form's draft: a new one, or the one an earlier test left. */
async function currentDraft(formKey: string) {
  const created = await send(CREATE_DRAFT, { formKey }, admin);
  if (!created.errors) return created.data!.createDraft;
  const draftId = created.errors[0]?.extensions?.draftId as string;
  return (await ok(FORM_VERSION, { id: draftId })).formVersion;
}

let budgetYears = 2040;

const USER_FIELDS = 'id email displayName roles revision mustChangePassword';
const LOGIN = `mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { ${USER_FIELDS} } }`;
const LOGOUT = 'mutation Logout { logout }';
const CHANGE_PASSWORD = `mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword) { ${USER_FIELDS} }
}`;
const CREATE_USER = `mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) { user { ${USER_FIELDS} } initialPassword }
}`;
const UPDATE_USER = `mutation UpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { ${USER_FIELDS} } }`;
const RESET_PASSWORD = `mutation ResetPassword($id: UUID!) { resetPassword(id: $id) { user { ${USER_FIELDS} } initialPassword } }`;
const DEACTIVATE_USER = `mutation DeactivateUser($id: UUID!) { deactivateUser(id: $id) { ${USER_FIELDS} } }`;
const REACTIVATE_USER = `mutation ReactivateUser($id: UUID!) { reactivateUser(id: $id) { ${USER_FIELDS} } }`;

/** A new password that meets the rules. */
const NEW_PASSWORD = 'Sozialraum-Neu-2026!';

const userInput = () => ({
  email: `fachkraft-${randomBytes(4).toString('hex')}@audit.sozialraum.invalid`,
  displayName: 'Fachkraft im Ausschuss',
  roles: [Role.COMMITTEE],
});

let lastUserId = '';

/** A user made by the administration, with its initial password and a caller acting as it. */
async function newUser() {
  const input = userInput();
  const { user, initialPassword } = (await ok(CREATE_USER, { input })).createUser;
  lastUserId = user.id;
  const caller: Caller = { userId: user.id, displayName: user.displayName, roles: user.roles };
  return { user, email: input.email, password: initialPassword as string, caller };
}

// --- Every mutation leaves exactly one event in its transaction ---------------------------------------

/** One mutation as a test drives it. */
interface MutationCase {
  /** Makes what the mutation needs (not counted) and returns the request to count. */
  prepare(): Promise<{ query: string; variables: Record<string, unknown>; caller: Caller | null }>;
  /** The role the event must name (not checked when left out). */
  role?: Role;
  /** Who the event must name (default: the caller). */
  userId?(data: Record<string, any>): string;
  entityType: string;
  /** The id of the record the answer names. */
  entityId(data: Record<string, any>): string;
  /** The table of that record, when the mutation writes its row: then the row and the event share one transaction. */
  table?: string;
}

const masterDataCase = (
  entityType: string,
  table: string,
  create: string,
  input: () => Record<string, unknown>,
): MutationCase => ({
  prepare: async () => ({ query: create, variables: { input: input() }, caller: admin }),
  role: Role.ADMIN,
  entityType,
  entityId: (data) => Object.values(data)[0].id,
  table,
});

const masterDataUpdateCase = (
  entityType: string,
  table: string,
  create: string,
  update: string,
  input: () => Record<string, unknown>,
  change: () => Record<string, unknown>,
): MutationCase => ({
  prepare: async () => {
    const created = Object.values(await ok(create, { input: input() }))[0];
    return {
      query: update,
      variables: { input: { id: created.id, revision: created.revision, ...change() } },
      caller: admin,
    };
  },
  role: Role.ADMIN,
  entityType,
  entityId: (data) => Object.values(data)[0].id,
  table,
});

const CREATE_BODY = masterDataMutation('createBody', 'CreateBodyInput');
const needMutation = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { id revision } }`;
const RECORD_NEED = needMutation('recordNeed', 'RecordNeedInput');
const DECIDE_NEED_RESOURCES = needMutation('decideNeedResources', 'DecideNeedResourcesInput');
const DECIDE_NEED_OFFER = needMutation('decideNeedOffer', 'DecideNeedOfferInput');
/** A county-wide need (the team lead of these tests leads no Sozialraum; it changes the county-wide needs it records). */
const needInput = () => ({
  countyWide: true,
  title: unique('Bedarf'),
  situationDescription: 'Beschreibung.',
});
/** A need after decision 1 (not covered): its id and revision. */
async function needWithoutResources(): Promise<{ id: string; revision: number }> {
  const need = (await ok(RECORD_NEED, { input: needInput() }, teamLead)).recordNeed;
  const decided = (
    await ok(
      DECIDE_NEED_RESOURCES,
      { input: { id: need.id, revision: need.revision, covered: false, justification: 'Nein.' } },
      teamLead,
    )
  ).decideNeedResources;
  return { id: decided.id, revision: decided.revision };
}
/** A need with a planned offer (open). */
async function plannedNeed(): Promise<{ id: string; revision: number }> {
  return (
    await ok(
      DECIDE_NEED_OFFER,
      { input: { ...(await needWithoutResources()), offer: true, justification: 'Ja.' } },
      teamLead,
    )
  ).decideNeedOffer;
}

const OPEN_CALL = `mutation($input: OpenCallForInterestInput!) {
  openCallForInterest(input: $input) { id revision callForInterest { id } }
}`;
const applicationMutation = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { id revision } }`;
const CREATE_APPLICATION = applicationMutation('createApplication', 'CreateApplicationInput');
const SUBMIT_APPLICATION = `mutation($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { errorCount application { id revision } }
}`;
/** An offer category for the calls of these tests. */
async function offerCategoryId(): Promise<string> {
  const [row] = await sql<{ id: string }>(`select id from offer_category where active order by name limit 1`);
  if (row) return row.id;
  return (await ok(CREATE_OFFER_CATEGORY, { input: { name: unique('Kategorie'), financingKind: 'GRANT' } }))
    .createOfferCategory.id;
}
/** A county-wide need of the team lead with a call for interest open to all: the need and the call. */
async function openCall(): Promise<{ id: string; revision: number; callId: string }> {
  const need = await plannedNeed();
  const opened = (
    await ok(
      OPEN_CALL,
      {
        input: {
          needId: need.id,
          revision: need.revision,
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
          openToAll: true,
          offerCategoryId: await offerCategoryId(),
        },
      },
      teamLead,
    )
  ).openCallForInterest;
  return { id: opened.id, revision: opened.revision, callId: opened.callForInterest.id };
}
/** The sample data of the version of `formKey` in force (valid as it is). */
async function sampleOf(formKey: string): Promise<Record<string, unknown>> {
  const [row] = await sql<{ sample_data: Record<string, unknown> }>(
    `select sample_data from form_version where form_key = ? and status = 'PUBLISHED'`,
    [formKey],
  );
  return row!.sample_data;
}
/** A draft application of the provider (with valid data of both Anlagen) for a new open call. */
async function draftApplication(): Promise<{ id: string; revision: number }> {
  const { callId } = await openCall();
  return (
    await ok(
      CREATE_APPLICATION,
      {
        input: {
          callId,
          offerDescriptionData: await sampleOf('offer-description'),
          costCalculationData: await sampleOf('cost-calculation'),
        },
      },
      provider,
    )
  ).createApplication;
}
/** A submitted application of the provider. */
async function submittedApplication(): Promise<{ id: string; revision: number }> {
  const draft = await draftApplication();
  const submitted = (
    await ok(SUBMIT_APPLICATION, { input: { id: draft.id, revision: draft.revision } }, provider)
  ).submitApplication;
  expect(submitted.errorCount).toBe(0);
  return submitted.application;
}

const scoreMutation = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { id revision } }`;
const START_SCORE = scoreMutation('startScore', 'StartScoreInput');

/** A score of the administration (a draft) for a new submitted application. */
async function startedScore(): Promise<{ id: string; revision: number }> {
  const application = await submittedApplication();
  return (await ok(START_SCORE, { input: { applicationId: application.id } }, admin)).startScore;
}

/** A running offer of the provider (from a county-wide need of the team lead), started as a notice starts one. */
async function runningOffer(): Promise<{ offerId: string; evaluationId: string }> {
  const application = await draftApplication();
  const [row] = await sql<{ need_id: string; offer_category_id: string }>(
    `select c.need_id, c.offer_category_id from application a join call_for_interest c on c.id = a.call_id where a.id = ?`,
    [application.id],
  );
  const offerId = randomUUID();
  await sql(
    `insert into offer (id, created_by, application_id, need_id, provider_id, offer_category_id, financing_kind, title, period_start, period_end, approved_amount)
     values (?, 'test', ?, ?, ?, ?, 'GRANT', 'Audit Angebot', '2030-01-01', '2030-12-31', 100000)`,
    [offerId, application.id, row!.need_id, provider.providerId, row!.offer_category_id],
  );
  const finance: Caller = { userId: randomUUID(), displayName: 'Fiona Finanzen', roles: [Role.FINANCE] };
  await runCommand(
    { em: api.orm.em.fork(), caller: finance, requestId: randomUUID() },
    'issueNotice',
    async (cmd) => {
      await startOfferFollowUp(cmd, await cmd.tx.findOneOrFail(Offer, { id: offerId }), {
        goals: [{ goal: 'Ziel', indicator: 'Indikator', targetValue: 'Wert' }],
      });
    },
  );
  const [evaluation] = await sql<{ id: string }>(
    `select id from evaluation where offer_id = ? order by period_number limit 1`,
    [offerId],
  );
  return { offerId, evaluationId: evaluation!.id };
}
const evaluationMutation = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { id revision } }`;
/** A submitted evaluation of the provider: its id and revision. */
async function submittedEvaluation(): Promise<{ id: string; revision: number }> {
  const { evaluationId } = await runningOffer();
  const submitted = (
    await ok(
      `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { errorCount evaluation { id revision } } }`,
      { input: { id: evaluationId, revision: 1, data: sampleDataOf('evaluation') } },
      provider,
    )
  ).submitEvaluation;
  expect(submitted.errorCount).toBe(0);
  return submitted.evaluation;
}

async function openBudgetYear(year: number): Promise<void> {
  await sql(
    `insert into budget_year (id, created_by, year, starts_on, ends_on) values (?, 'test', ?, ?, ?) on conflict do nothing`,
    [randomUUID(), year, `${year}-01-01`, `${year}-12-31`],
  );
}

/** An offer of the provider in 2030 (§ 74, or § 77 at 50 € an hour) with 1.000 € committed and 100 € paid in the ledger. */
async function fundedOffer(kind: 'GRANT' | 'FEE'): Promise<{ offerId: string; paymentId: string }> {
  await openBudgetYear(2030);
  const application = await draftApplication();
  const [row] = await sql<{ need_id: string; offer_category_id: string }>(
    `select c.need_id, c.offer_category_id from application a join call_for_interest c on c.id = a.call_id where a.id = ?`,
    [application.id],
  );
  const offerId = randomUUID();
  await sql(
    `insert into offer (id, created_by, application_id, need_id, provider_id, offer_category_id, financing_kind, title, period_start, period_end, approved_amount, fee_hours, hourly_rate)
     values (?, 'test', ?, ?, ?, ?, ?, 'Audit Mittel', '2030-01-01', '2030-12-31', 100000, ?, ?)`,
    [
      offerId,
      application.id,
      row!.need_id,
      provider.providerId,
      row!.offer_category_id,
      kind,
      kind === 'FEE' ? '20.00' : null,
      kind === 'FEE' ? 5_000 : null,
    ],
  );
  const paymentId = randomUUID();
  for (const [id, entryKind, amount] of [
    [randomUUID(), 'COMMITMENT', 100_000],
    [paymentId, 'PAYMENT', 10_000],
  ] as const)
    await sql(
      `insert into ledger_entry (id, kind, amount, budget_year, booked_on, financing_kind, offer_id, provider_id)
       values (?, ?, ?, 2030, '2030-01-01', ?, ?, ?)`,
      [id, entryKind, amount, kind, offerId, provider.providerId],
    );
  return { offerId, paymentId };
}

/** A booking of finance on a funded offer: one LedgerEntry, written with its event. */
function ledgerCase(
  name: string,
  inputType: string,
  kind: 'GRANT' | 'FEE',
  input: (offerId: string, paymentId: string) => Record<string, unknown>,
): MutationCase {
  return {
    prepare: async () => {
      const { offerId, paymentId } = await fundedOffer(kind);
      return {
        query: `mutation($input: ${inputType}!) { ${name}(input: $input) { id } }`,
        variables: { input: input(offerId, paymentId) },
        caller: finance,
      };
    },
    role: Role.FINANCE,
    entityType: 'LedgerEntry',
    entityId: (data) => data[name].id,
    table: 'ledger_entry',
  };
}

const regionalTeam: Caller = {
  userId: randomUUID(),
  displayName: 'Rieke Regionalteam',
  roles: [Role.REGIONAL_TEAM],
  regionalTeamId: randomUUID(),
};
const finance: Caller = { userId: randomUUID(), displayName: 'Finn Finanzen', roles: [Role.FINANCE] };
const decisionMutation = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { id application { id } } }`;
const APPROVE_APPLICATION = decisionMutation('approveApplication', 'ApproveApplicationInput');
/** The approval of a submitted county-wide application (any Regionalteam decides those). */
const approvalInput = (application: { id: string; revision: number }) => ({
  input: {
    applicationId: application.id,
    revision: application.revision,
    amount: 100_000,
    periodStart: '2027-01-01',
    periodEnd: '2027-12-31',
    financingKind: 'GRANT',
    justification: 'Passt.',
  },
});
/** A submitted application approved by the Regionalteam. */
async function approvedApplication(): Promise<{ id: string }> {
  const application = await submittedApplication();
  const approved = await ok(APPROVE_APPLICATION, approvalInput(application), regionalTeam);
  return approved.approveApplication.application;
}

const MUTATION_CASES: Record<string, MutationCase> = {
  approveApplication: {
    prepare: async () => ({
      query: APPROVE_APPLICATION,
      variables: approvalInput(await submittedApplication()),
      caller: regionalTeam,
    }),
    role: Role.REGIONAL_TEAM,
    entityType: 'Application',
    entityId: (data) => data.approveApplication.application.id,
    table: 'application',
  },
  rejectApplication: {
    prepare: async () => {
      const application = await submittedApplication();
      return {
        query: decisionMutation('rejectApplication', 'RejectApplicationInput'),
        variables: {
          input: { applicationId: application.id, revision: application.revision, justification: 'Nein.' },
        },
        caller: regionalTeam,
      };
    },
    role: Role.REGIONAL_TEAM,
    entityType: 'Application',
    entityId: (data) => data.rejectApplication.application.id,
    table: 'application',
  },
  changeBudgetAllocation: {
    prepare: async () => {
      await openBudgetYear(2027);
      const socialAreaId = randomUUID();
      await sql(`insert into social_area (id, created_by, name) values (?, 'test', ?)`, [
        socialAreaId,
        unique('Sozialraum'),
      ]);
      return {
        query: `mutation($input: ChangeBudgetAllocationInput!) { changeBudgetAllocation(input: $input) { id } }`,
        variables: { input: { socialAreaId, year: 2027, amount: 1_000_000, reason: 'Haushaltsplan' } },
        caller: admin,
      };
    },
    role: Role.ADMIN,
    entityType: 'LedgerEntry',
    entityId: (data) => data.changeBudgetAllocation.id,
    table: 'ledger_entry',
  },
  recordFeePayment: ledgerCase('recordFeePayment', 'RecordFeePaymentInput', 'FEE', (offerId) => ({
    offerId,
    periodFrom: '2030-01-01',
    periodTo: '2030-03-31',
    hours: 12.5,
  })),
  recordGrantPayment: ledgerCase('recordGrantPayment', 'RecordGrantPaymentInput', 'GRANT', (offerId) => ({
    offerId,
    amount: 20_000,
    bookedOn: '2030-02-01',
  })),
  recordRepayment: ledgerCase('recordRepayment', 'OfferAmountWithReasonInput', 'GRANT', (offerId) => ({
    offerId,
    amount: 5_000,
    reason: 'Nicht verbraucht',
    bookedOn: '2030-06-01',
  })),
  correctLedgerEntry: ledgerCase(
    'correctLedgerEntry',
    'CorrectLedgerEntryInput',
    'GRANT',
    (_offerId, paymentId) => ({ entryId: paymentId, reason: 'Falsch gebucht' }),
  ),
  cancelCommitment: {
    prepare: async () => {
      const { offerId } = await fundedOffer('GRANT');
      return {
        query: `mutation($input: OfferAmountWithReasonInput!) { cancelCommitment(input: $input) { id offerId } }`,
        variables: { input: { offerId, amount: 10_000, reason: 'Angebot endet früher' } },
        caller: finance,
      };
    },
    role: Role.FINANCE,
    entityType: 'Offer',
    entityId: (data) => data.cancelCommitment[0].offerId,
  },
  issueNotice: {
    prepare: async () => ({
      query: `mutation($id: UUID!) { issueNotice(applicationId: $id) { id } }`,
      variables: { id: (await approvedApplication()).id },
      caller: finance,
    }),
    role: Role.FINANCE,
    entityType: 'DecisionNotice',
    entityId: (data) => data.issueNotice.id,
    table: 'decision_notice',
  },
  createDraft: {
    prepare: async () => ({ query: CREATE_DRAFT, variables: { formKey: 'criteria' }, caller: admin }),
    role: Role.ADMIN,
    entityType: 'FormVersion',
    entityId: (data) => data.createDraft.id,
    table: 'form_version',
  },
  updateDraft: {
    prepare: async () => {
      const draft = await draftOf('offer-description');
      return {
        query: UPDATE_DRAFT,
        variables: {
          id: draft.id,
          schema: { ...draft.schema, title: 'Maßnahmebeschreibung (geändert)' },
          uischema: draft.uischema,
          expectedRevision: draft.revision,
        },
        caller: admin,
      };
    },
    role: Role.ADMIN,
    entityType: 'FormVersion',
    entityId: (data) => data.updateDraft.formVersion.id,
    table: 'form_version',
  },
  publishFormVersion: {
    prepare: async () => {
      const draft = await draftOf('evaluation');
      return { query: PUBLISH, variables: { id: draft.id }, caller: admin };
    },
    role: Role.ADMIN,
    entityType: 'FormVersion',
    entityId: (data) => data.publishFormVersion.formVersion.id,
    table: 'form_version',
  },
  // Import into a draft of Anlage 2, then archive it, so no draft of Anlage 2 is left for later tests.
  importFormDefinition: {
    prepare: async () => {
      const draft = await currentDraft('cost-calculation');
      return {
        query: `mutation($id: UUID!, $revision: Int!, $definition: JSON!) {
          importFormDefinition(draftId: $id, expectedRevision: $revision, definition: $definition) {
            formVersion { id } errorCount
          }
        }`,
        variables: {
          id: draft.id,
          revision: draft.revision,
          definition: { title: draft.title, schema: draft.schema, uischema: draft.uischema },
        },
        caller: admin,
      };
    },
    role: Role.ADMIN,
    entityType: 'FormVersion',
    entityId: (data) => data.importFormDefinition.formVersion.id,
    table: 'form_version',
  },
  archiveFormVersion: {
    prepare: async () => {
      const draft = await currentDraft('cost-calculation');
      return {
        query: `mutation($id: UUID!) { archiveFormVersion(id: $id) { formVersion { id } errorCount } }`,
        variables: { id: draft.id },
        caller: admin,
      };
    },
    role: Role.ADMIN,
    entityType: 'FormVersion',
    entityId: (data) => data.archiveFormVersion.formVersion.id,
    table: 'form_version',
  },
  saveReport: {
    prepare: async () => {
      // The first use of reports loads the report files (their events are not this mutation's).
      await send('{ reports { key } }', {}, admin);
      return {
        query: `mutation($d: JSON!) { saveReport(definition: $d) { report { key } errorCount } }`,
        variables: {
          d: {
            key: 'audited-report',
            title: 'Zugewiesen je Regionalteam',
            dataset: 'ledger',
            dimensions: ['regionalTeam'],
            measures: ['allocated'],
            filters: { keys: ['years'], defaults: { years: 'CURRENT' } },
            chart: { type: 'BAR', x: 'regionalTeam', series: ['allocated'], stacked: false },
          },
        },
        caller: admin,
      };
    },
    role: Role.ADMIN,
    entityType: 'ReportDefinition',
    entityId: (data) => data.saveReport.report.key,
  },
  submitForm: {
    prepare: async () => ({
      query: SUBMIT,
      variables: {
        formKey: 'cost-calculation',
        data: costCalculation(),
        clientSubmissionId: newClientSubmissionId(),
      },
      caller: provider,
    }),
    role: Role.PROVIDER,
    entityType: 'Submission',
    entityId: (data) => data.submitForm.submission.id,
    table: 'submission',
  },
  login: {
    prepare: async () => {
      const { email, password } = await newUser();
      return { query: LOGIN, variables: { email, password }, caller: null };
    },
    entityType: 'User',
    entityId: (data) => data.login.id,
    userId: (data) => data.login.id,
  },
  logout: {
    prepare: async () => ({ query: LOGOUT, variables: {}, caller: (await newUser()).caller }),
    entityType: 'User',
    entityId: () => lastUserId,
  },
  changePassword: {
    prepare: async () => {
      const { caller, password } = await newUser();
      return {
        query: CHANGE_PASSWORD,
        variables: { currentPassword: password, newPassword: NEW_PASSWORD },
        caller,
      };
    },
    entityType: 'User',
    entityId: (data) => data.changePassword.id,
    table: 'app_user',
  },
  createUser: {
    prepare: async () => ({ query: CREATE_USER, variables: { input: userInput() }, caller: admin }),
    role: Role.ADMIN,
    entityType: 'User',
    entityId: (data) => data.createUser.user.id,
    table: 'app_user',
  },
  updateUser: {
    prepare: async () => {
      const { user } = await newUser();
      return {
        query: UPDATE_USER,
        variables: { input: { id: user.id, revision: user.revision, displayName: 'Umbenannte Fachkraft' } },
        caller: admin,
      };
    },
    role: Role.ADMIN,
    entityType: 'User',
    entityId: (data) => data.updateUser.id,
    table: 'app_user',
  },
  resetPassword: {
    prepare: async () => ({
      query: RESET_PASSWORD,
      variables: { id: (await newUser()).user.id },
      caller: admin,
    }),
    role: Role.ADMIN,
    entityType: 'User',
    entityId: (data) => data.resetPassword.user.id,
    table: 'app_user',
  },
  deactivateUser: {
    prepare: async () => ({
      query: DEACTIVATE_USER,
      variables: { id: (await newUser()).user.id },
      caller: admin,
    }),
    role: Role.ADMIN,
    entityType: 'User',
    entityId: (data) => data.deactivateUser.id,
    table: 'app_user',
  },
  reactivateUser: {
    prepare: async () => {
      const { user } = await newUser();
      await ok(DEACTIVATE_USER, { id: user.id });
      return { query: REACTIVATE_USER, variables: { id: user.id }, caller: admin };
    },
    role: Role.ADMIN,
    entityType: 'User',
    entityId: (data) => data.reactivateUser.id,
    table: 'app_user',
  },
  createSocialArea: masterDataCase('SocialArea', 'social_area', CREATE_SOCIAL_AREA, () => ({
    name: unique('Sozialraum'),
  })),
  updateSocialArea: masterDataUpdateCase(
    'SocialArea',
    'social_area',
    CREATE_SOCIAL_AREA,
    UPDATE_SOCIAL_AREA,
    () => ({ name: unique('Sozialraum') }),
    () => ({ name: unique('Sozialraum neu') }),
  ),
  createRegionalTeam: masterDataCase('RegionalTeam', 'regional_team', CREATE_REGIONAL_TEAM, () => ({
    name: unique('Regionalteam'),
  })),
  updateRegionalTeam: masterDataUpdateCase(
    'RegionalTeam',
    'regional_team',
    CREATE_REGIONAL_TEAM,
    UPDATE_REGIONAL_TEAM,
    () => ({ name: unique('Regionalteam') }),
    () => ({ active: false }),
  ),
  createProvider: masterDataCase('Provider', 'provider', CREATE_PROVIDER, () => ({
    name: unique('Träger'),
    city: 'Achim',
  })),
  updateProvider: masterDataUpdateCase(
    'Provider',
    'provider',
    CREATE_PROVIDER,
    UPDATE_PROVIDER,
    () => ({ name: unique('Träger') }),
    () => ({ city: 'Verden (Aller)' }),
  ),
  createOfferCategory: masterDataCase('OfferCategory', 'offer_category', CREATE_OFFER_CATEGORY, () => ({
    name: unique('Angebotsart'),
    financingKind: 'GRANT',
  })),
  updateOfferCategory: masterDataUpdateCase(
    'OfferCategory',
    'offer_category',
    CREATE_OFFER_CATEGORY,
    UPDATE_OFFER_CATEGORY,
    () => ({ name: unique('Angebotsart'), financingKind: 'FEE' }),
    () => ({ financingKind: 'GRANT' }),
  ),
  createBudgetYear: masterDataCase('BudgetYear', 'budget_year', CREATE_BUDGET_YEAR, () => ({
    year: budgetYears++,
  })),
  updateBudgetYear: masterDataUpdateCase(
    'BudgetYear',
    'budget_year',
    CREATE_BUDGET_YEAR,
    UPDATE_BUDGET_YEAR,
    () => ({ year: budgetYears++ }),
    () => ({ closed: true }),
  ),
  recordNeed: {
    prepare: async () => ({ query: RECORD_NEED, variables: { input: needInput() }, caller: teamLead }),
    role: Role.TEAM_LEAD,
    entityType: 'Need',
    entityId: (data) => data.recordNeed.id,
    table: 'need',
  },
  updateNeed: {
    prepare: async () => {
      const need = (await ok(RECORD_NEED, { input: needInput() }, teamLead)).recordNeed;
      return {
        query: needMutation('updateNeed', 'UpdateNeedInput'),
        variables: { input: { id: need.id, revision: need.revision, title: 'Geänderter Bedarf' } },
        caller: teamLead,
      };
    },
    role: Role.TEAM_LEAD,
    entityType: 'Need',
    entityId: (data) => data.updateNeed.id,
    table: 'need',
  },
  decideNeedResources: {
    prepare: async () => {
      const need = (await ok(RECORD_NEED, { input: needInput() }, teamLead)).recordNeed;
      return {
        query: DECIDE_NEED_RESOURCES,
        variables: {
          input: { id: need.id, revision: need.revision, covered: false, justification: 'Nein.' },
        },
        caller: teamLead,
      };
    },
    role: Role.TEAM_LEAD,
    entityType: 'Need',
    entityId: (data) => data.decideNeedResources.id,
    table: 'need',
  },
  decideNeedOffer: {
    prepare: async () => ({
      query: DECIDE_NEED_OFFER,
      variables: { input: { ...(await needWithoutResources()), offer: true, justification: 'Ja.' } },
      caller: teamLead,
    }),
    role: Role.TEAM_LEAD,
    entityType: 'Need',
    entityId: (data) => data.decideNeedOffer.id,
    table: 'need',
  },
  recordNeedBodyInvolvement: {
    prepare: async () => {
      const need = await plannedNeed();
      const [body] = await sql<{ id: string }>(`select id from body where active order by name limit 1`);
      return {
        query: needMutation('recordNeedBodyInvolvement', 'RecordNeedBodyInvolvementInput'),
        variables: {
          input: {
            needId: need.id,
            revision: need.revision,
            bodyId: body!.id,
            involvement: 'INFORM',
            date: '2026-11-20',
            outcome: 'Zur Kenntnis genommen.',
          },
        },
        caller: teamLead,
      };
    },
    role: Role.TEAM_LEAD,
    entityType: 'Need',
    entityId: (data) => data.recordNeedBodyInvolvement.id,
    table: 'need',
  },
  prioritiseNeeds: {
    prepare: async () => {
      await plannedNeed();
      await plannedNeed();
      const open = await sql<{ id: string }>(
        `select id from need where social_area_id is null and state in ('OFFER_PLANNED', 'OPEN_FOR_APPLICATIONS') order by priority desc`,
      );
      return {
        query: `mutation($input: PrioritiseNeedsInput!) { prioritiseNeeds(input: $input) { id priority } }`,
        variables: { input: { socialAreaId: null, needIds: open.map((need) => need.id) } },
        caller: teamLead,
      };
    },
    role: Role.TEAM_LEAD,
    entityType: 'NeedPrioritisation',
    entityId: () => 'county-wide',
  },
  openCallForInterest: {
    prepare: async () => {
      const need = await plannedNeed();
      return {
        query: OPEN_CALL,
        variables: {
          input: {
            needId: need.id,
            revision: need.revision,
            deadline: new Date(Date.now() + 86_400_000).toISOString(),
            openToAll: true,
            offerCategoryId: await offerCategoryId(),
          },
        },
        caller: teamLead,
      };
    },
    role: Role.TEAM_LEAD,
    entityType: 'Need',
    entityId: (data) => data.openCallForInterest.id,
    table: 'need',
  },
  closeCallForInterest: {
    prepare: async () => {
      const need = await openCall();
      return {
        query: needMutation('closeCallForInterest', 'CloseCallForInterestInput'),
        variables: { input: { needId: need.id, revision: need.revision } },
        caller: teamLead,
      };
    },
    role: Role.TEAM_LEAD,
    entityType: 'Need',
    entityId: (data) => data.closeCallForInterest.id,
    table: 'need',
  },
  createApplication: {
    prepare: async () => ({
      query: CREATE_APPLICATION,
      variables: { input: { callId: (await openCall()).callId } },
      caller: provider,
    }),
    role: Role.PROVIDER,
    entityType: 'Application',
    entityId: (data) => data.createApplication.id,
    table: 'application',
  },
  saveApplicationDraft: {
    prepare: async () => {
      const draft = await draftApplication();
      return {
        query: applicationMutation('saveApplicationDraft', 'SaveApplicationDraftInput'),
        variables: {
          input: { id: draft.id, revision: draft.revision, offerDescriptionData: { title: 'Neu' } },
        },
        caller: provider,
      };
    },
    role: Role.PROVIDER,
    entityType: 'Application',
    entityId: (data) => data.saveApplicationDraft.id,
    table: 'application',
  },
  submitApplication: {
    prepare: async () => {
      const draft = await draftApplication();
      return {
        query: SUBMIT_APPLICATION,
        variables: { input: { id: draft.id, revision: draft.revision } },
        caller: provider,
      };
    },
    role: Role.PROVIDER,
    entityType: 'Application',
    entityId: (data) => data.submitApplication.application.id,
    table: 'application',
  },
  requestApplicationChanges: {
    prepare: async () => {
      const submitted = await submittedApplication();
      return {
        query: applicationMutation('requestApplicationChanges', 'RequestApplicationChangesInput'),
        variables: { input: { id: submitted.id, revision: submitted.revision, comment: 'Bitte ergänzen.' } },
        caller: teamLead,
      };
    },
    role: Role.TEAM_LEAD,
    entityType: 'Application',
    entityId: (data) => data.requestApplicationChanges.id,
    table: 'application',
  },
  withdrawApplication: {
    prepare: async () => {
      const draft = await draftApplication();
      return {
        query: applicationMutation('withdrawApplication', 'WithdrawApplicationInput'),
        variables: { input: { id: draft.id, revision: draft.revision } },
        caller: provider,
      };
    },
    role: Role.PROVIDER,
    entityType: 'Application',
    entityId: (data) => data.withdrawApplication.id,
    table: 'application',
  },
  startScore: {
    prepare: async () => ({
      query: START_SCORE,
      variables: { input: { applicationId: (await submittedApplication()).id } },
      caller: admin,
    }),
    role: Role.ADMIN,
    entityType: 'Score',
    entityId: (data) => data.startScore.id,
    table: 'score',
  },
  saveScoreDraft: {
    prepare: async () => {
      const score = await startedScore();
      return {
        query: scoreMutation('saveScoreDraft', 'SaveScoreDraftInput'),
        variables: { input: { id: score.id, revision: score.revision, data: { notes: 'Neu' } } },
        caller: admin,
      };
    },
    role: Role.ADMIN,
    entityType: 'Score',
    entityId: (data) => data.saveScoreDraft.id,
    table: 'score',
  },
  submitScore: {
    prepare: async () => {
      const score = await startedScore();
      return {
        query: `mutation($input: SubmitScoreInput!) { submitScore(input: $input) { errorCount score { id } } }`,
        variables: { input: { id: score.id, revision: score.revision, data: sampleDataOf('criteria') } },
        caller: admin,
      };
    },
    role: Role.ADMIN,
    entityType: 'Score',
    entityId: (data) => data.submitScore.score.id,
    table: 'score',
  },
  saveEvaluationDraft: {
    prepare: async () => ({
      query: evaluationMutation('saveEvaluationDraft', 'SaveEvaluationDraftInput'),
      variables: {
        input: { id: (await runningOffer()).evaluationId, revision: 1, data: { sessionsHeld: 2 } },
      },
      caller: provider,
    }),
    role: Role.PROVIDER,
    entityType: 'Evaluation',
    entityId: (data) => data.saveEvaluationDraft.id,
    table: 'evaluation',
  },
  submitEvaluation: {
    prepare: async () => ({
      query: `mutation($input: SubmitEvaluationInput!) { submitEvaluation(input: $input) { errorCount evaluation { id } } }`,
      variables: {
        input: { id: (await runningOffer()).evaluationId, revision: 1, data: sampleDataOf('evaluation') },
      },
      caller: provider,
    }),
    role: Role.PROVIDER,
    entityType: 'Evaluation',
    entityId: (data) => data.submitEvaluation.evaluation.id,
    table: 'evaluation',
  },
  acceptEvaluation: {
    prepare: async () => ({
      query: evaluationMutation('acceptEvaluation', 'AcceptEvaluationInput'),
      variables: { input: await submittedEvaluation() },
      caller: teamLead,
    }),
    role: Role.TEAM_LEAD,
    entityType: 'Evaluation',
    entityId: (data) => data.acceptEvaluation.id,
    table: 'evaluation',
  },
  requestEvaluationChanges: {
    prepare: async () => ({
      query: evaluationMutation('requestEvaluationChanges', 'RequestEvaluationChangesInput'),
      variables: { input: { ...(await submittedEvaluation()), comment: 'Bitte ergänzen.' } },
      caller: teamLead,
    }),
    role: Role.TEAM_LEAD,
    entityType: 'Evaluation',
    entityId: (data) => data.requestEvaluationChanges.id,
    table: 'evaluation',
  },
  adjustOfferGoals: {
    prepare: async () => ({
      query: evaluationMutation('adjustOfferGoals', 'AdjustOfferGoalsInput'),
      variables: {
        input: {
          offerId: (await runningOffer()).offerId,
          revision: 1,
          goals: [{ goal: 'Neues Ziel', indicator: 'Indikator', targetValue: 'Wert' }],
          reason: 'Umsteuerung',
        },
      },
      caller: teamLead,
    }),
    role: Role.TEAM_LEAD,
    entityType: 'Offer',
    entityId: (data) => data.adjustOfferGoals.id,
    table: 'offer',
  },
  createBody: masterDataCase('Body', 'body', CREATE_BODY, () => ({ name: unique('Gremium') })),
  updateBody: masterDataUpdateCase(
    'Body',
    'body',
    CREATE_BODY,
    masterDataMutation('updateBody', 'UpdateBodyInput'),
    () => ({ name: unique('Gremium') }),
    () => ({ active: false }),
  ),
};

describe('every mutation of the API leaves exactly one audit event in its transaction', () => {
  it('has a case here for every mutation of the schema', async () => {
    const mutations = Object.keys((await buildGraphQLSchema()).getMutationType()?.getFields() ?? {});
    expect(mutations.filter((name) => !(name in MUTATION_CASES))).toEqual([]);
    expect(Object.keys(MUTATION_CASES).filter((name) => !mutations.includes(name))).toEqual([]);
  });

  it.each(Object.entries(MUTATION_CASES))('%s', async (name, mutation) => {
    const { query, variables, caller } = await mutation.prepare();
    const before = await sql<{ n: number }>('select count(*)::int as n from audit_event');
    const { data, errors, requestId } = await send(query, variables, caller);
    expect(errors).toBeUndefined();
    const entityId = mutation.entityId(data!);

    const events = await eventsOf(requestId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      operation: name,
      outcome: 'SUCCESS',
      user_id: mutation.userId ? mutation.userId(data!) : caller!.userId,
      entity_type: mutation.entityType,
      entity_id: entityId,
    });
    if (mutation.role) expect(events[0]!.role).toBe(mutation.role);
    // Nothing else was recorded meanwhile (this file's tests run one after another).
    const after = await sql<{ n: number }>('select count(*)::int as n from audit_event');
    expect(after[0]!.n - before[0]!.n).toBe(1);
    if (mutation.table) {
      // xmin names the transaction that wrote a row: the record and its event were written together.
      const [same] = await sql<{ same: boolean }>(
        `select (select xmin::text from audit_event where id = ?) = (select xmin::text from "${mutation.table}" where id::text = ?) as same`,
        [events[0]!.id, entityId],
      );
      expect(same!.same).toBe(true);
    }
  });

  it('records a submission in its one statement, with its id and form version, and a retry adds none', async () => {
    const variables = {
      formKey: 'cost-calculation',
      data: costCalculation(),
      clientSubmissionId: newClientSubmissionId(),
    };
    const first = await send(SUBMIT, variables, provider);
    const submission = first.data!.submitForm.submission;
    const [event] = await eventsOf(first.requestId);
    expect(event).toMatchObject({
      operation: 'submitForm',
      entity_type: 'Submission',
      entity_id: submission.id,
      role: Role.PROVIDER,
      details: { formKey: 'cost-calculation', formVersionId: submission.formVersion.id },
    });

    const retry = await send(SUBMIT, variables, provider);
    expect(retry.errors).toBeUndefined();
    expect(retry.data!.submitForm.submission.id).toBe(submission.id);
    expect(await eventsOf(retry.requestId)).toEqual([]);
    const all = await sql('select id from audit_event where entity_id = ?', [submission.id]);
    expect(all).toHaveLength(1);
  });
});

describe('a command that fails leaves no event', () => {
  it('a stale updateDraft', async () => {
    const draft = await draftOf('cost-calculation');
    const save = (title: string) =>
      send(
        UPDATE_DRAFT,
        {
          id: draft.id,
          schema: { ...draft.schema, title },
          uischema: draft.uischema,
          expectedRevision: draft.revision,
        },
        admin,
      );
    const saved = await save('Kalkulationsbogen (erste Änderung)');
    expect(saved.errors).toBeUndefined();
    const stale = await save('Kalkulationsbogen (veraltete Änderung)');
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVISION' });
    expect(await eventsOf(stale.requestId)).toEqual([]);
  });

  it('an updateDraft answered with field errors', async () => {
    const draft = await currentDraft('criteria');
    const refused = await send(
      UPDATE_DRAFT,
      { id: draft.id, schema: 'kein Objekt', uischema: draft.uischema, expectedRevision: draft.revision },
      admin,
    );
    expect(refused.errors).toBeUndefined();
    expect(refused.data!.updateDraft.errorCount).toBeGreaterThan(0);
    expect(await eventsOf(refused.requestId)).toEqual([]);
  });

  it('an invalid submission', async () => {
    const invalid = await send(
      SUBMIT,
      {
        formKey: 'cost-calculation',
        data: costCalculation({ offerTitle: undefined }),
        clientSubmissionId: newClientSubmissionId(),
      },
      provider,
    );
    expect(invalid.data!.submitForm.errorCount).toBeGreaterThan(0);
    expect(await eventsOf(invalid.requestId)).toEqual([]);
  });

  it('a master-data change under a name that is taken', async () => {
    const name = unique('Sozialraum');
    await ok(CREATE_SOCIAL_AREA, { input: { name } });
    const taken = await send(CREATE_SOCIAL_AREA, { input: { name } }, admin);
    expect(taken.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await eventsOf(taken.requestId)).toEqual([]);
  });
});

// --- Append-only --------------------------------------------------------------------------------------

describe('the audit trail is append-only', () => {
  it('the runtime role may add and read events but not change, delete or truncate them; the owner neither', async () => {
    await withRuntimeRole(api.databaseUrl, 'audit_rt', async ({ owner, runtime, runtimeRole }) => {
      expect((await runtime.query('select current_user as name')).rows[0].name).toBe(runtimeRole);

      await runtime.query(
        `insert into audit_event (operation, outcome) values ('appendOnlyCheck', 'SUCCESS')`,
      );
      const { rows } = await runtime.query(`select count(*)::int as n from audit_event`);
      expect(rows[0].n).toBeGreaterThan(1);

      for (const statement of [
        `update audit_event set operation = 'changed'`,
        `delete from audit_event`,
        `truncate audit_event`,
      ]) {
        expect(await refusal(runtime, statement)).toMatchObject({
          code: '42501',
          message: expect.stringMatching(/permission denied/),
        });
        // The trigger refuses the owner too.
        expect(await refusal(owner, statement)).toMatchObject({
          code: '42501',
          message: expect.stringMatching(/append-only/),
        });
      }
    });
  });
});

// --- Denials ------------------------------------------------------------------------------------------

describe('permission denials are recorded', () => {
  it('a refused query: one DENIED event with the operation, the caller and the request', async () => {
    const { errors, requestId } = await send(AUDIT_EVENTS, {}, provider);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const events = await eventsOf(requestId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      operation: 'auditEvents',
      outcome: 'DENIED',
      user_id: provider.userId,
      user_name: provider.displayName,
      role: null,
      details: { callerRoles: [Role.PROVIDER] },
    });
  });

  it('names the root field behind an alias, and the record when the error names it', async () => {
    const { errors, requestId } = await send(
      `query { history: entityHistory(entityType: "Provider", entityId: "p-1") { id } }`,
      {},
      teamLead,
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', entityType: 'Provider' });
    expect(await eventsOf(requestId)).toEqual([
      expect.objectContaining({
        operation: 'entityHistory',
        outcome: 'DENIED',
        entity_type: 'Provider',
        entity_id: 'p-1',
        user_id: teamLead.userId,
      }),
    ]);
  });

  it('a mutation refused inside its command: rolled back, and the denial is still recorded', async () => {
    const name = unique('Träger ohne Recht');
    const { errors, requestId } = await send(CREATE_PROVIDER, { input: { name } }, provider);
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await sql('select id from provider where name = ?', [name])).toEqual([]);
    expect(await eventsOf(requestId)).toEqual([
      expect.objectContaining({ operation: 'createProvider', outcome: 'DENIED', user_id: provider.userId }),
    ]);
  });

  it('a form the caller may not submit', async () => {
    const { errors, requestId } = await send(
      SUBMIT,
      { formKey: 'cost-calculation', data: costCalculation(), clientSubmissionId: newClientSubmissionId() },
      teamLead,
    );
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await eventsOf(requestId)).toEqual([
      expect.objectContaining({ operation: 'submitForm', outcome: 'DENIED', user_id: teamLead.userId }),
    ]);
  });

  it('a user who must first change the password: refused before any resolver, and recorded', async () => {
    const caller = { ...admin, userId: randomUUID(), mustChangePassword: true };
    const { errors, requestId } = await send(AUDIT_EVENTS, {}, caller);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PASSWORD_CHANGE_REQUIRED' });
    expect(await eventsOf(requestId)).toEqual([
      expect.objectContaining({
        operation: 'auditEvents',
        outcome: 'DENIED',
        user_id: caller.userId,
        details: { callerRoles: [Role.ADMIN], reason: 'PASSWORD_CHANGE_REQUIRED' },
      }),
    ]);
  });

  it('anonymous requests are not recorded', async () => {
    const { errors, requestId } = await send(AUDIT_EVENTS, {}, null);
    expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await eventsOf(requestId)).toEqual([]);
  });
});

describe('personal data in the audit trail is limited', () => {
  it('no password, password hash, session token or session id appears in any audit row', async () => {
    const { user, email, password, caller } = await newUser();
    const wrongPassword = 'Ganz-falsches-Passwort-1';
    expect(
      (await send(LOGIN, { email, password: wrongPassword }, null)).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const login = await api.app.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: 'null' },
      payload: { query: LOGIN, variables: { email, password } },
    });
    expect(login.json().errors).toBeUndefined();
    const cookie = login.cookies.find((candidate) => candidate.name === 'sr_session');
    expect(cookie?.value).toBeTruthy();
    const [session] = await sql<{ id: string; token_hash: string }>(
      'select id::text, token_hash from user_session where user_id = ?',
      [user.id],
    );
    const withSession = { ...caller, sessionId: session!.id };
    const wrongCurrent = await send(
      CHANGE_PASSWORD,
      { currentPassword: wrongPassword, newPassword: NEW_PASSWORD },
      withSession,
    );
    expect(wrongCurrent.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await ok(CHANGE_PASSWORD, { currentPassword: password, newPassword: NEW_PASSWORD }, withSession);
    const reset = (await ok(RESET_PASSWORD, { id: user.id })).resetPassword.initialPassword as string;
    await ok(LOGOUT, {}, withSession);
    const [{ password_hash: passwordHash }] = await sql<{ password_hash: string }>(
      'select password_hash from app_user where id = ?',
      [user.id],
    );

    const events = await sql<{ row: string; operation: string; outcome: string }>(
      `select row_to_json(a)::text as row, operation, outcome::text from audit_event a
        where user_id = ? or entity_id = ?`,
      [user.id, user.id],
    );
    expect(events.map((event) => `${event.operation}:${event.outcome}`)).toEqual(
      expect.arrayContaining([
        'login:SUCCESS',
        'changePassword:FAILED',
        'changePassword:SUCCESS',
        'resetPassword:SUCCESS',
        'logout:SUCCESS',
      ]),
    );
    const secrets = [
      password,
      wrongPassword,
      NEW_PASSWORD,
      reset,
      passwordHash,
      cookie!.value,
      session!.id,
      session!.token_hash,
    ];
    const everything = (await sql<{ row: string }>('select row_to_json(a)::text as row from audit_event a'))
      .map((event) => event.row)
      .join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });
});

// --- Reading the trail --------------------------------------------------------------------------------

describe('reading the audit trail', () => {
  const actor: Caller = { userId: randomUUID(), displayName: 'Lena Leserin', roles: [Role.ADMIN] };
  let areaIds: string[] = [];

  beforeAll(async () => {
    // Five events of one user: three creations, one rename, one denial.
    areaIds = [];
    const created = [];
    for (let i = 0; i < 3; i += 1) {
      const input = { name: unique('Lesbarer Sozialraum') };
      created.push((await ok(CREATE_SOCIAL_AREA, { input }, actor)).createSocialArea);
    }
    areaIds = created.map((area) => area.id);
    const rename = { id: created[0].id, revision: created[0].revision, name: unique('Umbenannt') };
    await ok(UPDATE_SOCIAL_AREA, { input: rename }, actor);
    await send(
      `mutation { createProvider(input: { name: "x" }) { id } }`,
      {},
      { ...actor, roles: [Role.FINANCE] },
    );
  });

  it('filters by user, operation, record and outcome', async () => {
    const byUser = (await ok(AUDIT_EVENTS, { filter: { userId: actor.userId } })).auditEvents;
    expect(byUser.totalCount).toBe(5);
    expect(byUser.nodes.map((node: any) => node.operation)).toEqual([
      'createProvider',
      'updateSocialArea',
      'createSocialArea',
      'createSocialArea',
      'createSocialArea',
    ]);
    const denied = (await ok(AUDIT_EVENTS, { filter: { userId: actor.userId, outcome: 'DENIED' } }))
      .auditEvents;
    expect(denied.nodes).toEqual([
      expect.objectContaining({ operation: 'createProvider', outcome: 'DENIED' }),
    ]);
    const created = (
      await ok(AUDIT_EVENTS, { filter: { userId: actor.userId, operation: 'createSocialArea' } })
    ).auditEvents;
    expect(created.totalCount).toBe(3);
    const ofRecord = (await ok(AUDIT_EVENTS, { filter: { entityType: 'SocialArea', entityId: areaIds[0] } }))
      .auditEvents;
    expect(ofRecord.nodes.map((node: any) => node.operation)).toEqual([
      'updateSocialArea',
      'createSocialArea',
    ]);
    expect(ofRecord.nodes[1]).toMatchObject({
      userId: actor.userId,
      userName: actor.displayName,
      role: 'ADMIN',
    });
  });

  it('filters by period (from and to inclusive)', async () => {
    const all = (await ok(AUDIT_EVENTS, { filter: { userId: actor.userId } })).auditEvents.nodes;
    const [newest, , middle, , oldest] = all;
    const window = (
      await ok(AUDIT_EVENTS, {
        filter: { userId: actor.userId, from: oldest.occurredAt, to: middle.occurredAt },
      })
    ).auditEvents;
    expect(window.nodes.map((node: any) => node.id)).toContain(middle.id);
    expect(window.nodes.map((node: any) => node.id)).toContain(oldest.id);
    expect(window.nodes.map((node: any) => node.id)).not.toContain(newest.id);
    const future = (await ok(AUDIT_EVENTS, { filter: { from: '2999-01-01T00:00:00Z' } })).auditEvents;
    expect(future).toMatchObject({ totalCount: 0, nodes: [], endCursor: null, hasNextPage: false });
  });

  it('pages newest first with a cursor, without gaps or repeats, and counts all', async () => {
    const filter = { userId: actor.userId };
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = (await ok(AUDIT_EVENTS, { filter, first: 2, after })).auditEvents;
      expect(page.totalCount).toBe(5);
      seen.push(...page.nodes.map((node: any) => node.id));
      pages += 1;
      if (!page.hasNextPage) break;
      after = page.endCursor;
    }
    expect(pages).toBe(3);
    const all = (await ok(AUDIT_EVENTS, { filter })).auditEvents.nodes.map((node: any) => node.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(5);
  });

  it('refuses bad input with German messages', async () => {
    const tooMany = await send(AUDIT_EVENTS, { first: 201 }, admin);
    expect(tooMany.errors?.[0]).toMatchObject({
      message: 'first muss zwischen 1 und 200 liegen.',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const none = await send(AUDIT_EVENTS, { first: 0 }, admin);
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cursor = await send(AUDIT_EVENTS, { after: 'kein-cursor' }, admin);
    expect(cursor.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/kein gültiger Cursor/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const backwards = await send(
      AUDIT_EVENTS,
      { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } },
      admin,
    );
    expect(backwards.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/Zeitraum ist ungültig/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const notADate = await send(AUDIT_EVENTS, { filter: { from: 'gestern' } }, admin);
    expect(notADate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const empty = await send(AUDIT_EVENTS, { filter: { operation: '' } }, admin);
    expect(empty.errors?.[0]?.message).toBe('operation muss 1 bis 100 Zeichen lang sein.');
  });

  it("shows a record's history oldest first", async () => {
    const history = (await ok(ENTITY_HISTORY, { entityType: 'SocialArea', entityId: areaIds[0] }))
      .entityHistory;
    expect(history.map((event: any) => event.operation)).toEqual(['createSocialArea', 'updateSocialArea']);
    expect(history[1].details).toMatchObject({
      before: { name: expect.any(String) },
      after: { name: expect.any(String) },
    });
  });

  it('is for the administration only', async () => {
    for (const role of Object.values(Role).filter((candidate) => candidate !== Role.ADMIN)) {
      const caller = { ...provider, roles: [role] };
      expect((await send(AUDIT_EVENTS, {}, caller)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(
        (await send(ENTITY_HISTORY, { entityType: 'SocialArea', entityId: areaIds[0] }, caller)).errors?.[0]
          ?.extensions?.code,
      ).toBe('FORBIDDEN');
    }
  });
});

// --- CSV export ---------------------------------------------------------------------------------------

/** Splits CSV text with `;` and `"` quoting (RFC 4180 style) into rows of cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function download(query: string, caller: Caller | null) {
  return api.app.http.inject({
    method: 'GET',
    url: `/api/audit-events.csv${query}`,
    headers: { [CALLER_HEADER]: JSON.stringify(caller) },
  });
}

const HEADERS = [
  'Zeitpunkt',
  'Benutzer-ID',
  'Benutzer',
  'Rolle',
  'Vorgang',
  'Ergebnis',
  'Datensatztyp',
  'Datensatz-ID',
  'Details',
  'Begründung',
  'Anfrage-ID',
  'Eintrags-ID',
];

describe('exporting the audit trail as CSV', () => {
  const exporter: Caller = { userId: randomUUID(), displayName: 'Eva Export', roles: [Role.ADMIN] };
  const writer: Caller = { userId: randomUUID(), displayName: '=HYPERLINK("x")', roles: [Role.ADMIN] };
  let areaId: string;

  beforeAll(async () => {
    areaId = (await ok(CREATE_SOCIAL_AREA, { input: { name: unique('Export; "Sozialraum"') } }, writer))
      .createSocialArea.id;
  });

  it('for Excel: UTF-8 with BOM, semicolons, German headers, ISO dates, a dated file name', async () => {
    const response = await download('', exporter);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-protokoll-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(response.rawPayload.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual(HEADERS);
    const [total] = await sql<{ n: number }>(
      'select count(*)::int as n from audit_event where operation <> ?',
      ['exportAuditEvents'],
    );
    expect(rows.length - 1).toBeGreaterThanOrEqual(total!.n);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(HEADERS.length);
      expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    }
  });

  it('with a filter, quoting and formula protection', async () => {
    const response = await download(
      `?userId=${writer.userId}&entityType=SocialArea&entityId=${areaId}&outcome=SUCCESS`,
      exporter,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-total-count']).toBe('1');
    const rows = parseCsv(response.rawPayload.subarray(3).toString('utf8'));
    expect(rows).toHaveLength(2);
    const row = Object.fromEntries(HEADERS.map((header, i) => [header, rows[1]![i]]));
    expect(row).toMatchObject({
      'Benutzer-ID': writer.userId,
      // A spreadsheet must not run a user's name as a formula.
      Benutzer: `'=HYPERLINK("x")`,
      Rolle: 'ADMIN',
      Vorgang: 'createSocialArea',
      Ergebnis: 'erfolgreich',
      Datensatztyp: 'SocialArea',
      'Datensatz-ID': areaId,
    });
    expect(JSON.parse(row.Details!)).toMatchObject({
      after: { name: expect.stringMatching(/^Export; "Sozialraum"/) },
    });
  });

  it('is itself recorded', async () => {
    const response = await download(`?operation=createSocialArea&from=2026-01-01T00:00:00Z`, exporter);
    const requestId = String(response.headers['x-request-id']);
    expect(await eventsOf(requestId)).toEqual([
      expect.objectContaining({
        operation: 'exportAuditEvents',
        outcome: 'SUCCESS',
        user_id: exporter.userId,
        role: 'ADMIN',
        details: {
          filter: { operation: 'createSocialArea', from: '2026-01-01T00:00:00.000Z' },
          rowCount: Number(response.headers['x-total-count']),
          truncated: false,
        },
      }),
    ]);
  });

  it('refuses anyone but the administration (403, recorded) and anonymous requests (401) as JSON', async () => {
    const forbidden = await download('', provider);
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.headers['content-type']).toMatch(/^application\/json/);
    expect(forbidden.json()).toEqual({
      errors: [
        { message: 'Sie haben keine Berechtigung für diese Aktion.', extensions: { code: 'FORBIDDEN' } },
      ],
    });
    expect(await eventsOf(String(forbidden.headers['x-request-id']))).toEqual([
      expect.objectContaining({
        operation: 'exportAuditEvents',
        outcome: 'DENIED',
        user_id: provider.userId,
      }),
    ]);

    const mustChange = await download('', { ...exporter, mustChangePassword: true } as Caller);
    expect(mustChange.statusCode).toBe(403);
    expect(mustChange.json().errors[0].extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'PASSWORD_CHANGE_REQUIRED',
    });

    const anonymous = await download('', null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({
      errors: [{ message: 'Bitte melden Sie sich an.', extensions: { code: 'UNAUTHENTICATED' } }],
    });
    expect(await eventsOf(String(anonymous.headers['x-request-id']))).toEqual([]);
  });

  it('finds the caller from the session cookie, as GraphQL does', async () => {
    const input = { ...userInput(), roles: [Role.ADMIN] };
    const { initialPassword } = (await ok(CREATE_USER, { input })).createUser;
    const signIn = await api.app.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', cookie: '' },
      payload: { query: LOGIN, variables: { email: input.email, password: initialPassword } },
    });
    expect(signIn.json().errors).toBeUndefined();
    const session = signIn.cookies.find((cookie) => cookie.name === 'sr_session')!;
    const cookie = `sr_session=${session.value}`;
    const withCookie = () =>
      api.app.http.inject({ method: 'GET', url: '/api/audit-events.csv', headers: { cookie } });

    // The initial password must be changed first, here as on GraphQL.
    const first = await withCookie();
    expect(first.statusCode).toBe(403);
    expect(first.json().errors[0].extensions.reason).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await api.app.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', cookie },
      payload: {
        query: CHANGE_PASSWORD,
        variables: { currentPassword: initialPassword, newPassword: NEW_PASSWORD },
      },
    });
    expect(changed.json().errors).toBeUndefined();
    const exported = await withCookie();
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('refuses a bad filter with 400 and a German message', async () => {
    const badDate = await download('?from=gestern', exporter);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0]).toMatchObject({
      message: expect.stringMatching(/from ist kein gültiger Zeitpunkt/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const badOutcome = await download('?outcome=MAYBE', exporter);
    expect(badOutcome.statusCode).toBe(400);
    const twice = await download('?operation=a&operation=b', exporter);
    expect(twice.statusCode).toBe(400);
  });

  it('stops at its row limit with a note', async () => {
    const http = Fastify({ logger: false });
    registerAuditExport(http, { em: api.orm.em, callerOf: () => exporter, maxRows: 3 });
    try {
      const response = await http.inject({ method: 'GET', url: '/api/audit-events.csv' });
      expect(response.headers['x-export-truncated']).toBe('true');
      const rows = parseCsv(response.rawPayload.subarray(3).toString('utf8'));
      expect(rows).toHaveLength(1 + 3 + 1);
      expect(rows.at(-1)![0]).toMatch(
        /^Hinweis: Der Export ist auf 3 Einträge begrenzt; \d+ Einträge passen/,
      );
    } finally {
      await http.close();
    }
  });
});
