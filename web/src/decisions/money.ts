const euroFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Cents as „1.234,56 €“. */
export const formatEuro = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '–' : `${euroFormat.format(cents / 100)} €`;

/** Cents as the text of an amount field: „1.234,56“. */
export const centsToInput = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '' : euroFormat.format(cents / 100);

/** An amount typed in German („1.234,56“, „1234,5“, „1234 €“) as cents; null when it is none. */
export const parseEuroInput = (text: string): number | null => {
  const cleaned = text.replace(/[\s€]/g, '').replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
};

/** Hours typed in German („187,5“) as a number with at most two decimals; null when it is none. */
export const parseHoursInput = (text: string): number | null => {
  const cleaned = text.replace(/\s/g, '').replace(/\./g, '').replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value > 0 ? value : null;
};

/** The amount of § 77 hours at a rate (cents), rounded to the cent as the server computes it. */
export const feeAmount = (hours: number, rate: number): number =>
  Math.round((Math.round(hours * 100) * rate) / 100);

export const FINANCING_LABELS: Record<'FEE' | 'GRANT', string> = {
  FEE: 'Entgeltfinanzierung – Fachleistungsstunden (§ 77 SGB VIII)',
  GRANT: 'Kreiszuschuss (§ 74 SGB VIII)',
};
