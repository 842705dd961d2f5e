/**
 * Reading and writing the numbers and values of the property panel: amounts are cents in the schema
 * and euros on screen; an empty input means „not set“.
 */
import type { builder } from '../../../form-logic/index.js';

/** The text of a stored number (cents shown as euros with a comma). */
export function numberText(value: unknown, money: boolean): string {
  if (typeof value !== 'number') return '';
  return money ? (value / 100).toFixed(2).replace('.', ',') : String(value).replace('.', ',');
}

/**
 * The number of an input: `null` for an empty one, `undefined` for one that is not a number
 * (German or English decimal separator; euros become cents).
 */
export function parseNumberText(text: string, money: boolean): number | null | undefined {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const normalised = trimmed.includes(',') ? trimmed.replace(/\./g, '').replace(',', '.') : trimmed;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return undefined;
  const number = Number(normalised);
  return money ? Math.round(number * 100) : number;
}

/** The value a choice input means for a field whose choices are of this type. */
export function parseChoiceValue(text: string, type: unknown): builder.Choice['value'] {
  if (type === 'integer' || type === 'number') {
    const number = Number(text.trim().replace(',', '.'));
    return Number.isFinite(number) && text.trim() !== '' ? number : text;
  }
  if (type === 'boolean') return text === 'true';
  return text;
}

/** Whether a field kind holds numbers. */
export const isNumericKind = (kind: builder.FieldKind): boolean =>
  kind === 'number' || kind === 'integer' || kind === 'money';

/** Whether a field kind holds text with length limits and a pattern. */
export const isTextKind = (kind: builder.FieldKind): boolean =>
  kind === 'shortText' || kind === 'longText' || kind === 'email';
