/**
 * A readable diff between two fillings of one form (two revisions of an application): which fields
 * changed, named by their German labels from the form's JSON Schema, with old and new values as the
 * user reads them (amounts in euro, dates in German format, choices by their titles). Pure, no I/O.
 */
import { formatCents } from '../form-logic/money.js';

/** The parts of a JSON Schema the diff reads (titles, formats, choices, nesting). */
export interface DiffSchema {
  type?: string | string[];
  title?: string;
  format?: string;
  properties?: Record<string, DiffSchema>;
  items?: DiffSchema | DiffSchema[];
  oneOf?: { const?: unknown; title?: string }[];
  enum?: unknown[];
}

export interface DataChange {
  /** JSON Pointer of the changed value, e.g. `/professionalHours/hours` or `/goals/1/title`. */
  path: string;
  /** The field's labels from the outermost to the field, joined with „ › “; list items as „Nr. 2“. */
  label: string;
  /** The old value as the user reads it; null: it was empty. */
  before: string | null;
  /** The new value as the user reads it; null: it is empty now. */
  after: string | null;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function itemSchema(schema: DiffSchema | undefined, index: number): DiffSchema | undefined {
  const items = schema?.items;
  return Array.isArray(items) ? items[index] : items;
}

const GERMAN_NUMBER = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 6 });

/** A leaf value as the user reads it. */
export function formatValue(value: unknown, schema: DiffSchema | undefined): string | null {
  if (isEmpty(value)) return null;
  const choice = schema?.oneOf?.find((option) => option.const === value);
  if (choice?.title) return choice.title;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';
  if (typeof value === 'number') {
    return schema?.format === 'cents' ? formatCents(value) : GERMAN_NUMBER.format(value);
  }
  if (typeof value === 'string') {
    const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (schema?.format === 'date' && date) return `${date[3]}.${date[2]}.${date[1]}`;
    return value;
  }
  return JSON.stringify(value);
}

function walk(
  schema: DiffSchema | undefined,
  before: unknown,
  after: unknown,
  path: string,
  labels: string[],
  changes: DataChange[],
): void {
  if (isObject(before) || isObject(after)) {
    const left = isObject(before) ? before : {};
    const right = isObject(after) ? after : {};
    const known = Object.keys(schema?.properties ?? {});
    const keys = [
      ...known,
      ...[...new Set([...Object.keys(left), ...Object.keys(right)])]
        .filter((key) => !known.includes(key))
        .sort(),
    ];
    for (const key of keys) {
      const child = schema?.properties?.[key];
      walk(
        child,
        left[key],
        right[key],
        `${path}/${escapePointer(key)}`,
        [...labels, child?.title ?? key],
        changes,
      );
    }
    return;
  }
  if (Array.isArray(before) || Array.isArray(after)) {
    const left = Array.isArray(before) ? before : [];
    const right = Array.isArray(after) ? after : [];
    for (let index = 0; index < Math.max(left.length, right.length); index++) {
      walk(
        itemSchema(schema, index),
        left[index],
        right[index],
        `${path}/${index}`,
        [...labels, `Nr. ${index + 1}`],
        changes,
      );
    }
    return;
  }
  const old = formatValue(before, schema);
  const next = formatValue(after, schema);
  if (old !== next || isEmpty(before) !== isEmpty(after)) {
    changes.push({ path, label: labels.join(' › '), before: old, after: next });
  }
}

/**
 * The changed fields between `before` and `after`, both fillings of the form with `schema`, in the
 * order of the schema's properties (fields the schema does not know come last, by name). Objects and
 * lists are compared field by field; an added or removed list item shows each of its fields.
 */
export function diffFormData(schema: DiffSchema, before: unknown, after: unknown): DataChange[] {
  const changes: DataChange[] = [];
  walk(schema, before ?? {}, after ?? {}, '', [], changes);
  return changes;
}
