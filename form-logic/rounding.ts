/**
 * Rounds half away from zero to `decimals` places (2.5 → 3, −2.5 → −3).
 *
 * Binary floating point noise is removed first (15 significant digits), so a product such as
 * 1.005 × 100 = 100.49999999999999 rounds to 101 as a person computing in decimals would.
 */
export function roundHalfAwayFromZero(value: number, decimals = 0): number {
  // Sums of cents are integers already; toPrecision is the slow part of this function.
  if (Number.isInteger(value)) return value === 0 ? 0 : value;
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  // Avoid returning -0 for small negative values that round to zero.
  return rounded === 0 ? 0 : rounded;
}
