import { checkTransition, type ProcessRole } from '../../../process-logic/index.js';
import type { Command } from '../common/command.js';
import { Forbidden, NotFound } from '../common/errors.js';
import type { Offer } from '../offers/offer.entity.js';
import { evaluationPeriods } from './evaluation-schedule.js';
import { EVALUATION_FORM, Evaluation, type OfferGoal, OfferGoalRevision } from './evaluation.entity.js';

/** The goals of Anlage 1 (`goals: [{goal, indicator, targetValue, …}]`), as the offer keeps them. */
export function goalsOfOfferDescription(offerDescriptionData: Record<string, unknown>): OfferGoal[] {
  const goals = offerDescriptionData.goals;
  if (!Array.isArray(goals)) return [];
  return goals
    .filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
    .map((item) => ({
      goal: typeof item.goal === 'string' ? item.goal : '',
      indicator: typeof item.indicator === 'string' ? item.indicator : '',
      targetValue: typeof item.targetValue === 'string' ? item.targetValue : '',
    }))
    .filter((goal) => goal.goal.trim() !== '');
}

/** The id of the evaluation form's version in force now (read in the command's transaction). */
export async function evaluationFormVersionInForce(cmd: Command): Promise<string> {
  const rows = await cmd.sql<{ id: string }>(
    `select "id" from "form_version" where "form_key" = ? and "status" = 'PUBLISHED'`,
    [EVALUATION_FORM],
  );
  if (!rows[0]) throw NotFound('Eine veröffentlichte Fassung des Evaluationsbogens');
  return rows[0].id;
}

/**
 * What follows the start of an offer (called in the command that issues its notice, so it runs in that
 * transaction and under its audit event): goal revision 1 from Anlage 1's goals, and one evaluation per
 * half-year reporting period of the offer (state DUE), bound to the evaluation form version in force now.
 */
export async function startOfferFollowUp(
  cmd: Command,
  offer: Offer,
  offerDescriptionData: Record<string, unknown>,
): Promise<void> {
  const check = checkTransition('evaluation', null, 'schedule', cmd.caller.roles as ProcessRole[]);
  if (!check.ok) throw Forbidden(undefined, { entityType: 'Evaluation', reason: 'TRANSITION_ROLE' });
  const formVersionId = await evaluationFormVersionInForce(cmd);
  cmd.tx.create(OfferGoalRevision, {
    offer,
    number: 1,
    goals: goalsOfOfferDescription(offerDescriptionData),
    reason: null,
    createdBy: cmd.caller.userId,
    createdByName: cmd.caller.displayName,
  });
  for (const period of evaluationPeriods(offer.periodStart, offer.periodEnd)) {
    cmd.tx.create(Evaluation, {
      offer,
      periodNumber: period.number,
      periodFrom: period.from,
      periodTo: period.to,
      dueDate: period.due,
      state: check.transition.to,
      formVersionId,
      createdBy: cmd.caller.userId,
    });
  }
  await cmd.tx.flush();
}
