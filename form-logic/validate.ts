import type { Ajv, ErrorObject } from 'ajv';
import localizeDeModule from 'ajv-i18n/localize/de/index.js';
import { createFormAjv } from './ajv.js';
import { interopDefault } from './interop.js';
import { appendPointer } from './json-pointer.js';
import type { FieldError, JsonSchemaObject } from './types.js';

type Localize = (errors?: ErrorObject[] | null) => void;
// ajv-i18n is CommonJS typed as `export default`; see interop.ts.
const localizeDe = interopDefault<Localize>(localizeDeModule);

const REQUIRED_MESSAGE = 'Pflichtfeld';
const UNKNOWN_FIELD_MESSAGE = 'Dieses Feld ist im Formular nicht vorgesehen';
const ENUM_MESSAGE = 'muss einem der vorgegebenen Werte entsprechen';

const TYPE_MESSAGES: Record<string, string> = {
  string: 'muss ein Text sein',
  number: 'muss eine Zahl sein',
  integer: 'muss eine ganze Zahl sein',
  boolean: 'muss ja oder nein sein',
  object: 'muss ein Objekt sein',
  array: 'muss eine Liste sein',
  null: 'muss leer sein',
};

const FORMAT_MESSAGES: Record<string, string> = {
  cents: 'muss ein Betrag in ganzen Cent sein',
  date: 'muss ein gültiges Datum sein (JJJJ-MM-TT)',
  'date-time': 'muss ein gültiger Zeitpunkt sein',
  time: 'muss eine gültige Uhrzeit sein',
  email: 'muss eine gültige E-Mail-Adresse sein',
  uri: 'muss eine gültige Adresse (URL) sein',
};

/** The errors of one run of a form validator: empty when the data is valid. */
export type FormValidator = (data: unknown) => FieldError[];

/**
 * Compiles a form schema into a validator that returns German field errors.
 * @param schema the form's JSON Schema
 * @param ajv an instance from `createFormAjv()`; a new one is made when omitted
 * @throws Error naming the reason when the schema does not compile
 */
