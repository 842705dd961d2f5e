import jsonata from 'jsonata';
import { DERIVED_KEYWORD } from './ajv.js';
import { appendPointer, isPlainObject, resolveLocalRef } from './json-pointer.js';
import { roundHalfAwayFromZero } from './rounding.js';
import type { FieldError, FormValues, JsonSchemaObject, JsonSchemaType } from './types.js';
import { weightedScore } from './weighted-score.js';

/** Result of `deriveValues`: the completed copy and the calculations that failed. */
export interface DeriveResult {
  data: FormValues;
  errors: FieldError[];
}

// Limits for admin-written expressions: an endless or huge calculation must not stall a request.
const JSONATA_OPTIONS = { timeout: 1000, stack: 500, sequence: 100_000 };
const MAX_CACHED_EXPRESSIONS = 500;
const expressionCache = new Map<string, jsonata.Expression | Error>();

/**
 * Parses a JSONata expression, cached by its text (successes and syntax errors alike).
 * @throws the JSONata syntax error (with `message`, `code`, `position`)
 */
export function parseDerivedExpression(expression: string): jsonata.Expression {
  let cached = expressionCache.get(expression);
  if (cached === undefined) {
    try {
      cached = jsonata(expression, JSONATA_OPTIONS);
    } catch (error) {
      cached = toError(error);
    }
    if (expressionCache.size >= MAX_CACHED_EXPRESSIONS) expressionCache.clear();
    expressionCache.set(expression, cached);
  }
  if (cached instanceof Error) throw cached;
  return cached;
}

/**
 * Computes every property whose schema has `"x-derived": "<JSONata expression>"` and returns a
 * deep copy of `data` (a plain JSON object) with the results; the input is never mutated.
 *
 * Semantics:
 * - Schema and data are walked together; local `$ref`s are followed; only data that exists is
 *   visited (a missing object or array is not created). Branches of `oneOf`/`anyOf`/`allOf`/`if`
 *   are not searched for derived properties.
 * - Object: first its derived properties are removed (a value typed by the client is never seen
 *   or kept), then child objects and arrays are processed (so nested derived values exist first),
 *   then this object's derived properties are evaluated in schema declaration order. Each
 *   expression gets the current object, including the values computed just before it, as input,
 *   and the bindings `$root` (the whole document as far as it is computed), `$schema` (this
 *   object's schema) and `$weightedScore(scores, scoresSchema)` (see `weightedScore`).
 * - Array: each item is processed with the schema in `items`.
 * - Result for a property of type `integer`: rounded half away from zero (amounts are integer
 *   cents; floats lose cents on sums). Type `number`: kept. For both, `undefined` or a
 *   non-finite result becomes 0 (an empty cost table sums to 0), a non-numeric result is an error.
 *   Other types: kept as JSON; `undefined` leaves the property unset.
 * - A failing expression yields a field error at the property ("Berechnung fehlgeschlagen: …")
 *   and leaves the property unset; the other properties are still computed.
 */
export async function deriveValues(schema: JsonSchemaObject, data: object): Promise<DeriveResult> {
  const copy = structuredClone(data) as FormValues;
  const context: WalkContext = { root: copy, rootSchema: schema, errors: [] };
  await deriveNode(schema, copy, '', context);
  return { data: copy, errors: context.errors };
}

interface WalkContext {
  root: FormValues;
  rootSchema: JsonSchemaObject;
  errors: FieldError[];
}

async function deriveNode(
  schema: JsonSchemaObject | undefined,
  value: unknown,
  path: string,
  context: WalkContext,
): Promise<void> {
  const resolved = schema && resolveLocalRef(schema, context.rootSchema);
  if (!resolved) return;
  if (Array.isArray(value)) {
    if (!isPlainObject(resolved.items)) return;
    for (const [index, item] of value.entries()) {
      await deriveNode(resolved.items, item, appendPointer(path, index), context);
    }
  } else if (isPlainObject(value)) {
    await deriveObject(resolved, value, path, context);
  }
}

async function deriveObject(
  schema: JsonSchemaObject,
  target: Record<string, unknown>,
  path: string,
  context: WalkContext,
): Promise<void> {
  if (!isPlainObject(schema.properties)) return;
  const properties = Object.entries(schema.properties).map(
    ([key, child]) => [key, resolveLocalRef(child, context.rootSchema)] as const,
  );
  const derived = properties.filter(([, child]) => typeof child?.[DERIVED_KEYWORD] === 'string');
  for (const [key] of derived) delete target[key];

  for (const [key, child] of properties) {
    if (Object.hasOwn(target, key)) await deriveNode(child, target[key], appendPointer(path, key), context);
  }

  for (const [key, child] of derived) {
    const propertyPath = appendPointer(path, key);
    try {
      const expression = parseDerivedExpression(child![DERIVED_KEYWORD]!);
      const result = await expression.evaluate(target, {
        root: context.root,
        schema,
        weightedScore,
      });
      const coerced = coerceResult(result, child!);
      if (coerced !== undefined) target[key] = coerced;
    } catch (error) {
      context.errors.push({
        path: propertyPath,
        message: `Berechnung fehlgeschlagen: ${describeError(error)}`,
      });
    }
  }
}

function coerceResult(result: unknown, schema: JsonSchemaObject): unknown {
  const types: JsonSchemaType[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.includes('integer') || types.includes('number')) {
    if (result === undefined || (typeof result === 'number' && !Number.isFinite(result))) return 0;
    if (typeof result !== 'number') throw new Error('Das Ergebnis ist keine Zahl.');
    return types.includes('number') ? result : roundHalfAwayFromZero(result);
  }
  if (result === undefined || typeof result === 'function') return undefined;
  // JSONata marks result arrays with extra properties; keep plain JSON only.
  return typeof result === 'object' && result !== null ? JSON.parse(JSON.stringify(result)) : result;
}

function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  const described = new Error(describeError(error));
  return Object.assign(described, error);
}

function describeError(error: unknown): string {
  if (isPlainObject(error) || error instanceof Error) {
    const { message, code } = error as { message?: unknown; code?: unknown };
    const text = typeof message === 'string' ? message : String(error);
    return typeof code === 'string' ? `${text} (${code})` : text;
  }
  return String(error);
}
