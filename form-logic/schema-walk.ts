import { appendPointer, isPlainObject } from './json-pointer.js';
import type { JsonSchemaObject } from './types.js';

const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas'];
const SCHEMA_KEYWORDS = [
  'additionalProperties',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
];
const SCHEMA_ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];

/**
 * Calls `visit` for a schema and every subschema reachable through the JSON Schema keywords that
 * hold subschemas (not through `const`, `enum`, `default` or `examples`, which hold data).
 * `path` is the JSON Pointer of each subschema relative to the start.
 */
export function visitSchemas(
  schema: unknown,
  path: string,
  visit: (schema: JsonSchemaObject, path: string) => void,
): void {
  if (!isPlainObject(schema)) return;
  visit(schema as JsonSchemaObject, path);
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = schema[keyword];
    if (!isPlainObject(map)) continue;
    for (const [name, child] of Object.entries(map))
      visitSchemas(child, appendPointer(path, keyword, name), visit);
  }
  for (const keyword of SCHEMA_KEYWORDS) visitSchemas(schema[keyword], appendPointer(path, keyword), visit);
  for (const keyword of [...SCHEMA_ARRAY_KEYWORDS, 'items']) {
    const list = schema[keyword];
    if (Array.isArray(list)) {
      for (const [index, child] of list.entries())
        visitSchemas(child, appendPointer(path, keyword, index), visit);
    }
  }
  visitSchemas(schema.items, appendPointer(path, 'items'), visit);
  // draft-07 `dependencies` mixes subschemas with lists of required property names.
  if (isPlainObject(schema.dependencies)) {
    for (const [name, child] of Object.entries(schema.dependencies)) {
      visitSchemas(child, appendPointer(path, 'dependencies', name), visit);
    }
  }
}

/** Calls `visit` for every key of every object inside `value` (depth first) with the key's path. */
export function visitKeys(
  value: unknown,
  path: string,
  visit: (key: string, value: unknown, path: string) => void,
): void {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) visitKeys(item, appendPointer(path, index), visit);
  } else if (isPlainObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childPath = appendPointer(path, key);
      visit(key, child, childPath);
      visitKeys(child, childPath, visit);
    }
  }
}

/** Nesting depth of a JSON value (a scalar is 0, `{}` is 1); counting stops above `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (limit <= 0) return 1;
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, nestingDepth(child, limit - 1));
    if (deepest >= limit) break;
  }
  return deepest + 1;
}
