const euroFormat = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

// Optional minus, euros either plain (1234) or grouped by dots (1.234.567), optional comma with
// one or two cent digits or the German "12,-" / "12,--" for whole euros.
const AMOUNT_PATTERN = /^(-)?(\d{1,3}(?:\.\d{3})+|\d+)?(?:,(\d{1,2}|-{1,2}))?$/;
const CURRENCY_PATTERN = /^(?:€|eur)\s*|\s*(?:€|eur)$/gi;

/**
 * Formats an amount of euro cents the German way, e.g. `123456` → `"1.234,56 €"`.
 * Uses `Intl.NumberFormat('de-DE', EUR)`, whose separator before `€` is a no-break space
 * (U+00A0) so the amount never wraps away from its currency. Fractions of a cent are rounded;
 * a non-finite input gives `""`.
 */
export function formatCents(cents: number): string {
  if (!Number.isFinite(cents)) return '';
  const whole = Math.round(Math.abs(cents));
  const sign = cents < 0 && whole !== 0 ? '-' : '';
  // Formatting the exact decimal string avoids binary floating point on large amounts.
  const decimal = `${sign}${(whole - (whole % 100)) / 100}.${String(whole % 100).padStart(2, '0')}`;
  return euroFormat.format(decimal as `${number}`);
}

/**
 * Parses a euro amount as typed by German users into integer cents: `"1.234,56"` → 123456,
 * `"1234,5"` → 123450, `"1234"` → 123400, `"12,00 €"` → 1200, `"12,-"` → 1200; a leading minus is
 * allowed. Dots group thousands (in groups of three), the comma separates at most two cent
 * digits; the digits are combined as integers, so no floating-point drift occurs.
 * @returns the amount in cents, or `null` when the text is not a valid amount
 */
export function parseEuroToCents(text: string): number | null {
  const normalized = text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .replace(CURRENCY_PATTERN, '')
    .trim();
  const match = AMOUNT_PATTERN.exec(normalized);
  if (!match) return null;
  const [, minus, euros, fraction] = match;
  if (euros === undefined && (fraction === undefined || fraction.startsWith('-'))) return null;
  const euroDigits = (euros ?? '0').replaceAll('.', '');
  const centDigits = fraction === undefined || fraction.startsWith('-') ? '00' : fraction.padEnd(2, '0');
  const cents = Number(euroDigits) * 100 + Number(centDigits);
  if (!Number.isSafeInteger(cents)) return null;
  return minus && cents !== 0 ? -cents : cents;
}
