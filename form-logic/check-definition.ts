import type { Ajv } from 'ajv';
import safeRegex from 'safe-regex2';
import { createFormAjv, DERIVED_KEYWORD, WEIGHT_KEYWORD } from './ajv.js';
import { checkUiSchemaScopes } from './check-uischema.js';
import { parseDerivedExpression } from './derive.js';
import { appendPointer, isPlainObject } from './json-pointer.js';
import { MAX_ARRAY_ITEMS_CEILING, MAX_ARRAY_ITEMS_KEYWORD } from './limits.js';
import { nestingDepth, visitKeys, visitSchemas } from './schema-walk.js';
import type { FieldError, JsonSchemaObject } from './types.js';
import { toFieldErrors } from './validate.js';

/** Largest accepted definition (schema + UI schema) as UTF-8 JSON. */
export const MAX_DEFINITION_BYTES = 256 * 1024;
/** Deepest accepted nesting of objects and arrays in a schema or UI schema. */
export const MAX_DEFINITION_DEPTH = 32;

/**
 * Checks an admin-written form definition before it is stored or used. Definitions are
 * semi-trusted: they run in every user's browser and in the server, so besides correctness this
 * guards against oversized documents, `$data`, remote `$ref`s and regular expressions that can
 * take exponential time. Checks: size ≤ 256 KiB, nesting depth ≤ 32, no `$data`, only local
 * `$ref`s (`#/...`), every `pattern` and `patternProperties` key a valid and safe regular
 * expression, the schema compiles with `createFormAjv()` (unknown keywords and formats are errors),
 * every `x-derived` a valid JSONata expression, every weighted criterion with a scale,
 * `x-maxArrayItems` only at the root (an integer 1…100,000, checked by Ajv's meta-schema), and every
 * UI schema `scope` pointing at an existing schema property.
 * @returns German errors whose paths point into the definition (`/schema/...`, `/uischema/...`);
 *   empty when the definition is fine
 */
export function checkFormDefinition(definition: { schema: unknown; uischema: unknown }): FieldError[] {
  const { schema, uischema } = definition;
  const errors: FieldError[] = [];
  if (!isPlainObject(schema)) {
    errors.push({ path: '/schema', message: 'Das Schema muss ein JSON-Objekt sein.' });
  }
  if (!isPlainObject(uischema)) {
    errors.push({ path: '/uischema', message: 'Das UI-Schema muss ein JSON-Objekt sein.' });
  }
  if (errors.length > 0) return errors;

  let serialized: string;
  try {
    serialized = JSON.stringify({ schema, uischema });
  } catch {
    return [{ path: '', message: 'Die Formulardefinition lässt sich nicht als JSON speichern.' }];
  }
  const bytes = new TextEncoder().encode(serialized).length;
  if (bytes > MAX_DEFINITION_BYTES) {
    return [
      { path: '', message: `Die Formulardefinition ist zu groß (${bytes} Bytes, erlaubt sind 256 KiB).` },
    ];
  }
  for (const [part, value] of [['/schema', schema] as const, ['/uischema', uischema] as const]) {
    if (nestingDepth(value, MAX_DEFINITION_DEPTH) > MAX_DEFINITION_DEPTH) {
      errors.push({
        path: part,
        message: `Zu tief verschachtelt (höchstens ${MAX_DEFINITION_DEPTH} Ebenen).`,
      });
    }
  }
  if (errors.length > 0) return errors;

  const rootSchema = schema as JsonSchemaObject;
  checkSchemaSafety(rootSchema, '/schema', errors);
  checkDerivedAndWeights(rootSchema, errors);
  const conditionSchemas = findConditionSchemas(uischema);
  for (const { schema: conditionSchema, path } of conditionSchemas) {
    checkSchemaSafety(conditionSchema, path, errors);
  }
  visitKeys(uischema, '/uischema', (key, _value, path) => {
    if (key === '$data') errors.push({ path, message: '„$data“-Verweise sind nicht erlaubt.' });
  });
  // A `$data` inside a condition schema is found by both walks.
  if (errors.length > 0) return unique(errors);

  const ajv = createFormAjv();
  checkCompiles(ajv, rootSchema, '/schema', errors);
  for (const { schema: conditionSchema, path } of conditionSchemas) {
    checkCompiles(ajv, conditionSchema, path, errors);
  }
  errors.push(...checkUiSchemaScopes(uischema, rootSchema));
  return errors;
}