export function compileFormValidator(schema: JsonSchemaObject, ajv: Ajv = createFormAjv()): FormValidator {
  let validate: ReturnType<Ajv['compile']>;
  try {
    validate = ajv.compile(schema);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Das Formularschema ist ungültig: ${reason}`);
  }
  return (data) => (validate(data) ? [] : toFieldErrors(validate.errors ?? []));
}

/**
 * Turns Ajv errors into field errors with German messages (ajv-i18n `de`, refined for the usual
 * cases). A missing required property and an unexpected extra property are reported at that
 * property's own path; errors of an enum written as `oneOf` of `const`s collapse into one; an
 * `if` error is dropped when its `then`/`else` branch reported something more specific; identical
 * path and message pairs are reported once. The input errors are not modified. Runs in time
 * proportional to the number of errors (times the nesting depth), so a long list of invalid items
 * costs no more per item than a short one.
 */
export function toFieldErrors(ajvErrors: readonly ErrorObject[]): FieldError[] {
  const errors = ajvErrors.map((error) => ({ ...error }));
  localizeDe(errors);
  const branches = new BranchIndex(errors);
  const byInstance = groupBy(errors, (error) => error.instancePath);
  const dropped = new Set<ErrorObject>();
  const replacedMessages = new Map<ErrorObject, string>();

  for (const error of errors) {
    if (error.keyword === 'oneOf' || error.keyword === 'anyOf') {
      const branchErrors = branches.at(error.schemaPath, error.instancePath);
      const enumLike =
        branchErrors.length > 0 &&
        !branches.hasBelow(error.schemaPath, error.instancePath) &&
        branchErrors.every((other) => ['const', 'enum', 'type'].includes(other.keyword));
      if (!enumLike) continue;
      for (const other of branchErrors) dropped.add(other);
      const inBranch = new Set(branchErrors);
      const moreSpecific = byInstance
        .get(error.instancePath)!
        .some((other) => other !== error && !inBranch.has(other));
      if (moreSpecific) dropped.add(error);
      else replacedMessages.set(error, ENUM_MESSAGE);
    } else if (error.keyword === 'if') {
      const parent = error.schemaPath.replace(/\/if$/, '');
      const branchReported = [`${parent}/then`, `${parent}/else`].some(
        (branch) =>
          branches.at(branch, error.instancePath).length > 0 || branches.hasBelow(branch, error.instancePath),
      );
      if (branchReported) dropped.add(error);
    }
  }

  const result: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (dropped.has(error)) continue;
    const fieldError = toFieldError(error, replacedMessages.get(error));
    const key = `${fieldError.path}\u0000${fieldError.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(fieldError);
  }
  return result;
}

const BRANCH_KEYWORDS = new Set(['oneOf', 'anyOf', 'then', 'else']);

/**
 * Finds the errors reported inside a branch keyword (`.../oneOf`, `.../then`, ...) for one data
 * instance, without comparing every error with every other: an error of item 3 must not count as
 * an error of item 5's branch, although both share the schema path.
 */
class BranchIndex {
  private readonly exact = new Map<string, ErrorObject[]>();
  private readonly below = new Set<string>();

  constructor(errors: readonly ErrorObject[]) {
    for (const error of errors) {
      const segments = error.schemaPath.split('/');
      // The last segment is the error's own keyword, not a branch it lies inside.
      for (let index = 0; index < segments.length - 1; index += 1) {
        if (!BRANCH_KEYWORDS.has(segments[index]!)) continue;
        const branch = segments.slice(0, index + 1).join('/');
        const key = `${branch}\u0000${error.instancePath}`;
        const list = this.exact.get(key);
        if (list) list.push(error);
        else this.exact.set(key, [error]);
        for (const ancestor of ancestorsOf(error.instancePath)) this.below.add(`${branch}\u0000${ancestor}`);
      }
    }
  }

  /** Errors inside `branch` (a schema path) at exactly `instancePath`. */
  at(branch: string, instancePath: string): ErrorObject[] {
    return this.exact.get(`${branch}\u0000${instancePath}`) ?? [];
  }

  /** Whether any error inside `branch` lies strictly below `instancePath`. */
  hasBelow(branch: string, instancePath: string): boolean {
    return this.below.has(`${branch}\u0000${instancePath}`);
  }
}

/** The proper ancestors of a JSON Pointer: `/a/0/b` → `/a/0`, `/a`, ``. */
function* ancestorsOf(pointer: string): Generator<string> {
  for (let end = pointer.lastIndexOf('/'); end >= 0; end = pointer.lastIndexOf('/', end - 1)) {
    yield pointer.slice(0, end);
    if (end === 0) return;
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function toFieldError(error: ErrorObject, replacedMessage: string | undefined): FieldError {
  const params = error.params as Record<string, unknown>;
  const fallback = replacedMessage ?? error.message ?? 'ist ungültig';
  switch (error.keyword) {
    case 'required':
      return {
        path: appendPointer(error.instancePath, String(params.missingProperty)),
        message: REQUIRED_MESSAGE,
      };
    case 'dependencies':
    case 'dependentRequired':
      return {
        path: appendPointer(error.instancePath, String(params.missingProperty)),
        message: `${REQUIRED_MESSAGE}, wenn „${String(params.property)}“ angegeben ist`,
      };
    case 'additionalProperties':
      return {
        path: appendPointer(error.instancePath, String(params.additionalProperty)),
        message: UNKNOWN_FIELD_MESSAGE,
      };
    case 'type': {
      const types = String(params.type).split(',');
      const message = types.length === 1 ? TYPE_MESSAGES[types[0]!] : undefined;
      return { path: error.instancePath, message: message ?? fallback };
    }
    case 'format':
      return { path: error.instancePath, message: FORMAT_MESSAGES[String(params.format)] ?? fallback };
    default:
      return { path: error.instancePath, message: fallback };
  }
}
