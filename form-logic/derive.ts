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

/** Options of one `deriveValues` run. */
export interface DeriveOptions {
  /**
   * When the run must end (`Date.now()` milliseconds). All expressions of the run share the time up
   * to it: each is given only what is left, and when it is used up the run ends with
   * `DeriveBudgetExceeded` instead of field errors.
   */
  deadline?: number;
  /**
   * Compute into `data` itself instead of a copy. Only for data the caller owns and does not need
   * unchanged (a copy received from another thread).
   */
  inPlace?: boolean;
}

/** Thrown by `deriveValues` when the calculations did not finish before the run's deadline. */
export class DeriveBudgetExceeded extends Error {
  constructor() {
    super('The derived-field calculations did not finish within their time budget.');
    this.name = 'DeriveBudgetExceeded';
  }
}

/** Time one expression may take when no deadline is given (the browser computes its own form only). */
export const EXPRESSION_TIMEOUT_MS = 1000;
// Limits for admin-written expressions: deep recursion and huge sequences end with an error.
const EXPRESSION_STACK = 500;
const EXPRESSION_SEQUENCE = 100_000;
const MAX_CACHED_EXPRESSIONS = 500;
/**
 * Widest result of `$pad`. JSONata builds the padding as one array of the requested width, so
 * `$pad("", 50000000)` takes gigabytes in a single step that no timeout can interrupt.
 */
export const MAX_PAD_WIDTH = 10_000;

interface CachedExpression {
  expression: jsonata.Expression;
  /**
   * The options this expression was compiled with. JSONata reads `timeout` while it evaluates, so it
   * is set before each evaluation to what is left of the run's budget. Evaluations of one thread that
   * overlap in time share it; the server's workers run one evaluation at a time.
   */
  options: { timeout: number; stack: number; sequence: number };
}
const expressionCache = new Map<string, CachedExpression | Error>();

