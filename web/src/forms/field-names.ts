import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { arrayItemLabel } from './renderers/ArrayControl.js';

interface ControlInfo {
  label?: string;
  uischema: UISchemaElement;
}

/** Every Control of a UI schema by the schema path it points to (in form order), including those of list details. */
const collectControls = (uischema: UISchemaElement, prefix = '', result = new Map<string, ControlInfo>()) => {
  const element = uischema as UISchemaElement & {
    scope?: string;
    label?: unknown;
    elements?: UISchemaElement[];
  };
  if (element.type === 'Control' && typeof element.scope === 'string') {
    const schemaPath = prefix + element.scope.replace(/^#/, '');
    result.set(schemaPath, {
      label: typeof element.label === 'string' ? element.label : undefined,
      uischema,
    });
    const detail = element.options?.detail;
    if (detail && typeof detail === 'object')
      collectControls(detail as UISchemaElement, `${schemaPath}/items`, result);
  }
  for (const child of element.elements ?? []) collectControls(child, prefix, result);
  return result;
};

const humanize = (key: string) =>
  key.charAt(0).toUpperCase() + key.slice(1).replace(/([a-z])([A-Z])/g, '$1 $2');

/**
 * A readable German name for the field at a JSON Pointer, as the error summary shows it,
 * e.g. `/materialCosts/0/quantity` → „Sachkosten, Eintrag 1: Menge“.
 */
export const describeField = (schema: JsonSchema, uischema: UISchemaElement, pointer: string): string => {
  const controls = collectControls(uischema);
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  const parts: string[] = [];
  let current: JsonSchema | undefined = schema;
  let schemaPath = '';

  for (const token of tokens) {
    if (current?.type === 'array' && /^\d+$/.test(token)) {
      // The list's own name is the last part already; the entry joins it: „Sachkosten, Eintrag 1“.
      const listName = parts.pop() ?? 'Liste';
      const itemSchema = current.items as JsonSchema | undefined;
      const itemName = arrayItemLabel(itemSchema, controls.get(schemaPath)?.uischema);
      parts.push(`${listName}, ${itemName} ${Number(token) + 1}`);
      current = itemSchema;
      schemaPath += '/items';
      continue;
    }
    const child: JsonSchema | undefined = current?.properties?.[token];
    schemaPath += `/properties/${token}`;
    parts.push(controls.get(schemaPath)?.label ?? child?.title ?? humanize(token));
    current = child;
  }

  if (parts.length === 0) return 'Formular';
  // „Fachleistungsstunden – Stundensatz“, „Sachkosten, Eintrag 1 – Menge“; a part that repeats
  // the one before („Berichtszeitraum – Berichtszeitraum von“) replaces it.
  const joined: string[] = [];
  for (const part of parts) {
    const previous = joined.at(-1);
    if (previous && part.toLowerCase().includes(previous.toLowerCase())) joined.pop();
    joined.push(part);
  }
  return joined.join(' – ');
};

/** Schema path (`/properties/a/items/properties/b`) of the field at a JSON Pointer. */
const schemaPathOf = (schema: JsonSchema, pointer: string): string => {
  let current: JsonSchema | undefined = schema;
  let path = '';
  for (const token of pointer.split('/').slice(1)) {
    if (current?.type === 'array' && /^\d+$/.test(token)) {
      current = current.items as JsonSchema | undefined;
      path += '/items';
    } else {
      const key = token.replaceAll('~1', '/').replaceAll('~0', '~');
      current = current?.properties?.[key];
      path += `/properties/${key}`;
    }
  }
  return path;
};

/**
 * Sorts JSON Pointers in the order their fields appear in the form (UI schema order, list entries
 * by position), so the error summary reads top to bottom like the form.
 */
export const compareByFormOrder = (schema: JsonSchema, uischema: UISchemaElement) => {
  const order = [...collectControls(uischema).keys()];
  const position = (pointer: string): number => {
    const path = schemaPathOf(schema, pointer);
    const index = order.findIndex((candidate) => candidate === path || candidate.startsWith(`${path}/`));
    if (index >= 0) return index;
    const ancestor = order.findIndex((candidate) => path.startsWith(`${candidate}/`));
    return ancestor >= 0 ? ancestor : order.length;
  };
  const indices = (pointer: string) =>
    pointer
      .split('/')
      .filter((token) => /^\d+$/.test(token))
      .map(Number);
  return (a: string, b: string): number => {
    const byPosition = position(a) - position(b);
    if (byPosition !== 0) return byPosition;
    const [ia, ib] = [indices(a), indices(b)];
    for (let i = 0; i < Math.min(ia.length, ib.length); i += 1) {
      if (ia[i] !== ib[i]) return ia[i]! - ib[i]!;
    }
    return 0;
  };
};
