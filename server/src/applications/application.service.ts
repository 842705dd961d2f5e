import {
  ApplicationState,
  checkTransition,
  NeedState,
  type ProcessRole,
  STATE_LABELS,
  type Transition,
} from '../../../process-logic/index.js';
import {
  findDataLimitViolation,
  type FieldError,
  MAX_FIELD_ERRORS,
  maxArrayItemsOf,
} from '../../../form-logic/index.js';
import type { Command } from '../common/command.js';
import type { GraphQLContext } from '../common/context.js';
import { BadUserInput, Conflict, Forbidden, LimitExceeded, NotFound } from '../common/errors.js';
import type { FormVersionContent } from '../forms/form-version-cache.js';
import { assertRevision } from '../master-data/master-data.service.js';
import { OfferCategory } from '../master-data/offer-category.entity.js';
import { Provider } from '../master-data/provider.entity.js';
import type { Need } from '../needs/need.entity.js';
import {
  authorizeTransition as authorizeNeedTransition,
  loadNeed,
  rolesAllowed,
} from '../needs/need.service.js';
import { scopeOf } from '../needs/need.policy.js';
import { APPLICATION_FORMS, Application, ApplicationRevision } from './application.entity.js';
import type {
  CloseCallForInterestInput,
  CreateApplicationInput,
  OpenCallForInterestInput,
  RequestApplicationChangesInput,
  SaveApplicationDraftInput,
  SubmitApplicationInput,
  WithdrawApplicationInput,
} from './application.inputs.js';
import {
  type ApplicationAction,
  applicationPolicy,
  type ApplicationScope,
  applicationScopeOf,
  callPolicy,
  callScopeOf,
  LIVE_APPLICATION_STATES,
  visibleApplications,
  visibleCalls,
} from './application.policy.js';
import { CallForInterest } from './call-for-interest.entity.js';

/** What the application commands need from the request besides the command: the form caches and evaluator. */
export type FormsContext = Pick<GraphQLContext, 'em' | 'formCatalog' | 'formVersions' | 'formEvaluator'>;

/** Items a list in a draft may have unless the form says otherwise (the platform's default, MAX_ARRAY_ITEMS). */
const DRAFT_MAX_ARRAY_ITEMS = 1_000;

const fieldError = (argument: string, message: string) =>
  BadUserInput(message, { fields: [{ argument, message }] });

/** A refused application transition: CONFLICT with reason INVALID_TRANSITION (nothing changed). */
export const InvalidApplicationTransition = (state: ApplicationState | null, action: string) =>
  Conflict(
    state
      ? `Das ist im Zustand „${STATE_LABELS.application[state]}“ der Interessensbekundung nicht möglich.`
      : 'Das ist nicht möglich.',
    { reason: 'INVALID_TRANSITION', state, action },
  );

/**
 * Checks that the caller may take `action` on an application now: the policy (scope; FORBIDDEN) and then
 * the state machine of `process-logic` (INVALID_TRANSITION, or FORBIDDEN for roles the action is not for).
 */
function authorizeApplicationTransition(
  cmd: Command,
  scope: ApplicationScope,
  state: ApplicationState | null,
  action: string,
  policyAction: ApplicationAction,
): Transition<'application'> {
  cmd.authorize(applicationPolicy, policyAction, scope);
  const roles = rolesAllowed(applicationPolicy, cmd.caller, policyAction, scope) as ProcessRole[];
  const check = checkTransition('application', state, action, roles);
  if (check.ok) return check.transition;
  if (check.code === 'FORBIDDEN')
    throw Forbidden(undefined, { entityType: 'Application', reason: 'TRANSITION_ROLE' });
  throw InvalidApplicationTransition(state, action);
}

function touch(record: { updatedAt: Date }): void {
  record.updatedAt = new Date();
}

