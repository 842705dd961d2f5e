import type { JsonSchemaObject } from './types.js';

/** Escapes one reference token for a JSON Pointer (RFC 6901). */
export function escapePointerToken(token: string | number): string {
  const text = String(token);
  return text.includes('~') || text.includes('/') ? text.replaceAll('~', '~0').replaceAll('/', '~1') : text;
}

/** Appends reference tokens to a JSON Pointer. */
export function appendPointer(pointer: string, ...tokens: (string | number)[]): string {
  return pointer + tokens.map((token) => `/${escapePointerToken(token)}`).join('');
}

/** Splits a JSON Pointer (`/a/b`) into its unescaped reference tokens. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** True for a plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Follows a local `$ref` (`#` or `#/...`) against the root schema, repeatedly, at most a few hops.
 * Returns the schema unchanged when it has no local reference, `undefined` when the target is missing.
 */
export function resolveLocalRef(
  schema: JsonSchemaObject,
  rootSchema: JsonSchemaObject,
): JsonSchemaObject | undefined {
  let current: JsonSchemaObject | undefined = schema;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 16; hops += 1) {
    const ref: string = current.$ref;
    if (ref !== '#' && !ref.startsWith('#/')) return current;
    current = getAtPointer(rootSchema, decodeURIComponent(ref.slice(1)));
  }
  return current;
}

/** Returns the object found at a JSON Pointer inside `root`, or `undefined`. */
export function getAtPointer(root: unknown, pointer: string): JsonSchemaObject | undefined {
  let node: unknown = root;
  for (const token of splitPointer(pointer)) {
    if (!isPlainObject(node) && !Array.isArray(node)) return undefined;
    if (!Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return isPlainObject(node) ? (node as JsonSchemaObject) : undefined;
}
