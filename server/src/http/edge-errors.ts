import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../common/errors.js';
import { describeError } from './error-log.js';

/**
 * Codes of answers the HTTP layer gives before GraphQL runs, in addition to the error catalogue
 * (`common/errors.ts`). Stable: clients switch on them.
 */
export const EdgeErrorCode = {
  /** The body is not valid JSON, empty, or otherwise not a GraphQL request. */
  BadRequest: 'BAD_REQUEST',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  MethodNotAllowed: 'METHOD_NOT_ALLOWED',
  /** The Host header names a host this server is not configured for (ALLOWED_HOSTS). */
  HostNotAllowed: 'HOST_NOT_ALLOWED',
} as const;

export const GENERIC_INTERNAL_MESSAGE =
  'Es ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später erneut.';

/** An answer of the HTTP layer: status, stable code and a German message. */
export class EdgeError extends Error {
  override name = 'EdgeError';
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Whether a request addresses the GraphQL endpoint, whose clients expect GraphQL's error format. */
export function isGraphQLRequest(request: FastifyRequest): boolean {
  const pathname = request.url.split('?', 1)[0];
  return pathname === '/graphql' || pathname.startsWith('/graphql/');
}

/**
 * Sends `error` as `{ errors: [{ message, extensions: { code } }] }` on /graphql and as plain German
 * text elsewhere (the web app's pages and assets).
 */
export function sendEdgeError(request: FastifyRequest, reply: FastifyReply, error: EdgeError): FastifyReply {
  reply.code(error.statusCode);
  if (isGraphQLRequest(request)) {
    const extensions: Record<string, unknown> = { code: error.code, ...error.details };
    if (error.code === ErrorCode.Internal) extensions.requestId = request.id;
    return reply
      .type('application/json; charset=utf-8')
      .send(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
  }
  return reply.type('text/plain; charset=utf-8').send(error.message);
}

/** Maps an error raised by Fastify (body parsing, limits) or thrown by a handler to an EdgeError. */
function toEdgeError(error: FastifyError | Error, bodyLimitBytes: number): EdgeError {
  if (error instanceof EdgeError) return error;
  const code = (error as FastifyError).code;
  const status = (error as FastifyError).statusCode;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new EdgeError(
        413,
        ErrorCode.LimitExceeded,
        `Die Anfrage ist zu groß (höchstens ${bodyLimitBytes} Bytes).`,
        { limit: 'BODY_LIMIT_BYTES', maxBytes: bodyLimitBytes },
      );
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new EdgeError(
        415,
        EdgeErrorCode.UnsupportedMediaType,
        'Dieser Inhaltstyp wird nicht unterstützt. Bitte senden Sie application/json.',
      );
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new EdgeError(400, EdgeErrorCode.BadRequest, 'Der Inhalt der Anfrage ist kein gültiges JSON.');
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new EdgeError(status, EdgeErrorCode.BadRequest, 'Die Anfrage ist ungültig.');
  }
  return new EdgeError(500, ErrorCode.Internal, GENERIC_INTERNAL_MESSAGE);
}

/**
 * Every error the HTTP layer sees becomes a German answer with a stable code. Client errors are
 * logged at info level, anything else at error level with its class, never with the request's data.
 */
export function registerEdgeErrorHandler(http: FastifyInstance, bodyLimitBytes: number): void {
  http.setErrorHandler((error, request, reply) => {
    const edgeError = toEdgeError(error as FastifyError, bodyLimitBytes);
    if (edgeError.statusCode >= 500) {
      request.log.error({ error: describeError(error) }, 'Anfrage fehlgeschlagen');
    } else {
      request.log.info({ code: edgeError.code, status: edgeError.statusCode }, 'Anfrage abgelehnt');
    }
    return sendEdgeError(request, reply, edgeError);
  });
}
