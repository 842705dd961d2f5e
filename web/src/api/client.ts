import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import { ApiError, fromGraphQLErrors, type GraphQLErrorEntry } from './errors.js';

interface GraphQLResponse {
  data?: unknown;
  errors?: GraphQLErrorEntry[];
}

export interface RequestOptions {
  signal?: AbortSignal;
}

/** The variables argument of an operation: optional when it declares none. */
export type VariablesArgs<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

const ENDPOINT = '/graphql';

const printed = new WeakMap<object, string>();

/** The operation's text; documents are module constants, so each is printed once. */
export const documentText = (document: DocumentNode): string => {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
};

type ErrorListener = (error: ApiError) => void;
const errorListeners = new Set<ErrorListener>();

/**
 * Registers a listener for errors that concern the whole app rather than one request: a missing or
 * expired session (UNAUTHENTICATED) and a password that must be changed first. Returns the unsubscribe.
 */
export const onSessionError = (listener: ErrorListener): (() => void) => {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
};

/** Whether an error means the caller has to sign in (again) or change the password first. */
export const isSessionError = (error: ApiError): boolean =>
  error.code === 'UNAUTHENTICATED' ||
  (error.code === 'FORBIDDEN' && error.reason === 'PASSWORD_CHANGE_REQUIRED');

const isGraphQLResponse = (body: unknown): body is GraphQLResponse =>
  typeof body === 'object' && body !== null && !Array.isArray(body);

/**
 * Sends one GraphQL operation (a document generated from schema.graphql, see web/src/gql) and returns
 * its `data`, typed by the document. Throws an `ApiError` for network failures and for errors that
 * ended the request.
 */
export const graphqlRequest = async <R, V>(
  document: TypedDocumentNode<R, V>,
  variables: V | undefined,
  options: RequestOptions = {},
): Promise<R> => {
  let response: Response;
  try {
    response = await fetch(ENDPOINT, {
      method: 'POST',
      // The server's CSRF prevention only lets JSON requests through.
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ query: documentText(document), variables }),
      signal: options.signal,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError('NETWORK_ERROR', { cause: error });
  }

  // A gateway in front of the API answers these when the API itself is down or unreachable.
  if (response.status === 502 || response.status === 504) throw new ApiError('NETWORK_ERROR');

  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new ApiError(statusCode(response.status), { cause: error });
  }

  if (isGraphQLResponse(body) && Array.isArray(body.errors) && body.errors.length > 0) {
    const error = fromGraphQLErrors(body.errors);
    // A failed sign-in is the sign-in form's own business, not a lost session.
    if (isSessionError(error) && error.reason !== 'INVALID_CREDENTIALS') {
      for (const listener of errorListeners) listener(error);
    }
    throw error;
  }
  if (!response.ok || !isGraphQLResponse(body) || body.data == null) {
    throw new ApiError(response.status >= 500 ? statusCode(response.status) : 'UNKNOWN');
  }
  return body.data as R;
};

/** The code for an answer that carries no GraphQL error. */
const statusCode = (status: number) =>
  status === 503 ? 'SERVICE_UNAVAILABLE' : status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'NETWORK_ERROR';
