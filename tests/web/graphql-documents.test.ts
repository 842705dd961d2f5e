import { readFileSync } from 'node:fs';
import { buildSchema, type DocumentNode, Kind, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as api from '../../web/src/forms/api.js';
import * as generated from '../../web/src/gql/graphql.js';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as DocumentNode).kind === Kind.DOCUMENT;

// Every operation the web app sends is one of these generated documents (fragments are inlined).
const operations = Object.entries(generated as Record<string, unknown>).filter(
  (entry): entry is [string, DocumentNode] =>
    isDocument(entry[1]) &&
    entry[1].definitions.some((definition) => definition.kind === Kind.OPERATION_DEFINITION),
);

describe('GraphQL documents of the web app', () => {
  it('generates a typed document for each operation the forms send', () => {
    expect(operations.map(([name]) => name)).toEqual(
      expect.arrayContaining(['FormsDocument', 'FormDocument', 'SubmissionDocument', 'SubmitFormDocument']),
    );
    expect(api.formsQuery).toBe(generated.FormsDocument);
    expect(api.formQuery).toBe(generated.FormDocument);
    expect(api.submissionQuery).toBe(generated.SubmissionDocument);
    expect(api.submitFormMutation).toBe(generated.SubmitFormDocument);
  });

  it.each(operations)('%s is valid against schema.graphql', (_name, document) => {
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });
});