/** The call of a need (with the need), or null. */
export async function callOfNeed(cmd: Command, need: Need): Promise<CallForInterest | null> {
  return cmd.tx.findOne(
    CallForInterest,
    { need: need.id },
    { populate: ['need.socialArea', 'offerCategory'] },
  );
}

/** Step 8: opens a need (offer planned) for applications: deadline, invited Träger or all, offer category. */
export async function openCallForInterest(cmd: Command, input: OpenCallForInterestInput): Promise<Need> {
  const need = await loadNeed(cmd, input.needId);
  const transition = authorizeNeedTransition(cmd, scopeOf(need), need.state, 'openForApplications');
  await assertRevision(cmd, need, input.revision);
  if (!(input.deadline instanceof Date) || Number.isNaN(input.deadline.getTime()))
    throw fieldError('deadline', 'Die Frist ist ungültig.');
  if (input.deadline.getTime() <= Date.now())
    throw fieldError('deadline', 'Die Frist muss in der Zukunft liegen.');
  const category = await cmd.tx.findOne(OfferCategory, { id: input.offerCategoryId });
  if (!category) throw NotFound('Die Angebotskategorie');
  if (!category.active)
    throw fieldError('offerCategoryId', `Die Angebotskategorie „${category.name}“ ist deaktiviert.`);
  const invited = [...new Set((input.invitedProviderIds ?? []).map((id) => id.toLowerCase()))];
  if (input.openToAll && invited.length > 0)
    throw fieldError('invitedProviderIds', 'Ein Aufruf für alle Träger lädt keine einzelnen Träger ein.');
  if (!input.openToAll && invited.length === 0)
    throw fieldError(
      'invitedProviderIds',
      'Bitte laden Sie mindestens einen Träger ein oder öffnen Sie den Aufruf für alle.',
    );
  if (invited.length > 0) {
    const providers = await cmd.tx.find(Provider, { id: { $in: invited } });
    if (providers.length !== invited.length)
      throw fieldError('invitedProviderIds', 'Ein eingeladener Träger existiert nicht.');
    const inactive = providers.find((provider) => !provider.active);
    if (inactive) throw fieldError('invitedProviderIds', `Der Träger „${inactive.name}“ ist deaktiviert.`);
  }
  const call = cmd.tx.create(CallForInterest, {
    need,
    title: input.title?.trim() || need.title,
    deadline: input.deadline,
    openToAll: input.openToAll,
    invitedProviderIds: invited,
    offerCategory: category,
    openedByName: cmd.caller.displayName,
    createdBy: cmd.caller.userId,
  });
  const before = need.state;
  need.state = transition.to;
  need.updatedAt = new Date();
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Need',
    entityId: need.id,
    details: {
      before: { state: before },
      after: {
        state: need.state,
        callForInterestId: call.id,
        title: call.title,
        deadline: call.deadline.toISOString(),
        openToAll: call.openToAll,
        invitedProviderIds: call.invitedProviderIds,
        offerCategoryId: category.id,
      },
    },
  });
  return need;
}

/** Closes the call for interest of a need. */
export async function closeCallForInterest(cmd: Command, input: CloseCallForInterestInput): Promise<Need> {
  const need = await loadNeed(cmd, input.needId);
  const transition = authorizeNeedTransition(cmd, scopeOf(need), need.state, 'closeApplications');
  await assertRevision(cmd, need, input.revision);
  const call = await callOfNeed(cmd, need);
  const before = need.state;
  need.state = transition.to;
  need.updatedAt = new Date();
  if (call) {
    call.closedAt = new Date();
    call.closedByName = cmd.caller.displayName;
  }
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Need',
    entityId: need.id,
    details: { before: { state: before }, after: { state: need.state, callForInterestId: call?.id ?? null } },
  });
  return need;
}

async function versionContent(forms: FormsContext, cmd: Command, id: string): Promise<FormVersionContent> {
  const content = await forms.formVersions.content(cmd.tx, id);
  if (!content) throw new Error(`form version ${id} is missing`);
  return content;
}

