import { Ajv } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { interopDefault } from './interop.js';
import { MAX_ARRAY_ITEMS_CEILING, MAX_ARRAY_ITEMS_KEYWORD } from './limits.js';

// ajv-formats is CommonJS with an `exports.default`; see interop.ts for why this is unwrapped.
const addFormats = interopDefault<FormatsPlugin>(addFormatsModule);

/** Keyword: JSONata expression that computes a property (see `deriveValues`). */
export const DERIVED_KEYWORD = 'x-derived';
/** Keyword: weight of a criterion in a scoring sheet (see `weightedScore`). */
export const WEIGHT_KEYWORD = 'x-weight';

/**
 * Creates a new Ajv instance configured for form definitions. The server uses it to compile one
 * validator per form version, the web app hands it to JSON Forms, so both judge data alike.
 *
 * - strict schema checking: an unknown keyword (a typo such as `"titel"`) or format is an error;
 *   type, tuple and required strictness are off because admin-written schemas legitimately omit
 *   `type` next to `properties` or list required properties defined in a branch;
 * - `$data` references are off (they would let data steer validation);
 * - `verbose` and `addUsedSchema: false` as JSON Forms expects (it reads `parentSchema` of errors
 *   and compiles the same schema repeatedly);
 * - formats of ajv-formats (date, date-time, email, uri, ...) plus `cents`: an integer amount of
 *   euro cents;
 * - the metadata keywords `x-derived` (string), `x-weight` (number > 0) and `x-maxArrayItems`
 *   (integer 1…100,000; see `maxArrayItemsOf`).
 */
export function createFormAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    $data: false,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    addUsedSchema: false,
    messages: true,
  });
  addFormats(ajv);
  ajv.addFormat('cents', { type: 'number', validate: (value: number) => Number.isSafeInteger(value) });
  ajv.addKeyword({ keyword: DERIVED_KEYWORD, schemaType: 'string', metaSchema: { type: 'string' } });
  ajv.addKeyword({
    keyword: WEIGHT_KEYWORD,
    schemaType: 'number',
    metaSchema: { type: 'number', exclusiveMinimum: 0 },
  });
  ajv.addKeyword({
    keyword: MAX_ARRAY_ITEMS_KEYWORD,
    schemaType: 'number',
    metaSchema: { type: 'integer', minimum: 1, maximum: MAX_ARRAY_ITEMS_CEILING },
  });
  return ajv;
}
