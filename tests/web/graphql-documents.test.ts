import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import * as api from '../../web/src/forms/api.js';

const schema = buildSchema(readFileSync('schema.graphql', 'utf8'));
const documents: [string, string][] = [];
for (const [name, value] of Object.entries(api as Record<string, unknown>)) {
  if (typeof value === 'string' && /^\s*(query|mutation)\b/.test(value)) documents.push([name, value]);
}

describe('GraphQL documents of the web app', () => {
  it('finds the documents', () => {
    expect(documents.map(([name]) => name)).toEqual(
      expect.arrayContaining(['FORMS_QUERY', 'FORM_QUERY', 'SUBMISSION_QUERY', 'SUBMIT_FORM_MUTATION']),
    );
  });

  it.each(documents)('%s is valid against schema.graphql', (_name, document) => {
    expect(validate(schema, parse(document)).map((error) => error.message)).toEqual([]);
  });
});
