import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api.js';

/**
 * Every kind of malformed or malicious input gets a client error with a stable code, in development and
 * in production mode: never INTERNAL_SERVER_ERROR, never a trace of SQL, stack or file path, and
 * nothing is stored.
 */

interface HostileCase {
  name: string;
  request: InjectOptions;
  status: number;
  /** Expected `extensions.code`; null where the answer is plain text (outside /graphql). */
  code: string | null;
}

const json = (body: unknown): InjectOptions => ({
  method: 'POST',
  url: '/graphql',
  headers: { 'content-type': 'application/json' },
  payload: JSON.stringify(body),
});

/** A body sent exactly as written, so JSON escapes such as "\ud800" reach the server unchanged. */
const raw = (payload: string, contentType: string | null = 'application/json'): InjectOptions => ({
  method: 'POST',
  url: '/graphql',
  headers: contentType ? { 'content-type': contentType } : {},
  payload,
});

const get = (params: Record<string, string>): InjectOptions => ({
  method: 'GET',
  url: `/graphql?${new URLSearchParams(params)}`,
  headers: { 'apollo-require-preflight': 'true' },
});

const SUBMIT = `mutation Submit($formKey: String!, $data: JSON!, $clientSubmissionId: ID!) {
  submitForm(formKey: $formKey, data: $data, clientSubmissionId: $clientSubmissionId) { submission { id } errors { path } }
}`;
const submitWith = (data: unknown, extra: Record<string, unknown> = {}) =>
  json({
    query: SUBMIT,
    variables: { formKey: 'cost-calculation', data, clientSubmissionId: 'hostile-1', ...extra },
  });
const SUBMIT_RAW_PREFIX = `{"query":${JSON.stringify(SUBMIT)},"variables":{"formKey":"cost-calculation","clientSubmissionId":"hostile-2","data":`;

/** Every argument that names a stored record, once with the id in a variable and once written into the query. */
const ID_ARGUMENTS: { name: string; withVariable: string; withLiteral: (literal: string) => string }[] = [
  {
    name: 'formVersion(id)',
    withVariable: 'query Q($v: UUID!) { formVersion(id: $v) { id } }',
    withLiteral: (v) => `{ formVersion(id: ${v}) { id } }`,
  },
  {
    name: 'submission(id)',
    withVariable: 'query Q($v: UUID!) { submission(id: $v) { id } }',
    withLiteral: (v) => `{ submission(id: ${v}) { id } }`,
  },
  {
    name: 'createDraft(fromVersionId)',
    withVariable:
      'mutation M($v: UUID) { createDraft(formKey: "cost-calculation", fromVersionId: $v) { id } }',
    withLiteral: (v) => `mutation { createDraft(formKey: "cost-calculation", fromVersionId: ${v}) { id } }`,
  },
  {
    name: 'updateDraft(id)',
    withVariable:
      'mutation M($v: UUID!) { updateDraft(id: $v, schema: {}, uischema: {}, expectedRevision: 1) { __typename } }',
    withLiteral: (v) =>
      `mutation { updateDraft(id: ${v}, schema: {}, uischema: {}, expectedRevision: 1) { __typename } }`,
  },
  {
    name: 'publishFormVersion(id)',
    withVariable: 'mutation M($v: UUID!) { publishFormVersion(id: $v) { __typename } }',
    withLiteral: (v) => `mutation { publishFormVersion(id: ${v}) { __typename } }`,
  },
  {
    name: 'submitForm(formVersionId)',
    withVariable:
      'mutation M($v: UUID) { submitForm(formKey: "cost-calculation", data: {}, clientSubmissionId: "hostile-3", formVersionId: $v) { submission { id } } }',
    withLiteral: (v) =>
      `mutation { submitForm(formKey: "cost-calculation", data: {}, clientSubmissionId: "hostile-3", formVersionId: ${v}) { submission { id } } }`,
  },
];
const MALFORMED_IDS: unknown[] = [
  'not-a-uuid',
  "1' or '1'='1",
  '',
  '123e4567-e89b-12d3-a456-42661417400',
  '123e4567-e89b-12d3-a456-4266141740000',
  'ffffffff-ffff-ffff-ffff-fffffffffffg',
  42,
];

const deepArray = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const twoMegabytes = 'x'.repeat(2 * 1024 * 1024);

