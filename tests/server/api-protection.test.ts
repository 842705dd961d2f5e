import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/src/app.js';
import { ConfigError, readConfig } from '../../server/src/config.js';
import { isHostAllowed } from '../../server/src/http/host-check.js';
import { TEST_CALLER } from '../support/callers.js';
import { costCalculation } from '../support/factories.js';
import { FORM, FORMS, SUBMISSIONS } from '../support/operations.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

describe('API protection', () => {
  it('rejects queries nested deeper than allowed', async () => {
    expect((await api.gql('{ forms { published { id } versions { id } } }')).errors).toBeUndefined();
    let nested = 'key';
    for (let i = 0; i < 8; i++) nested = `versions { form { ${nested} } }`;
    const { errors } = await api.gql(`{ forms { ${nested} } }`);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(/depth/i);
  });

  it('rejects too many aliases', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: forms { key }`).join(' ');
    const { errors } = await api.gql(`{ ${aliases} }`);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(/alias/i);
  });

  it('blocks requests that a browser could send cross-site without a preflight (CSRF)', async () => {
    const response = await api.app.http.inject({
      method: 'GET',
      url: '/graphql?query=%7Bforms%7Bkey%7D%7D',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(/CSRF/i);
  });

  it('refuses request bodies over the size limit', async () => {
    const response = await api.app.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        query: '{ forms { key } }',
        variables: { pad: 'x'.repeat(2 * 1024 * 1024) },
      }),
    });
    expect(response.statusCode).toBe(413);
  });

  it('hides database details of unexpected errors from the client and names the request', async () => {
    await api.orm.em.getConnection().execute('alter table submission rename to submission_moved');
    try {
      const response = await api.app.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: { query: 'query { submissions(formKey: "cost-calculation") { id } }' },
      });
      const [error] = response.json().errors;
      expect(error.extensions).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        requestId: response.headers['x-request-id'],
      });
      expect(error.extensions.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(error.message).not.toMatch(/submission|relation|select|stack/i);
    } finally {
      await api.orm.em.getConnection().execute('alter table submission_moved rename to submission');
    }
  });

  it('answers the health check', async () => {
    const response = await api.app.http.inject({ method: 'GET', url: '/health' });
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

describe('bounded work per query', () => {
  /** forms → versions → form → versions …, with aliases: each level multiplies what the server loads. */
  const cyclicQuery = (() => {
    const level = (depth: number): string =>
      depth === 0
        ? 'id schema uischema sampleData'
        : `a: versions { form { ${level(depth - 1)} } } b: versions { form { ${level(depth - 1)} } } versions { id }`;
    return `{ forms { key ${level(3)} } }`;
  })();

  it('refuses the deep Form ↔ FormVersion query before any resolver runs', async () => {
    expect(cyclicQuery.length).toBeGreaterThan(400);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const response = await api.app.http.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: { query: cyclicQuery },
    });
    // Generous bound: refused during validation, it needs milliseconds; answered it took a minute.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      limit: 'MAX_QUERY_COST',
      maxCost: 50_000,
    });
    expect(body.errors[0].message).toMatch(/zu aufwendig/);
    // Nothing was loaded: the heap grew by far less than one copy of the answer would need.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  });

  it('counts list sizes, so a shallow query over nested lists is refused too, also through fragments', async () => {
    const shallow = await api.gql('{ forms { versions { form { versions { id } } } } }');
    expect(shallow.errors?.[0].extensions?.limit).toBe('MAX_QUERY_COST');
    const viaFragments = await api.gql(`
      fragment V on FormVersion { form { ...F } }
      fragment F on Form { versions { id } }
      { forms { versions { ...V } } }
    `);
    expect(viaFragments.errors?.[0].extensions?.limit).toBe('MAX_QUERY_COST');
    const oneHop = await api.gql('{ forms { versions { form { key } } } }');
    expect(oneHop.errors).toBeUndefined();
  });

  it("keeps the tests' and the web app's documents under the cost limit", async () => {
    for (const [query, variables] of [
      [FORMS, {}],
      [FORM, { key: 'cost-calculation' }],
      [SUBMISSIONS, { formKey: 'cost-calculation' }],
    ] as const) {
      expect((await api.gql(query, variables)).errors).toBeUndefined();
    }
  });
});

describe('syntax errors', () => {
  it('answers a GraphQL syntax error with HTTP 400, not 500', async () => {
    for (const query of ['{ forms { key }', 'query {', '{ forms { key } } }']) {
      const response = await api.app.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: { query },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(response.json().errors[0].message).toMatch(/^Syntax Error/);
    }
  });
});

describe('errors in development mode', () => {
  let devApi: TestApi;
  const logLines: string[] = [];
  let app: Awaited<ReturnType<typeof createApp>>;
  beforeAll(async () => {
    devApi = await startTestApi({ production: false });
    app = await createApp({
      orm: devApi.orm,
      production: false,
      webRoot: 'tests/support/no-web-app',
      bodyLimitBytes: 1024 * 1024,
      logLevel: 'info',
      logStream: { write: (line) => void logLines.push(line) },
      resolveCaller: () => TEST_CALLER,
    });
  });
  afterAll(async () => {
    await app?.http.close();
    await devApi?.close();
  });

  it('shows no SQL to the client and logs operation, code and request id but never the submitted data', async () => {
    await devApi.orm.em.getConnection().execute('alter table submission rename to submission_moved');
    try {
      const marker = 'Vertraulich-Elterntreff-4711';
      const response = await app.http.inject({
        method: 'POST',
        url: '/graphql',
        headers: { 'content-type': 'application/json' },
        payload: {
          query: `mutation SubmitSecret($data: JSON!) {
            submitForm(formKey: "cost-calculation", data: $data, clientSubmissionId: "log-test-1") { submission { id } }
          }`,
          variables: { data: costCalculation({ offerTitle: marker }) },
        },
      });
      const requestId = response.headers['x-request-id'];
      const [error] = response.json().errors;
      expect(error).toMatchObject({
        message: 'Es ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      });
      expect(response.body).not.toMatch(/insert|select|submission_moved|relation|\.ts:|node_modules/i);

      const log = logLines.join('');
      expect(log).not.toContain(marker);
      expect(log).not.toMatch(/insert into/i);
      const failure = logLines
        .map((line) => JSON.parse(line))
        .find((line) => line.code === 'INTERNAL_SERVER_ERROR');
      expect(failure).toMatchObject({ reqId: requestId, operationName: 'SubmitSecret' });
      expect(failure.error).toMatchObject({ sqlState: '42P01' });
    } finally {
      await devApi.orm.em.getConnection().execute('alter table submission_moved rename to submission');
    }
  });

  it('gives every response its request id', async () => {
    const first = await app.http.inject({ method: 'GET', url: '/health' });
    const second = await app.http.inject({ method: 'GET', url: '/health' });
    expect(first.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });
});

describe('exposure', () => {
  it('answers only to allowed host names', () => {
    const loopback = ['localhost', '127.0.0.1', '[::1]'];
    expect(isHostAllowed('localhost:4000', loopback)).toBe(true);
    expect(isHostAllowed('LOCALHOST', loopback)).toBe(true);
    expect(isHostAllowed('[::1]:4000', loopback)).toBe(true);
    expect(isHostAllowed('127.0.0.1.nip.io', loopback)).toBe(false);
    expect(isHostAllowed('evil.example', loopback)).toBe(false);
    expect(isHostAllowed(undefined, loopback)).toBe(false);
    expect(isHostAllowed('sozialraum.example:443', ['sozialraum.example:443'])).toBe(true);
    expect(isHostAllowed('sozialraum.example:8443', ['sozialraum.example:443'])).toBe(false);
    expect(isHostAllowed('anything', ['*'])).toBe(true);
  });

  it('serves source maps only when asked to, never by default in production', async () => {
    const webRoot = await mkdtemp(path.join(tmpdir(), 'sozialraum-maps-'));
    try {
      await mkdir(path.join(webRoot, 'assets'));
      await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>x</title>');
      await writeFile(path.join(webRoot, 'assets', 'app.js'), 'console.log(1);');
      await writeFile(path.join(webRoot, 'assets', 'app.js.map'), '{"version":3}');
      await writeFile(path.join(webRoot, 'root.js.map'), '{"version":3}');
      const statusOf = async (options: { production: boolean; serveSourceMaps?: boolean }) => {
        const app = await createApp({
          orm: api.orm,
          webRoot,
          bodyLimitBytes: 1024 * 1024,
          logLevel: 'silent',
          ...options,
        });
        try {
          const status = async (url: string) => (await app.http.inject({ method: 'GET', url })).statusCode;
          return [
            await status('/assets/app.js'),
            await status('/assets/app.js.map'),
            await status('/root.js.map'),
          ];
        } finally {
          await app.http.close();
        }
      };
      expect(await statusOf({ production: true })).toEqual([200, 404, 404]);
      expect(await statusOf({ production: true, serveSourceMaps: true })).toEqual([200, 200, 200]);
      expect(await statusOf({ production: false })).toEqual([200, 200, 200]);
      expect(await statusOf({ production: false, serveSourceMaps: false })).toEqual([200, 404, 404]);
    } finally {
      await rm(webRoot, { recursive: true, force: true });
    }
  });

  it('loads demo data (users with public passwords) in production only when DEMO_DATA=true says so', () => {
    expect(readConfig({ NODE_ENV: 'production' }).DEMO_DATA).toBe(false);
    expect(readConfig({ NODE_ENV: 'production', DEMO_DATA: 'true' }).DEMO_DATA).toBe(true);
    expect(readConfig({}).DEMO_DATA).toBe(true);
    expect(readConfig({ DATABASE_URL: 'postgres://app:secret@db:5432/app' }).DEMO_DATA).toBe(false);
    // The earlier name still counts.
    expect(readConfig({ SEED_DEMO_DATA: 'false' }).DEMO_DATA).toBe(false);
    expect(() => readConfig({ ADMIN_EMAIL: 'admin@example.org' })).toThrow(ConfigError);
    expect(() => readConfig({ ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'kurz' })).toThrow(
      /ADMIN_PASSWORD/,
    );
  });
});
