/** The live result of a derived field's expression on the sample data (pure; used by the builder). */
import {
  deriveValues,
  formatCents,
  type FormValues,
  type JsonSchemaObject,
} from '../../../form-logic/index.js';
import { getAtPointer, splitPointer } from '../../../form-logic/json-pointer.js';

/** The values at a field pointer in data: one for a plain field, one per row for a field in a table. */
export function valuesAt(data: unknown, fieldId: string): unknown[] {
  let current: unknown[] = [data];
  const tokens = splitPointer(fieldId);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (token === 'properties') {
      const key = tokens[index + 1]!;
      index += 1;
      current = current.map((value) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? (value as Record<string, unknown>)[key]
          : undefined,
      );
    } else if (token === 'items') {
      current = current.flatMap((value) => (Array.isArray(value) ? value : []));
    }
  }
  return current;
}

/**
 * Computes the sample data with `expression` as the field's expression and returns the field's
 * value(s), or the calculation's error message.
 */
export async function previewDerived(
  schema: JsonSchemaObject,
  fieldId: string,
  expression: string,
  sampleData: FormValues,
): Promise<{ values: unknown[]; error?: string }> {
  const copy = structuredClone(schema);
  const target = getAtPointer(copy, fieldId);
  if (!target) return { values: [], error: 'Das Feld gibt es im Formular nicht (mehr).' };
  target['x-derived'] = expression;
  const result = await deriveValues(copy, sampleData, { deadline: Date.now() + 2000 });
  const error = result.errors.find((entry) => entry.message && pathMatches(entry.path, fieldId));
  return { values: valuesAt(result.data, fieldId), ...(error ? { error: error.message } : {}) };
}

/** Whether a data path (`/costs/0/amount`) belongs to a field pointer (`/properties/costs/items/properties/amount`). */
function pathMatches(dataPath: string, fieldId: string): boolean {
  const keys = splitPointer(fieldId).filter((_, index, all) => all[index - 1] === 'properties');
  const steps = splitPointer(dataPath).filter((step) => !/^\d+$/.test(step));
  return keys.join('/') === steps.join('/');
}

/** A value for the screen („leer“ for nothing; amounts in cents as euros, numbers in German). */
export const formatPreviewValue = (value: unknown, money = false): string =>
  value === undefined || value === null || value === ''
    ? 'leer'
    : typeof value === 'string'
      ? value
      : typeof value === 'number'
        ? money
          ? formatCents(value)
          : GERMAN_NUMBER.format(value)
        : typeof value === 'boolean'
          ? value
            ? 'Ja'
            : 'Nein'
          : JSON.stringify(value);

const GERMAN_NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 10 });
