import type { Ajv } from 'ajv';
import { createFormAjv, DERIVED_KEYWORD, WEIGHT_KEYWORD } from './ajv.js';
import { checkRequiredShown, checkUiSchemaScopes } from './check-uischema.js';
import { parseDerivedExpression } from './derive.js';
import { appendPointer, isPlainObject, splitPointer } from './json-pointer.js';
import { MAX_ARRAY_ITEMS_CEILING, MAX_ARRAY_ITEMS_KEYWORD } from './limits.js';
import { nestingDepth, visitKeys, visitSchemas } from './schema-walk.js';
import { analysePattern } from './regex-safety.js';
import type { FieldError, JsonSchemaObject } from './types.js';
import { toFieldErrors } from './validate.js';

/** Largest accepted definition (schema + UI schema) as UTF-8 JSON. */
export const MAX_DEFINITION_BYTES = 256 * 1024;
/** Deepest accepted nesting of objects and arrays in a schema or UI schema. */
export const MAX_DEFINITION_DEPTH = 32;
/**
 * The one message for a schema whose root is not an object: every entry point (files loaded at start,
 * import, saving a draft, publishing) refuses such a schema with it, because form data, submissions and
 * the process's reads are objects.
 */
export const ROOT_NOT_OBJECT_MESSAGE =
  'Ein Formular muss als Ganzes ein Objekt beschreiben („"type": "object"“ auf oberster Ebene des Schemas).';

/** True when a schema's root describes an object (`"type": "object"`), as every form's must. */
export function describesObject(schema: unknown): boolean {
  if (!isPlainObject(schema)) return false;
  const { type } = schema;
  return type === 'object' || (Array.isArray(type) && type.length === 1 && type[0] === 'object');
}

/** Compile errors of one schema are collected by repairing a copy; at most this many rounds. */
const MAX_COMPILE_ROUNDS = 25;

/**
 * Checks an admin-written form definition before it is stored or used. Definitions are
 * semi-trusted: they run in every user's browser and in the server, so besides correctness this
 * guards against oversized documents, `$data`, remote `$ref`s and regular expressions that can
 * take exponential or polynomial time. Checks: size ≤ 256 KiB and nesting depth ≤ 32 (these two stop
 * the check, since walking further would be unsafe), the schema's root an object, no `$data`, only
 * local `$ref`s (`#/...`), every `pattern`, `patternProperties` key and JSONata regex literal a valid
 * regular expression that recheck finds safe (`analysePattern`), the schema compiles with
 * `createFormAjv()` (unknown keywords and formats are errors), every `x-derived` a valid JSONata
 * expression, every weighted criterion with a scale, `x-maxArrayItems` only at the root (an integer
 * 1…100,000, checked by Ajv's meta-schema), every UI schema `scope` resolving as JSON Forms resolves
 * it, and every required field shown by some control.
 * @returns every problem found, as German errors whose paths point into the definition
 *   (`/schema/...`, `/uischema/...`); empty when the definition is fine
 */
export async function checkFormDefinition(definition: {
  schema: unknown;
  uischema: unknown;
}): Promise<FieldError[]> {
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
  if (!describesObject(rootSchema)) errors.push({ path: '/schema', message: ROOT_NOT_OBJECT_MESSAGE });
  const patterns: PatternUse[] = [];
  checkSchemaSafety(rootSchema, '/schema', errors, patterns);
  checkDerivedAndWeights(rootSchema, errors, patterns);
  const conditionSchemas = findConditionSchemas(uischema);
  for (const { schema: conditionSchema, path } of conditionSchemas) {
    checkSchemaSafety(conditionSchema, path, errors, patterns);
  }
  visitKeys(uischema, '/uischema', (key, _value, path) => {
    if (key === '$data') errors.push({ path, message: '„$data“-Verweise sind nicht erlaubt.' });
  });
  const regexProblems = checkPatterns(patterns);

  // Ajv compiles a copy without the parts already refused above, so their problems are not reported twice.
  const refused = new Set(errors.map((error) => error.path));
  const ajv = createFormAjv();
  checkCompiles(ajv, rootSchema, '/schema', refused, errors);
  for (const { schema: conditionSchema, path } of conditionSchemas) {
    checkCompiles(ajv, conditionSchema, path, refused, errors);
  }
  errors.push(...checkUiSchemaScopes(uischema, rootSchema));
  errors.push(...checkRequiredShown(rootSchema, uischema));
  errors.push(...(await regexProblems));
  return unique(errors);
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

/** A regular expression found in a definition, to be analysed for safety. */
interface PatternUse {
  source: string;
  flags: string;
  path: string;
  /** Where it stands, for the message of a JSONata regex literal. */
  inExpression: boolean;
}

function checkSchemaSafety(
  schema: JsonSchemaObject,
  basePath: string,
  errors: FieldError[],
  patterns: PatternUse[],
): void {
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
    if (typeof node.pattern === 'string') {
      checkRegexSyntax(node.pattern, appendPointer(path, 'pattern'), errors, patterns);
    }
    if (isPlainObject(node.patternProperties)) {
      for (const key of Object.keys(node.patternProperties)) {
        checkRegexSyntax(key, appendPointer(path, 'patternProperties', key), errors, patterns);
      }
    }
  });
}