function compileExpression(expression: string): CachedExpression {
  let cached = expressionCache.get(expression);
  if (cached === undefined) {
    const options = {
      timeout: EXPRESSION_TIMEOUT_MS,
      stack: EXPRESSION_STACK,
      sequence: EXPRESSION_SEQUENCE,
    };
    try {
      const compiled = jsonata(expression, options);
      compiled.registerFunction('pad', boundedPad, '<s-ns?:s>');
      cached = { expression: compiled, options };
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
 * Parses a JSONata expression, cached by its text (successes and syntax errors alike).
 * @throws the JSONata syntax error (with `message`, `code`, `position`)
 */
export function parseDerivedExpression(expression: string): jsonata.Expression {
  return compileExpression(expression).expression;
}

/**
 * Computes every property whose schema has `"x-derived": "<JSONata expression>"` and returns a
 * deep copy of `data` (a plain JSON object) with the results; the input is not changed unless
 * `options.inPlace` is set.
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
 * - Time: without a deadline each expression may take `EXPRESSION_TIMEOUT_MS` (then it fails like
 *   any other). With `options.deadline`, all expressions share the time up to it, and running out
 *   throws `DeriveBudgetExceeded` (a JSONata loop is stopped by JSONata's own timeout, set to what is
 *   left; a single native step that never yields can only be stopped by ending the thread).
 *
 * The walk over a schema is worked out once per schema object and cached, so a schema must not be
 * changed in place after its first use (a changed schema is a new object).
 * @throws DeriveBudgetExceeded when `options.deadline` passes before all values are computed
 */
export async function deriveValues(
  schema: JsonSchemaObject,
  data: object,
  options: DeriveOptions = {},
): Promise<DeriveResult> {
  const copy = (options.inPlace ? data : structuredClone(data)) as FormValues;
  const context: WalkContext = {
    root: copy,
    rootSchema: schema,
    plans: plansOf(schema),
    errors: [],
    deadline: options.deadline,
  };
  await deriveNode(schema, copy, '', context);
  return { data: copy, errors: context.errors };
}

interface WalkContext {
  root: FormValues;
  rootSchema: JsonSchemaObject;
  plans: WeakMap<JsonSchemaObject, ObjectPlan>;
  errors: FieldError[];
  deadline: number | undefined;
}

/** What the walk needs to know about one object schema, worked out once. */
interface ObjectPlan {
  /** Every property with its schema (local references followed). */
  properties: (readonly [string, JsonSchemaObject | undefined])[];
  /** The derived properties in declaration order with their expressions. */
  derived: (readonly [string, JsonSchemaObject, string])[];
}

// Keyed by root schema first: the same subschema object can resolve differently under another root.
const planCache = new WeakMap<JsonSchemaObject, WeakMap<JsonSchemaObject, ObjectPlan>>();

function plansOf(rootSchema: JsonSchemaObject): WeakMap<JsonSchemaObject, ObjectPlan> {
  let plans = planCache.get(rootSchema);
  if (!plans) {
    plans = new WeakMap();
    planCache.set(rootSchema, plans);
  }
  return plans;
}

function planOf(schema: JsonSchemaObject, context: WalkContext): ObjectPlan {
  let plan = context.plans.get(schema);
  if (!plan) {
    const properties = isPlainObject(schema.properties)
      ? Object.entries(schema.properties).map(
          ([key, child]) => [key, resolveLocalRef(child, context.rootSchema)] as const,
        )
      : [];
    const derived = properties.flatMap(([key, child]) => {
      const expression = child?.[DERIVED_KEYWORD];
      return typeof expression === 'string' ? [[key, child!, expression] as const] : [];
    });
    plan = { properties, derived };
    context.plans.set(schema, plan);
  }
  return plan;
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
  const { properties, derived } = planOf(schema, context);
  for (const [key] of derived) delete target[key];

  for (const [key, child] of properties) {
    const value = target[key];
    // Only objects and arrays can hold derived values; scalars need no visit.
    if (typeof value === 'object' && value !== null && Object.hasOwn(target, key)) {
      await deriveNode(child, value, appendPointer(path, key), context);
    }
  }

  for (const [key, child, expressionText] of derived) {
    const timeout = timeLeft(context.deadline);
    try {
      const compiled = compileExpression(expressionText);
      compiled.options.timeout = timeout;
      const result = await compiled.expression.evaluate(target, {
        root: context.root,
        schema,
        weightedScore,
      });
      const coerced = coerceResult(result, child);
      if (coerced !== undefined) target[key] = coerced;
    } catch (error) {
      if (context.deadline !== undefined && Date.now() >= context.deadline) throw new DeriveBudgetExceeded();
      context.errors.push({
        path: appendPointer(path, key),
        message: `Berechnung fehlgeschlagen: ${describeError(error)}`,
      });
    }
  }
}

/** The timeout for the next expression: what is left of the run's budget. */
function timeLeft(deadline: number | undefined): number {
  if (deadline === undefined) return EXPRESSION_TIMEOUT_MS;
  const left = deadline - Date.now();
  if (left <= 0) throw new DeriveBudgetExceeded();
  return left;
}

/** JSONata's `$pad` (width in characters; negative pads on the left), refusing widths above `MAX_PAD_WIDTH`. */
function boundedPad(text: string | undefined, width: number, padding?: string): string | undefined {
  if (text === undefined) return undefined;
  const target = Math.trunc(width);
  if (!(Math.abs(target) <= MAX_PAD_WIDTH)) {
    throw new Error(`$pad: Die Breite darf höchstens ${MAX_PAD_WIDTH} Zeichen betragen.`);
  }
  const missing = Math.abs(target) - Array.from(text).length;
  if (missing <= 0) return text;
  const unit = Array.from(padding || ' ');
  const fill = Array.from({ length: missing }, (_, index) => unit[index % unit.length]).join('');
  return target > 0 ? text + fill : fill + text;
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
