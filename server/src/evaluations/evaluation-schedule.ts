/**
 * The half-yearly evaluation schedule of an offer, as pure date arithmetic on ISO dates (no time zones:
 * a period is a range of calendar days).
 */

/** Length of one reporting period in months. */
export const EVALUATION_PERIOD_MONTHS = 6;

/** How long after the end of its reporting period an evaluation is due, in months. */
export const EVALUATION_DUE_OFFSET_MONTHS = 1;

export interface EvaluationPeriod {
  /** 1, 2, … */
  number: number;
  /** First day of the period (ISO date). */
  from: string;
  /** Last day of the period (ISO date). */
  to: string;
  /** The day the evaluation is due: `to` plus `EVALUATION_DUE_OFFSET_MONTHS` (ISO date). */
  due: string;
}

function parse(iso: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `iso` plus `months` calendar months; a day the target month lacks becomes its last day (31 Aug + 6 → 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = parse(iso);
  const monthIndex = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(y, monthIndex, Math.min(d, lastDay))));
}

export function addDays(iso: string, days: number): string {
  const { y, m, d } = parse(iso);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/**
 * The reporting periods from `periodStart` to `periodEnd` (both inclusive): six months each, counted from
 * the start (period n begins `6·(n−1)` months after it), the last one ends at `periodEnd` and may be
 * shorter. Each is due one month after its last day.
 */
export function evaluationPeriods(periodStart: string, periodEnd: string): EvaluationPeriod[] {
  const periods: EvaluationPeriod[] = [];
  for (let index = 0; ; index += 1) {
    const from = addMonths(periodStart, index * EVALUATION_PERIOD_MONTHS);
    if (from > periodEnd) break;
    const nextStart = addMonths(periodStart, (index + 1) * EVALUATION_PERIOD_MONTHS);
    const fullEnd = addDays(nextStart, -1);
    const to = fullEnd < periodEnd ? fullEnd : periodEnd;
    periods.push({ number: index + 1, from, to, due: addMonths(to, EVALUATION_DUE_OFFSET_MONTHS) });
    if (to >= periodEnd) break;
  }
  return periods;
}

const berlinDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' });

/** Today in the county (Europe/Berlin) as an ISO date: an evaluation is overdue from the day after its due date. */
export function todayIso(now = new Date()): string {
  return berlinDay.format(now);
}