function checkRegexSyntax(source: string, path: string, errors: FieldError[], patterns: PatternUse[]): void {
  try {
    // Ajv compiles patterns with the `u` flag.
    new RegExp(source, 'u');
  } catch {
    errors.push({ path, message: `Ungültiger regulärer Ausdruck: ${source}` });
    return;
  }
  patterns.push({ source, flags: 'u', path, inExpression: false });
}

/** Analyses all regular expressions at once (recheck answers asynchronously). */
async function checkPatterns(patterns: PatternUse[]): Promise<FieldError[]> {
  const verdicts = await Promise.all(
    patterns.map((pattern) => analysePattern(pattern.source, pattern.flags)),
  );
  const errors: FieldError[] = [];
  for (const [index, verdict] of verdicts.entries()) {
    if (verdict.safe) continue;
    const pattern = patterns[index]!;
    errors.push({
      path: pattern.path,
      message: pattern.inExpression
        ? `Der JSONata-Ausdruck enthält den regulären Ausdruck /${pattern.source}/: ${verdict.message}`
        : verdict.message,
    });
  }
  return errors;
}

function checkDerivedAndWeights(
  schema: JsonSchemaObject,
  errors: FieldError[],
  patterns: PatternUse[],
): void {
  visitSchemas(schema, '/schema', (node, path) => {
    const expression = node[DERIVED_KEYWORD];
    if (typeof expression === 'string') {
      const expressionPath = appendPointer(path, DERIVED_KEYWORD);
      try {
        const ast = parseDerivedExpression(expression).ast();
        for (const regex of findRegexLiterals(ast)) {
          patterns.push({
            source: regex.source,
            flags: regex.flags,
            path: expressionPath,
            inExpression: true,
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

/** Collects the regular expression literals of a JSONata syntax tree (which may share nodes). */
function findRegexLiterals(node: unknown, found: RegExp[] = [], seen = new WeakSet<object>()): RegExp[] {
  if (node instanceof RegExp) {
    found.push(node);
    return found;
  }
  if (typeof node !== 'object' || node === null || seen.has(node)) return found;
  seen.add(node);
  for (const child of Object.values(node)) findRegexLiterals(child, found, seen);
  return found;
}

/** JSON Forms rule conditions carry JSON Schemas that the browser compiles, so they are checked too. */
function findConditionSchemas(uischema: unknown): { schema: JsonSchemaObject; path: string }[] {
  const found: { schema: JsonSchemaObject; path: string }[] = [];
  visitKeys(uischema, '/uischema', (key, value, path) => {
    if (key === 'schema' && isPlainObject(value)) found.push({ schema: value as JsonSchemaObject, path });
  });
  return found;
}

/**
 * Compiles a schema with Ajv and reports every problem, not only the first: Ajv stops at the first
 * compile error, so each problem found is cut out of a copy and the copy compiled again. Parts whose
 * problems are already reported (`refused`: remote `$ref`s, invalid patterns, `$data`, bad
 * expressions) are cut out first.
 */
function checkCompiles(
  ajv: Ajv,
  schema: JsonSchemaObject,
  basePath: string,
  refused: Set<string>,
  errors: FieldError[],
): void {
  const copy = structuredClone(schema);
  for (const path of refused) {
    if (!path.startsWith(`${basePath}/`)) continue;
    const inside = path.slice(basePath.length);
    removeAt(copy, inside.endsWith('/$data') ? inside.slice(0, -'/$data'.length) : inside);
  }
  for (let round = 0; round < MAX_COMPILE_ROUNDS; round += 1) {
    if (!ajv.validateSchema(copy)) {
      let removed = false;
      for (const error of toFieldErrors(ajv.errors ?? [])) {
        errors.push({ path: basePath + error.path, message: error.message });
        if (removeAt(copy, error.path)) removed = true;
      }
      if (!removed) return;
      continue;
    }
    try {
      ajv.compile(copy);
      return;
    } catch (error) {
      const problem = describeCompileError(
        copy,
        basePath,
        error instanceof Error ? error.message : String(error),
      );
      errors.push(problem);
      if (problem.path === basePath || !removeAt(copy, problem.path.slice(basePath.length))) return;
    }
  }
}

/**
 * Removes the part of a schema copy at a pointer; inside an array the whole array goes, so the
 * pointers of the other problems stay valid. False when there is nothing to remove.
 */
function removeAt(schema: JsonSchemaObject, pointer: string): boolean {
  const tokens = splitPointer(pointer);
  while (tokens.length > 0) {
    const key = tokens.pop()!;
    let parent: unknown = schema;
    for (const token of tokens) {
      parent =
        isPlainObject(parent) || Array.isArray(parent)
          ? (parent as Record<string, unknown>)[token]
          : undefined;
    }
    if (isPlainObject(parent)) {
      if (!Object.hasOwn(parent, key)) return false;
      delete parent[key];
      return true;
    }
    if (!Array.isArray(parent)) return false;
  }
  return false;
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
