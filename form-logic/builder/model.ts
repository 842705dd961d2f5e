/**
 * The builder's view of a form definition: the tree of UI elements (id = JSON Pointer into the UI
 * schema) joined to the tree of fields (id = JSON Pointer into the schema, e.g.
 * `/properties/costs/items/properties/amount`). Read-only; changes go through `apply` (operations.ts).
 */
import { appendPointer, getAtPointer, isPlainObject, splitPointer } from '../json-pointer.js';
import { visitSchemas } from '../schema-walk.js';
import type { FormDefinition, JsonSchemaObject, UiSchema } from '../types.js';
import { type FieldKind, kindOfField, kindOfLayout, type LayoutKind } from './kinds.js';
import { dataLocation } from './walk.js';

/** A data property of the form. */
export interface FieldNode {
  /** JSON Pointer into the schema, e.g. `/properties/goals/items/properties/goal`. */
  id: string;
  /** The property name (the data key). */
  key: string;
  /** Pointer of the object schema the property belongs to (`''` = the root, `/properties/t/items` = table rows). */
  parentId: string;
  kind: FieldKind;
  /** German label (the schema `title`, else the key). */
  title: string;
  description?: string;
  /** Listed in the parent object's `required`. */
  required: boolean;
  /** Required only under a condition (listed in a `required` inside `if`/`then`/`else`/`allOf` for its object). */
  conditionallyRequired: boolean;
  /** The JSONata expression of a derived field. */
  expression?: string;
  /** Labels from the outermost object to this field. */
  labels: string[];
  /** The field's schema (shared with the definition: do not change). */
  schema: JsonSchemaObject;
  /** Fields of a nested object or of a table's rows. */
  children: FieldNode[];
}

/** An element of the UI schema. */
export interface UiNode {
  /** JSON Pointer into the UI schema (`''` = the root element, `/elements/0/options/detail/elements/1`). */
  id: string;
  /** The element's `type` (Control, Group, HorizontalLayout, Categorization, ...). */
  type: string;
  layout?: LayoutKind;
  /** The element's own `label`, if a string. */
  label?: string;
  /** For a control: the id of the field its scope points at (undefined when it points elsewhere). */
  fieldId?: string;
  /** Pointer of the object schema this element's scopes are relative to. */
  context: string;
  /** The element verbatim (shared with the definition: do not change). */
  element: UiSchema;
  children: UiNode[];
  /** The layout of a table's rows (`options.detail`). */
  detail?: UiNode;
}

export interface BuilderModel {
  fields: FieldNode[];
  ui: UiNode;
  /** Every field by id. */
  fieldsById: Map<string, FieldNode>;
  /** Every UI element by id. */
  uiById: Map<string, UiNode>;
}

/** The pointer of the object schema holding the rows of a table field `id` (`…/items`). */
export const rowsPointer = (fieldId: string): string => appendPointer(fieldId, 'items');

/** Key and parent object pointer of a field pointer (`/properties/a/properties/b` → `b`, `/properties/a`). */
export function splitFieldId(fieldId: string): { parentId: string; key: string } {
  const tokens = splitPointer(fieldId);
  if (tokens.length < 2 || tokens[tokens.length - 2] !== 'properties') {
    throw new Error(`not a field pointer: ${fieldId}`);
  }
  const key = tokens[tokens.length - 1]!;
  const parentId = appendPointer('', ...tokens.slice(0, -2));
  return { parentId, key };
}

/** `object pointer + NUL + key` of every property listed in a conditional `required`. */
function conditionalRequiredKeys(schema: JsonSchemaObject): Set<string> {
  const keys = new Set<string>();
  visitSchemas(schema, '', (node, path) => {
    if (!Array.isArray(node.required)) return;
    const location = dataLocation(path);
    if (location === path) return; // the object's own `required`
    // `if` schemas are conditions, not requirements.
    if (/\/if(\/|$)/.test(path)) return;
    for (const key of node.required) keys.add(`${location}\u0000${String(key)}`);
  });
  return keys;
}

/**
 * Resolves a JSON Forms scope relative to a context object pointer into a schema pointer, or
 * `undefined` for scopes the builder does not follow (`$ref`, combinators).
 */
export function scopeToPointer(scope: unknown, context: string): string | undefined {
  if (typeof scope !== 'string') return undefined;
  if (scope === '#') return context;
  if (!scope.startsWith('#/')) return undefined;
  try {
    return context + decodeURIComponent(scope.slice(1));
  } catch {
    return undefined;
  }
}

/** The scope of a schema pointer seen from a context object (`#/properties/...`), or undefined if outside. */
export function pointerToScope(pointer: string, context: string): string | undefined {
  if (pointer === context) return '#';
  if (!pointer.startsWith(`${context}/`)) return undefined;
  return `#${pointer.slice(context.length)}`;
}

/** Reads a definition into the builder's model. */
export function readModel(definition: Pick<FormDefinition, 'schema' | 'uischema'>): BuilderModel {
  const fieldsById = new Map<string, FieldNode>();
  const uiById = new Map<string, UiNode>();
  const controls = new Map<string, UiSchema>();
  collectControls(definition.uischema, '', controls);
  const conditional = conditionalRequiredKeys(definition.schema);
  const fields = readFields(definition.schema, '', [], controls, fieldsById);
  for (const field of fieldsById.values()) {
    field.conditionallyRequired = conditional.has(`${field.parentId}\u0000${field.key}`);
  }
  const ui = readUi(definition.uischema, '', '', fieldsById, uiById);
  return { fields, ui, fieldsById, uiById };
}

