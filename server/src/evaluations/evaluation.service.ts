import {
  checkTransition,
  EvaluationState,
  type OfferState,
  type ProcessRole,
  STATE_LABELS,
  type Transition,
} from '../../../process-logic/index.js';
import { findDataLimitViolation, type FieldError, maxArrayItemsOf } from '../../../form-logic/index.js';
import type { FormsContext } from '../applications/application.service.js';
import type { Command } from '../common/command.js';
import { BadUserInput, Conflict, Forbidden, LimitExceeded, NotFound } from '../common/errors.js';
import type { FormVersionContent } from '../forms/form-version-cache.js';
import { assertRevision } from '../master-data/master-data.service.js';
import { rolesAllowed } from '../needs/need.service.js';
import { Offer } from '../offers/offer.entity.js';
import { visibleOffers } from '../offers/offer.policy.js';
import {
  Evaluation,
  EvaluationFact,
  EvaluationGoalFact,
  EvaluationRevision,
  GoalAchievement,
  type OfferGoal,
  OfferGoalRevision,
} from './evaluation.entity.js';
import type {
  AcceptEvaluationInput,
  AdjustOfferGoalsInput,
  RequestEvaluationChangesInput,
  SaveEvaluationDraftInput,
  SubmitEvaluationInput,
} from './evaluation.inputs.js';
import {
  type EvaluationAction,
  evaluationPolicy,
  evaluationScopeOf,
  evaluationScopeOfOffer,
  visibleEvaluations,
} from './evaluation.policy.js';

/** Items a list in a draft may have unless the form says otherwise. */
const DRAFT_MAX_ARRAY_ITEMS = 1_000;

/**
 * The percent stored for a goal whose evaluation gives only the grade (`achievement`) and no
 * `achievementPercent`: the lower bound of what the grade claims, so a mapped figure never overstates.
 */
export const ACHIEVEMENT_PERCENT: Readonly<Record<GoalAchievement, number>> = {
  [GoalAchievement.NOT]: 0,
  [GoalAchievement.PARTLY]: 50,
  [GoalAchievement.MOSTLY]: 75,
  [GoalAchievement.FULLY]: 100,
};

/** What an evaluation loads with it: the offer with everything the policy and the prefill need. */
export const EVALUATION_POPULATE = ['offer.socialArea.regionalTeam', 'offer.provider', 'offer.need'] as const;

/** A refused evaluation transition: CONFLICT with reason INVALID_TRANSITION (nothing changed). */
export const InvalidEvaluationTransition = (state: EvaluationState | null, action: string) =>
  Conflict(
    state
      ? `Das ist im Zustand „${STATE_LABELS.evaluation[state]}“ der Evaluation nicht möglich.`
      : 'Das ist nicht möglich.',
    { reason: 'INVALID_TRANSITION', state, action },
  );

/**
 * The checks of every evaluation command after loading, in the platform's order: the policy (scope;
 * FORBIDDEN), the revision (STALE_REVISION), then the state machine (INVALID_TRANSITION, or FORBIDDEN for
 * roles the action is not for).
 */
async function authorizeEvaluationTransition(
  cmd: Command,
  evaluation: Evaluation,
  revision: number,
  action: string,
  policyAction: EvaluationAction,
): Promise<Transition<'evaluation'>> {
  const scope = evaluationScopeOf(evaluation);
  cmd.authorize(evaluationPolicy, policyAction, scope);
  await assertRevision(cmd, evaluation, revision);
  const roles = rolesAllowed(evaluationPolicy, cmd.caller, policyAction, scope) as ProcessRole[];
  const check = checkTransition('evaluation', evaluation.state, action, roles);
  if (check.ok) return check.transition;
  if (check.code === 'FORBIDDEN')
    throw Forbidden(undefined, { entityType: 'Evaluation', reason: 'TRANSITION_ROLE' });
  throw InvalidEvaluationTransition(evaluation.state, action);
}

