import { Generate, type JsonSchema } from '@jsonforms/core';
import { checkFormDefinition, describesObject, ROOT_NOT_OBJECT_MESSAGE } from './check-definition.js';
import { isPlainObject } from './json-pointer.js';
import type { FieldError, JsonSchemaObject, UiSchema } from './types.js';

/** The outcome of `importDefinition`: the definition to store and every problem found in it. */
export interface ImportedDefinition {
  schema: JsonSchemaObject;
  uischema: UiSchema;
  /** True when the UI schema was generated because the import brought none. */
  generatedUiSchema: boolean;
  /** German problems with paths into the definition (`/schema/...`, `/uischema/...`); empty when fine. */
  problems: FieldError[];
}

/**
 * Imports a JSON Schema (draft-07) with an optional JSON Forms UI schema, as JSON Forms itself would
 * render the pair. Without a UI schema the one JSON Forms generates is stored
 * (`Generate.uiSchema(schema, undefined, undefined, schema)`, as `<JsonForms>` does when it gets
 * none): one control per root property, or a single control `#` when the root has a combinator. The
 * definition is then checked exactly as at publish (`checkFormDefinition`, the same Ajv options as at
 * submit: `createFormAjv`), and every problem is reported. A root that is not an object is refused
 * with `ROOT_NOT_OBJECT_MESSAGE`. Nothing is normalised: what is imported is stored as it is.
 */
export async function importDefinition(input: {
  schema: unknown;
  uischema?: unknown;
}): Promise<ImportedDefinition> {
  const schema = (
    isPlainObject(input.schema) ? structuredClone(input.schema) : input.schema
  ) as JsonSchemaObject;
  const generatedUiSchema = input.uischema === undefined || input.uischema === null;
  let uischema: unknown = input.uischema;
  if (generatedUiSchema) {
    if (!isPlainObject(schema)) {
      return {
        schema,
        uischema: {},
        generatedUiSchema,
        problems: [{ path: '/schema', message: 'Das Schema muss ein JSON-Objekt sein.' }],
      };
    }
    if (!describesObject(schema)) {
      return {
        schema,
        uischema: {},
        generatedUiSchema,
        problems: [{ path: '/schema', message: ROOT_NOT_OBJECT_MESSAGE }],
      };
    }
    try {
      const generatorInput = structuredClone(schema) as JsonSchema;
      // A JSON round trip drops the `undefined` members the generator leaves, as storing would.
      uischema = JSON.parse(
        JSON.stringify(Generate.uiSchema(generatorInput, undefined, undefined, generatorInput)),
      );
    } catch (error) {
      return {
        schema,
        uischema: {},
        generatedUiSchema,
        problems: [
          {
            path: '/schema',
            message: `Aus dem Schema lässt sich kein UI-Schema erzeugen: ${error instanceof Error ? error.message : String(error)}`,
          },
        ],
      };
    }
  } else if (isPlainObject(uischema)) {
    uischema = structuredClone(uischema);
  }
  const problems = await checkFormDefinition({ schema, uischema });
  return {
    schema,
    uischema: (isPlainObject(uischema) ? uischema : {}) as UiSchema,
    generatedUiSchema,
    problems,
  };
}
