import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('hides database details of unexpected errors from the client', async () => {
    await api.orm.em.getConnection().execute('alter table submission rename to submission_moved');
    try {
      const { errors } = await api.gql('query { submissions(formKey: "cost-calculation") { id } }');
      expect(errors?.[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(errors?.[0].message).not.toMatch(/submission|relation|select|stack/i);
    } finally {
      await api.orm.em.getConnection().execute('alter table submission_moved rename to submission');
    }
  });

  it('answers the health check', async () => {
    const response = await api.app.http.inject({ method: 'GET', url: '/health' });
    expect(response.json()).toEqual({ status: 'ok' });
  });
});
