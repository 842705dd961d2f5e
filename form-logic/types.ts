/** A validation or calculation problem, shown by the form at the field it concerns. */
export interface FieldError {
  /** JSON Pointer to the field, e.g. `/materialCosts/0/quantity`; `""` means the whole document. */
  path: string;
  /** German message for the user. */
  message: string;
}

/** The JSON types a schema's `type` keyword may name. */
export type JsonSchemaType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/**
 * A JSON Schema (draft-07) object as written in a form definition. Only the keywords the form logic
 * reads are typed; every other keyword is allowed and checked by Ajv.
 */
export interface JsonSchemaObject {
  [keyword: string]: unknown;
  $ref?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  title?: string;
  description?: string;
  format?: string;
  properties?: Record<string, JsonSchemaObject>;
  required?: string[];
  items?: JsonSchemaObject | JsonSchemaObject[];
  minimum?: number;
  maximum?: number;
  oneOf?: JsonSchemaObject[];
  const?: unknown;
  readOnly?: boolean;
  /** JSONata expression that computes this property from its object (see `deriveValues`). */
  'x-derived'?: string;
  /** Weight (> 0) of a criterion inside a scoring sheet (see `weightedScore`). */
  'x-weight'?: number;
}

/** A JSON Forms UI schema element (layout, control, ...). */
export type UiSchema = Record<string, unknown>;

/** The data of one filled-in form: a JSON object. */
export type FormValues = Record<string, unknown>;

/** One form (an "Anlage") as data: the file format of `form-definitions/*.json`. */
export interface FormDefinition {
  /** Stable identifier, equal to the file name without `.json` (e.g. `cost-calculation`). */
  key: string;
  /** German title shown to users. */
  title: string;
  description?: string;
  schema: JsonSchemaObject;
  uischema: UiSchema;
  /** Complete demo content that is valid against `schema` after `deriveValues`. */
  sampleData: FormValues;
}
