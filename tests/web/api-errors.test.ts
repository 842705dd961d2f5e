import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  Conflict,
  ErrorCode,
  FormVersionOutdated,
  LimitExceeded,
  NotFound,
  ServiceUnavailable,
} from '../../server/src/common/errors.js';
import { graphqlRequest } from '../../web/src/api/client.js';
import { apiErrorMessage, ApiError, fromGraphQLErrors, toApiErrorCode } from '../../web/src/api/errors.js';
import { formsQuery } from '../../web/src/forms/api.js';

/** What the server puts into a response's `errors` for a thrown error. */
const asSent = (error: { toJSON(): unknown }) => JSON.parse(JSON.stringify(error.toJSON()));

const answer = (status: number, body: unknown, contentType = 'application/json') =>
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(typeof body === 'string' ? body : JSON.stringify(body), {
          status,
          headers: { 'Content-Type': contentType },
        }),
    ),
  );

const failedRequest = async (): Promise<ApiError> => {
  try {
    await graphqlRequest(formsQuery, undefined);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('the request succeeded');
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('errors the web shows', () => {
  it('knows every code the server may send', () => {
    for (const code of Object.values(ErrorCode)) expect(toApiErrorCode(code)).toBe(code);
  });

  it.each([
    ['NOT_FOUND', NotFound('Das Formular „anlage-9“')],
    ['CONFLICT', Conflict('Diese Einreichung wurde bereits mit anderen Angaben gespeichert.')],
    ['FORM_VERSION_OUTDATED', FormVersionOutdated('a-version')],
    ['LIMIT_EXCEEDED', LimitExceeded('Höchstens 500 Einträge je Liste.', 'MAX_ARRAY_ITEMS')],
  ])('shows the server’s German message and the code for %s', (code, error) => {
    const shown = fromGraphQLErrors([asSent(error)]);
    expect(shown.code).toBe(code);
    expect(shown.message).toBe(error.message);
    expect(shown.message).not.toBe(apiErrorMessage(shown.code));
    expect(shown.shownCode).toBe(code);
  });

  it('says for SERVICE_UNAVAILABLE to try again shortly and that the input is kept, once each', () => {
    const shown = fromGraphQLErrors([asSent(ServiceUnavailable())]);
    expect(shown.code).toBe('SERVICE_UNAVAILABLE');
    expect(shown.message.startsWith(ServiceUnavailable().message)).toBe(true);
    expect(shown.message.match(/in Kürze erneut/g)).toHaveLength(1);
    expect(shown.message).toContain('Ihre Eingaben bleiben erhalten.');

    const custom = fromGraphQLErrors([asSent(ServiceUnavailable('Der Server wird gerade neu gestartet.'))]);
    expect(custom.message).toBe(
      'Der Server wird gerade neu gestartet. Bitte versuchen Sie es in Kürze erneut. Ihre Eingaben bleiben erhalten.',
    );
  });

  it.each([
    ['an unknown code', { message: 'Irgendwas', extensions: { code: 'SOMETHING_NEW' } }, 'UNKNOWN'],
    ['no code', { message: 'Unexpected error.' }, 'UNKNOWN'],
    [
      'an Apollo validation error',
      {
        message: 'Cannot query field "x" on type "Query".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      'BAD_USER_INPUT',
    ],
    ['an empty message', { message: ' ', extensions: { code: 'CONFLICT' } }, 'CONFLICT'],
    [
      'an overlong message',
      { message: 'x'.repeat(501), extensions: { code: 'BAD_USER_INPUT' } },
      'BAD_USER_INPUT',
    ],
  ] as const)('keeps the generic text and hides the code for %s', (_case, error, code) => {
    const shown = fromGraphQLErrors([error]);
    expect(shown.code).toBe(code);
    expect(shown.message).toBe(apiErrorMessage(code));
    expect(shown.shownCode).toBeUndefined();
  });

  it('keeps the generic text for an internal error and shows its code and request id', () => {
    const requestId = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';
    const shown = fromGraphQLErrors([
      {
        message: 'relation "submission" violates check constraint …',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
      },
    ]);
    expect(shown.code).toBe('INTERNAL_SERVER_ERROR');
    expect(shown.message).toBe(apiErrorMessage('INTERNAL_SERVER_ERROR'));
    expect([shown.shownCode, shown.requestId]).toEqual(['INTERNAL_SERVER_ERROR', requestId]);

    const odd = fromGraphQLErrors([
      { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: '<b>' } },
    ]);
    expect(odd.requestId).toBeUndefined();
  });

  it('takes the error from a GraphQL answer with any HTTP status', async () => {
    answer(400, { errors: [asSent(Conflict('Schon gespeichert.'))] });
    const shown = await failedRequest();
    expect([shown.code, shown.message, shown.shownCode]).toEqual([
      'CONFLICT',
      'Schon gespeichert.',
      'CONFLICT',
    ]);

    answer(503, { errors: [asSent(ServiceUnavailable())] });
    expect((await failedRequest()).shownCode).toBe('SERVICE_UNAVAILABLE');
  });

  it('answers HTTP 503 without a GraphQL body with try-again-shortly and input-kept', async () => {
    answer(503, '<html>Service Unavailable</html>', 'text/html');
    const shown = await failedRequest();
    expect(shown.code).toBe('SERVICE_UNAVAILABLE');
    expect(shown.message).toContain('in Kürze erneut');
    expect(shown.message).toContain('Ihre Eingaben bleiben erhalten.');
    expect(shown.shownCode).toBeUndefined();
  });

  it('keeps the generic texts for gateway errors, server errors without a body and network failures', async () => {
    answer(502, '<html>Bad Gateway</html>', 'text/html');
    expect((await failedRequest()).code).toBe('NETWORK_ERROR');
    answer(500, 'Internal Server Error', 'text/plain');
    expect((await failedRequest()).code).toBe('INTERNAL_SERVER_ERROR');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const offline = await failedRequest();
    expect([offline.code, offline.message, offline.shownCode]).toEqual([
      'NETWORK_ERROR',
      apiErrorMessage('NETWORK_ERROR'),
      undefined,
    ]);
  });

  it('sends the printed document and returns its data', async () => {
    answer(200, { data: { forms: [] } });
    await expect(graphqlRequest(formsQuery, undefined)).resolves.toEqual({ forms: [] });
    const [, init] = vi.mocked(fetch).mock.calls[0]!;
    expect(JSON.parse(String(init?.body)).query).toMatch(/^query Forms \{/);
  });
});
