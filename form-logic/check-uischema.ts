import { type JsonSchema, resolveSchema, toDataPath } from '@jsonforms/core';
import { DERIVED_KEYWORD } from './ajv.js';
import { appendPointer, isPlainObject, resolveLocalRef } from './json-pointer.js';
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

/**
 * Resolves a JSON Forms scope (`#` or `#/...`) exactly as the renderers do (`resolveSchema` of
 * @jsonforms/core): local `$ref`s, properties inside combinator branches (`#/properties/pay/properties/iban`
 * when `pay` has a `oneOf`, a property of a root `allOf`) and explicit branches (`…/oneOf/1/properties/x`).
 * Only scopes that lead to a schema object count.
 */
export function resolveScope(
  scope: string,
  contextSchema: JsonSchemaObject,
  rootSchema: JsonSchemaObject,
): JsonSchemaObject | undefined {
  if (scope !== '#' && !scope.startsWith('#/')) return undefined;
  let resolved: unknown;
  try {
    resolved = resolveSchema(contextSchema as JsonSchema, scope, rootSchema as JsonSchema);
  } catch {
    return undefined;
  }
  return isPlainObject(resolved) ? (resolved as JsonSchemaObject) : undefined;
}

/** Where the controls of a UI schema show data: a control covers its data path and, without an own
 * `options.detail` layout, everything below it (JSON Forms renders the rest itself). */
interface Coverage {
  /** Data paths (`a.b`, array items as `a.[]`) under which everything is shown. */
  whole: Set<string>;
  /** Data paths shown exactly (an array control whose items have their own detail layout). */
  exact: Set<string>;
}

/**
 * Reports every required property that no control of the UI schema shows: such a field could never
 * be filled in, so the form could never be submitted. Derived (`x-derived`) properties are exempt,
 * since they are computed. Properties in combinator branches and `$ref`s count as well as plain ones.
 * @returns German errors at `/schema/.../required/<index>`
 */
export function checkRequiredShown(rootSchema: JsonSchemaObject, uischema: unknown): FieldError[] {
  const coverage: Coverage = { whole: new Set(), exact: new Set() };
  collectCoverage(uischema, '', rootSchema, rootSchema, coverage, 0);
  const errors: FieldError[] = [];
  const reported = new Set<string>();
  walkRequired(rootSchema, '/schema', '', rootSchema, coverage, errors, reported, 0);
  return errors;
}

const MAX_WALK_DEPTH = 64;

function joinData(prefix: string, path: string): string {
  return prefix === '' ? path : path === '' ? prefix : `${prefix}.${path}`;
}

function collectCoverage(
  node: unknown,
  prefix: string,
  contextSchema: JsonSchemaObject,
  rootSchema: JsonSchemaObject,
  coverage: Coverage,
  depth: number,
): void {
  if (depth > MAX_WALK_DEPTH) return;
  if (Array.isArray(node)) {
    for (const item of node) collectCoverage(item, prefix, contextSchema, rootSchema, coverage, depth + 1);
    return;
  }
  if (!isPlainObject(node)) return;
  if (typeof node.scope === 'string') {
    const target = resolveScope(node.scope, contextSchema, rootSchema);
    const dataPath = joinData(prefix, toDataPath(node.scope));
    const detail = isPlainObject(node.options) ? node.options.detail : undefined;
    if (isPlainObject(detail) && typeof detail.type === 'string' && target) {
      coverage.exact.add(dataPath);
      const items = isPlainObject(target.items) ? resolveLocalRef(target.items, rootSchema) : undefined;
      collectCoverage(detail, `${dataPath}.[]`, items ?? target, rootSchema, coverage, depth + 1);
    } else {
      coverage.whole.add(dataPath);
    }
  }
  for (const [key, child] of Object.entries(node)) {
    if (key === 'scope' || key === 'schema' || key === 'options' || key === 'rule') continue;
    collectCoverage(child, prefix, contextSchema, rootSchema, coverage, depth + 1);
  }
}

/** A field counts as shown when a control shows it, a part of it, or an object or list it sits in. */
function isShown(dataPath: string, coverage: Coverage): boolean {
  if (coverage.exact.has(dataPath) || coverage.whole.has(dataPath) || coverage.whole.has('')) return true;
  for (let end = dataPath.lastIndexOf('.'); end > 0; end = dataPath.lastIndexOf('.', end - 1)) {
    if (coverage.whole.has(dataPath.slice(0, end))) return true;
  }
  const inside = `${dataPath}.`;
  return [...coverage.whole, ...coverage.exact].some((shown) => shown.startsWith(inside));
}

function walkRequired(
  schema: unknown,
  schemaPath: string,
  dataPath: string,
  rootSchema: JsonSchemaObject,
  coverage: Coverage,
  errors: FieldError[],
  reported: Set<string>,
  depth: number,
  inherited: Record<string, unknown> = {},
): void {
  if (!isPlainObject(schema) || depth > MAX_WALK_DEPTH) return;
  const node = resolveLocalRef(schema as JsonSchemaObject, rootSchema);
  if (!node) return;
  const own = isPlainObject(node.properties) ? node.properties : {};
  // A branch (`allOf`, `then`, ...) may require properties its object defines outside the branch.
  const properties = { ...inherited, ...own };
  if (Array.isArray(node.required)) {
    for (const [index, name] of node.required.entries()) {
      if (typeof name !== 'string') continue;
      const property = properties[name];
      const resolved = isPlainObject(property)
        ? resolveLocalRef(property as JsonSchemaObject, rootSchema)
        : undefined;
      if (resolved && typeof resolved[DERIVED_KEYWORD] === 'string') continue;
      const fieldPath = joinData(dataPath, name);
      if (isShown(fieldPath, coverage) || reported.has(fieldPath)) continue;
      reported.add(fieldPath);
      const title =
        resolved && typeof resolved.title === 'string' ? `„${resolved.title}“ (${name})` : `„${name}“`;
      errors.push({
        path: appendPointer(schemaPath, 'required', index),
        message: `Das Pflichtfeld ${title} wird von keinem Steuerelement im UI-Schema angezeigt, so dass das Formular nie abgeschickt werden könnte.`,
      });
    }
  }
  for (const [name, child] of Object.entries(own)) {
    walkRequired(
      child,
      appendPointer(schemaPath, 'properties', name),
      joinData(dataPath, name),
      rootSchema,
      coverage,
      errors,
      reported,
      depth + 1,
    );
  }
  if (isPlainObject(node.items)) {
    walkRequired(
      node.items,
      appendPointer(schemaPath, 'items'),
      joinData(dataPath, '[]'),
      rootSchema,
      coverage,
      errors,
      reported,
      depth + 1,
    );
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = node[keyword];
    if (!Array.isArray(branches)) continue;
    for (const [index, branch] of branches.entries()) {
      walkRequired(
        branch,
        appendPointer(schemaPath, keyword, index),
        dataPath,
        rootSchema,
        coverage,
        errors,
        reported,
        depth + 1,
        properties,
      );
    }
  }
  for (const keyword of ['then', 'else'] as const) {
    walkRequired(
      node[keyword],
      appendPointer(schemaPath, keyword),
      dataPath,
      rootSchema,
      coverage,
      errors,
      reported,
      depth + 1,
      properties,
    );
  }
}
