/** What the rule picker offers: conditions by field kind and the fields a rule can depend on. */
import type { builder } from '../../../form-logic/index.js';

/** A condition as the picker offers it; `isTrue`/`isFalse` are `equals true/false` of a yes/no field. */
export type Condition = 'isTrue' | 'isFalse' | builder.RuleTest;

export const CONDITION_LABELS: Record<Condition, string> = {
  isTrue: 'ist Ja',
  isFalse: 'ist Nein',
  equals: 'ist gleich',
  notEquals: 'ist nicht gleich',
  filled: 'ist ausgefüllt',
  isOneOf: 'ist eines von',
};

/** The conditions that fit a field of this kind. */
export function conditionsFor(kind: builder.FieldKind): Condition[] {
  switch (kind) {
    case 'yesNo':
      return ['isTrue', 'isFalse', 'filled'];
    case 'singleChoice':
      return ['equals', 'notEquals', 'isOneOf', 'filled'];
    case 'number':
    case 'integer':
    case 'money':
      return ['equals', 'notEquals', 'filled'];
    default:
      return ['equals', 'notEquals', 'filled'];
  }
}

/** Fields a rule of an element can depend on: plain fields of the same data object, except its own. */
export function ruleFieldsFor(node: builder.UiNode, model: builder.BuilderModel): builder.FieldNode[] {
  return [...model.fieldsById.values()].filter(
    (field) =>
      field.parentId === node.context &&
      field.id !== node.fieldId &&
      field.kind !== 'table' &&
      field.kind !== 'object' &&
      field.kind !== 'multipleChoice',
  );
}

/** The picker's condition of a stored rule (a new rule starts with „ist Ja“). */
export const conditionOf = (spec: builder.RuleSpec | undefined): Condition => {
  if (!spec) return 'isTrue';
  if (spec.when.test === 'equals' && spec.when.value === true) return 'isTrue';
  if (spec.when.test === 'equals' && spec.when.value === false) return 'isFalse';
  return spec.when.test;
};
