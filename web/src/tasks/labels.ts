import type { TaskKind } from '../gql/graphql.js';

/** What each kind of task is called on the page. */
export const TASK_KIND_LABELS: Readonly<Record<TaskKind, string>> = {
  DECIDE_NEED: 'Bedarf entscheiden',
  PLAN_OFFER: 'Angebot planen',
  CLOSE_CALL: 'Aufruf schließen',
  SCORE_APPLICATION: 'Bewerten',
  REVIEW_EVALUATION: 'Evaluation prüfen',
  DECIDE_APPLICATION: 'Entscheiden',
  ISSUE_NOTICE: 'Bescheid erteilen',
  OVERDUE_EVALUATION: 'Evaluation überfällig',
  REVISE_APPLICATION: 'Überarbeiten',
  SUBMIT_APPLICATION: 'Einreichen',
  SUBMIT_EVALUATION: 'Evaluation einreichen',
};

/** Kinds whose due date is a moment (a call's deadline); the others are due on a day. */
export const DUE_AT_A_MOMENT: ReadonlySet<TaskKind> = new Set(['CLOSE_CALL', 'SUBMIT_APPLICATION']);

/** The most tasks the page lists (the server counts all). */
export const TASKS_LISTED = 100;