/** Drafts are stored as they are, but within the limits every form's data has (depth, list length). */
function refuseOversizedDraft(
  data: Record<string, unknown>,
  content: FormVersionContent,
  argument: string,
): void {
  const violation = findDataLimitViolation(data, maxArrayItemsOf(content.schema, DRAFT_MAX_ARRAY_ITEMS));
  if (!violation) return;
  if (violation.limit === 'MAX_DATA_DEPTH') {
    throw BadUserInput(
      `Die Formulardaten sind zu tief verschachtelt (höchstens ${violation.maxDepth} Ebenen).`,
      { limit: violation.limit, maxDepth: violation.maxDepth, path: violation.path, argument },
    );
  }
  throw LimitExceeded(
    `Die Liste „${violation.path}“ hat ${violation.items} Einträge; dieses Formular erlaubt höchstens ` +
      `${violation.maxItems} Einträge pro Liste.`,
    violation.limit,
    { path: violation.path, maxItems: violation.maxItems, argument },
  );
}

/** Loads an application the caller may read, with its call, need and Träger; others are not found. */
export async function loadApplication(cmd: Command, id: string): Promise<Application> {
  const application = await cmd.tx.findOne(
    Application,
    { $and: [{ id }, visibleApplications(cmd.caller)] },
    { populate: ['call.need.socialArea', 'provider'] },
  );
  if (!application) throw NotFound('Die Interessensbekundung');
  return application;
}

/**
 * Creates the application of the caller's Träger for an open call it may see, bound to the versions of
 * Anlage 1 and 2 in force now. One live application per Träger and call (a withdrawn one may be followed
 * by a new one).
 */
export async function createApplication(
  cmd: Command,
  forms: FormsContext,
  input: CreateApplicationInput,
): Promise<Application> {
  const call = await cmd.tx.findOne(
    CallForInterest,
    { $and: [{ id: input.callId }, visibleCalls(cmd.caller)] },
    { populate: ['need.socialArea'] },
  );
  if (!call) throw NotFound('Der Aufruf zur Interessensbekundung');
  const scope = callScopeOf(call);
  cmd.authorize(callPolicy, 'apply', scope);
  const check = checkTransition('application', null, 'create', cmd.caller.roles as ProcessRole[]);
  if (!check.ok) throw Forbidden();
  const providerId = cmd.caller.providerId!;
  const provider = await cmd.tx.findOne(Provider, { id: providerId });
  if (!provider || !provider.active) throw Forbidden('Ihr Träger ist nicht aktiv.');
  await cmd.lock(`application:${call.id}:${providerId}`);
  const existing = await cmd.tx.findOne(Application, {
    call: call.id,
    provider: providerId,
    state: { $in: [...LIVE_APPLICATION_STATES] },
  });
  if (existing) {
    throw Conflict('Ihr Träger hat zu diesem Aufruf bereits eine Interessensbekundung.', {
      reason: 'APPLICATION_EXISTS',
      applicationId: existing.id,
    });
  }
  const versionIds: Record<keyof typeof APPLICATION_FORMS, string> = {
    offerDescription: '',
    costCalculation: '',
  };
  for (const [name, formKey] of Object.entries(APPLICATION_FORMS) as [
    keyof typeof APPLICATION_FORMS,
    string,
  ][]) {
    const entry = await forms.formCatalog.entry(formKey);
    if (!entry?.published) throw NotFound(`Eine veröffentlichte Fassung des Formulars „${formKey}“`);
    versionIds[name] = entry.published.id;
  }
  const offerDescriptionData = input.offerDescriptionData ?? {};
  const costCalculationData = input.costCalculationData ?? {};
  refuseOversizedDraft(
    offerDescriptionData,
    await versionContent(forms, cmd, versionIds.offerDescription),
    'offerDescriptionData',
  );
  refuseOversizedDraft(
    costCalculationData,
    await versionContent(forms, cmd, versionIds.costCalculation),
    'costCalculationData',
  );
  const application = cmd.tx.create(Application, {
    call,
    provider,
    offerDescriptionVersionId: versionIds.offerDescription,
    costCalculationVersionId: versionIds.costCalculation,
    offerDescriptionData,
    costCalculationData,
    createdBy: cmd.caller.userId,
    createdByName: cmd.caller.displayName,
  });
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Application',
    entityId: application.id,
    details: {
      after: {
        callForInterestId: call.id,
        providerId,
        state: application.state,
        offerDescriptionVersionId: versionIds.offerDescription,
        costCalculationVersionId: versionIds.costCalculation,
      },
    },
  });
  return application;
}

