import { appendPointer, isPlainObject, resolveLocalRef, splitPointer } from './json-pointer.js';
import type { FieldError, JsonSchemaObject } from './types.js';

/**
 * Checks that every `scope` in a JSON Forms UI schema (`#/properties/a/properties/b`) points at
 * an existing part of the schema. Scopes inside `options.detail` of an array control are relative
 * to the array's `items` schema, as JSON Forms resolves them; so are rule conditions there.
 * @returns German errors at `/uischema/.../scope`
 */
export function checkUiSchemaScopes(uischema: unknown, rootSchema: JsonSchemaObject): FieldError[] {
  const errors: FieldError[] = [];
  walk(uischema, '/uischema', rootSchema, rootSchema, errors);
  return errors;
}

function walk(
  node: unknown,
  path: string,
  contextSchema: JsonSchemaObject,
  rootSchema: JsonSchemaObject,
  errors: FieldError[],
): void {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries())
      walk(item, appendPointer(path, index), contextSchema, rootSchema, errors);
    return;
  }
  if (!isPlainObject(node)) return;

  let target: JsonSchemaObject | undefined;
  if (node.scope !== undefined) {
    target = typeof node.scope === 'string' ? resolveScope(node.scope, contextSchema, rootSchema) : undefined;
    if (!target) {
      errors.push({
        path: appendPointer(path, 'scope'),
        message: `Der Verweis „${String(node.scope)}“ zeigt auf kein Feld im Schema.`,
      });
    }
  }

  for (const [key, child] of Object.entries(node)) {
    // A condition's `schema` is data for JSON Forms' rule engine, not a UI schema.
    if (key === 'scope' || key === 'schema') continue;
    if (key === 'options' && isPlainObject(child) && isPlainObject(child.detail)) {
      const items =
        target && isPlainObject(target.items) ? resolveLocalRef(target.items, rootSchema) : undefined;
      const optionsPath = appendPointer(path, 'options');
      walk(
        child.detail,
        appendPointer(optionsPath, 'detail'),
        items ?? target ?? contextSchema,
        rootSchema,
        errors,
      );
      const { detail: _detail, ...otherOptions } = child;
      walk(otherOptions, optionsPath, contextSchema, rootSchema, errors);
      continue;
    }
    walk(child, appendPointer(path, key), contextSchema, rootSchema, errors);
  }
}

/** Resolves a JSON Forms scope (`#` or `#/...`) against a schema, following local `$ref`s. */
function resolveScope(
  scope: string,
  contextSchema: JsonSchemaObject,
  rootSchema: JsonSchemaObject,
): JsonSchemaObject | undefined {
  if (scope !== '#' && !scope.startsWith('#/')) return undefined;
  let tokens: string[];
  try {
    tokens = splitPointer(decodeURIComponent(scope.slice(1)));
  } catch {
    return undefined;
  }
  let node: JsonSchemaObject | undefined = resolveLocalRef(contextSchema, rootSchema);
  for (const token of tokens) {
    if (!node) return undefined;
    const next: unknown = Object.hasOwn(node, token) ? node[token] : undefined;
    if (!isPlainObject(next)) return undefined;
    node = resolveLocalRef(next as JsonSchemaObject, rootSchema);
  }
  return node;
}