function unique(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function checkSchemaSafety(schema: JsonSchemaObject, basePath: string, errors: FieldError[]): void {
  visitKeys(schema, basePath, (key, _value, path) => {
    if (key === '$data') errors.push({ path, message: '„$data“-Verweise sind nicht erlaubt.' });
  });
  visitSchemas(schema, basePath, (node, path) => {
    const ref = node.$ref;
    if (ref !== undefined && (typeof ref !== 'string' || (ref !== '#' && !ref.startsWith('#/')))) {
      errors.push({
        path: appendPointer(path, '$ref'),
        message: 'Nur lokale Verweise („#/…“) sind erlaubt.',
      });
    }
    if (typeof node.pattern === 'string') checkRegex(node.pattern, appendPointer(path, 'pattern'), errors);
    if (isPlainObject(node.patternProperties)) {
      for (const key of Object.keys(node.patternProperties)) {
        checkRegex(key, appendPointer(path, 'patternProperties', key), errors);
      }
    }
  });
}

function checkRegex(source: string, path: string, errors: FieldError[]): void {
  try {
    // Ajv compiles patterns with the `u` flag.
    new RegExp(source, 'u');
  } catch {
    errors.push({ path, message: `Ungültiger regulärer Ausdruck: ${source}` });
    return;
  }
  if (!safeRegex(source)) {
    errors.push({
      path,
      message:
        'Unsicherer regulärer Ausdruck: verschachtelte Wiederholungen wie „(a+)+“ können bei bestimmten ' +
        'Eingaben extrem lange laufen.',
    });
  }
}

function checkDerivedAndWeights(schema: JsonSchemaObject, errors: FieldError[]): void {
  visitSchemas(schema, '/schema', (node, path) => {
    const expression = node[DERIVED_KEYWORD];
    if (typeof expression === 'string') {
      const expressionPath = appendPointer(path, DERIVED_KEYWORD);
      try {
        const ast = parseDerivedExpression(expression).ast();
        if (containsUnsafeRegex(ast)) {
          errors.push({
            path: expressionPath,
            message: 'Der JSONata-Ausdruck enthält einen unsicheren regulären Ausdruck.',
          });
        }
      } catch (error) {
        const { message, position } = error as { message?: unknown; position?: unknown };
        const at = typeof position === 'number' ? ` (Position ${position})` : '';
        errors.push({
          path: expressionPath,
          message: `Ungültiger JSONata-Ausdruck: ${String(message)}${at}`,
        });
      }
    }
    if (path !== '/schema' && node[MAX_ARRAY_ITEMS_KEYWORD] !== undefined) {
      errors.push({
        path: appendPointer(path, MAX_ARRAY_ITEMS_KEYWORD),
        message: `„${MAX_ARRAY_ITEMS_KEYWORD}“ gilt für das ganze Formular und steht nur auf oberster Ebene des Schemas.`,
      });
    }
    if (node[WEIGHT_KEYWORD] !== undefined) {
      const score = isPlainObject(node.properties) ? node.properties.score : undefined;
      if (!isPlainObject(score) || typeof score.maximum !== 'number' || score.maximum <= 0) {
        errors.push({
          path: appendPointer(path, WEIGHT_KEYWORD),
          message: 'Ein gewichtetes Kriterium braucht ein Feld „score“ mit einem „maximum“ größer als 0.',
        });
      }
    }
  });
}

/** Searches a JSONata syntax tree (which may share nodes) for regular expression literals. */
function containsUnsafeRegex(node: unknown, seen = new WeakSet<object>()): boolean {
  if (node instanceof RegExp) return !safeRegex(node);
  if (typeof node !== 'object' || node === null || seen.has(node)) return false;
  seen.add(node);
  return Object.values(node).some((child) => containsUnsafeRegex(child, seen));
}

/** JSON Forms rule conditions carry JSON Schemas that the browser compiles, so they are checked too. */
function findConditionSchemas(uischema: unknown): { schema: JsonSchemaObject; path: string }[] {
  const found: { schema: JsonSchemaObject; path: string }[] = [];
  visitKeys(uischema, '/uischema', (key, value, path) => {
    if (key === 'schema' && isPlainObject(value)) found.push({ schema: value as JsonSchemaObject, path });
  });
  return found;
}

function checkCompiles(ajv: Ajv, schema: JsonSchemaObject, basePath: string, errors: FieldError[]): void {
  if (!ajv.validateSchema(schema)) {
    for (const error of toFieldErrors(ajv.errors ?? [])) {
      errors.push({ path: basePath + error.path, message: error.message });
    }
    return;
  }
  try {
    ajv.compile(schema);
  } catch (error) {
    errors.push(
      describeCompileError(schema, basePath, error instanceof Error ? error.message : String(error)),
    );
  }
}

/** Translates Ajv's compile errors (English, without a pointer) into a German message at a path. */
function describeCompileError(schema: JsonSchemaObject, basePath: string, message: string): FieldError {
  const atPath = (fragment: string | undefined, ...tokens: string[]) =>
    appendPointer(basePath + (fragment ? decodeURIComponent(fragment) : ''), ...tokens);
  const unknownKeyword = /unknown keyword: "([^"]+)"/.exec(message);
  if (unknownKeyword) {
    const keyword = unknownKeyword[1]!;
    let path: string | undefined;
    visitSchemas(schema, basePath, (node, nodePath) => {
      if (path === undefined && Object.hasOwn(node, keyword)) path = appendPointer(nodePath, keyword);
    });
    path ??= appendPointer(basePath, keyword);
    return { path, message: `Unbekanntes Schlüsselwort „${keyword}“ (Tippfehler?).` };
  }
  const unknownFormat = /unknown format "([^"]+)" ignored in schema at path "#([^"]*)"/.exec(message);
  if (unknownFormat) {
    return { path: atPath(unknownFormat[2], 'format'), message: `Unbekanntes Format „${unknownFormat[1]}“.` };
  }
  const invalidValue = /keyword "([^"]+)" value is invalid at path "#([^"]*)": (.*)$/.exec(message);
  if (invalidValue) {
    const [, keyword, fragment, detail] = invalidValue;
    const hint =
      keyword === WEIGHT_KEYWORD
        ? 'muss eine Zahl größer als 0 sein'
        : keyword === DERIVED_KEYWORD
          ? 'muss ein JSONata-Ausdruck (Text) sein'
          : keyword === MAX_ARRAY_ITEMS_KEYWORD
            ? `muss eine ganze Zahl von 1 bis ${MAX_ARRAY_ITEMS_CEILING} sein`
            : detail;
    return { path: atPath(fragment, keyword!), message: `Ungültiger Wert für „${keyword}“: ${hint}.` };
  }
  const missingRef = /can't resolve reference (\S+)/.exec(message);
  if (missingRef) {
    let path = basePath;
    visitSchemas(schema, basePath, (node, nodePath) => {
      if (path === basePath && node.$ref === missingRef[1]) path = appendPointer(nodePath, '$ref');
    });
    return { path, message: `Der Verweis „${missingRef[1]}“ zeigt auf keine Definition.` };
  }
  return { path: basePath, message: `Das Schema lässt sich nicht übersetzen: ${message}` };
}