const HOSTILE_CASES: HostileCase[] = [
  ...ID_ARGUMENTS.flatMap((argument) =>
    MALFORMED_IDS.flatMap((id): HostileCase[] => [
      {
        name: `malformed id ${JSON.stringify(id)} in a variable for ${argument.name}`,
        request: json({ query: argument.withVariable, variables: { v: id } }),
        status: 400,
        code: 'BAD_USER_INPUT',
      },
      {
        name: `malformed id ${JSON.stringify(id)} written into the query for ${argument.name}`,
        request: json({ query: argument.withLiteral(JSON.stringify(id)) }),
        status: 400,
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
    ]),
  ),
  {
    name: 'an id variable declared as ID instead of UUID',
    request: json({
      query: 'query Q($v: ID!) { formVersion(id: $v) { id } }',
      variables: { v: 'x' },
    }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },

  // NUL characters: PostgreSQL can store them neither in text nor in jsonb.
  {
    name: 'NUL in a form value',
    request: submitWith({ offerTitle: 'a\u0000b' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'NUL in a key of the form data',
    request: submitWith({ 'a\u0000': 1 }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'NUL deep inside a list of the form data',
    request: submitWith({ materialCosts: [{ description: ['ok', { x: '\u0000' }] }] }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'NUL in the client submission id',
    request: submitWith({}, { clientSubmissionId: 'id\u0000' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'NUL in the form key',
    request: json({ query: 'query Q($k: String!) { form(key: $k) { key } }', variables: { k: '\u0000' } }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'NUL escaped in a string literal of the query',
    request: json({ query: '{ form(key: "cost\\u0000calculation") { key } }' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'NUL escaped in JSON written into the query',
    request: json({
      query:
        'mutation { submitForm(formKey: "cost-calculation", data: { offerTitle: "\\u0000" }, clientSubmissionId: "hostile-4") { submission { id } } }',
    }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a raw NUL in the query text',
    request: json({ query: '{ forms { key } }\u0000' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'NUL in the operation name',
    request: json({ query: 'query A { forms { key } }', operationName: 'A\u0000' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'NUL in a GET request variable',
    request: get({ query: 'query Q($k: String!) { form(key: $k) { key } }', variables: '{"k":"\\u0000"}' }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },

  // Lone surrogates: half a UTF-16 pair, no character at all.
  {
    name: 'lone high surrogate in a form value',
    request: raw(`${SUBMIT_RAW_PREFIX}{"offerTitle":"a\\ud800b"}}}`),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'lone low surrogate in a form value',
    request: raw(`${SUBMIT_RAW_PREFIX}{"offerTitle":"\\udc00"}}}`),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'lone surrogate in a key of the form data',
    request: raw(`${SUBMIT_RAW_PREFIX}{"\\ud83d":1}}}`),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'lone surrogate in the query text',
    request: raw('{"query":"{ form(key: \\"\\ud800\\") { key } }"}'),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'lone surrogate escaped in a string literal of the query',
    request: json({ query: '{ form(key: "\\ud800") { key } }' }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },

  // Nesting: refused while the body is read, before anything walks it.
  {
    name: 'form data nested 10,000 levels deep',
    request: raw(`${SUBMIT_RAW_PREFIX}${deepArray(10_000)}}}`),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'form data nested one level more than allowed',
    request: raw(`${SUBMIT_RAW_PREFIX}${deepArray(63)}}}`),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'a body of 100,000 nested objects',
    request: raw(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'GET variables nested 100 levels deep',
    request: get({
      query: '{ __typename }',
      variables: `{"v":${deepArray(100)}}`,
    }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },
  {
    name: 'JSON written into the query nested 100 levels deep',
    request: json({
      query: `mutation { submitForm(formKey: "cost-calculation", data: ${deepArray(100)}, clientSubmissionId: "hostile-5") { submission { id } } }`,
    }),
    status: 400,
    code: 'BAD_USER_INPUT',
  },

  // Size.
  {
    name: 'a huge string in the form data',
    request: submitWith({ offerTitle: twoMegabytes }),
    status: 413,
    code: 'LIMIT_EXCEEDED',
  },
  {
    name: 'a huge query text',
    request: json({ query: `{ forms { key } } #${twoMegabytes}` }),
    status: 413,
    code: 'LIMIT_EXCEEDED',
  },
  {
    name: 'a query of more than 5,000 tokens',
    request: json({ query: `{ ${'__typename '.repeat(6000)} }` }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },

  // Syntax.
  {
    name: 'unclosed selection',
    request: json({ query: '{ forms { key }' }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'unexpected closing brace',
    request: json({ query: '{ forms { key } } }' }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'half an argument list',
    request: json({ query: 'mutation { submitForm( }' }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'not GraphQL at all',
    request: json({ query: 'DROP TABLE submission;' }),
    status: 400,
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'an unknown field',
    request: json({ query: '{ users { password } }' }),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },

  // Content types and bodies.
  {
    name: 'XML',
    request: raw('<query>{ forms { key } }</query>', 'application/xml'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a form post',
    request: raw('query=%7Bforms%7Bkey%7D%7D', 'application/x-www-form-urlencoded'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'multipart',
    request: raw('--x\r\n\r\n--x--', 'multipart/form-data; boundary=x'),
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'text/plain (a simple cross-site request)',
    request: raw('{"query":"{ forms { key } }"}', 'text/plain'),
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'truncated JSON', request: raw('{"query": '), status: 400, code: 'BAD_REQUEST' },
  { name: 'an empty JSON body', request: raw(''), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'JSON with a __proto__ key',
    request: raw('{"query":"{ forms { key } }","__proto__":{"polluted":true}}'),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'a JSON array (batching is off)',
    request: raw('[{"query":"{ forms { key } }"}]'),
    status: 400,
    code: 'BAD_REQUEST',
  },
  { name: 'a JSON string', request: raw('"{ forms { key } }"'), status: 400, code: 'BAD_REQUEST' },
  { name: 'JSON null', request: raw('null'), status: 400, code: 'BAD_REQUEST' },
  { name: 'a query that is a number', request: raw('{"query":5}'), status: 400, code: 'BAD_REQUEST' },
  {
    name: 'variables that are a string',
    request: raw('{"query":"{ forms { key } }","variables":"x"}'),
    status: 400,
    code: 'BAD_REQUEST',
  },
  {
    name: 'an unsupported method',
    request: { method: 'PUT', url: '/graphql', payload: '{}' },
    status: 405,
    code: 'METHOD_NOT_ALLOWED',
  },

  // Host names this server does not answer to (DNS rebinding).
  {
    name: 'a foreign Host on /graphql',
    request: {
      ...json({ query: '{ forms { key } }' }),
      headers: { 'content-type': 'application/json', host: 'evil.example' },
    },
    status: 421,
    code: 'HOST_NOT_ALLOWED',
  },
  {
    name: 'a foreign Host that starts like an allowed one',
    request: {
      ...json({ query: '{ forms { key } }' }),
      headers: { 'content-type': 'application/json', host: 'localhost.evil.example:4000' },
    },
    status: 421,
    code: 'HOST_NOT_ALLOWED',
  },
  {
    name: 'a foreign Host on the web app',
    request: { method: 'GET', url: '/', headers: { host: 'rebind.evil.example:4000' } },
    status: 421,
    code: null,
  },
  {
    name: 'a foreign Host on /health',
    request: { method: 'GET', url: '/health', headers: { host: '203.0.113.7' } },
    status: 421,
    code: null,
  },
];

/** Traces of SQL, stack frames or file paths. */
const LEAK =
  /\b(select|insert into|update \w+ set|delete from)\b|\bat \S+ \(|node_modules|\/work\/|\.(ts|js):\d+|server\/src|stack/i;

const MODES = [
  { mode: 'development', production: false },
  { mode: 'production', production: true },
];

describe.each(MODES)('hostile input in $mode mode', ({ production }) => {
  let api: TestApi;
  const countRows = async () => {
    const [row] = await api.orm.em
      .getConnection()
      .execute<{ submissions: string; versions: string }[]>(
        'select (select count(*) from submission) as submissions, (select count(*) from form_version) as versions',
      );
    return row;
  };
  let before: Awaited<ReturnType<typeof countRows>>;

  beforeAll(async () => {
    api = await startTestApi({ production });
    before = await countRows();
  });
  afterAll(() => api?.close());

  it.each(HOSTILE_CASES)('$name → $status $code', async ({ request, status, code }) => {
    const response = await api.app.http.inject(request);
    expect(response.statusCode).toBe(status);
    expect(response.body).not.toMatch(LEAK);
    expect(response.body).not.toMatch(/INTERNAL_SERVER_ERROR/);
    if (code === null) {
      expect(response.headers['content-type']).toMatch(/^text\/plain/);
      expect(response.body.length).toBeGreaterThan(0);
      return;
    }
    const body = response.json();
    expect(body.data ?? null).toBeNull();
    expect(body.errors.length).toBeGreaterThan(0);
    expect(body.errors[0].extensions.code).toBe(code);
    expect(typeof body.errors[0].message).toBe('string');
  });

  it('names the nesting limit when it refuses deep JSON', async () => {
    const response = await api.app.http.inject(raw(`${SUBMIT_RAW_PREFIX}${deepArray(10_000)}}}`));
    const [error] = response.json().errors;
    expect(error.message).toMatch(/64 Ebenen/);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'MAX_JSON_DEPTH', maxDepth: 64 });
  });

  it('still accepts what the limits are not about', async () => {
    const nested = await api.gql(
      'mutation M($v: JSON!) { updateDraft(id: "00000000-0000-4000-8000-000000000000", schema: $v, uischema: {}, expectedRevision: 1) { __typename } }',
      { v: JSON.parse(deepArray(60)) },
    );
    // The resolver got it (and answers for itself); the edge did not refuse it.
    expect([undefined, 'NOT_FOUND']).toContain(nested.errors?.[0].extensions?.code);
    const unicode = await api.gql('query Q($k: String!) { form(key: $k) { key } }', { k: 'Grüße 😀 ✓' });
    expect(unicode).toEqual({ data: { form: null } });
    const wellFormedId = await api.gql('query Q($v: UUID!) { formVersion(id: $v) { id } }', {
      v: '00000000-0000-4000-8000-000000000000',
    });
    expect(wellFormedId).toEqual({ data: { formVersion: null } });
  });

  it('stored nothing', async () => {
    expect(await countRows()).toEqual(before);
  });
});
