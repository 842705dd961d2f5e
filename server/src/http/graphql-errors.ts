import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyBaseLogger } from 'fastify';
import type { GraphQLFormattedError } from 'graphql';
import { toClientError } from '../common/client-error.js';
import type { GraphQLContext } from '../common/context.js';
import { ErrorCode, publicErrorCodes } from '../common/errors.js';
import { GENERIC_INTERNAL_MESSAGE } from './edge-errors.js';
import { describeError } from './error-log.js';

/**
 * What a client sees of an error: errors written for clients (the catalogue, GraphQL syntax and
 * validation errors) unchanged, database failures with a meaning (conflict, timeout, unavailable,
 * a value PostgreSQL refuses) as their code, anything else as one generic German message. In every
 * mode: no SQL, stack trace or file path reaches a client.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && publicErrorCodes.has(code)) {
    return formatted;
  }
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  const clientError = toClientError(error);
  if (clientError) {
    const { http: _http, ...extensions } = clientError.extensions;
    return { message: clientError.message, ...where, extensions };
  }
  return { message: GENERIC_INTERNAL_MESSAGE, ...where, extensions: { code: ErrorCode.Internal } };
}

/**
 * Logs each failed operation with its name, the error code and class and the request id (never the
 * query's variables or the SQL), and gives internal errors the request id, so support can find the
 * log line a user reports.
 */
export function errorReportingPlugin(log: FastifyBaseLogger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      const requestId = contextValue.requestId;
      return {
        async didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            if (typeof code === 'string' && publicErrorCodes.has(code)) {
              log.debug({ reqId: requestId, operationName, code }, 'GraphQL-Anfrage abgelehnt');
              continue;
            }
            const clientError = toClientError(error);
            if (clientError) {
              log.warn(
                {
                  reqId: requestId,
                  operationName,
                  code: clientError.extensions.code,
                  reason: clientError.extensions.reason,
                  error: describeError(error),
                },
                'GraphQL-Anfrage: Datenbank-Fehler',
              );
            } else {
              log.error(
                {
                  reqId: requestId,
                  operationName,
                  code: ErrorCode.Internal,
                  path: error.path,
                  error: describeError(error),
                },
                'GraphQL-Anfrage fehlgeschlagen',
              );
            }
          }
        },
        async willSendResponse({ response }) {
          if (!requestId || response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            if (error.extensions?.code === ErrorCode.Internal) {
              (error as { extensions: Record<string, unknown> }).extensions = {
                ...error.extensions,
                requestId,
              };
            }
          }
        },
      };
    },
  };
}
