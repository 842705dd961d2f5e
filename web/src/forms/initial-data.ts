import type { JsonSchema } from '@jsonforms/core';
import type { FormValues } from '../../../form-logic/index.js';

/**
 * Adds an empty object for every required object property that is missing (recursively), so a
 * missing „Fachleistungsstunden“ block is reported at its fields („Stundensatz: Pflichtfeld“),
 * where the user can fix it, instead of at a block that has no input of its own.
 */
export const withRequiredObjects = (schema: JsonSchema, data: FormValues): FormValues => {
  const result: FormValues = { ...data };
  for (const key of schema.required ?? []) {
    const child = schema.properties?.[key];
    if (child?.type !== 'object') continue;
    const value = result[key];
    if (value === undefined) result[key] = withRequiredObjects(child, {});
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      result[key] = withRequiredObjects(child, value as FormValues);
    }
  }
  return result;
};
