/**
 * Visibility and enablement rules: „wird nur angezeigt, wenn …“. A rule becomes the JSON Forms
 * `rule` of an element; a required field that the rule can hide becomes conditionally required
 * (`allOf: [{ if, then|else: { required } }]` at the common ancestor object), because a hidden
 * required field would otherwise block the submit.
 */
import { createFormAjv } from '../ajv.js';
import { appendPointer, isPlainObject, splitPointer } from '../json-pointer.js';
import type { FieldError, JsonSchemaObject, UiSchema } from '../types.js';
import { objectAt, pointerToScope, scopeToPointer, splitFieldId } from './model.js';

export type RuleEffect = 'SHOW' | 'HIDE' | 'ENABLE' | 'DISABLE';
export type RuleTest = 'equals' | 'notEquals' | 'filled' | 'isOneOf';

/** A rule as the builder writes it. `field` is a schema pointer; `value` is a list for `isOneOf`. */
export interface RuleSpec {
  effect: RuleEffect;
  when: { field: string; test: RuleTest; value?: unknown };
}

/** The JSON Forms condition schema of a test. */
export function conditionSchema(when: RuleSpec['when']): Record<string, unknown> {
  switch (when.test) {
    case 'equals':
      return { const: when.value };
    case 'notEquals':
      return { not: { const: when.value } };
    case 'filled':
      return { not: { enum: [null, ''] } };
    case 'isOneOf':
      return { enum: Array.isArray(when.value) ? when.value : [when.value] };
  }
}

/** Reads a rule back into a spec, when it has the shape the builder writes. */
export function readRule(rule: unknown, context: string): RuleSpec | undefined {
  if (!isPlainObject(rule) || !isPlainObject(rule.condition)) return undefined;
  const { effect, condition } = rule;
  if (effect !== 'SHOW' && effect !== 'HIDE' && effect !== 'ENABLE' && effect !== 'DISABLE') return undefined;
  const field = scopeToPointer(condition.scope, context);
  const schema = condition.schema;
  if (field === undefined || !isPlainObject(schema)) return undefined;
  if ('const' in schema && Object.keys(schema).length === 1) {
    return { effect, when: { field, test: 'equals', value: schema.const } };
  }
  if (isPlainObject(schema.not) && 'const' in schema.not && Object.keys(schema).length === 1) {
    return { effect, when: { field, test: 'notEquals', value: schema.not.const } };
  }
  if (isPlainObject(schema.not) && Array.isArray(schema.not.enum) && Object.keys(schema).length === 1) {
    return { effect, when: { field, test: 'filled' } };
  }
  if (Array.isArray(schema.enum) && Object.keys(schema).length === 1) {
    return { effect, when: { field, test: 'isOneOf', value: schema.enum } };
  }
  return undefined;
}

let conditionAjv: ReturnType<typeof createFormAjv> | undefined;

/** Whether JSON Forms would find the condition true for a field without a value. */
const conditionAcceptsMissing = (schema: unknown, failWhenUndefined: unknown): boolean => {
  if (failWhenUndefined === true) return false;
  try {
    conditionAjv ??= createFormAjv();
    return conditionAjv.validate(schema as JsonSchemaObject, undefined) === true;
  } catch {
    return false;
  }
};

/** A conditional `required` entry and the object it goes to. */
export interface ConditionalRequired {
  /** Pointer of the object schema whose `allOf` gets the entry. */
  at: string;
  entry: JsonSchemaObject;
}

/**
 * The `allOf` entry that makes `fieldId` required exactly while the rule shows it, or a German
 * problem when the rule's field and the target are in different table rows.
 */
