import { formatEuro } from '../decisions/money.js';

export interface NeedFitInput {
  id: string;
  /** Cents; null: no estimate. */
  estimatedCost: number | null;
}

export interface NeedFit {
  /** null: without an estimate. */
  fits: boolean | null;
  text: string;
}

/**
 * Which needs fit the remaining Sozialraumbudget, in priority order: each estimate is taken from what the
 * needs before it left; a need without an estimate takes nothing and says so.
 */
export function needFits(
  items: readonly NeedFitInput[],
  remaining: number,
  year: number,
): Map<string, NeedFit> {
  const fits = new Map<string, NeedFit>();
  let left = remaining;
  for (const item of items) {
    if (item.estimatedCost === null) {
      fits.set(item.id, { fits: null, text: 'ohne Kostenschätzung' });
      continue;
    }
    const cost = formatEuro(item.estimatedCost);
    if (item.estimatedCost <= left) {
      fits.set(item.id, { fits: true, text: `passt ins verfügbare Budget ${year} (geschätzt ${cost})` });
    } else {
      fits.set(item.id, {
        fits: false,
        text: `passt nicht ins verfügbare Budget ${year} (geschätzt ${cost}, es fehlen ${formatEuro(item.estimatedCost - Math.max(left, 0))})`,
      });
    }
    left -= item.estimatedCost;
  }
  return fits;
}
