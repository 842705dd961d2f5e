/** The result of reading a chosen file: its JSON, or why it cannot be imported (German). */
export type ReadDefinition =
  { ok: true; definition: Record<string, unknown> } | { ok: false; message: string };

/** The largest file the import accepts; the server limits definitions further. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** Parses the text of a definition file: a JSON object with a `schema` object, or a JSON Schema on its own. */
export const parseDefinitionText = (text: string): ReadDefinition => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'Die Datei enthält kein gültiges JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, message: 'Die Datei muss ein JSON-Objekt enthalten.' };
  }
  const object = parsed as Record<string, unknown>;
  // A JSON Schema file on its own („$schema“, „type“ or „properties“ at the top) is imported as its schema.
  const bareSchema =
    !('schema' in object) && ('$schema' in object || 'properties' in object || 'type' in object);
  const definition = bareSchema ? { schema: object } : object;
  if (
    typeof definition.schema !== 'object' ||
    definition.schema === null ||
    Array.isArray(definition.schema)
  ) {
    return {
      ok: false,
      message:
        'Die Datei enthält kein „schema“: erwartet wird eine Formulardefinition oder { "schema": …, "uischema": … }.',
    };
  }
  return { ok: true, definition };
};

/** Reads a chosen file as a definition (size checked first). */
export const readDefinitionFile = async (file: Blob): Promise<ReadDefinition> => {
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, message: 'Die Datei ist größer als 2 MB und wird nicht importiert.' };
  }
  return parseDefinitionText(await file.text());
};