export function conditionalRequired(
  rule: UiSchema,
  context: string,
  fieldId: string,
): ConditionalRequired | FieldError | undefined {
  if (!isPlainObject(rule.condition)) return undefined;
  const effect = rule.effect;
  if (effect !== 'SHOW' && effect !== 'HIDE') return undefined;
  const conditionField = scopeToPointer(rule.condition.scope, context);
  if (conditionField === undefined) return undefined;
  const target = splitFieldId(fieldId);
  const condition = splitFieldId(conditionField);
  const targetTokens = splitPointer(target.parentId);
  const conditionTokens = splitPointer(condition.parentId);
  let common = 0;
  while (
    common < targetTokens.length &&
    common < conditionTokens.length &&
    targetTokens[common] === conditionTokens[common]
  ) {
    common += 1;
  }
  if (common % 2 === 1) common -= 1;
  const toTarget = targetTokens.slice(common);
  const toCondition = conditionTokens.slice(common);
  const onlyProperties = (tokens: string[]) =>
    tokens.every((token, index) => index % 2 === 1 || token === 'properties');
  if (!onlyProperties(toTarget) || !onlyProperties(toCondition)) {
    return {
      path: '/uischema',
      message:
        'Ein Pflichtfeld, das die Regel ausblenden kann, muss in derselben Tabellenzeile stehen wie das Feld der Bedingung.',
    };
  }
  const at = appendPointer('', ...targetTokens.slice(0, common));
  const withRequired = !conditionAcceptsMissing(rule.condition.schema, rule.condition.failWhenUndefined);
  let ifSchema: JsonSchemaObject = {
    properties: { [condition.key]: structuredClone(rule.condition.schema) as JsonSchemaObject },
  };
  if (withRequired) ifSchema.required = [condition.key];
  for (let index = toCondition.length - 1; index > 0; index -= 2) {
    const key = toCondition[index]!;
    ifSchema = withRequired
      ? { properties: { [key]: ifSchema }, required: [key] }
      : { properties: { [key]: ifSchema } };
  }
  let requireSchema: JsonSchemaObject = { required: [target.key] };
  for (let index = toTarget.length - 1; index > 0; index -= 2) {
    requireSchema = { properties: { [toTarget[index]!]: requireSchema } };
  }
  const entry: JsonSchemaObject =
    effect === 'SHOW' ? { if: ifSchema, then: requireSchema } : { if: ifSchema, else: requireSchema };
  return { at, entry };
}

/** Adds a conditional entry to the object's `allOf` and drops the field from the plain `required`. */
export function addConditionalRequired(
  schema: JsonSchemaObject,
  fieldId: string,
  conditional: ConditionalRequired,
): void {
  const { parentId, key } = splitFieldId(fieldId);
  const parent = objectAt(schema, parentId);
  if (parent && Array.isArray(parent.required))
    parent.required = parent.required.filter((name) => name !== key);
  const holder = objectAt(schema, conditional.at);
  if (!holder) return;
  const allOf = Array.isArray(holder.allOf) ? (holder.allOf as JsonSchemaObject[]) : [];
  if (!allOf.some((existing) => JSON.stringify(existing) === JSON.stringify(conditional.entry))) {
    allOf.push(conditional.entry);
  }
  holder.allOf = allOf;
}

/**
 * Removes a conditional entry and makes the field plainly required again.
 * @returns whether the entry was there
 */
export function removeConditionalRequired(
  schema: JsonSchemaObject,
  fieldId: string,
  conditional: ConditionalRequired,
): boolean {
  const holder = objectAt(schema, conditional.at);
  if (!holder || !Array.isArray(holder.allOf)) return false;
  const text = JSON.stringify(conditional.entry);
  const index = holder.allOf.findIndex((existing) => JSON.stringify(existing) === text);
  if (index < 0) return false;
  holder.allOf.splice(index, 1);
  if (holder.allOf.length === 0) delete holder.allOf;
  const { parentId, key } = splitFieldId(fieldId);
  const parent = objectAt(schema, parentId);
  if (parent) {
    const required = Array.isArray(parent.required) ? parent.required : [];
    if (!required.includes(key)) parent.required = [...required, key];
  }
  return true;
}

/** The JSON Forms rule of a spec for an element whose scopes are relative to `context`. */
export function toJsonFormsRule(spec: RuleSpec, context: string): UiSchema | undefined {
  const scope = pointerToScope(spec.when.field, context);
  if (scope === undefined) return undefined;
  const condition: Record<string, unknown> = { scope, schema: conditionSchema(spec.when) };
  if (spec.when.test === 'filled') condition.failWhenUndefined = true;
  return { effect: spec.effect, condition };
}
