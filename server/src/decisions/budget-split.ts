/** Days between two ISO dates, both counted (`2026-01-01`..`2026-01-01` is one day). */
export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Whether `value` is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export interface BudgetYearShare {
  year: number;
  /** Days of the period in this year. */
  days: number;
  /** Cents. */
  amount: number;
}

/**
 * Splits `amount` (cents) over the budget years (calendar years) of the period `start`..`end` in proportion
 * to the days in each year, rounded down to the cent; the remainder goes to the last year, so the shares
 * always add up to the amount.
 */
export function splitByBudgetYear(amount: number, start: string, end: string): BudgetYearShare[] {
  const total = daysInclusive(start, end);
  if (total <= 0) return [];
  const first = Number(start.slice(0, 4));
  const last = Number(end.slice(0, 4));
  const shares: BudgetYearShare[] = [];
  let assigned = 0;
  for (let year = first; year <= last; year++) {
    const from = year === first ? start : `${year}-01-01`;
    const to = year === last ? end : `${year}-12-31`;
    const days = daysInclusive(from, to);
    // Integer arithmetic on cents × days stays exact far beyond any budget (2^53).
    const share = year === last ? amount - assigned : Math.floor((amount * days) / total);
    assigned += share;
    shares.push({ year, days, amount: share });
  }
  return shares;
}
