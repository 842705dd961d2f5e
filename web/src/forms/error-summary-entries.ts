import { isOneOfEnumSchema, type JsonSchema, type UISchemaElement } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import type { ErrorSummaryEntry } from './ErrorSummary.js';
import { compareByFormOrder, describeField } from './field-names.js';
import { formErrorMessage } from './i18n.js';
import { errorPointer } from './paths.js';

const COMBINATOR_KEYWORDS = new Set(['oneOf', 'anyOf', 'allOf', 'if', 'then', 'else', 'not']);

/** Whether JSON Forms would show this Ajv error at a field (combinator noise is left out, as JSON Forms does). */
export const isShownError = (error: ErrorObject): boolean => {
  if (/\/(oneOf|anyOf)\/\d+\//.test(error.schemaPath)) return false;
  if (COMBINATOR_KEYWORDS.has(error.keyword)) return isOneOfEnumSchema(error.parentSchema ?? {});
  return error.keyword !== 'additionalProperties';
};

/** Entries of the error summary: client validation errors and server errors, each once, in form order. */
export const errorSummaryEntries = (
  errors: readonly ErrorObject[],
  schema: JsonSchema,
  uischema: UISchemaElement,
): ErrorSummaryEntry[] => {
  const entries: ErrorSummaryEntry[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (!isShownError(error)) continue;
    const pointer = errorPointer(error);
    const message = formErrorMessage(error);
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ pointer, field: describeField(schema, uischema, pointer), message });
  }
  const compare = compareByFormOrder(schema, uischema);
  return entries.sort((a, b) => compare(a.pointer, b.pointer));
};
