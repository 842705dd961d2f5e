import { DEMO_NOTICE_OFFERS } from '../notices/seed-demo-notices.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EvaluationState, OfferState } from '../../../process-logic/index.js';
import { runCommand, SYSTEM_CALLER } from '../common/command.js';
import { DEMO_PROVIDER_USER, DEMO_TEAM_LEAD_USER } from '../users/demo-users.js';
import { Evaluation, EvaluationRevision, type OfferGoal } from './evaluation.entity.js';
import { todayIso } from './evaluation-schedule.js';
import { currentGoalRevision, EVALUATION_POPULATE, writeFacts } from './evaluation.service.js';

/** The demo evaluation sheet for an evaluation: the offer, its period and goals, with plausible figures. */
function demoSheet(
  evaluation: Evaluation,
  goals: readonly OfferGoal[],
  index: number,
): Record<string, unknown> {
  const grades = ['MOSTLY', 'PARTLY', 'FULLY'] as const;
  return {
    offerTitle: evaluation.offer.title,
    reportingPeriod: { from: evaluation.periodFrom, to: evaluation.periodTo },
    goals: (goals.length > 0 ? goals : [{ goal: 'Ziel laut Maßnahmebeschreibung' }]).map(
      (goal, position) => ({
        goal: goal.goal,
        achievement: grades[position % grades.length],
        ...(position === 0 ? { achievementPercent: 80 - index * 10 } : {}),
        evidence: 'Teilnahmelisten und Kurzbefragung der Teilnehmenden im Berichtszeitraum.',
      }),
    ),
    participantsReached: 34 - index * 6,
    newParticipants: 20 - index * 4,
    sessionsHeld: 24 - index * 2,
    professionalHoursDelivered: 90 - index * 8.5,
    volunteerHours: 40,
    expensesInPeriod: 742050 - index * 51000,
    adjustment: { changed: false },
    cooperations: 'Zusammenarbeit mit Kita und Grundschule im Sozialraum.',
  };
}

/**
 * Demo evaluations of the running demo offers (the demo notices start them about eight months ago, so their
 * first reporting periods are due): the earliest due evaluation is accepted (with its facts), the next one
 * is submitted and waits for the team lead's review, and the remaining due ones stay overdue. When only two
 * are due, the submitted one is the next evaluation of the accepted one's offer if it has one (so no
 * later period is submitted while an earlier one of its offer is overdue). Idempotent: skipped once any demo
 * evaluation was submitted, or when there are fewer than two evaluations.
 * @returns how many evaluations it changed.
 */
export async function seedDemoEvaluations(em: EntityManager): Promise<number> {
  return runCommand({ em, caller: SYSTEM_CALLER, requestId: 'start' }, 'seedDemoEvaluations', async (cmd) => {
    const [submitted] = await cmd.sql<{ n: number }>(
      `select count(*)::int as "n" from "evaluation_revision"`,
    );
    const candidates = await cmd.tx.find(
      Evaluation,
      { state: EvaluationState.DUE, offer: { state: OfferState.RUNNING } },
      { populate: EVALUATION_POPULATE, orderBy: { dueDate: 'asc', periodNumber: 'asc', id: 'asc' } },
    );
    const today = todayIso();
    // Equal due dates in the order of the demo offers, so the same offer's evaluation is accepted each time.
    const demoRank = (evaluation: Evaluation) => {
      const index = DEMO_NOTICE_OFFERS.findIndex((offer) => offer.title === evaluation.offer.title);
      return index < 0 ? DEMO_NOTICE_OFFERS.length : index;
    };
    const overdue = candidates
      .filter((evaluation) => evaluation.dueDate < today)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || demoRank(a) - demoRank(b));
    const accepted = overdue[0];
    const waiting =
      overdue.length >= 3
        ? overdue[1]
        : (candidates.find(
            (e) => e !== accepted && e.offer.id === accepted?.offer.id && !overdue.slice(1).includes(e),
          ) ?? candidates.find((e) => e !== accepted && !overdue.slice(1).includes(e)));
    if ((submitted?.n ?? 0) > 0 || !accepted || !waiting) {
      cmd.unchanged();
      return 0;
    }
    const now = new Date();
    const submit = async (evaluation: Evaluation, index: number) => {
      const goals = (await currentGoalRevision(cmd.tx, evaluation.offer.id))?.goals ?? [];
      const data = demoSheet(evaluation, goals, index);
      cmd.tx.create(EvaluationRevision, {
        evaluation,
        number: 1,
        data,
        submittedAt: now,
        submittedByName: DEMO_PROVIDER_USER.displayName,
        createdBy: SYSTEM_CALLER.userId,
      });
      evaluation.data = data;
      evaluation.state = EvaluationState.SUBMITTED;
      evaluation.submittedAt = now;
      evaluation.updatedAt = now;
    };
    await submit(accepted, 0);
    accepted.state = EvaluationState.ACCEPTED;
    accepted.acceptedAt = now;
    accepted.acceptedByName = DEMO_TEAM_LEAD_USER.displayName;
    writeFacts(cmd, accepted, now);
    await submit(waiting, 1);
    await cmd.tx.flush();
    cmd.audit({
      entityType: 'Evaluation',
      entityId: accepted.id,
      details: { after: { demo: true, accepted: accepted.id, submitted: waiting.id } },
    });
    return 2;
  });
}
