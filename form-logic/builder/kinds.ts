/**
 * The kinds of fields and layouts the form builder offers, and the JSON Schema / JSON Forms shape of
 * each. Pure data and pure functions; shared by the web builder, the server and the tests.
 */
import { isPlainObject } from '../json-pointer.js';
import type { JsonSchemaObject, UiSchema } from '../types.js';

/** A field type of the builder (a data property with a control). */
export type FieldKind =
  | 'shortText'
  | 'longText'
  | 'number'
  | 'integer'
  | 'money'
  | 'date'
  | 'yesNo'
  | 'singleChoice'
  | 'multipleChoice'
  | 'email'
  | 'table'
  /** A nested object shown through its own fields (or as one control, „Abschnitt (automatisch)“). */
  | 'object'
  /** A field computed by a JSONata expression (`x-derived`). */
  | 'derived'
  /** Anything the builder does not model: kept verbatim, editable only as JSON („Erweitert“). */
  | 'advanced';

/** A layout the builder offers. `section` = Group, `columns` = HorizontalLayout, `tabs`/`steps` = Categorization. */
export type LayoutKind = 'section' | 'columns' | 'tabs' | 'steps' | 'category' | 'vertical';

/** Field kinds a user can add (the others are read from existing definitions). */
export const ADDABLE_FIELD_KINDS = [
  'shortText',
  'longText',
  'number',
  'integer',
  'money',
  'date',
  'yesNo',
  'singleChoice',
  'multipleChoice',
  'email',
  'table',
] as const satisfies readonly FieldKind[];
export type AddableFieldKind = (typeof ADDABLE_FIELD_KINDS)[number];

/** German names of the kinds, for pickers and the diff. */
export const KIND_LABELS: Record<FieldKind | LayoutKind, string> = {
  shortText: 'Kurzer Text',
  longText: 'Langer Text',
  number: 'Zahl',
  integer: 'Ganze Zahl',
  money: 'Betrag (Euro)',
  date: 'Datum',
  yesNo: 'Ja/Nein',
  singleChoice: 'Einfachauswahl',
  multipleChoice: 'Mehrfachauswahl',
  email: 'E-Mail-Adresse',
  table: 'Tabelle',
  object: 'Abschnitt (automatisch)',
  derived: 'Berechnetes Feld',
  advanced: 'Erweitert',
  section: 'Abschnitt',
  columns: 'Spalten',
  tabs: 'Reiter',
  steps: 'Schritte',
  category: 'Reiter/Schritt',
  vertical: 'Bereich',
};

/** Default maximum number of rows of a new table. */
export const DEFAULT_TABLE_MAX_ROWS = 50;

/** A choice of a single- or multiple-choice field. */
export interface Choice {
  value: string | number | boolean;
  title: string;
}

/** The schema and control of a new field of one kind (the `title` is set by the caller). */
export interface KindShape {
  schema: JsonSchemaObject;
  /** Extra properties of the control besides `type` and `scope` (e.g. `options`). */
  control: Omit<UiSchema, 'type' | 'scope'>;
}

/** One entry per addable kind: what a new field of that kind looks like. */
export const KIND_SHAPES: Record<AddableFieldKind, () => KindShape> = {
  shortText: () => ({ schema: { type: 'string', maxLength: 200 }, control: {} }),
  longText: () => ({ schema: { type: 'string', maxLength: 4000 }, control: { options: { multi: true } } }),
  number: () => ({ schema: { type: 'number' }, control: {} }),
  integer: () => ({ schema: { type: 'integer' }, control: {} }),
  money: () => ({ schema: { type: 'integer', format: 'cents', minimum: 0 }, control: {} }),
  date: () => ({ schema: { type: 'string', format: 'date' }, control: {} }),
  yesNo: () => ({ schema: { type: 'boolean' }, control: {} }),
  singleChoice: () => ({
    schema: {
      type: 'string',
      oneOf: [
        { const: 'option1', title: 'Option 1' },
        { const: 'option2', title: 'Option 2' },
      ],
    },
    control: { options: { format: 'radio' } },
  }),
  multipleChoice: () => ({
    schema: {
      type: 'array',
      uniqueItems: true,
      items: {
        type: 'string',
        oneOf: [
          { const: 'option1', title: 'Option 1' },
          { const: 'option2', title: 'Option 2' },
        ],
      },
    },
    control: {},
  }),
  email: () => ({ schema: { type: 'string', format: 'email', maxLength: 320 }, control: {} }),
  table: () => ({
    schema: {
      type: 'array',
      maxItems: DEFAULT_TABLE_MAX_ROWS,
      items: { type: 'object', additionalProperties: false, properties: {} },
    },
    control: { options: { detail: { type: 'VerticalLayout', elements: [] } } },
  }),
};