/** Loads an evaluation the caller may read (with its offer); others are not found. */
export async function loadEvaluation(cmd: Command, id: string): Promise<Evaluation> {
  const evaluation = await cmd.tx.findOne(
    Evaluation,
    { $and: [{ id }, visibleEvaluations(cmd.caller)] },
    { populate: EVALUATION_POPULATE },
  );
  if (!evaluation) throw NotFound('Die Evaluation');
  return evaluation;
}

/** The offer's current goal revision (the highest number), or null before its first. */
export async function currentGoalRevision(
  em: Command['tx'],
  offerId: string,
): Promise<OfferGoalRevision | null> {
  return em.findOne(OfferGoalRevision, { offer: offerId }, { orderBy: { number: 'desc' } });
}

/**
 * What an empty evaluation starts with: the offer's title, the reporting period and the goals of the
 * offer's current goal revision (so after an Umsteuerung the adjusted goals).
 */
export function prefillOf(evaluation: Evaluation, goals: readonly OfferGoal[]): Record<string, unknown> {
  return {
    offerTitle: evaluation.offer.title,
    reportingPeriod: { from: evaluation.periodFrom, to: evaluation.periodTo },
    goals: goals.map((goal) => ({ goal: goal.goal })),
  };
}

/** The evaluation's data: the saved draft, or the prefill while nothing is saved. */
export async function dataOrPrefill(
  em: Command['tx'],
  evaluation: Evaluation,
): Promise<Record<string, unknown>> {
  if (Object.keys(evaluation.data).length > 0) return evaluation.data;
  const revision = await currentGoalRevision(em, evaluation.offer.id);
  return prefillOf(evaluation, revision?.goals ?? []);
}

async function versionContent(forms: FormsContext, cmd: Command, id: string): Promise<FormVersionContent> {
  const content = await forms.formVersions.content(cmd.tx, id);
  if (!content) throw new Error(`form version ${id} is missing`);
  return content;
}

function refuseOversizedDraft(data: Record<string, unknown>, content: FormVersionContent): void {
  const violation = findDataLimitViolation(data, maxArrayItemsOf(content.schema, DRAFT_MAX_ARRAY_ITEMS));
  if (!violation) return;
  if (violation.limit === 'MAX_DATA_DEPTH') {
    throw BadUserInput(
      `Die Formulardaten sind zu tief verschachtelt (höchstens ${violation.maxDepth} Ebenen).`,
      { limit: violation.limit, maxDepth: violation.maxDepth, path: violation.path, argument: 'data' },
    );
  }
  throw LimitExceeded(
    `Die Liste „${violation.path}“ hat ${violation.items} Einträge; dieses Formular erlaubt höchstens ` +
      `${violation.maxItems} Einträge pro Liste.`,
    violation.limit,
    { path: violation.path, maxItems: violation.maxItems, argument: 'data' },
  );
}

/** The provider saves the draft as it is (within the limits every form's data has); optimistic revision. */
export async function saveEvaluationDraft(
  cmd: Command,
  forms: FormsContext,
  input: SaveEvaluationDraftInput,
): Promise<Evaluation> {
  const evaluation = await loadEvaluation(cmd, input.id);
  await authorizeEvaluationTransition(cmd, evaluation, input.revision, 'saveDraft', 'edit');
  refuseOversizedDraft(input.data, await versionContent(forms, cmd, evaluation.formVersionId));
  const changed = JSON.stringify(input.data) !== JSON.stringify(evaluation.data);
  evaluation.data = input.data;
  if (changed) evaluation.updatedAt = new Date();
  await cmd.tx.flush();
  cmd.audit({ entityType: 'Evaluation', entityId: evaluation.id, details: { changed } });
  return evaluation;
}

export type SubmitEvaluationResult =
  | { evaluation: Evaluation; errors: []; errorCount: 0 }
  | { evaluation: null; errors: FieldError[]; errorCount: number };

/**
 * The provider submits (or after a change request resubmits) the evaluation: validated and recomputed
 * with the form evaluator against the form version the evaluation is bound to, as applications are;
 * field errors store nothing. Without data in the input the saved draft counts, or the prefill while
 * nothing is saved. Each submit writes an immutable revision.
 */