/** The Anlagen an input changes (their form keys), for the audit trail. */
function changedForms(application: Application, input: SaveApplicationDraftInput): string[] {
  const changed: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (input.offerDescriptionData && !same(input.offerDescriptionData, application.offerDescriptionData))
    changed.push(APPLICATION_FORMS.offerDescription);
  if (input.costCalculationData && !same(input.costCalculationData, application.costCalculationData))
    changed.push(APPLICATION_FORMS.costCalculation);
  return changed;
}

/** Saves the draft (Anlage 1 and/or 2) as it is, not validated strictly; optimistic revision. */
export async function saveApplicationDraft(
  cmd: Command,
  forms: FormsContext,
  input: SaveApplicationDraftInput,
): Promise<Application> {
  const application = await loadApplication(cmd, input.id);
  authorizeApplicationTransition(
    cmd,
    applicationScopeOf(application),
    application.state,
    'saveDraft',
    'edit',
  );
  await assertRevision(cmd, application, input.revision);
  if (input.offerDescriptionData)
    refuseOversizedDraft(
      input.offerDescriptionData,
      await versionContent(forms, cmd, application.offerDescriptionVersionId),
      'offerDescriptionData',
    );
  if (input.costCalculationData)
    refuseOversizedDraft(
      input.costCalculationData,
      await versionContent(forms, cmd, application.costCalculationVersionId),
      'costCalculationData',
    );
  const changed = changedForms(application, input);
  if (input.offerDescriptionData) application.offerDescriptionData = input.offerDescriptionData;
  if (input.costCalculationData) application.costCalculationData = input.costCalculationData;
  if (changed.length > 0) touch(application);
  await cmd.tx.flush();
  cmd.audit({ entityType: 'Application', entityId: application.id, details: { changed } });
  return application;
}

export type SubmitApplicationResult =
  | { application: Application; errors: []; errorCount: 0 }
  | { application: null; errors: FieldError[]; errorCount: number };

/**
 * Submits the application (from a draft: before the call's deadline, server time; after a change request:
 * resubmits, as the team lead asked for it). Both Anlagen are validated and their derived values recomputed
 * with the form evaluator against the versions the application is bound to; field errors (paths prefixed by
 * the Anlage, e.g. `/offer-description/title`) store nothing. Each submit writes an immutable revision.
 */
