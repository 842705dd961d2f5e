import { type FieldError, listCriteria, MAX_FIELD_ERRORS } from '../../../form-logic/index.js';
import { STATE_LABELS } from '../../../process-logic/index.js';
import type { FormsContext } from '../applications/application.service.js';
import { loadApplication } from '../applications/application.service.js';
import type { Command } from '../common/command.js';
import { Conflict, NotFound } from '../common/errors.js';
import type { FormVersionContent } from '../forms/form-version-cache.js';
import { assertRevision } from '../master-data/master-data.service.js';
import { CRITERIA_FORM, Score, ScoreRevision } from './score.entity.js';
import type { SaveScoreDraftInput, StartScoreInput, SubmitScoreInput } from './score.inputs.js';
import {
  newScoreScopeOf,
  SCORABLE_APPLICATION_STATES,
  scorePolicy,
  scoreScopeOf,
  visibleScores,
} from './score.policy.js';

/** Basis points of a percent in 100 %. */
const FULL_SCORE_BASIS_POINTS = 10_000;

/**
 * Weighted score of a scoring sheet in basis points of a percent (Anlage 3: Σ(score × weight) /
 * Σ(max score × weight)), rounded half up to a whole basis point; the weights and scales are those of
 * `scoresSchema` (the version the score is bound to). Unscored criteria count as 0.
 */
export function weightedScoreBasisPoints(scores: unknown, scoresSchema: unknown): number {
  let achieved = 0;
  let possible = 0;
  for (const criterion of listCriteria(scoresSchema)) {
    possible += criterion.maxScore * criterion.weight;
    const entry = (scores as Record<string, { score?: unknown } | undefined> | null)?.[criterion.key];
    const score = entry && typeof entry === 'object' ? entry.score : undefined;
    if (typeof score !== 'number' || !Number.isFinite(score)) continue;
    achieved += Math.min(Math.max(score, 0), criterion.maxScore) * criterion.weight;
  }
  if (possible <= 0) return 0;
  return Math.round((achieved * FULL_SCORE_BASIS_POINTS) / possible);
}

/** Percent (two decimals) from basis points. */
export const percentOf = (basisPoints: number): number => basisPoints / 100;

/** A refused scoring step: CONFLICT with reason INVALID_TRANSITION (nothing changed). */
const NotScorable = (state: keyof typeof STATE_LABELS.application, action: string) =>
  Conflict(
    `Im Zustand „${STATE_LABELS.application[state]}“ der Interessensbekundung ist keine Bewertung möglich.`,
    { reason: 'INVALID_TRANSITION', state, action },
  );

async function versionContent(forms: FormsContext, cmd: Command, id: string): Promise<FormVersionContent> {
  const content = await forms.formVersions.content(cmd.tx, id);
  if (!content) throw new Error(`form version ${id} is missing`);
  return content;
}

/** Loads a score the caller may read, with its application, call, need and Träger; others are not found. */
export async function loadScore(cmd: Command, id: string): Promise<Score> {
  const score = await cmd.tx.findOne(
    Score,
    { $and: [{ id }, visibleScores(cmd.caller)] },
    { populate: ['application.call.need.socialArea', 'application.provider'] },
  );
  if (!score) throw NotFound('Die Bewertung');
  return score;
}

/** Checks the policy (own score, scope) and that the application is (still) scored. */
function authorizeScoring(cmd: Command, score: Score, action: string): void {
  cmd.authorize(scorePolicy, 'score', scoreScopeOf(score));
  if (!SCORABLE_APPLICATION_STATES.includes(score.application.state))
    throw NotScorable(score.application.state, action);
}

/**
 * The scorer (team lead of the need's Sozialraum or administration) starts its score of a submitted
 * application, bound to the version of Anlage 3 in force now. One score per scorer and application.
 */
