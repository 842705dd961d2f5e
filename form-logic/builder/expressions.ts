/**
 * Derived fields (`x-derived`, JSONata 2): syntax check with German messages and positions, the names
 * an expression refers to (with their text ranges, for renaming and the dependency order), and the
 * fields an expression can use.
 */
import jsonata from 'jsonata';
import { DERIVED_KEYWORD } from '../ajv.js';
import { isPlainObject } from '../json-pointer.js';
import type { JsonSchemaObject } from '../types.js';
import { type FieldKind, kindOfField } from './kinds.js';

/** A syntax problem of an expression; `start`/`end` are character offsets into the text. */
export interface ExpressionProblem {
  message: string;
  start: number;
  end: number;
}

/** A field name an expression refers to. */
export interface NameReference {
  name: string;
  start: number;
  end: number;
  /** The path step before this one (`costs` in `costs.amount`), if it is a name. */
  parent?: string;
  /** True when this is the first step of its path (a sibling of the derived field). */
  first: boolean;
  /** True for `X` in `$schema.properties.X` (the schema of a sibling). */
  viaSchema?: boolean;
}

const MESSAGES: Record<string, string> = {
  S0101: 'Ein Text in Anführungszeichen ist nicht abgeschlossen',
  S0102: 'Die Zahl ist zu groß',
  S0103: 'Unbekannte Escape-Sequenz in einem Text',
  S0104: 'Ungültige Unicode-Escape-Sequenz',
  S0105: 'Ein Name in Backticks (`…`) ist nicht abgeschlossen',
  S0106: 'Ein Kommentar ist nicht abgeschlossen',
  S0201: 'Unerwartetes Zeichen',
  S0202: 'Hier fehlt eine schließende Klammer oder ein anderes Zeichen',
  S0203: 'Hier fehlt eine schließende Klammer „)“',
  S0204: 'Unbekannter Operator',
  S0207: 'Der Ausdruck endet unerwartet',
  S0208: 'Ungültiger Funktionsparameter',
  S0209: 'Ein Filter nach einer Gruppierung ist nicht erlaubt',
  S0210: 'Pro Schritt ist nur eine Gruppierung erlaubt',
  S0211: 'Unerwartetes Zeichen',
  S0212: 'Links von „:=“ muss eine Variable stehen',
  S0213: 'Ungültiger Wert in einer Funktionssignatur',
  S0214: 'Rechts von „@“ muss eine Variable stehen',
  S0215: 'Eine Kontextbindung ist nach einem Filter nicht erlaubt',
  S0216: 'Eine Kontextbindung ist nach einer Gruppierung nicht erlaubt',
  S0217: 'Ungültige Positionsbindung',
  S0301: 'Leerer regulärer Ausdruck',
  S0302: 'Ein regulärer Ausdruck ist nicht abgeschlossen',
};

/**
 * Parses an expression. `problems` is empty when it is valid; each problem names the place as
 * „Zeichen n“ (1-based) and carries the offsets of the offending token.
 */
export function analyseExpression(text: string): { problems: ExpressionProblem[]; names: NameReference[] } {
  if (text.trim() === '') {
    return { problems: [{ message: 'Der Ausdruck ist leer.', start: 0, end: 0 }], names: [] };
  }
  let ast: unknown;
  try {
    ast = jsonata(text).ast();
  } catch (error) {
    const { code, position, token } = error as { code?: string; position?: number; token?: unknown };
    const end = typeof position === 'number' ? Math.min(position, text.length) : text.length;
    const tokenText = typeof token === 'string' && token !== '(end)' ? token : '';
    const start = Math.max(0, end - tokenText.length);
    const base = (code && MESSAGES[code]) ?? 'Der Ausdruck ist ungültig';
    const quoted = tokenText ? ` („${tokenText}“)` : '';
    return {
      problems: [{ message: `${base}${quoted} bei Zeichen ${Math.max(1, end)}.`, start, end }],
      names: [],
    };
  }
  const names: NameReference[] = [];
  const seen = new Set<unknown>();
  collectNames(ast, text, names, seen, undefined, false);
  names.sort((a, b) => a.start - b.start);
  return { problems: [], names };
}

function collectNames(
  node: unknown,
  text: string,
  names: NameReference[],
  seen: Set<unknown>,
  parent: string | undefined,
  first: boolean,
): void {
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const child of node) collectNames(child, text, names, seen, undefined, false);
    return;
  }
  const record = node as Record<string, unknown>;
  if (record.type === 'name' && typeof record.value === 'string' && typeof record.position === 'number') {
    const name = record.value;
    let end = record.position;
    let start = end - name.length;
    if (text.slice(start, end) !== name && text.slice(end - name.length - 1, end - 1) === name) {
      // A quoted name (`a b`): the position is after the closing backtick.
      end -= 1;
      start = end - name.length;
    }
    const reference: NameReference = { name, start, end, first };
    if (parent !== undefined) reference.parent = parent;
    names.push(reference);
  }
  if (record.type === 'path' && Array.isArray(record.steps)) {
    let previous: string | undefined;
    const steps = record.steps as unknown[];
    const schemaStart =
      isPlainObject(steps[0]) &&
      steps[0].type === 'variable' &&
      steps[0].value === 'schema' &&
      isPlainObject(steps[1]) &&
      steps[1].type === 'name' &&
      steps[1].value === 'properties';
    for (const [index, step] of record.steps.entries()) {
      const before = names.length;
      collectNames(step, text, names, seen, previous, index === 0);
      if (schemaStart && index === 2 && names.length > before) names[before]!.viaSchema = true;
      previous =
        isPlainObject(step) && step.type === 'name' && typeof step.value === 'string'
          ? step.value
          : undefined;
    }
  }
  for (const [key, child] of Object.entries(record)) {
    if (key === 'steps' && record.type === 'path') continue;
    collectNames(child, text, names, seen, undefined, false);
  }
}

