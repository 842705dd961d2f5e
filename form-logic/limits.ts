import { appendPointer } from './json-pointer.js';
import type { FieldError, JsonSchemaObject } from './types.js';

/** Root schema keyword: the most items one list in this form's data may have (overrides the platform default). */
export const MAX_ARRAY_ITEMS_KEYWORD = 'x-maxArrayItems';
/** Largest value `x-maxArrayItems` may take. */
export const MAX_ARRAY_ITEMS_CEILING = 100_000;
/**
 * Deepest nesting of objects and lists in submitted data. A definition nests at most
 * `MAX_DEFINITION_DEPTH` (32) levels of schema, and every level of data takes at least two of them
 * (`properties` + name, or `items`), so valid data never comes close.
 */
export const MAX_DATA_DEPTH = 32;
/** The most field errors one answer carries; the full count is reported beside them. */
export const MAX_FIELD_ERRORS = 100;

/** Why submitted data is refused before any work is done on it. */
export type DataLimitViolation =
  | { limit: 'MAX_ARRAY_ITEMS'; path: string; items: number; maxItems: number }
  | { limit: 'MAX_DATA_DEPTH'; path: string; maxDepth: number };

/**
 * The list limit of a form: its root `x-maxArrayItems` when set (a positive integer), otherwise
 * `platformDefault`.
 */
export function maxArrayItemsOf(schema: JsonSchemaObject, platformDefault: number): number {
  const own = schema[MAX_ARRAY_ITEMS_KEYWORD];
  return typeof own === 'number' && Number.isSafeInteger(own) && own > 0 ? own : platformDefault;
}

/**
 * Finds the first list with more than `maxItems` items, or the first value nested deeper than
 * `maxDepth`, in JSON data. Iterative (a deeply nested document cannot overflow the stack), and a
 * list that is too long is refused by its length before any of its items is visited, so a
 * 100,000-item list costs as much as a short one.
 * @returns the violation with the JSON Pointer of the offending list or value, or null
 */
export function findDataLimitViolation(
  data: unknown,
  maxItems: number,
  maxDepth = MAX_DATA_DEPTH,
): DataLimitViolation | null {
  // Paths are built only for a violation: each entry knows its parent and its key in it.
  if (typeof data !== 'object' || data === null) return null;
  const stack: Visit[] = [{ value: data, depth: 0, parent: null, key: '' }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    const { value, depth } = visit;
    if (depth >= maxDepth) return { limit: 'MAX_DATA_DEPTH', path: pathOf(visit), maxDepth };
    if (Array.isArray(value)) {
      if (value.length > maxItems) {
        return { limit: 'MAX_ARRAY_ITEMS', path: pathOf(visit), items: value.length, maxItems };
      }
      for (let index = value.length - 1; index >= 0; index -= 1) {
        const item: unknown = value[index];
        if (typeof item === 'object' && item !== null) {
          stack.push({ value: item, depth: depth + 1, parent: visit, key: index });
        }
      }
    } else {
      for (const key in value as Record<string, unknown>) {
        const child = (value as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) {
          stack.push({ value: child, depth: depth + 1, parent: visit, key });
        }
      }
    }
  }
  return null;
}

interface Visit {
  value: object;
  depth: number;
  parent: Visit | null;
  key: string | number;
}

function pathOf(visit: Visit): string {
  const tokens: (string | number)[] = [];
  for (let current: Visit | null = visit; current?.parent; current = current.parent) tokens.push(current.key);
  return appendPointer('', ...tokens.reverse());
}

/** The first `max` errors and how many there were in all. */
export function capFieldErrors(
  errors: readonly FieldError[],
  max = MAX_FIELD_ERRORS,
): { errors: FieldError[]; errorCount: number } {
  return { errors: errors.slice(0, max), errorCount: errors.length };
}
