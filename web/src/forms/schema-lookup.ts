import type { JsonSchema } from '@jsonforms/core';

/** The schema of the field at a JSON Pointer (following `properties` and `items` only). */
export const schemaAtPointer = (schema: JsonSchema, pointer: string): JsonSchema | undefined => {
  let current: JsonSchema | undefined = schema;
  for (const token of pointer.split('/').slice(1)) {
    if (!current) return undefined;
    current =
      current.type === 'array' && /^\d+$/.test(token)
        ? (current.items as JsonSchema | undefined)
        : current.properties?.[token.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return current;
};

/** True when the field at the pointer is computed by the form (`x-derived`). */
export const isDerivedField = (schema: JsonSchema, pointer: string): boolean =>
  typeof (schemaAtPointer(schema, pointer) as Record<string, unknown> | undefined)?.['x-derived'] ===
  'string';