export async function startScore(cmd: Command, forms: FormsContext, input: StartScoreInput): Promise<Score> {
  const application = await loadApplication(cmd, input.applicationId);
  cmd.authorize(scorePolicy, 'score', newScoreScopeOf(application, cmd.caller));
  if (!SCORABLE_APPLICATION_STATES.includes(application.state))
    throw NotScorable(application.state, 'startScore');
  await cmd.lock(`score:${application.id}:${cmd.caller.userId}`);
  const existing = await cmd.tx.findOne(Score, { application: application.id, scorerId: cmd.caller.userId });
  if (existing)
    throw Conflict('Sie haben diese Interessensbekundung bereits bewertet.', {
      reason: 'SCORE_EXISTS',
      scoreId: existing.id,
    });
  const entry = await forms.formCatalog.entry(CRITERIA_FORM);
  if (!entry?.published) throw NotFound(`Eine veröffentlichte Fassung des Formulars „${CRITERIA_FORM}“`);
  const score = cmd.tx.create(Score, {
    application,
    scorerId: cmd.caller.userId,
    scorerName: cmd.caller.displayName,
    criteriaVersionId: entry.published.id,
    data: input.data ?? {},
    createdBy: cmd.caller.userId,
  });
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Score',
    entityId: score.id,
    details: { after: { applicationId: application.id, criteriaVersionId: score.criteriaVersionId } },
  });
  return score;
}

/** Saves the draft of the own score as it is (also the draft of a correction); optimistic revision. */
export async function saveScoreDraft(cmd: Command, input: SaveScoreDraftInput): Promise<Score> {
  const score = await loadScore(cmd, input.id);
  authorizeScoring(cmd, score, 'saveScoreDraft');
  await assertRevision(cmd, score, input.revision);
  const changed = JSON.stringify(score.data) !== JSON.stringify(input.data);
  score.data = input.data;
  if (changed) score.updatedAt = new Date();
  await cmd.tx.flush();
  cmd.audit({ entityType: 'Score', entityId: score.id, details: { changed } });
  return score;
}

export type SubmitScoreResult =
  { score: Score; errors: []; errorCount: 0 } | { score: null; errors: FieldError[]; errorCount: number };

/**
 * Submits the own score: validated and recomputed with the form evaluator against exactly the version of
 * Anlage 3 it is bound to, weighted with that version's weights; writes an immutable revision (the first,
 * or a correction). Field errors store nothing.
 */
export async function submitScore(
  cmd: Command,
  forms: FormsContext,
  input: SubmitScoreInput,
): Promise<SubmitScoreResult> {
  const score = await loadScore(cmd, input.id);
  authorizeScoring(cmd, score, 'submitScore');
  await assertRevision(cmd, score, input.revision);
  const content = await versionContent(forms, cmd, score.criteriaVersionId);
  const result = await forms.formEvaluator.evaluate(
    { id: score.criteriaVersionId, revision: 0, schema: content.schema, schemaJson: content.schemaJson },
    input.data ?? score.data,
  );
  if (result.errorCount > 0)
    return { score: null, errors: result.errors.slice(0, MAX_FIELD_ERRORS), errorCount: result.errorCount };
  const scoresSchema = (content.schema as { properties?: Record<string, unknown> }).properties?.scores;
  const basisPoints = weightedScoreBasisPoints(result.data.scores, scoresSchema);
  const previous = await cmd.tx.count(ScoreRevision, { score: score.id });
  const now = new Date();
  const revision = cmd.tx.create(ScoreRevision, {
    score,
    number: previous + 1,
    criteriaVersionId: score.criteriaVersionId,
    data: result.data,
    weightedScoreBasisPoints: basisPoints,
    submittedAt: now,
    submittedByName: cmd.caller.displayName,
    createdBy: cmd.caller.userId,
  });
  score.data = result.data;
  score.submittedAt = now;
  score.updatedAt = now;
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Score',
    entityId: score.id,
    details: { after: { revisionNumber: revision.number, weightedScoreBasisPoints: basisPoints } },
  });
  return { score, errors: [], errorCount: 0 };
}
