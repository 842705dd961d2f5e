/** Walks over the places of a definition that name fields: UI scopes, object schemas and data. */
import { appendPointer, getAtPointer, isPlainObject, splitPointer } from '../json-pointer.js';
import { visitSchemas } from '../schema-walk.js';
import type { JsonSchemaObject, UiSchema } from '../types.js';
import { rowsPointer, scopeToPointer } from './model.js';

/** A `scope` in the UI schema: its holder (a control or a rule condition) and what it points at. */
export interface ScopeSite {
  holder: Record<string, unknown>;
  /** Absolute schema pointer the scope resolves to. */
  target: string;
  /** Object pointer the scope is relative to. */
  context: string;
  /** UI pointer of the element the scope belongs to (a control, or the element carrying the rule). */
  element: string;
  /** `control` for a control's scope, `rule` for a rule condition's scope. */
  role: 'control' | 'rule';
}

/** Every resolvable scope of a UI schema, depth first. */
export function scopeSites(uischema: unknown): ScopeSite[] {
  const sites: ScopeSite[] = [];
  walkUi(uischema, '', '', sites);
  return sites;
}

function walkUi(element: unknown, id: string, context: string, sites: ScopeSite[]): void {
  if (!isPlainObject(element)) return;
  let target: string | undefined;
  if (element.type === 'Control') {
    target = scopeToPointer(element.scope, context);
    if (target !== undefined) sites.push({ holder: element, target, context, element: id, role: 'control' });
  }
  if (isPlainObject(element.rule)) conditionSites(element.rule.condition, id, context, sites);
  if (Array.isArray(element.elements)) {
    for (const [index, child] of element.elements.entries())
      walkUi(child, appendPointer(id, 'elements', index), context, sites);
  }
  if (target !== undefined && isPlainObject(element.options) && isPlainObject(element.options.detail)) {
    walkUi(element.options.detail, appendPointer(id, 'options', 'detail'), rowsPointer(target), sites);
  }
}

function conditionSites(condition: unknown, id: string, context: string, sites: ScopeSite[]): void {
  if (!isPlainObject(condition)) return;
  const target = scopeToPointer(condition.scope, context);
  if (target !== undefined) sites.push({ holder: condition, target, context, element: id, role: 'rule' });
  if (Array.isArray(condition.conditions)) {
    for (const child of condition.conditions) conditionSites(child, id, context, sites);
  }
}

const COMBINATOR_TOKENS = new Set(['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'not']);

/**
 * The data location of a subschema pointer: the pointer without combinator steps
 * (`/allOf/0/then/properties/b` → `/properties/b`).
 */
export function dataLocation(schemaPointer: string): string {
  const tokens = splitPointer(schemaPointer);
  const kept: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (COMBINATOR_TOKENS.has(token)) {
      if (token === 'allOf' || token === 'anyOf' || token === 'oneOf') index += 1;
      continue;
    }
    kept.push(token);
  }
  return appendPointer('', ...kept);
}

/** Every subschema whose data location is `objectPointer` (the object itself and its conditional parts). */
export function schemasAt(
  schema: JsonSchemaObject,
  objectPointer: string,
): { node: JsonSchemaObject; path: string }[] {
  const found: { node: JsonSchemaObject; path: string }[] = [];
  visitSchemas(schema, '', (node, path) => {
    if (dataLocation(path) === objectPointer) found.push({ node, path });
  });
  return found;
}

/** Every data object of `data` at the schema object pointer (through `properties` and `items`). */
export function dataObjectsAt(data: unknown, objectPointer: string): Record<string, unknown>[] {
  let current: unknown[] = [data];
  const tokens = splitPointer(objectPointer);
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    const next: unknown[] = [];
    if (token === 'properties') {
      const key = tokens[(index += 1)]!;
      for (const value of current) if (isPlainObject(value) && key in value) next.push(value[key]);
    } else if (token === 'items') {
      for (const value of current) if (Array.isArray(value)) next.push(...value);
    } else {
      return [];
    }
    current = next;
  }
  return current.filter(isPlainObject);
}

/** Returns a copy of `object` with key `from` renamed to `to` in place (key order kept). */
export function renameKeyInOrder<T>(object: Record<string, T>, from: string, to: string): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(object)) out[key === from ? to : key] = value;
  return out;
}

/** Replaces every key of `target` by the keys of `source` (so that references to `target` see the change). */
export function replaceContents(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(target)) delete target[key];
  Object.assign(target, source);
}

/** The UI element at a pointer, or undefined. */
export const uiAt = (uischema: UiSchema, id: string): UiSchema | undefined =>
  id === '' ? uischema : getAtPointer(uischema, id);