export async function submitEvaluation(
  cmd: Command,
  forms: FormsContext,
  input: SubmitEvaluationInput,
): Promise<SubmitEvaluationResult> {
  const evaluation = await loadEvaluation(cmd, input.id);
  const action = evaluation.state === EvaluationState.CHANGES_REQUESTED ? 'resubmit' : 'submit';
  const transition = await authorizeEvaluationTransition(cmd, evaluation, input.revision, action, 'edit');
  const data = input.data ?? (await dataOrPrefill(cmd.tx, evaluation));
  const content = await versionContent(forms, cmd, evaluation.formVersionId);
  const result = await forms.formEvaluator.evaluate(
    { id: evaluation.formVersionId, revision: 0, schema: content.schema, schemaJson: content.schemaJson },
    data,
  );
  if (result.errorCount > 0) {
    return { evaluation: null, errors: result.errors, errorCount: result.errorCount };
  }
  const now = new Date();
  const previous = await cmd.tx.count(EvaluationRevision, { evaluation: evaluation.id });
  const revision = cmd.tx.create(EvaluationRevision, {
    evaluation,
    number: previous + 1,
    data: result.data,
    submittedAt: now,
    submittedByName: cmd.caller.displayName,
    createdBy: cmd.caller.userId,
  });
  const before = evaluation.state;
  evaluation.data = result.data;
  evaluation.state = transition.to;
  evaluation.submittedAt = now;
  evaluation.updatedAt = now;
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Evaluation',
    entityId: evaluation.id,
    details: {
      before: { state: before },
      after: {
        state: evaluation.state,
        revisionNumber: revision.number,
        formVersionId: evaluation.formVersionId,
      },
    },
  });
  return { evaluation, errors: [], errorCount: 0 };
}

function integerOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * The facts of an accepted evaluation, from its submitted (validated) data: one row per evaluation
 * (participants, sessions, hours, money) and one per goal (achievement in percent: the given percent,
 * else `ACHIEVEMENT_PERCENT` of the grade).
 */
export function writeFacts(cmd: Command, evaluation: Evaluation, acceptedAt: Date): void {
  const data = evaluation.data;
  const offer = evaluation.offer;
  const common = {
    evaluation,
    offer,
    socialArea: offer.socialArea ?? null,
    provider: offer.provider,
    periodFrom: evaluation.periodFrom,
    periodTo: evaluation.periodTo,
    createdBy: cmd.caller.userId,
  };
  cmd.tx.create(EvaluationFact, {
    ...common,
    participantsReached: integerOf(data.participantsReached) ?? 0,
    newParticipants: integerOf(data.newParticipants),
    sessionsHeld: integerOf(data.sessionsHeld) ?? 0,
    professionalHoursDelivered: (numberOf(data.professionalHoursDelivered) ?? 0).toFixed(2),
    expensesInPeriod: integerOf(data.expensesInPeriod) ?? 0,
    acceptedAt,
  });
  const goals = Array.isArray(data.goals) ? (data.goals as Record<string, unknown>[]) : [];
  goals.forEach((goal, goalIndex) => {
    const achievement = Object.values(GoalAchievement).includes(goal.achievement as GoalAchievement)
      ? (goal.achievement as GoalAchievement)
      : GoalAchievement.NOT;
    const given = integerOf(goal.achievementPercent);
    cmd.tx.create(EvaluationGoalFact, {
      ...common,
      goalIndex,
      goal: typeof goal.goal === 'string' ? goal.goal : '',
      achievement,
      achievementPercent: given ?? ACHIEVEMENT_PERCENT[achievement],
      percentGiven: given !== null,
    });
  });
}

/**
 * The team lead of the offer's Sozialraum accepts a submitted evaluation. Its facts are written in the
 * same transaction, so an accepted evaluation always has its figures and a failed accept leaves none.
 */
