import { WEIGHT_KEYWORD } from './ajv.js';
import { isPlainObject } from './json-pointer.js';
import { roundHalfAwayFromZero } from './rounding.js';

/** One criterion of a scoring sheet (Anlage 3). */
export interface Criterion {
  /** Property name in the `scores` object, e.g. `needFit`. */
  key: string;
  /** German title of the criterion (falls back to the key). */
  title: string;
  /** The criterion's weight (`x-weight`, > 0). */
  weight: number;
  /** The top of the scale: `maximum` of the criterion's `score`. */
  maxScore: number;
}

/**
 * Lists the criteria of a scoring sheet in schema order: every child property of `scoresSchema`
 * with a positive `x-weight` whose `score` property has a positive top of scale (its `maximum`,
 * else the largest numeric `const`/`enum` value). Other properties are ignored.
 */
export function listCriteria(scoresSchema: unknown): Criterion[] {
  if (!isPlainObject(scoresSchema) || !isPlainObject(scoresSchema.properties)) return [];
  const criteria: Criterion[] = [];
  for (const [key, child] of Object.entries(scoresSchema.properties)) {
    if (!isPlainObject(child)) continue;
    const weight = child[WEIGHT_KEYWORD];
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) continue;
    const maxScore = topOfScale(isPlainObject(child.properties) ? child.properties.score : undefined);
    if (maxScore === undefined) continue;
    const title = typeof child.title === 'string' ? child.title : key;
    criteria.push({ key, title, weight, maxScore });
  }
  return criteria;
}

/**
 * Weighted score of a scoring sheet in percent: Σ(score × weight) / Σ(maxScore × weight) × 100,
 * rounded half away from zero to one decimal. The denominator covers all criteria of
 * `listCriteria(scoresSchema)`, so an unscored criterion counts as 0 and the scale does not
 * change while a sheet is being filled in; scores outside 0…maxScore are clamped.
 * @param scores the `scores` object: `{ [criterionKey]: { score: number, ... } }`
 * @param scoresSchema the schema of the `scores` object
 * @returns the percentage, or `undefined` when no criterion is scored yet
 */
export function weightedScore(scores: unknown, scoresSchema: unknown): number | undefined {
  const criteria = listCriteria(scoresSchema);
  let achieved = 0;
  let possible = 0;
  let anyScored = false;
  for (const criterion of criteria) {
    possible += criterion.maxScore * criterion.weight;
    const entry = isPlainObject(scores) ? scores[criterion.key] : undefined;
    const score = isPlainObject(entry) ? entry.score : undefined;
    if (typeof score !== 'number' || !Number.isFinite(score)) continue;
    anyScored = true;
    achieved += Math.min(Math.max(score, 0), criterion.maxScore) * criterion.weight;
  }
  if (!anyScored || possible <= 0) return undefined;
  return roundHalfAwayFromZero((achieved / possible) * 100, 1);
}

function topOfScale(scoreSchema: unknown): number | undefined {
  if (!isPlainObject(scoreSchema)) return undefined;
  let top: number | undefined;
  if (typeof scoreSchema.maximum === 'number') {
    top = scoreSchema.maximum;
  } else {
    const values = [
      ...(Array.isArray(scoreSchema.enum) ? scoreSchema.enum : []),
      ...(Array.isArray(scoreSchema.oneOf) ? scoreSchema.oneOf.map((option) => option?.const) : []),
    ].filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
    top = values.length > 0 ? Math.max(...values) : undefined;
  }
  return top !== undefined && Number.isFinite(top) && top > 0 ? top : undefined;
}