const typeOf = (schema: JsonSchemaObject): string | undefined =>
  typeof schema.type === 'string' ? schema.type : undefined;

const isChoiceList = (value: unknown): boolean =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((option) => isPlainObject(option) && 'const' in option);

/**
 * Recognises the kind of a field from its schema (and its control's options, if any). Anything that
 * does not match one of the shapes exactly enough is `advanced`.
 */
export function kindOfField(schema: JsonSchemaObject, control?: UiSchema): FieldKind {
  if (typeof schema['x-derived'] === 'string') return 'derived';
  const type = typeOf(schema);
  // An object keeps its conditional parts (`if`/`then`, `allOf`) verbatim; its fields are still modelled.
  if (type === 'object' && schema.$ref === undefined && isPlainObject(schema.properties)) return 'object';
  if (schema.$ref !== undefined || schema.allOf || schema.anyOf || schema.if || schema.not) return 'advanced';
  const options = isPlainObject(control?.options) ? control.options : {};
  switch (type) {
    case 'string':
      if (isChoiceList(schema.oneOf)) return 'singleChoice';
      if (schema.oneOf || schema.enum) return 'advanced';
      if (schema.format === 'date') return 'date';
      if (schema.format === 'email') return 'email';
      if (schema.format !== undefined) return 'advanced';
      return options.multi === true ? 'longText' : 'shortText';
    case 'number':
      return schema.oneOf || schema.enum ? 'advanced' : 'number';
    case 'integer':
      if (schema.format === 'cents') return 'money';
      if (isChoiceList(schema.oneOf)) return 'singleChoice';
      return schema.oneOf || schema.enum || schema.format ? 'advanced' : 'integer';
    case 'boolean':
      return 'yesNo';
    case 'object':
      return isPlainObject(schema.properties) ? 'object' : 'advanced';
    case 'array': {
      const items = schema.items;
      if (!isPlainObject(items)) return 'advanced';
      if (schema.uniqueItems === true && isChoiceList(items.oneOf)) return 'multipleChoice';
      if (items.type === 'object' && isPlainObject(items.properties)) return 'table';
      return 'advanced';
    }
    default:
      return 'advanced';
  }
}

/** Recognises the layout kind of a UI schema element, or `undefined` for a control or an unknown element. */
export function kindOfLayout(element: UiSchema): LayoutKind | undefined {
  switch (element.type) {
    case 'Group':
      return 'section';
    case 'HorizontalLayout':
      return 'columns';
    case 'VerticalLayout':
      return 'vertical';
    case 'Category':
      return 'category';
    case 'Categorization':
      return isPlainObject(element.options) && element.options.variant === 'stepper' ? 'steps' : 'tabs';
    default:
      return undefined;
  }
}

/** The choices of a single- or multiple-choice field (empty for other kinds). */
export function choicesOf(schema: JsonSchemaObject): Choice[] {
  const list = isChoiceList(schema.oneOf)
    ? schema.oneOf
    : isPlainObject(schema.items) && isChoiceList(schema.items.oneOf)
      ? (schema.items.oneOf as JsonSchemaObject[])
      : [];
  return (list ?? []).map((option) => ({
    value: option.const as Choice['value'],
    title: typeof option.title === 'string' ? option.title : String(option.const),
  }));
}