function collectControls(element: unknown, context: string, controls: Map<string, UiSchema>): void {
  if (!isPlainObject(element)) return;
  let target: string | undefined;
  if (element.type === 'Control') {
    target = scopeToPointer(element.scope, context);
    if (target !== undefined && !controls.has(target)) controls.set(target, element);
  }
  if (Array.isArray(element.elements)) {
    for (const child of element.elements) collectControls(child, context, controls);
  }
  const options = element.options;
  if (target !== undefined && isPlainObject(options) && isPlainObject(options.detail)) {
    collectControls(options.detail, rowsPointer(target), controls);
  }
}

function readFields(
  objectSchema: unknown,
  parentId: string,
  parentLabels: string[],
  controls: Map<string, UiSchema>,
  index: Map<string, FieldNode>,
): FieldNode[] {
  if (!isPlainObject(objectSchema) || !isPlainObject(objectSchema.properties)) return [];
  const required = Array.isArray(objectSchema.required) ? objectSchema.required : [];
  const fields: FieldNode[] = [];
  for (const [key, raw] of Object.entries(objectSchema.properties)) {
    if (!isPlainObject(raw)) continue;
    const schema = raw as JsonSchemaObject;
    const id = appendPointer(parentId, 'properties', key);
    const title = typeof schema.title === 'string' ? schema.title : key;
    const labels = [...parentLabels, title];
    const kind = kindOfField(schema, controls.get(id));
    const field: FieldNode = {
      id,
      key,
      parentId,
      kind,
      title,
      required: required.includes(key),
      conditionallyRequired: false,
      labels,
      schema,
      children: [],
    };
    if (typeof schema.description === 'string') field.description = schema.description;
    if (typeof schema['x-derived'] === 'string') field.expression = schema['x-derived'];
    index.set(id, field);
    if (kind === 'object') field.children = readFields(schema, id, labels, controls, index);
    if (kind === 'table') field.children = readFields(schema.items, rowsPointer(id), labels, controls, index);
    fields.push(field);
  }
  return fields;
}

function readUi(
  element: unknown,
  id: string,
  context: string,
  fields: Map<string, FieldNode>,
  index: Map<string, UiNode>,
): UiNode {
  const raw = isPlainObject(element) ? (element as UiSchema) : {};
  const node: UiNode = {
    id,
    type: typeof raw.type === 'string' ? raw.type : '',
    context,
    element: raw,
    children: [],
  };
  const layout = kindOfLayout(raw);
  if (layout) node.layout = layout;
  if (typeof raw.label === 'string') node.label = raw.label;
  let target: string | undefined;
  if (raw.type === 'Control') {
    target = scopeToPointer(raw.scope, context);
    if (target !== undefined && fields.has(target)) node.fieldId = target;
  }
  index.set(id, node);
  if (Array.isArray(raw.elements)) {
    node.children = raw.elements.map((child, position) =>
      readUi(child, appendPointer(id, 'elements', position), context, fields, index),
    );
  }
  if (target !== undefined && isPlainObject(raw.options) && isPlainObject(raw.options.detail)) {
    node.detail = readUi(
      raw.options.detail,
      appendPointer(id, 'options', 'detail'),
      rowsPointer(target),
      fields,
      index,
    );
  }
  return node;
}

/**
 * Writes a model back into a schema and UI schema: every object's `properties` from its fields in
 * order, every layout's `elements` from its children, every other keyword verbatim in its place. For
 * a model from `readModel(d)`, the result deep-equals `d` (key order included).
 */
export function toDefinition(
  model: BuilderModel,
  rootSchema: JsonSchemaObject,
): { schema: JsonSchemaObject; uischema: UiSchema } {
  return { schema: writeObject(rootSchema, model.fields), uischema: writeUi(model.ui) };
}

function writeObject(objectSchema: JsonSchemaObject, fields: FieldNode[]): JsonSchemaObject {
  if (!isPlainObject(objectSchema.properties)) return structuredClone(objectSchema);
  const out: JsonSchemaObject = {};
  for (const [keyword, value] of Object.entries(objectSchema)) {
    if (keyword !== 'properties') {
      out[keyword] = structuredClone(value);
      continue;
    }
    const properties: Record<string, JsonSchemaObject> = {};
    for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
      const field = fields.find((candidate) => candidate.key === key);
      properties[key] = field ? writeField(field) : (structuredClone(raw) as JsonSchemaObject);
    }
    out.properties = properties;
  }
  return out;
}

function writeField(field: FieldNode): JsonSchemaObject {
  if (field.kind === 'object') return writeObject(field.schema, field.children);
  if (field.kind === 'table' && isPlainObject(field.schema.items)) {
    const out: JsonSchemaObject = {};
    for (const [keyword, value] of Object.entries(field.schema)) {
      out[keyword] =
        keyword === 'items' ? writeObject(value as JsonSchemaObject, field.children) : structuredClone(value);
    }
    return out;
  }
  return structuredClone(field.schema);
}

function writeUi(node: UiNode): UiSchema {
  const out: UiSchema = {};
  for (const [key, value] of Object.entries(node.element)) {
    if (key === 'elements' && Array.isArray(value)) {
      out.elements = node.children.map(writeUi);
    } else if (key === 'options' && node.detail && isPlainObject(value)) {
      const options: Record<string, unknown> = {};
      for (const [option, optionValue] of Object.entries(value)) {
        options[option] = option === 'detail' ? writeUi(node.detail) : structuredClone(optionValue);
      }
      out.options = options;
    } else {
      out[key] = structuredClone(value);
    }
  }
  return out;
}

/** The object schema at a pointer (`''` = root) of a schema. */
export function objectAt(schema: JsonSchemaObject, pointer: string): JsonSchemaObject | undefined {
  return pointer === '' ? schema : getAtPointer(schema, pointer);
}
