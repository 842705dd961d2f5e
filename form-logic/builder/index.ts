/** The form builder's model and operations (pure; shared by web, server and tests). */
export { type CriterionOp, type ScaleAnchor, scaleOf, SCORES_POINTER } from './criteria.js';
export { type Change, type ChangeKind, describeRule, diffVersions } from './diff.js';
export {
  analyseExpression,
  type AvailableField,
  availableFields,
  derivedOrderProblems,
  type ExpressionProblem,
  type NameReference,
  renameInExpression,
} from './expressions.js';
export {
  ADDABLE_FIELD_KINDS,
  type AddableFieldKind,
  type Choice,
  choicesOf,
  DEFAULT_TABLE_MAX_ROWS,
  type FieldKind,
  KIND_LABELS,
  KIND_SHAPES,
  type KindShape,
  kindOfField,
  kindOfLayout,
  type LayoutKind,
} from './kinds.js';
export {
  type BuilderModel,
  type FieldNode,
  pointerToScope,
  readModel,
  scopeToPointer,
  splitFieldId,
  toDefinition,
  type UiNode,
} from './model.js';
export {
  apply,
  applyAll,
  type ApplyResult,
  emptyDefinition,
  type FieldChanges,
  type Op,
} from './operations.js';
export { conditionSchema, readRule, type RuleEffect, type RuleSpec, type RuleTest } from './rules.js';
