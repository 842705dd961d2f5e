/**
 * A readable diff between two versions of a form definition, in German: fields added, removed,
 * renamed („umbenannt“) and moved („verschoben“); labels, help texts, constraints, choices, rules,
 * expressions and weights changed. Labels use the „ › “ path style and the value formatting of
 * `process-logic/revision-diff.ts`.
 */
import { formatValue, type DiffSchema } from '../../process-logic/revision-diff.js';
import { DERIVED_KEYWORD, WEIGHT_KEYWORD } from '../ajv.js';
import { isPlainObject } from '../json-pointer.js';
import type { FormDefinition, JsonSchemaObject } from '../types.js';
import { choicesOf, KIND_LABELS } from './kinds.js';
import { type BuilderModel, type FieldNode, readModel, type UiNode } from './model.js';
import { readRule, type RuleSpec } from './rules.js';

export type ChangeKind =
  | 'formChanged'
  | 'fieldAdded'
  | 'fieldRemoved'
  | 'fieldRenamed'
  | 'fieldMoved'
  | 'kindChanged'
  | 'labelChanged'
  | 'descriptionChanged'
  | 'requiredChanged'
  | 'constraintChanged'
  | 'choicesChanged'
  | 'expressionChanged'
  | 'weightChanged'
  | 'elementMoved'
  | 'ruleChanged'
  | 'layoutAdded'
  | 'layoutRemoved';

/** One change between two versions. */
export interface Change {
  kind: ChangeKind;
  /** Schema pointer of the field (in the newer version; in the older one for a removed field), or a UI path. */
  path: string;
  /** The field's labels from the outermost to the field, joined with „ › “. */
  label: string;
  /** A German sentence describing the change. */
  text: string;
}

type Definition = Pick<FormDefinition, 'schema' | 'uischema'> &
  Partial<Pick<FormDefinition, 'title' | 'description'>>;

const SEPARATOR = ' › ';
const quote = (text: string) => `„${text}“`;
const depth = (field: FieldNode) => field.labels.length;

/** Lists the changes from version `a` (older) to version `b` (newer). */
export function diffVersions(a: Definition, b: Definition): Change[] {
  const changes: Change[] = [];
  if (a.title !== undefined && b.title !== undefined && a.title !== b.title) {
    changes.push({
      kind: 'formChanged',
      path: '',
      label: 'Formular',
      text: `Titel geändert: ${quote(a.title)} → ${quote(b.title)}`,
    });
  }
  if (
    (a.description ?? '') !== (b.description ?? '') &&
    (a.description !== undefined || b.description !== undefined)
  ) {
    changes.push({
      kind: 'formChanged',
      path: '',
      label: 'Formular',
      text: 'Beschreibung des Formulars geändert',
    });
  }
  const left = readModel(a);
  const right = readModel(b);
  const pairs = matchFields(left, right, changes);
  for (const [leftId, rightId] of pairs) {
    compareField(left.fieldsById.get(leftId)!, right.fieldsById.get(rightId)!, changes);
  }
  compareUi(left, right, pairs, changes);
  return changes;
}

