import { ApiError, toApiErrorCode } from './errors.js';

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: unknown } }[];
}

export interface RequestOptions {
  signal?: AbortSignal;
}

const ENDPOINT = '/graphql';

/**
 * Sends one GraphQL operation and returns its `data`.
 * Throws an `ApiError` with a German message for network failures and for errors that ended the request.
 */
export const graphqlRequest = async <T, V extends Record<string, unknown> = Record<string, unknown>>(
  query: string,
  variables?: V,
  options: RequestOptions = {},
): Promise<T> => {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      // The server's CSRF prevention only lets JSON requests through.
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ query, variables }),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', { cause: error });
  }

  // A gateway in front of the API answers these when the API itself is down or unreachable.
  if ([502, 503, 504].includes(response.status)) throw new ApiError('NETWORK_ERROR');

  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'NETWORK_ERROR', { cause: error });
  }

  const firstError = body.errors?.[0];
  if (firstError) {
    throw new ApiError(toApiErrorCode(firstError.extensions?.code), { cause: body.errors });
  }
  if (!response.ok || body.data == null) {
    throw new ApiError(response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'UNKNOWN');
  }
  return body.data;
};
