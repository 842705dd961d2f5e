export { createFormAjv, DERIVED_KEYWORD, WEIGHT_KEYWORD } from './ajv.js';
export {
  checkFormDefinition,
  describesObject,
  MAX_DEFINITION_BYTES,
  MAX_DEFINITION_DEPTH,
  ROOT_NOT_OBJECT_MESSAGE,
} from './check-definition.js';
export {
  DeriveBudgetExceeded,
  type DeriveOptions,
  type DeriveResult,
  deriveValues,
  EXPRESSION_TIMEOUT_MS,
} from './derive.js';
export {
  capFieldErrors,
  type DataLimitViolation,
  findDataLimitViolation,
  MAX_ARRAY_ITEMS_CEILING,
  MAX_ARRAY_ITEMS_KEYWORD,
  MAX_DATA_DEPTH,
  MAX_FIELD_ERRORS,
  maxArrayItemsOf,
} from './limits.js';
export { formatCents, parseEuroToCents } from './money.js';
export { roundHalfAwayFromZero } from './rounding.js';
export type {
  FieldError,
  FormDefinition,
  FormValues,
  JsonSchemaObject,
  JsonSchemaType,
  UiSchema,
} from './types.js';
export { compileFormValidator, type FormValidator, toFieldErrors } from './validate.js';
export { type Criterion, listCriteria, weightedScore } from './weighted-score.js';
export { resolveScope } from './check-uischema.js';
export { analysePattern, PATTERN_ANALYSIS_TIMEOUT_MS, type PatternVerdict } from './regex-safety.js';
export { type ImportedDefinition, importDefinition } from './import.js';
export * as builder from './builder/index.js';
export { ACHIEVEMENT_GRADES, checkProcessContract, hasProcessContract } from './contracts.js';
