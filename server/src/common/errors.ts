import { GraphQLError } from 'graphql';
import type { FieldError } from '../../../form-logic/index.js';

/**
 * The errors that end a request. Each carries a stable `extensions.code` that clients switch on;
 * messages are German because they may reach a user.
 */
export const ErrorCode = {
  NotFound: 'NOT_FOUND',
  Forbidden: 'FORBIDDEN',
  Unauthenticated: 'UNAUTHENTICATED',
  Conflict: 'CONFLICT',
  FormVersionOutdated: 'FORM_VERSION_OUTDATED',
  ValidationFailed: 'VALIDATION_FAILED',
  BadUserInput: 'BAD_USER_INPUT',
  /** A documented limit was reached (`extensions.limit` names it); the request did no work. */
  LimitExceeded: 'LIMIT_EXCEEDED',
  /** The database is unreachable or busy, or the server is stopping; try again later. */
  ServiceUnavailable: 'SERVICE_UNAVAILABLE',
  Internal: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

function appError(code: ErrorCode, message: string, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...details } });
}

export const NotFound = (what: string) => appError(ErrorCode.NotFound, `${what} wurde nicht gefunden.`);

/**
 * The caller may not do this. `details` may name the record (`entityType`, `entityId`), which the audit
 * trail's denial event then records, and a `reason`.
 */
export const Forbidden = (
  message = 'Sie haben keine Berechtigung für diese Aktion.',
  details?: { entityType?: string; entityId?: string; reason?: string } & Record<string, unknown>,
) => appError(ErrorCode.Forbidden, message, details);

export const Unauthenticated = () => appError(ErrorCode.Unauthenticated, 'Bitte melden Sie sich an.');

export const Conflict = (message: string, details?: Record<string, unknown>) =>
  appError(ErrorCode.Conflict, message, details);

export const FormVersionOutdated = (publishedVersionId: string | null) =>
  appError(
    ErrorCode.FormVersionOutdated,
    'Das Formular wurde inzwischen geändert. Bitte laden Sie die aktuelle Fassung; Ihre Eingaben bleiben erhalten.',
    { publishedVersionId },
  );

export const ValidationFailed = (message: string, fieldErrors: FieldError[] = []) =>
  appError(ErrorCode.ValidationFailed, message, { fieldErrors });

export const BadUserInput = (message: string, details?: Record<string, unknown>) =>
  appError(ErrorCode.BadUserInput, message, details);

export const LimitExceeded = (message: string, limit: string, details?: Record<string, unknown>) =>
  appError(ErrorCode.LimitExceeded, message, { limit, ...details });

export const ServiceUnavailable = (
  message = 'Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es in Kürze erneut.',
  details?: Record<string, unknown>,
) => appError(ErrorCode.ServiceUnavailable, message, details);

/** Codes whose messages are written for the client and may pass through unchanged. */
export const publicErrorCodes: ReadonlySet<string> = new Set([
  ...Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal),
  // Raised by Apollo Server and graphql-armor before a resolver runs.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
