/**
 * The builder's operations on a form definition. `apply(definition, op)` is pure: it never changes
 * its input, keeps the key order of everything it does not touch (the stored JSON and its content
 * hash depend on it) and refuses with German problems instead of throwing.
 */
import { DERIVED_KEYWORD, WEIGHT_KEYWORD } from '../ajv.js';
import { appendPointer, getAtPointer, isPlainObject, splitPointer } from '../json-pointer.js';
import { visitSchemas } from '../schema-walk.js';
import type { FieldError, FormDefinition, FormValues, JsonSchemaObject, UiSchema } from '../types.js';
import { compileFormValidator } from '../validate.js';
import { applyCriterionOp, type CriterionOp } from './criteria.js';
import { analyseExpression, derivedOrderProblems, renameInExpression } from './expressions.js';
import { type AddableFieldKind, type Choice, KIND_SHAPES, type LayoutKind } from './kinds.js';
import { objectAt, pointerToScope, readModel, rowsPointer, splitFieldId } from './model.js';
import {
  addConditionalRequired,
  conditionalRequired,
  removeConditionalRequired,
  type RuleSpec,
  toJsonFormsRule,
} from './rules.js';
import { dataLocation, dataObjectsAt, renameKeyInOrder, replaceContents, scopeSites, uiAt } from './walk.js';

/** Changes of `updateField`; `null` removes the keyword. */
export interface FieldChanges {
  title?: string;
  description?: string | null;
  required?: boolean;
  minimum?: number | null;
  maximum?: number | null;
  minLength?: number | null;
  maxLength?: number | null;
  pattern?: string | null;
  default?: unknown;
  readOnly?: boolean | null;
  /** Most rows of a table. */
  maxItems?: number | null;
}

export type Op =
  | {
      op: 'addField';
      /** UI pointer of the layout that gets the control (`''` = the root layout). */
      container: string;
      /** Position in the container; default: at the end. */
      index?: number;
      key: string;
      kind: AddableFieldKind;
      title: string;
      /** Schema pointer of the object that gets the property; default: the container's data object. */
      object?: string;
    }
  | { op: 'updateField'; field: string; changes: FieldChanges }
  | { op: 'renameKey'; field: string; key: string }
  | { op: 'removeField'; field: string }
  /** Moves a UI element (the schema is untouched); `index` is its position in `container` after the move. */
  | { op: 'moveElement'; element: string; container: string; index: number }
  | {
      op: 'addLayout';
      container: string;
      index?: number;
      kind: Exclude<LayoutKind, 'vertical'>;
      label?: string;
    }
  | { op: 'setLabel'; element: string; label: string | null }
  | ({ op: 'setRule'; element: string } & RuleSpec)
  | { op: 'clearRule'; element: string }
  | { op: 'setDerived'; field: string; expression: string | null }
  | { op: 'setChoices'; field: string; choices: Choice[] }
  | { op: 'setSampleData'; data: FormValues }
  /** Replaces the single control of a nested object („Abschnitt (automatisch)“) by a section with one control per property. */
  | { op: 'expandObjectControl'; element: string }
  | CriterionOp;

export interface ApplyResult<D extends FormDefinition = FormDefinition> {
  /** The changed copy; the input itself when `problems` is not empty. */
  definition: D;
  /** Why the operation was refused (German); empty on success. */
  problems: FieldError[];
  /** Hints that do not stop the operation (e.g. the order of derived fields). */
  warnings: FieldError[];
}

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const KEY_MESSAGE = 'Der Schlüssel besteht aus Buchstaben, Ziffern und „_“ und beginnt mit einem Buchstaben.';

/** A new, empty form. */
export function emptyDefinition(key: string, title: string): FormDefinition {
  return {
    key,
    title,
    schema: { type: 'object', additionalProperties: false, properties: {} },
    uischema: { type: 'VerticalLayout', elements: [] },
    sampleData: {},
  };
}

/** Applies operations one after the other; stops at the first refused one. */
export function applyAll<D extends FormDefinition>(
  definition: D,
  ops: Op[],
): ApplyResult<D> & { failedAt?: number } {
  let current = definition;
  const warnings: FieldError[] = [];
  for (const [index, op] of ops.entries()) {
    const result = apply(current, op);
    if (result.problems.length > 0) return { ...result, failedAt: index };
    current = result.definition;
    warnings.push(...result.warnings);
  }
  return { definition: current, problems: [], warnings };
}