/**
 * Renames references in an expression by splicing the text (JSONata has no printer): a first path
 * step `from` when `sibling` is set, and a step `from` right after a step named `parent`.
 */
export function renameInExpression(
  text: string,
  from: string,
  to: string,
  where: { sibling: boolean; parent?: string },
): string {
  const { problems, names } = analyseExpression(text);
  if (problems.length > 0) return text;
  const replacement = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(to) ? to : `\`${to}\``;
  let result = text;
  for (const reference of [...names].reverse()) {
    if (reference.name !== from) continue;
    const matches =
      (where.sibling && (reference.first || reference.viaSchema === true)) ||
      (where.parent !== undefined && reference.parent === where.parent);
    if (!matches) continue;
    const quoted = text[reference.start - 1] === '`' && text[reference.end] === '`';
    const start = quoted ? reference.start - 1 : reference.start;
    const end = quoted ? reference.end + 1 : reference.end;
    result = result.slice(0, start) + replacement + result.slice(end);
  }
  return result;
}

/** A field an expression may use, for the builder's field list. */
export interface AvailableField {
  /** What to type in the expression (`total`, `costs.amount`). */
  path: string;
  title: string;
  kind: FieldKind;
  derived: boolean;
  /** For fields in table rows: a sum over all rows, e.g. `$sum(costs.amount)`. */
  suggestion?: string;
}

/**
 * The fields an expression in `objectSchema` can read: the siblings, the fields of sibling objects
 * (one level) and of table rows (offered as `$sum(table.field)` for numbers). `exclude` is the
 * derived field itself.
 */
export function availableFields(objectSchema: JsonSchemaObject, exclude?: string): AvailableField[] {
  const list: AvailableField[] = [];
  const properties = isPlainObject(objectSchema.properties) ? objectSchema.properties : {};
  for (const [key, raw] of Object.entries(properties)) {
    if (key === exclude || !isPlainObject(raw)) continue;
    const schema = raw as JsonSchemaObject;
    const kind = kindOfField(schema);
    list.push({ path: key, title: titleOf(schema, key), kind, derived: DERIVED_KEYWORD in schema });
    const nested =
      kind === 'object' ? schema : kind === 'table' && isPlainObject(schema.items) ? schema.items : undefined;
    if (!nested || !isPlainObject(nested.properties)) continue;
    for (const [childKey, childRaw] of Object.entries(nested.properties)) {
      if (!isPlainObject(childRaw)) continue;
      const child = childRaw as JsonSchemaObject;
      const childKind = kindOfField(child);
      const entry: AvailableField = {
        path: `${key}.${childKey}`,
        title: `${titleOf(schema, key)} › ${titleOf(child, childKey)}`,
        kind: childKind,
        derived: DERIVED_KEYWORD in child,
      };
      const numeric = child.type === 'number' || child.type === 'integer';
      if (kind === 'table' && numeric) entry.suggestion = `$sum(${key}.${childKey})`;
      list.push(entry);
    }
  }
  return list;
}

const titleOf = (schema: JsonSchemaObject, key: string) =>
  typeof schema.title === 'string' ? schema.title : key;

/**
 * Derived fields are computed in the order their properties are declared; an expression that reads a
 * derived sibling declared after it sees nothing. Returns one German problem per such reference.
 */
export function derivedOrderProblems(objectSchema: JsonSchemaObject): { key: string; message: string }[] {
  const properties = isPlainObject(objectSchema.properties) ? objectSchema.properties : {};
  const keys = Object.keys(properties);
  const problems: { key: string; message: string }[] = [];
  for (const [position, key] of keys.entries()) {
    const schema = properties[key];
    if (!isPlainObject(schema) || typeof schema[DERIVED_KEYWORD] !== 'string') continue;
    const { names } = analyseExpression(schema[DERIVED_KEYWORD]);
    const reported = new Set<string>();
    for (const reference of names) {
      if (!reference.first || reported.has(reference.name)) continue;
      const other = properties[reference.name];
      const otherPosition = keys.indexOf(reference.name);
      if (!isPlainObject(other) || typeof other[DERIVED_KEYWORD] !== 'string') continue;
      if (otherPosition >= position) {
        reported.add(reference.name);
        problems.push({
          key,
          message:
            otherPosition === position
              ? `„${key}“ verweist auf sich selbst.`
              : `„${reference.name}“ wird erst nach diesem Feld berechnet; der Ausdruck sieht dort noch keinen Wert.`,
        });
      }
    }
  }
  return problems;
}