export async function acceptEvaluation(cmd: Command, input: AcceptEvaluationInput): Promise<Evaluation> {
  const evaluation = await loadEvaluation(cmd, input.id);
  const transition = await authorizeEvaluationTransition(cmd, evaluation, input.revision, 'accept', 'review');
  const now = new Date();
  const before = evaluation.state;
  evaluation.state = transition.to;
  evaluation.acceptedAt = now;
  evaluation.acceptedByName = cmd.caller.displayName;
  evaluation.updatedAt = now;
  writeFacts(cmd, evaluation, now);
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Evaluation',
    entityId: evaluation.id,
    details: { before: { state: before }, after: { state: evaluation.state } },
  });
  return evaluation;
}

/** The team lead asks the provider to change a submitted evaluation (the comment is content). */
export async function requestEvaluationChanges(
  cmd: Command,
  input: RequestEvaluationChangesInput,
): Promise<Evaluation> {
  const evaluation = await loadEvaluation(cmd, input.id);
  const transition = await authorizeEvaluationTransition(
    cmd,
    evaluation,
    input.revision,
    'requestChanges',
    'review',
  );
  const before = evaluation.state;
  evaluation.state = transition.to;
  evaluation.changeRequestComment = input.comment.trim();
  evaluation.changesRequestedAt = new Date();
  evaluation.changesRequestedByName = cmd.caller.displayName;
  evaluation.updatedAt = new Date();
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Evaluation',
    entityId: evaluation.id,
    details: { before: { state: before }, after: { state: evaluation.state } },
    justification: evaluation.changeRequestComment,
  });
  return evaluation;
}

/**
 * Umsteuerung: the team lead of the offer's Sozialraum sets new goals for a running offer, with a reason.
 * They become the offer's next goal revision; evaluations not yet submitted start from them (prefill),
 * the earlier revisions stay readable. The offer's revision guards against concurrent adjustments.
 */
export async function adjustOfferGoals(cmd: Command, input: AdjustOfferGoalsInput): Promise<Offer> {
  const offer = await cmd.tx.findOne(
    Offer,
    { $and: [{ id: input.offerId }, visibleOffers(cmd.caller)] },
    { populate: ['socialArea.regionalTeam', 'provider', 'need'] },
  );
  if (!offer) throw NotFound('Das Angebot');
  const scope = evaluationScopeOfOffer(offer);
  cmd.authorize(evaluationPolicy, 'adjustGoals', scope);
  const roles = rolesAllowed(evaluationPolicy, cmd.caller, 'adjustGoals', scope) as ProcessRole[];
  await assertRevision(cmd, offer, input.revision);
  const check = checkTransition('offer', offer.state, 'adjustGoals', roles);
  if (!check.ok) {
    if (check.code === 'FORBIDDEN')
      throw Forbidden(undefined, { entityType: 'Offer', reason: 'TRANSITION_ROLE' });
    throw Conflict(
      `Das ist im Zustand „${STATE_LABELS.offer[offer.state as OfferState]}“ des Angebots nicht möglich.`,
      {
        reason: 'INVALID_TRANSITION',
        state: offer.state,
        action: 'adjustGoals',
      },
    );
  }
  await cmd.lock(`offer-goals:${offer.id}`);
  const goals: OfferGoal[] = input.goals.map((goal) => ({
    goal: goal.goal.trim(),
    indicator: goal.indicator.trim(),
    targetValue: goal.targetValue.trim(),
  }));
  const current = await currentGoalRevision(cmd.tx, offer.id);
  const revision = cmd.tx.create(OfferGoalRevision, {
    offer,
    number: (current?.number ?? 0) + 1,
    goals,
    reason: input.reason.trim(),
    createdBy: cmd.caller.userId,
    createdByName: cmd.caller.displayName,
  });
  offer.updatedAt = new Date();
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Offer',
    entityId: offer.id,
    details: {
      before: { goalRevision: current?.number ?? null },
      after: { goalRevision: revision.number, goalCount: goals.length },
    },
    justification: revision.reason,
  });
  return offer;
}