export async function submitApplication(
  cmd: Command,
  forms: FormsContext,
  input: SubmitApplicationInput,
): Promise<SubmitApplicationResult> {
  const application = await loadApplication(cmd, input.id);
  const action = application.state === ApplicationState.CHANGES_REQUESTED ? 'resubmit' : 'submit';
  const transition = authorizeApplicationTransition(
    cmd,
    applicationScopeOf(application),
    application.state,
    action,
    'edit',
  );
  await assertRevision(cmd, application, input.revision);
  const now = new Date();
  if (action === 'submit') {
    if (application.call.need.state !== NeedState.OPEN_FOR_APPLICATIONS)
      throw Conflict('Der Aufruf zur Interessensbekundung ist geschlossen.', { reason: 'CALL_CLOSED' });
    if (now.getTime() >= application.call.deadline.getTime())
      throw Conflict(
        'Die Frist des Aufrufs ist abgelaufen; die Interessensbekundung kann nicht mehr eingereicht werden.',
        {
          reason: 'DEADLINE_PASSED',
          deadline: application.call.deadline.toISOString(),
        },
      );
  }
  const offerDescriptionData = input.offerDescriptionData ?? application.offerDescriptionData;
  const costCalculationData = input.costCalculationData ?? application.costCalculationData;
  const evaluate = async (versionId: string, data: Record<string, unknown>) => {
    const content = await versionContent(forms, cmd, versionId);
    return forms.formEvaluator.evaluate(
      { id: versionId, revision: 0, schema: content.schema, schemaJson: content.schemaJson },
      data,
    );
  };
  const offer = await evaluate(application.offerDescriptionVersionId, offerDescriptionData);
  const cost = await evaluate(application.costCalculationVersionId, costCalculationData);
  const errorCount = offer.errorCount + cost.errorCount;
  if (errorCount > 0) {
    const prefixed = (formKey: string, errors: FieldError[]) =>
      errors.map((error) => ({ ...error, path: `/${formKey}${error.path}` }));
    const errors = [
      ...prefixed(APPLICATION_FORMS.offerDescription, offer.errors),
      ...prefixed(APPLICATION_FORMS.costCalculation, cost.errors),
    ].slice(0, MAX_FIELD_ERRORS);
    return { application: null, errors, errorCount };
  }
  const requested = cost.data.requestedAmount;
  const requestedAmount = typeof requested === 'number' && Number.isFinite(requested) ? requested : 0;
  const previous = await cmd.tx.count(ApplicationRevision, { application: application.id });
  const revision = cmd.tx.create(ApplicationRevision, {
    application,
    number: previous + 1,
    offerDescriptionData: offer.data,
    costCalculationData: cost.data,
    requestedAmount,
    submittedAt: now,
    submittedByName: cmd.caller.displayName,
    createdBy: cmd.caller.userId,
  });
  const before = application.state;
  application.offerDescriptionData = offer.data;
  application.costCalculationData = cost.data;
  application.state = transition.to;
  application.submittedAt = now;
  application.updatedAt = now;
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Application',
    entityId: application.id,
    details: {
      before: { state: before },
      after: { state: application.state, revisionNumber: revision.number, requestedAmount },
    },
  });
  return { application, errors: [], errorCount: 0 };
}

/** The team lead of the need's Sozialraum asks the provider to change a submitted application. */
export async function requestApplicationChanges(
  cmd: Command,
  input: RequestApplicationChangesInput,
): Promise<Application> {
  const application = await loadApplication(cmd, input.id);
  const transition = authorizeApplicationTransition(
    cmd,
    applicationScopeOf(application),
    application.state,
    'requestChanges',
    'review',
  );
  await assertRevision(cmd, application, input.revision);
  const before = application.state;
  application.state = transition.to;
  application.changeRequestComment = input.comment.trim();
  application.changesRequestedAt = new Date();
  application.changesRequestedByName = cmd.caller.displayName;
  touch(application);
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Application',
    entityId: application.id,
    details: { before: { state: before }, after: { state: application.state } },
    justification: application.changeRequestComment,
  });
  return application;
}

/** The provider withdraws its application (from a draft, submitted or after a change request). */
export async function withdrawApplication(
  cmd: Command,
  input: WithdrawApplicationInput,
): Promise<Application> {
  const application = await loadApplication(cmd, input.id);
  const transition = authorizeApplicationTransition(
    cmd,
    applicationScopeOf(application),
    application.state,
    'withdraw',
    'edit',
  );
  await assertRevision(cmd, application, input.revision);
  const before = application.state;
  application.state = transition.to;
  application.withdrawnAt = new Date();
  touch(application);
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Application',
    entityId: application.id,
    details: { before: { state: before }, after: { state: application.state } },
    justification: input.justification?.trim() || null,
  });
  return application;
}
