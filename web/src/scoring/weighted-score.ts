import { listCriteria } from '../../../form-logic/index.js';

/** One criterion of the live computation: its weight, the given score and the weighted points. */
export interface CriterionLine {
  key: string;
  title: string;
  weight: number;
  maxScore: number;
  score: number | null;
  /** score × weight (0 when unscored). */
  points: number;
}

export interface LiveWeightedScore {
  lines: CriterionLine[];
  achieved: number;
  possible: number;
  /** Percent with two decimals, as the server stores it (basis points); undefined while nothing is scored. */
  percent: number | undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The weighted score of a scoring sheet while it is filled in, computed as the server computes it on
 * submit: Σ(score × weight) / Σ(max score × weight) over the criteria of the sheet's own version of
 * Anlage 3, unscored criteria counting 0, scores clamped to the scale, rounded to whole basis points.
 */
export const liveWeightedScore = (data: unknown, schema: unknown): LiveWeightedScore => {
  const scoresSchema = isObject(schema) && isObject(schema.properties) ? schema.properties.scores : undefined;
  const scores = isObject(data) && isObject(data.scores) ? data.scores : {};
  let achieved = 0;
  let possible = 0;
  let anyScored = false;
  const lines = listCriteria(scoresSchema).map((criterion): CriterionLine => {
    possible += criterion.maxScore * criterion.weight;
    const entry = scores[criterion.key];
    const raw = isObject(entry) ? entry.score : undefined;
    const score =
      typeof raw === 'number' && Number.isFinite(raw) ? Math.min(Math.max(raw, 0), criterion.maxScore) : null;
    if (score !== null) anyScored = true;
    const points = (score ?? 0) * criterion.weight;
    achieved += points;
    return { ...criterion, score, points };
  });
  const percent = anyScored && possible > 0 ? Math.round((achieved * 10_000) / possible) / 100 : undefined;
  return { lines, achieved, possible, percent };
};

const percentFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** „81,25 %“; „–“ when there is no score. */
export const formatPercent = (value: number | null | undefined): string =>
  value === null || value === undefined ? '–' : `${percentFormat.format(value)} %`;
