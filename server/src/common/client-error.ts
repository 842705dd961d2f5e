import {
  ConnectionException,
  DeadlockException,
  DriverException,
  LockWaitTimeoutException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { BadUserInput, Conflict, ErrorCode, LimitExceeded, ServiceUnavailable } from './errors.js';

/** SQLSTATE classes and codes that mean the database cannot serve right now. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08003',
  '08006',
  '08001',
  '08004',
]);
/** Node socket errors of a connection that failed or was cut. */
const UNAVAILABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGES = [
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /Timeout acquiring a connection/i,
  /the database system is (starting up|shutting down)/i,
  /terminating connection due to administrator command/i,
  /Unable to acquire a connection/i,
  /pool is (probably full|destroyed)/i,
];

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function* causes(error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let current = error; current && !seen.has(current); current = (current as { cause?: unknown }).cause) {
    seen.add(current);
    yield current;
    // A connection to `localhost` is tried on ::1 and 127.0.0.1; both failures come in one AggregateError.
    if (current instanceof AggregateError) for (const inner of current.errors) yield* causes(inner);
  }
}

/** Whether `error` means the database is unreachable, restarting or has no connection to spare. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const cause of causes(error)) {
    if (cause instanceof ConnectionException) return true;
    const code = codeOf(cause);
    if (code && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NODE_CODES.has(code))) return true;
    const message = (cause as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message)))
      return true;
  }
  return false;
}

/**
 * The one place where failures of the database layer become client errors with a stable code:
 * conflicts between concurrent commands, timeouts and an unavailable database. Errors already written
 * for clients pass through; anything else returns null and is an internal error.
 * @param during a `command` cut off by statement_timeout was usually held up by concurrent work, so it
 *   is a CONFLICT; a `query` that runs that long asked for too much (LIMIT_EXCEEDED)
 */
export function toClientError(error: unknown, during: 'command' | 'query' = 'query'): GraphQLError | null {
  if (error instanceof GraphQLError) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && code !== ErrorCode.Internal) return error;
    if (error.originalError && error.originalError !== error)
      return toClientError(error.originalError, during);
    return null;
  }
  if (error instanceof OptimisticLockError) {
    return Conflict(
      'Der Datensatz wurde inzwischen von jemand anderem gespeichert. Bitte laden Sie ihn neu; Ihre Änderungen wurden nicht gespeichert.',
      { reason: 'STALE_REVISION' },
    );
  }
  if (error instanceof UniqueConstraintViolationException) {
    return Conflict(
      'Ein gleichzeitiger Vorgang hat denselben Datensatz bereits angelegt. Bitte laden Sie neu.',
      {
        reason: 'CONCURRENT_CHANGE',
      },
    );
  }
  if (error instanceof DeadlockException) {
    return Conflict(
      'Ein gleichzeitiger Vorgang hat dieselben Daten geändert. Bitte versuchen Sie es erneut.',
      {
        reason: 'CONCURRENT_CHANGE',
      },
    );
  }
  if (error instanceof LockWaitTimeoutException || codeOf(error) === '55P03') {
    return Conflict(
      'Die Daten werden gerade von einem anderen Vorgang bearbeitet. Bitte versuchen Sie es erneut.',
      {
        reason: 'LOCKED',
      },
    );
  }
  if (isDatabaseUnavailable(error)) return ServiceUnavailable();
  if (error instanceof DriverException || codeOf(error)) {
    switch (codeOf(error)) {
      case '57014': // statement_timeout
        return during === 'command'
          ? Conflict(
              'Der Vorgang hat zu lange gedauert und wurde abgebrochen; es wurde nichts gespeichert. Bitte versuchen Sie es erneut.',
              { reason: 'STATEMENT_TIMEOUT' },
            )
          : LimitExceeded('Die Anfrage hat zu lange gedauert und wurde abgebrochen.', 'STATEMENT_TIMEOUT');
      case '22P02': // invalid text representation (e.g. a malformed uuid)
      case '22021': // invalid byte sequence
      case '22P05': // untranslatable character (NUL in text or json)
      case '22001': // value too long
      case '22003': // numeric value out of range
      case '22007': // invalid datetime format
      case '22008': // datetime field overflow
        return BadUserInput('Die Anfrage enthält einen Wert, der nicht gespeichert werden kann.');
    }
  }
  return null;
}
