import { STATE_LABELS } from '../../../process-logic/index.js';
import type { EvaluationState, GoalAchievement, Role } from '../gql/graphql.js';

/** The roles that see evaluations (the server's evaluation policy; the committee sees figures elsewhere). */
export const EVALUATION_READER_ROLES: readonly Role[] = [
  'ADMIN',
  'TEAM_LEAD',
  'REGIONAL_TEAM',
  'FINANCE',
  'PROVIDER',
];

/** The roles that read the list of overdue evaluations. */
export const OVERDUE_READER_ROLES: readonly Role[] = ['TEAM_LEAD', 'FINANCE', 'ADMIN'];

/** The roles that review submitted evaluations. */
export const EVALUATION_REVIEWER_ROLES: readonly Role[] = ['TEAM_LEAD'];

export const evaluationStateLabel = (state: EvaluationState): string => STATE_LABELS.evaluation[state];

export const ACHIEVEMENT_LABELS: Readonly<Record<GoalAchievement, string>> = {
  NOT: 'nicht erreicht',
  PARTLY: 'teilweise erreicht',
  MOSTLY: 'überwiegend erreicht',
  FULLY: 'vollständig erreicht',
};

/** „01.07.2027“ for an ISO date (a calendar day, no time zone). */
export const formatDate = (iso: string | null | undefined): string => {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '–';
};

/** „01.01.2027 – 30.06.2027“ */
export const formatPeriod = (from: string, to: string): string => `${formatDate(from)} – ${formatDate(to)}`;

const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** „7.420,50 €“ for cents. */
export const formatCents = (cents: number): string => euro.format(cents / 100);

/** „90,5“ */
export const formatNumber = (value: number): string => decimal.format(value);