/** Pairs fields of both versions (by pointer, then rename within a parent, then move by key). */
function matchFields(left: BuilderModel, right: BuilderModel, changes: Change[]): Map<string, string> {
  const pairs = new Map<string, string>();
  const matchedRight = new Set<string>();
  const removed: FieldNode[] = [];
  const added: FieldNode[] = [];
  const mapObject = (objectId: string): string | undefined => {
    if (objectId === '') return '';
    if (objectId.endsWith('/items')) {
      const field = pairs.get(objectId.slice(0, -'/items'.length));
      return field === undefined ? undefined : `${field}/items`;
    }
    return pairs.get(objectId);
  };
  const maxDepth = Math.max(0, ...[...left.fieldsById.values(), ...right.fieldsById.values()].map(depth));
  for (let level = 1; level <= maxDepth; level += 1) {
    const leftLevel = [...left.fieldsById.values()].filter((field) => depth(field) === level);
    const rightLevel = [...right.fieldsById.values()].filter((field) => depth(field) === level);
    const unmatchedLeft: FieldNode[] = [];
    for (const field of leftLevel) {
      const parent = mapObject(field.parentId);
      if (parent === undefined) continue; // inside a removed object: reported with it
      const candidate = `${parent}/properties/${field.key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (right.fieldsById.has(candidate) && !matchedRight.has(candidate)) {
        pairs.set(field.id, candidate);
        matchedRight.add(candidate);
      } else {
        unmatchedLeft.push(field);
      }
    }
    const rightParents = new Set([...pairs.values(), ''].flatMap((id) => [id, `${id}/items`]));
    const unmatchedRight = rightLevel.filter(
      (field) => !matchedRight.has(field.id) && rightParents.has(field.parentId),
    );
    // Renamed: same parent, same kind, same title or the same schema apart from the title.
    for (const field of [...unmatchedLeft]) {
      const parent = mapObject(field.parentId);
      const partner = unmatchedRight.find(
        (other) =>
          !matchedRight.has(other.id) &&
          other.parentId === parent &&
          other.kind === field.kind &&
          (other.title === field.title || sameWithoutTitle(other.schema, field.schema)),
      );
      if (!partner) continue;
      pairs.set(field.id, partner.id);
      matchedRight.add(partner.id);
      unmatchedLeft.splice(unmatchedLeft.indexOf(field), 1);
      changes.push({
        kind: 'fieldRenamed',
        path: partner.id,
        label: partner.labels.join(SEPARATOR),
        text: `Schlüssel umbenannt: ${quote(field.key)} → ${quote(partner.key)}`,
      });
    }
    removed.push(...unmatchedLeft);
    for (const field of unmatchedRight) {
      if (matchedRight.has(field.id)) continue;
      added.push(field);
      matchedRight.add(field.id); // its children are part of the addition
    }
  }
  // Moved: the same key and kind under another parent (at any depth).
  for (const field of [...removed]) {
    const partner = added.find((other) => other.key === field.key && other.kind === field.kind);
    if (!partner) continue;
    pairs.set(field.id, partner.id);
    removed.splice(removed.indexOf(field), 1);
    added.splice(added.indexOf(partner), 1);
    const from = field.labels.slice(0, -1).join(SEPARATOR) || 'oberste Ebene';
    const to = partner.labels.slice(0, -1).join(SEPARATOR) || 'oberste Ebene';
    changes.push({
      kind: 'fieldMoved',
      path: partner.id,
      label: partner.labels.join(SEPARATOR),
      text: `In andere Daten verschoben: von ${quote(from)} nach ${quote(to)}`,
    });
  }
  for (const field of removed) {
    changes.push({
      kind: 'fieldRemoved',
      path: field.id,
      label: field.labels.join(SEPARATOR),
      text: `Feld entfernt (${KIND_LABELS[field.kind]})`,
    });
  }
  for (const field of added) {
    changes.push({
      kind: 'fieldAdded',
      path: field.id,
      label: field.labels.join(SEPARATOR),
      text: `Feld hinzugefügt (${KIND_LABELS[field.kind]})`,
    });
  }
  return pairs;
}

function sameWithoutTitle(x: JsonSchemaObject, y: JsonSchemaObject): boolean {
  const { title: _x, ...restX } = x;
  const { title: _y, ...restY } = y;
  return JSON.stringify(restX) === JSON.stringify(restY);
}

const CONSTRAINTS: [keyword: string, name: string][] = [
  ['minimum', 'Kleinster Wert'],
  ['maximum', 'Größter Wert'],
  ['minLength', 'Mindestlänge'],
  ['maxLength', 'Höchstlänge'],
  ['pattern', 'Muster'],
  ['default', 'Vorgabewert'],
  ['maxItems', 'Höchstzahl der Zeilen'],
  ['minItems', 'Mindestzahl der Zeilen'],
];

function compareField(before: FieldNode, after: FieldNode, changes: Change[]): void {
  const label = after.labels.join(SEPARATOR);
  const push = (kind: ChangeKind, text: string) => changes.push({ kind, path: after.id, label, text });
  if (before.kind !== after.kind)
    push('kindChanged', `Feldtyp geändert: ${KIND_LABELS[before.kind]} → ${KIND_LABELS[after.kind]}`);
  if (before.title !== after.title)
    push('labelChanged', `Beschriftung geändert: ${quote(before.title)} → ${quote(after.title)}`);
  if ((before.description ?? '') !== (after.description ?? '')) {
    push(
      'descriptionChanged',
      after.description === undefined
        ? 'Hilfetext entfernt'
        : before.description === undefined
          ? `Hilfetext hinzugefügt: ${quote(after.description)}`
          : `Hilfetext geändert: ${quote(before.description)} → ${quote(after.description)}`,
    );
  }
  const requirement = (field: FieldNode) =>
    field.required ? 'always' : field.conditionallyRequired ? 'conditionally' : 'never';
  if (requirement(before) !== requirement(after)) {
    const texts = {
      always: 'Jetzt Pflichtfeld',
      conditionally: 'Jetzt Pflichtfeld, solange es angezeigt wird (unter einer Bedingung)',
      never: 'Kein Pflichtfeld mehr',
    };
    push('requiredChanged', texts[requirement(after)]);
  }
  const show = (value: unknown, schema: JsonSchemaObject) =>
    value === undefined ? 'keine Angabe' : (formatValue(value, schema as DiffSchema) ?? 'leer');
  for (const [keyword, name] of CONSTRAINTS) {
    const old = before.schema[keyword];
    const next = after.schema[keyword];
    if (JSON.stringify(old) === JSON.stringify(next)) continue;
    const valueSchema = keyword === 'default' ? after.schema : ({} as JsonSchemaObject);
    const format = (value: unknown) =>
      keyword === 'pattern' && typeof value === 'string' ? quote(value) : show(value, valueSchema);
    push('constraintChanged', `${name} geändert: ${format(old)} → ${format(next)}`);
  }
  if (before.schema.readOnly !== after.schema.readOnly) {
    push(
      'constraintChanged',
      after.schema.readOnly === true ? 'Jetzt schreibgeschützt' : 'Nicht mehr schreibgeschützt',
    );
  }
  compareChoices(before.schema, after.schema, push);
  const oldExpression = before.schema[DERIVED_KEYWORD];
  const newExpression = after.schema[DERIVED_KEYWORD];
  if (oldExpression !== newExpression) {
    push(
      'expressionChanged',
      typeof newExpression !== 'string'
        ? `Wird nicht mehr berechnet (bisher: ${String(oldExpression)})`
        : typeof oldExpression !== 'string'
          ? `Wird jetzt berechnet: ${newExpression}`
          : `Berechnung geändert: ${oldExpression} → ${newExpression}`,
    );
  }
  const oldWeight = before.schema[WEIGHT_KEYWORD];
  const newWeight = after.schema[WEIGHT_KEYWORD];
  if (oldWeight !== newWeight) {
    const text = (value: unknown) => (typeof value === 'number' ? formatValue(value, {}) : 'keine');
    push('weightChanged', `Gewichtung geändert: ${text(oldWeight)} → ${text(newWeight)}`);
  }
}

function compareChoices(
  before: JsonSchemaObject,
  after: JsonSchemaObject,
  push: (kind: ChangeKind, text: string) => void,
) {
  const old = choicesOf(before);
  const next = choicesOf(after);
  if (JSON.stringify(old) === JSON.stringify(next)) return;
  const key = (value: unknown) => JSON.stringify(value);
  for (const choice of next) {
    const previous = old.find((candidate) => key(candidate.value) === key(choice.value));
    if (!previous) push('choicesChanged', `Auswahlmöglichkeit hinzugefügt: ${quote(choice.title)}`);
    else if (previous.title !== choice.title) {
      push(
        'choicesChanged',
        `Auswahlmöglichkeit umbenannt: ${quote(previous.title)} → ${quote(choice.title)}`,
      );
    }
  }
  for (const choice of old) {
    if (!next.some((candidate) => key(candidate.value) === key(choice.value))) {
      push('choicesChanged', `Auswahlmöglichkeit entfernt: ${quote(choice.title)}`);
    }
  }
  const common = next.filter((choice) => old.some((candidate) => key(candidate.value) === key(choice.value)));
  const oldOrder = old.filter((choice) =>
    common.some((candidate) => key(candidate.value) === key(choice.value)),
  );
  if (
    common.map((choice) => key(choice.value)).join() !== oldOrder.map((choice) => key(choice.value)).join()
  ) {
    push('choicesChanged', 'Reihenfolge der Auswahlmöglichkeiten geändert');
  }
}

interface Placed {
  node: UiNode;
  /** Labels of the layouts around the element, e.g. „Schritt 2 › Kosten“. */
  where: string;
  /** Identity of the container: its label chain and type chain. */
  container: string;
  position: number;
  /** Index of the control in document order. */
  order: number;
}

function placeControls(model: BuilderModel): Map<string, Placed> {
  const placed = new Map<string, Placed>();
  const walk = (node: UiNode, labels: string[], chain: string, position: number) => {
    if (node.fieldId && !placed.has(node.fieldId)) {
      placed.set(node.fieldId, {
        node,
        where: labels.join(SEPARATOR),
        container: chain,
        position,
        order: placed.size,
      });
    }
    const ownLabels = node.label && node.type !== 'Control' ? [...labels, node.label] : labels;
    const ownChain = `${chain}/${node.type}:${node.label ?? ''}`;
    node.children.forEach((child, index) => walk(child, ownLabels, ownChain, index));
    if (node.detail) walk(node.detail, ownLabels, `${ownChain}/detail`, 0);
  };
  walk(model.ui, [], '', 0);
  return placed;
}

function compareUi(
  left: BuilderModel,
  right: BuilderModel,
  pairs: Map<string, string>,
  changes: Change[],
): void {
  const leftPlaced = placeControls(left);
  const rightPlaced = placeControls(right);
  const stable: { leftId: string; rightId: string }[] = [];
  for (const [leftId, rightId] of pairs) {
    const before = leftPlaced.get(leftId);
    const after = rightPlaced.get(rightId);
    if (!before || !after) continue;
    const field = right.fieldsById.get(rightId)!;
    const label = field.labels.join(SEPARATOR);
    if (before.container !== after.container) {
      changes.push({
        kind: 'elementMoved',
        path: rightId,
        label,
        text: `Verschoben: von ${quote(before.where || 'oberste Ebene')} nach ${quote(after.where || 'oberste Ebene')}`,
      });
    } else {
      stable.push({ leftId, rightId });
    }
    const oldRule = describeRule(before.node, left);
    const newRule = describeRule(after.node, right);
    if (oldRule !== newRule) {
      changes.push({
        kind: 'ruleChanged',
        path: rightId,
        label,
        text:
          newRule === undefined
            ? `Regel entfernt (bisher: ${oldRule})`
            : oldRule === undefined
              ? `Neue Regel: ${newRule}`
              : `Regel geändert: ${newRule} (bisher: ${oldRule})`,
      });
    }
  }
  // Moves inside a container: the fields outside the longest common order of the form.
  const leftOrder = [...stable]
    .sort((x, y) => leftPlaced.get(x.leftId)!.order - leftPlaced.get(y.leftId)!.order)
    .map((entry) => entry.rightId);
  const rightOrder = [...stable]
    .sort((x, y) => rightPlaced.get(x.rightId)!.order - rightPlaced.get(y.rightId)!.order)
    .map((entry) => entry.rightId);
  const stay = longestCommonSubsequence(leftOrder, rightOrder);
  for (const id of rightOrder) {
    if (stay.has(id)) continue;
    const field = right.fieldsById.get(id)!;
    const placedAt = rightPlaced.get(id)!;
    changes.push({
      kind: 'elementMoved',
      path: id,
      label: field.labels.join(SEPARATOR),
      text: `Position geändert (jetzt Nr. ${placedAt.position + 1}${placedAt.where ? ` in ${quote(placedAt.where)}` : ''})`,
    });
  }
  compareLayouts(left, right, changes);
}

function longestCommonSubsequence(x: string[], y: string[]): Set<string> {
  const table = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
  for (let i = x.length - 1; i >= 0; i -= 1) {
    for (let j = y.length - 1; j >= 0; j -= 1) {
      table[i]![j] =
        x[i] === y[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const kept = new Set<string>();
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      kept.add(x[i]!);
      i += 1;
      j += 1;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i += 1;
    else j += 1;
  }
  return kept;
}

const EFFECT_TEXT: Record<RuleSpec['effect'], string> = {
  SHOW: 'wird nur angezeigt, wenn',
  HIDE: 'wird ausgeblendet, wenn',
  ENABLE: 'ist nur bearbeitbar, wenn',
  DISABLE: 'ist gesperrt, wenn',
};

/** A rule in German („wird nur angezeigt, wenn „Kooperation?“ = Ja“), or undefined without a rule. */
export function describeRule(node: UiNode, model: BuilderModel): string | undefined {
  const rule = node.element.rule;
  if (!isPlainObject(rule)) return undefined;
  const spec = readRule(rule, node.context);
  if (!spec) return `eigene Regel ${JSON.stringify(rule)}`;
  const field = model.fieldsById.get(spec.when.field);
  const name = quote(field ? field.labels.join(SEPARATOR) : spec.when.field);
  const schema = (field?.schema ?? {}) as DiffSchema;
  const value = (raw: unknown) => formatValue(raw, schema) ?? 'leer';
  const condition =
    spec.when.test === 'equals'
      ? `${name} = ${value(spec.when.value)}`
      : spec.when.test === 'notEquals'
        ? `${name} ≠ ${value(spec.when.value)}`
        : spec.when.test === 'filled'
          ? `${name} ausgefüllt ist`
          : `${name} eines von ${(Array.isArray(spec.when.value) ? spec.when.value : [spec.when.value]).map(value).join(', ')} ist`;
  return `${EFFECT_TEXT[spec.effect]} ${condition}`;
}

/** Labelled layouts (sections, tabs, steps) added, removed, or with a changed rule, by their labels. */
function compareLayouts(left: BuilderModel, right: BuilderModel, changes: Change[]): void {
  const collect = (model: BuilderModel) => {
    const found = new Map<string, UiNode>();
    for (const node of model.uiById.values()) {
      if (node.type === 'Control' || !node.label) continue;
      const key = `${node.type}:${labelChain(model, node.id).join(SEPARATOR)}`;
      if (!found.has(key)) found.set(key, node);
    }
    return found;
  };
  const before = collect(left);
  const after = collect(right);
  const layoutName = (node: UiNode) => KIND_LABELS[node.layout ?? 'section'];
  for (const [key, node] of after) {
    const label = labelChain(right, node.id).join(SEPARATOR);
    const old = before.get(key);
    if (!old) {
      changes.push({
        kind: 'layoutAdded',
        path: `/uischema${node.id}`,
        label,
        text: `${layoutName(node)} hinzugefügt`,
      });
      continue;
    }
    const oldRule = describeRule(old, left);
    const newRule = describeRule(node, right);
    if (oldRule !== newRule) {
      changes.push({
        kind: 'ruleChanged',
        path: `/uischema${node.id}`,
        label,
        text:
          newRule === undefined
            ? `Regel entfernt (bisher: ${oldRule})`
            : oldRule === undefined
              ? `Neue Regel: ${newRule}`
              : `Regel geändert: ${newRule} (bisher: ${oldRule})`,
      });
    }
  }
  for (const [key, node] of before) {
    if (!after.has(key)) {
      changes.push({
        kind: 'layoutRemoved',
        path: `/uischema${node.id}`,
        label: labelChain(left, node.id).join(SEPARATOR),
        text: `${layoutName(node)} entfernt`,
      });
    }
  }
}

function labelChain(model: BuilderModel, id: string): string[] {
  const labels: string[] = [];
  for (let end = 0; end <= id.length; end += 1) {
    if (end !== id.length && id[end] !== '/') continue;
    const node = model.uiById.get(id.slice(0, end));
    if (node && node.label && node.type !== 'Control') labels.push(node.label);
  }
  return labels;
}