/** Applies one operation. */
export function apply<D extends FormDefinition>(definition: D, op: Op): ApplyResult<D> {
  const draft = structuredClone(definition);
  const warnings: FieldError[] = [];
  let problems: FieldError[];
  try {
    problems = run(draft, op, warnings);
  } catch (error) {
    problems = [
      {
        path: '',
        message: `Die Änderung ist nicht möglich: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
  return problems.length > 0
    ? { definition, problems, warnings: [] }
    : { definition: draft, problems: [], warnings };
}

function run(def: FormDefinition, op: Op, warnings: FieldError[]): FieldError[] {
  switch (op.op) {
    case 'addField':
      return addField(def, op);
    case 'updateField':
      return updateField(def, op.field, op.changes);
    case 'renameKey':
      return renameKey(def, op.field, op.key);
    case 'removeField':
      return removeField(def, op.field);
    case 'moveElement':
      return moveElement(def, op.element, op.container, op.index);
    case 'addLayout':
      return addLayout(def, op);
    case 'setLabel': {
      const element = uiAt(def.uischema, op.element);
      if (!element) return [missingElement(op.element)];
      if (op.label === null) delete element.label;
      else element.label = op.label;
      return [];
    }
    case 'setRule':
      return setRule(def, op.element, { effect: op.effect, when: op.when });
    case 'clearRule':
      return clearRule(def, op.element);
    case 'setDerived':
      return setDerived(def, op.field, op.expression, warnings);
    case 'setChoices':
      return setChoices(def, op.field, op.choices);
    case 'expandObjectControl':
      return expandObjectControl(def, op.element);
    case 'setSampleData':
      def.sampleData = structuredClone(op.data);
      return [];
    case 'addCriterion':
    case 'updateCriterion':
    case 'removeCriterion':
    case 'setScale':
      return applyCriterionOp(def, op);
    default:
      // Operations may arrive as JSON from a client.
      return [{ path: '', message: `Unbekannte Änderung „${String((op as { op?: unknown }).op)}“.` }];
  }
}

const missingElement = (id: string): FieldError => ({
  path: `/uischema${id}`,
  message: 'Dieses Element gibt es im Formular nicht (mehr).',
});
const missingField = (id: string): FieldError => ({
  path: `/schema${id}`,
  message: 'Dieses Feld gibt es im Formular nicht (mehr).',
});

function fieldSchema(def: FormDefinition, fieldId: string): JsonSchemaObject | undefined {
  try {
    splitFieldId(fieldId);
  } catch {
    return undefined;
  }
  return getAtPointer(def.schema, fieldId);
}

function addField(def: FormDefinition, op: Extract<Op, { op: 'addField' }>): FieldError[] {
  const model = readModel(def);
  const container = model.uiById.get(op.container);
  if (!container || !Array.isArray(container.element.elements)) {
    return [
      { path: `/uischema${op.container}`, message: 'Felder lassen sich nur in einen Bereich einfügen.' },
    ];
  }
  if (container.layout === 'tabs' || container.layout === 'steps') {
    return [
      {
        path: `/uischema${op.container}`,
        message: 'Felder gehören in einen Reiter oder Schritt, nicht direkt in die Reiterleiste.',
      },
    ];
  }
  const objectId = op.object ?? container.context;
  const object = objectAt(def.schema, objectId);
  const scopeBase = pointerToScope(objectId, container.context);
  if (!object || scopeBase === undefined || !isPlainObject(object.properties)) {
    return [
      {
        path: `/schema${objectId}`,
        message: 'Das Feld kann nur in diesem Bereich der Daten angelegt werden.',
      },
    ];
  }
  const fieldId = appendPointer(objectId, 'properties', op.key);
  if (!KEY_PATTERN.test(op.key)) return [{ path: `/schema${fieldId}`, message: KEY_MESSAGE }];
  if (op.key in object.properties)
    return [{ path: `/schema${fieldId}`, message: `Es gibt schon ein Feld „${op.key}“.` }];
  if (op.title.trim() === '')
    return [{ path: `/schema${fieldId}`, message: 'Das Feld braucht eine Beschriftung.' }];
  const shape = KIND_SHAPES[op.kind]();
  const { type, ...rest } = shape.schema;
  object.properties[op.key] = { type, title: op.title, ...rest } as JsonSchemaObject;
  const control: UiSchema = {
    type: 'Control',
    scope: `${scopeBase}/properties/${op.key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
    ...shape.control,
  };
  const elements = container.element.elements as UiSchema[];
  const target = uiAt(def.uischema, op.container)!.elements as UiSchema[];
  target.splice(clampIndex(op.index, elements.length), 0, control);
  return [];
}

const clampIndex = (index: number | undefined, length: number) =>
  index === undefined ? length : Math.max(0, Math.min(length, Math.trunc(index)));

function updateField(def: FormDefinition, fieldId: string, changes: FieldChanges): FieldError[] {
  const schema = fieldSchema(def, fieldId);
  if (!schema) return [missingField(fieldId)];
  const path = `/schema${fieldId}`;
  const problems: FieldError[] = [];
  const type = schema.type;
  const numeric = type === 'number' || type === 'integer';
  const text = type === 'string';
  const check = (condition: boolean, keyword: string, message: string) => {
    if (!condition) problems.push({ path: `${path}/${keyword}`, message });
  };
  if (changes.title !== undefined)
    check(changes.title.trim() !== '', 'title', 'Das Feld braucht eine Beschriftung.');
  for (const keyword of ['minimum', 'maximum'] as const) {
    const value = changes[keyword];
    if (value === undefined || value === null) continue;
    check(numeric, keyword, 'Kleinster und größter Wert gibt es nur bei Zahlen und Beträgen.');
    check(Number.isFinite(value), keyword, 'Bitte eine Zahl angeben.');
    if (type === 'integer') check(Number.isInteger(value), keyword, 'Bitte eine ganze Zahl angeben.');
  }
  for (const keyword of ['minLength', 'maxLength', 'maxItems'] as const) {
    const value = changes[keyword];
    if (value === undefined || value === null) continue;
    check(
      keyword === 'maxItems' ? type === 'array' : text,
      keyword,
      keyword === 'maxItems'
        ? 'Eine Zeilenzahl gibt es nur bei Tabellen.'
        : 'Eine Länge gibt es nur bei Textfeldern.',
    );
    check(
      Number.isInteger(value) && value >= (keyword === 'maxItems' ? 1 : 0),
      keyword,
      'Bitte eine ganze Zahl ab ' + (keyword === 'maxItems' ? '1' : '0') + ' angeben.',
    );
  }
  if (changes.pattern !== undefined && changes.pattern !== null) {
    check(text, 'pattern', 'Ein Muster gibt es nur bei Textfeldern.');
    try {
      new RegExp(changes.pattern, 'u');
    } catch {
      problems.push({
        path: `${path}/pattern`,
        message: `Ungültiger regulärer Ausdruck: ${changes.pattern}`,
      });
    }
  }
  const merged = (keyword: keyof FieldChanges) =>
    changes[keyword] !== undefined ? changes[keyword] : (schema[keyword] as unknown);
  const pairs = [
    ['minimum', 'maximum', 'Der kleinste Wert ist größer als der größte.'],
    ['minLength', 'maxLength', 'Die Mindestlänge ist größer als die Höchstlänge.'],
  ] as const;
  for (const [low, high, message] of pairs) {
    const lowValue = merged(low);
    const highValue = merged(high);
    if (typeof lowValue === 'number' && typeof highValue === 'number' && lowValue > highValue) {
      problems.push({ path: `${path}/${low}`, message });
    }
  }
  if (problems.length > 0) return problems;

  for (const keyword of [
    'title',
    'description',
    'minimum',
    'maximum',
    'minLength',
    'maxLength',
    'pattern',
    'readOnly',
    'maxItems',
  ] as const) {
    const value = changes[keyword];
    if (value === undefined) continue;
    if (value === null || (keyword === 'readOnly' && value === false)) delete schema[keyword];
    else (schema as Record<string, unknown>)[keyword] = value;
  }
  if ('default' in changes) {
    if (changes.default === undefined || changes.default === null) {
      delete schema.default;
    } else {
      const { default: _old, [DERIVED_KEYWORD]: _derived, ...withoutDefault } = schema;
      const errors = compileFormValidator(withoutDefault as JsonSchemaObject)(changes.default);
      if (errors.length > 0) {
        return [
          {
            path: `${path}/default`,
            message: `Der Vorgabewert passt nicht zum Feld: ${errors[0]!.message}.`,
          },
        ];
      }
      schema.default = structuredClone(changes.default);
    }
  }
  if (changes.required !== undefined) return setRequired(def, fieldId, changes.required);
  return [];
}

/** Rules that can hide the control of a field (on the control or on a layout around it). */
function hidingRules(def: FormDefinition, fieldId: string): { rule: UiSchema; context: string }[] {
  const found: { rule: UiSchema; context: string }[] = [];
  const walk = (element: unknown, context: string, inherited: { rule: UiSchema; context: string }[]) => {
    if (!isPlainObject(element)) return;
    const own =
      isPlainObject(element.rule) && (element.rule.effect === 'SHOW' || element.rule.effect === 'HIDE')
        ? [...inherited, { rule: element.rule as UiSchema, context }]
        : inherited;
    if (element.type === 'Control' && typeof element.scope === 'string') {
      const target = element.scope === '#' ? context : context + decodeURIComponent(element.scope.slice(1));
      if (target === fieldId) found.push(...own);
      if (isPlainObject(element.options) && isPlainObject(element.options.detail)) {
        walk(element.options.detail, rowsPointer(target), own);
      }
    }
    if (Array.isArray(element.elements)) for (const child of element.elements) walk(child, context, own);
  };
  walk(def.uischema, '', []);
  return found;
}

function setRequired(def: FormDefinition, fieldId: string, required: boolean): FieldError[] {
  const { parentId, key } = splitFieldId(fieldId);
  const parent = objectAt(def.schema, parentId)!;
  const rules = hidingRules(def, fieldId);
  const conditionals: ReturnType<typeof conditionalRequired>[] = rules.map(({ rule, context }) =>
    conditionalRequired(rule, context, fieldId),
  );
  for (const conditional of conditionals) if (conditional && 'path' in conditional) return [conditional];
  const list = Array.isArray(parent.required) ? parent.required : [];
  if (!required) {
    parent.required = list.filter((name) => name !== key);
    for (const conditional of conditionals) {
      if (conditional && 'at' in conditional) {
        removeConditionalRequired(def.schema, fieldId, conditional);
        parent.required = parent.required.filter((name) => name !== key);
      }
    }
    if (parent.required.length === 0) delete parent.required;
    return [];
  }
  const usable = conditionals.filter((conditional) => conditional && 'at' in conditional);
  if (usable.length === 0) {
    if (!list.includes(key)) parent.required = [...list, key];
    return [];
  }
  for (const conditional of usable) addConditionalRequired(def.schema, fieldId, conditional as never);
  return [];
}

/** Places where a field is used by rules, expressions or conditions, named in German. */
function references(def: FormDefinition, fieldId: string, except: Set<string>): string[] {
  const found: string[] = [];
  const model = readModel(def);
  const titleOf = (id: string) => model.fieldsById.get(id)?.title ?? id;
  const elementName = (id: string) => {
    const node = model.uiById.get(id);
    if (node?.fieldId) return `„${titleOf(node.fieldId)}“`;
    return node?.label ? `„${node.label}“` : 'einem Bereich';
  };
  for (const site of scopeSites(def.uischema)) {
    if (site.role !== 'rule' || except.has(site.element)) continue;
    if (site.target === fieldId || site.target.startsWith(`${fieldId}/`)) {
      found.push(`die Regel von ${elementName(site.element)}`);
    }
  }
  const { parentId, key } = splitFieldId(fieldId);
  visitSchemas(def.schema, '', (node, path) => {
    const expression = node[DERIVED_KEYWORD];
    if (typeof expression === 'string' && path !== fieldId && !path.startsWith(`${fieldId}/`)) {
      if (expressionUses(expression, dataLocation(path), parentId, key))
        found.push(`die Berechnung von „${titleOf(path)}“`);
    }
    const location = dataLocation(path);
    if (
      location === parentId &&
      path !== parentId &&
      isPlainObject(node.properties) &&
      key in node.properties
    ) {
      found.push('eine Bedingung im Schema');
    }
  });
  return [...new Set(found)];
}

/** Whether an expression of the field at `expressionField` reads the field `key` of object `parentId`. */
function expressionUses(expression: string, expressionField: string, parentId: string, key: string): boolean {
  return (
    renameInExpression(expression, key, `${key}\u0000`, renameScope(expressionField, parentId)) !== expression
  );
}

/** Which references to rename in an expression of field `expressionField` when a key of `parentId` changes. */
function renameScope(expressionField: string, parentId: string): { sibling: boolean; parent?: string } {
  const { parentId: expressionObject } = splitFieldId(expressionField);
  if (expressionObject === parentId) return { sibling: true };
  const tokens = splitPointer(parentId);
  const owner = tokens[tokens.length - 1] === 'items' ? tokens.slice(0, -1) : tokens;
  const ownerId = appendPointer('', ...owner);
  try {
    const split = splitFieldId(ownerId);
    if (split.parentId === expressionObject) return { sibling: false, parent: split.key };
  } catch {
    // the root object has no owner
  }
  return { sibling: false };
}

function renameKey(def: FormDefinition, fieldId: string, newKey: string): FieldError[] {
  const schema = fieldSchema(def, fieldId);
  if (!schema) return [missingField(fieldId)];
  const { parentId, key } = splitFieldId(fieldId);
  if (newKey === key) return [];
  if (!KEY_PATTERN.test(newKey)) return [{ path: `/schema${fieldId}`, message: KEY_MESSAGE }];
  const parent = objectAt(def.schema, parentId)!;
  if (key === 'score' && parent[WEIGHT_KEYWORD] !== undefined) {
    return [
      {
        path: `/schema${fieldId}`,
        message: 'Die Bewertung „score“ gehört zu jedem Kriterium und lässt sich nicht umbenennen.',
      },
    ];
  }
  if (isPlainObject(parent.properties) && newKey in parent.properties) {
    return [{ path: `/schema${fieldId}`, message: `Es gibt schon ein Feld „${newKey}“.` }];
  }
  const newId = appendPointer(parentId, 'properties', newKey);
  // Expressions first: they are found through the old schema.
  visitSchemas(def.schema, '', (node, path) => {
    const expression = node[DERIVED_KEYWORD];
    if (typeof expression === 'string' && path !== fieldId) {
      node[DERIVED_KEYWORD] = renameInExpression(
        expression,
        key,
        newKey,
        renameScope(dataLocation(path), parentId),
      );
    }
  });
  // Every subschema of the same data object: properties (order kept) and required lists.
  visitSchemas(def.schema, '', (node, path) => {
    if (dataLocation(path) !== parentId) return;
    if (isPlainObject(node.properties) && key in node.properties) {
      replaceContents(node, { ...node, properties: renameKeyInOrder(node.properties, key, newKey) });
    }
    if (Array.isArray(node.required))
      node.required = node.required.map((name) => (name === key ? newKey : name));
  });
  // Scopes of controls and rule conditions.
  for (const site of scopeSites(def.uischema)) {
    const relativeInside = site.context === fieldId || site.context.startsWith(`${fieldId}/`);
    if (!relativeInside && (site.target === fieldId || site.target.startsWith(`${fieldId}/`))) {
      site.holder.scope = pointerToScope(newId + site.target.slice(fieldId.length), site.context);
    }
  }
  // A table's `elementLabelProp` names a key of its rows.
  const tokens = splitPointer(parentId);
  if (tokens[tokens.length - 1] === 'items') {
    const tableId = appendPointer('', ...tokens.slice(0, -1));
    for (const site of scopeSites(def.uischema)) {
      const options = site.holder.options;
      if (
        site.role === 'control' &&
        site.target === tableId &&
        isPlainObject(options) &&
        options.elementLabelProp === key
      ) {
        options.elementLabelProp = newKey;
      }
    }
  }
  for (const object of dataObjectsAt(def.sampleData, parentId)) {
    if (key in object) replaceContents(object, renameKeyInOrder(object, key, newKey));
  }
  return [];
}

function removeField(def: FormDefinition, fieldId: string): FieldError[] {
  if (!fieldSchema(def, fieldId)) return [missingField(fieldId)];
  const { parentId, key } = splitFieldId(fieldId);
  const controls = scopeSites(def.uischema).filter(
    (site) => site.role === 'control' && (site.target === fieldId || site.target.startsWith(`${fieldId}/`)),
  );
  const removed = new Set<string>();
  for (const control of controls) {
    for (const site of scopeSites(def.uischema)) {
      if (site.element === control.element || site.element.startsWith(`${control.element}/`))
        removed.add(site.element);
    }
  }
  const users = references(def, fieldId, removed);
  const owner = objectAt(def.schema, parentId);
  if (key === 'score' && owner && owner[WEIGHT_KEYWORD] !== undefined) {
    const title = typeof owner.title === 'string' ? owner.title : parentId;
    users.unshift(`die Gewichtung des Kriteriums „${title}“ (bitte das ganze Kriterium entfernen)`);
  }
  if (users.length > 0) {
    return [
      {
        path: `/schema${fieldId}`,
        message: `Das Feld wird noch verwendet: ${users.join(', ')}. Bitte zuerst dort entfernen.`,
      },
    ];
  }
  const parent = objectAt(def.schema, parentId)!;
  delete parent.properties![key];
  if (Array.isArray(parent.required)) {
    parent.required = parent.required.filter((name) => name !== key);
    if (parent.required.length === 0) delete parent.required;
  }
  // Remove the controls, the later ones first so that the earlier pointers stay valid.
  const ids = controls.map((control) => control.element).sort(comparePointersDescending);
  for (const id of ids) removeUiElement(def.uischema, id);
  for (const object of dataObjectsAt(def.sampleData, parentId)) delete object[key];
  return [];
}

/** Descending by position, so that removing in this order keeps the other pointers valid. */
function comparePointersDescending(a: string, b: string): number {
  const left = splitPointer(a);
  const right = splitPointer(b);
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    if (left[index] === right[index]) continue;
    const l = Number(left[index]);
    const r = Number(right[index]);
    return Number.isNaN(l) || Number.isNaN(r) ? 0 : r - l;
  }
  return right.length - left.length;
}

function removeUiElement(uischema: UiSchema, id: string): UiSchema | undefined {
  const tokens = splitPointer(id);
  const index = Number(tokens[tokens.length - 1]);
  const list = uiAt(uischema, appendPointer('', ...tokens.slice(0, -2)))?.elements;
  if (!Array.isArray(list) || tokens[tokens.length - 2] !== 'elements') return undefined;
  return list.splice(index, 1)[0] as UiSchema;
}

function moveElement(
  def: FormDefinition,
  elementId: string,
  containerId: string,
  index: number,
): FieldError[] {
  const model = readModel(def);
  const node = model.uiById.get(elementId);
  const container = model.uiById.get(containerId);
  if (!node || elementId === '') return [missingElement(elementId)];
  if (!container || !Array.isArray(container.element.elements)) {
    return [
      { path: `/uischema${containerId}`, message: 'Elemente lassen sich nur in einen Bereich verschieben.' },
    ];
  }
  if (containerId === elementId || containerId.startsWith(`${elementId}/`)) {
    return [
      {
        path: `/uischema${containerId}`,
        message: 'Ein Bereich lässt sich nicht in sich selbst verschieben.',
      },
    ];
  }
  if (container.context !== node.context) {
    return [
      {
        path: `/uischema${containerId}`,
        message: 'Ein Feld lässt sich nicht in eine andere Tabelle oder aus ihr heraus verschieben.',
      },
    ];
  }
  const intoCategorization = container.layout === 'tabs' || container.layout === 'steps';
  if (intoCategorization !== (node.layout === 'category')) {
    return [
      {
        path: `/uischema${containerId}`,
        message: intoCategorization
          ? 'In die Reiterleiste gehören nur Reiter oder Schritte.'
          : 'Reiter und Schritte gehören in eine Reiterleiste.',
      },
    ];
  }
  const target = uiAt(def.uischema, containerId)!.elements as UiSchema[];
  const element = removeUiElement(def.uischema, elementId)!;
  target.splice(clampIndex(index, target.length), 0, element);
  return [];
}

function addLayout(def: FormDefinition, op: Extract<Op, { op: 'addLayout' }>): FieldError[] {
  const model = readModel(def);
  const container = model.uiById.get(op.container);
  if (!container || !Array.isArray(container.element.elements)) {
    return [
      {
        path: `/uischema${op.container}`,
        message: 'Bereiche lassen sich nur in einen anderen Bereich einfügen.',
      },
    ];
  }
  const intoCategorization = container.layout === 'tabs' || container.layout === 'steps';
  const kind = intoCategorization ? 'category' : op.kind;
  if (kind === 'category' && !intoCategorization) {
    return [
      { path: `/uischema${op.container}`, message: 'Reiter und Schritte gehören in eine Reiterleiste.' },
    ];
  }
  const stepper = container.layout === 'steps';
  const count = (container.element.elements as unknown[]).length;
  let element: UiSchema;
  switch (kind) {
    case 'section':
      element = { type: 'Group', label: op.label ?? 'Neuer Abschnitt', elements: [] };
      break;
    case 'columns':
      element = { type: 'HorizontalLayout', elements: [] };
      break;
    case 'category':
      element = {
        type: 'Category',
        label: op.label ?? `${stepper ? 'Schritt' : 'Reiter'} ${count + 1}`,
        elements: [],
      };
      break;
    case 'tabs':
      element = {
        type: 'Categorization',
        elements: [{ type: 'Category', label: op.label ?? 'Reiter 1', elements: [] }],
      };
      break;
    case 'steps':
      element = {
        type: 'Categorization',
        elements: [{ type: 'Category', label: op.label ?? 'Schritt 1', elements: [] }],
        options: { variant: 'stepper' },
      };
      break;
  }
  const target = uiAt(def.uischema, op.container)!.elements as UiSchema[];
  target.splice(clampIndex(op.index, target.length), 0, element);
  return [];
}

/** The fields whose controls lie in an element (the element itself when it is a control). */
function fieldsUnder(def: FormDefinition, elementId: string): string[] {
  return scopeSites(def.uischema)
    .filter(
      (site) =>
        site.role === 'control' &&
        (site.element === elementId || site.element.startsWith(`${elementId}/elements/`)),
    )
    .filter((site) => !site.element.slice(elementId.length).includes('/options/detail'))
    .map((site) => site.target);
}

function setRule(def: FormDefinition, elementId: string, spec: RuleSpec): FieldError[] {
  const model = readModel(def);
  const node = model.uiById.get(elementId);
  if (!node || elementId === '') return [missingElement(elementId)];
  const conditionField = model.fieldsById.get(spec.when.field);
  if (!conditionField) return [missingField(spec.when.field)];
  if (fieldsUnder(def, elementId).includes(spec.when.field)) {
    return [{ path: `/uischema${elementId}`, message: 'Eine Regel kann nicht vom eigenen Feld abhängen.' }];
  }
  if (spec.when.test !== 'filled' && spec.when.value === undefined) {
    return [{ path: `/uischema${elementId}/rule`, message: 'Die Bedingung braucht einen Wert.' }];
  }
  const rule = toJsonFormsRule(spec, node.context);
  if (!rule) {
    return [
      {
        path: `/uischema${elementId}/rule`,
        message: 'Die Bedingung kann nur Felder aus demselben Datenbereich (derselben Tabellenzeile) prüfen.',
      },
    ];
  }
  if (isPlainObject(node.element.rule)) {
    const problems = clearRule(def, elementId);
    if (problems.length > 0) return problems;
  }
  const element = uiAt(def.uischema, elementId)!;
  // Required fields the rule can hide become required only while shown.
  for (const fieldId of fieldsUnder(def, elementId)) {
    const { parentId, key } = splitFieldId(fieldId);
    const parent = objectAt(def.schema, parentId);
    if (!parent || !Array.isArray(parent.required) || !parent.required.includes(key)) continue;
    const conditional = conditionalRequired(rule, node.context, fieldId);
    if (!conditional) continue;
    if ('path' in conditional) return [conditional];
    addConditionalRequired(def.schema, fieldId, conditional);
  }
  element.rule = rule;
  return [];
}

function clearRule(def: FormDefinition, elementId: string): FieldError[] {
  const model = readModel(def);
  const node = model.uiById.get(elementId);
  if (!node) return [missingElement(elementId)];
  const element = uiAt(def.uischema, elementId)!;
  if (!isPlainObject(element.rule)) return [];
  for (const fieldId of fieldsUnder(def, elementId)) {
    const conditional = conditionalRequired(element.rule as UiSchema, node.context, fieldId);
    if (conditional && 'at' in conditional) removeConditionalRequired(def.schema, fieldId, conditional);
  }
  delete element.rule;
  return [];
}

function setDerived(
  def: FormDefinition,
  fieldId: string,
  expression: string | null,
  warnings: FieldError[],
): FieldError[] {
  const schema = fieldSchema(def, fieldId);
  if (!schema) return [missingField(fieldId)];
  const path = `/schema${fieldId}/${DERIVED_KEYWORD}`;
  if (expression === null) {
    delete schema[DERIVED_KEYWORD];
    return [];
  }
  const { problems } = analyseExpression(expression);
  if (problems.length > 0) return problems.map((problem) => ({ path, message: problem.message }));
  schema[DERIVED_KEYWORD] = expression;
  const { parentId, key } = splitFieldId(fieldId);
  for (const problem of derivedOrderProblems(objectAt(def.schema, parentId)!)) {
    if (problem.key === key) warnings.push({ path, message: problem.message });
  }
  return [];
}

function setChoices(def: FormDefinition, fieldId: string, choices: Choice[]): FieldError[] {
  const schema = fieldSchema(def, fieldId);
  if (!schema) return [missingField(fieldId)];
  const path = `/schema${fieldId}`;
  const holder =
    schema.type === 'array' && isPlainObject(schema.items) ? (schema.items as JsonSchemaObject) : schema;
  if (!Array.isArray(holder.oneOf))
    return [{ path, message: 'Auswahlmöglichkeiten gibt es nur bei Auswahlfeldern.' }];
  if (choices.length === 0)
    return [{ path, message: 'Ein Auswahlfeld braucht mindestens eine Möglichkeit.' }];
  const seen = new Set<string>();
  for (const choice of choices) {
    const id = JSON.stringify(choice.value);
    if (seen.has(id)) return [{ path, message: `Der Wert „${String(choice.value)}“ kommt doppelt vor.` }];
    seen.add(id);
    if (choice.title.trim() === '')
      return [{ path, message: `Der Wert „${String(choice.value)}“ braucht eine Beschriftung.` }];
    const expected =
      holder.type === 'integer'
        ? Number.isInteger(choice.value)
        : holder.type === 'string'
          ? typeof choice.value === 'string'
          : true;
    if (!expected) return [{ path, message: `Der Wert „${String(choice.value)}“ passt nicht zum Feldtyp.` }];
  }
  holder.oneOf = choices.map((choice) => ({ const: choice.value, title: choice.title }));
  return [];
}

function expandObjectControl(def: FormDefinition, elementId: string): FieldError[] {
  const model = readModel(def);
  const node = model.uiById.get(elementId);
  if (!node) return [missingElement(elementId)];
  const field = node.fieldId ? model.fieldsById.get(node.fieldId) : undefined;
  const scope = typeof node.element.scope === 'string' ? node.element.scope : undefined;
  if (!field || field.kind !== 'object' || scope === undefined || elementId === '') {
    return [
      {
        path: `/uischema${elementId}`,
        message: 'Nur ein Abschnitt, der als Ganzes angezeigt wird, lässt sich in einzelne Felder aufteilen.',
      },
    ];
  }
  const group: UiSchema = {
    type: 'Group',
    label: typeof node.element.label === 'string' ? node.element.label : field.title,
    elements: field.children.map((child) => ({
      type: 'Control',
      scope: `${scope === '#' ? '#' : scope}/properties/${child.key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
    })),
  };
  if (isPlainObject(node.element.rule)) group.rule = structuredClone(node.element.rule);
  const tokens = splitPointer(elementId);
  const list = uiAt(def.uischema, appendPointer('', ...tokens.slice(0, -2)))?.elements;
  if (!Array.isArray(list) || tokens[tokens.length - 2] !== 'elements') {
    return [{ path: `/uischema${elementId}`, message: 'Dieses Element lässt sich nicht aufteilen.' }];
  }
  list.splice(Number(tokens[tokens.length - 1]), 1, group);
  return [];
}
