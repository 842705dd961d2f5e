import { DriverException } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';

/** What a log line may say about a failure of the database driver: never its message, SQL or values. */
const SAFE_DRIVER_FIELDS = ['code', 'constraint', 'table', 'column', 'routine'] as const;

/**
 * A description of `error` for the log that carries no submitted data: database errors are reduced to
 * their class, SQLSTATE and the names of the constraint, table and column (their messages contain the
 * SQL with its parameter values, their details the offending values); other errors keep message and
 * stack, which come from the code.
 */
export function describeError(error: unknown): Record<string, unknown> {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // GraphQL wraps what a resolver threw; the cause says what went wrong.
  while (current instanceof GraphQLError && current.originalError && !seen.has(current)) {
    seen.add(current);
    current = current.originalError;
  }
  if (current instanceof DriverException || isDriverError(current)) {
    const described: Record<string, unknown> = { type: (current as Error).name };
    for (const field of SAFE_DRIVER_FIELDS) {
      const value = (current as unknown as Record<string, unknown>)[field];
      if (typeof value === 'string') described[field === 'code' ? 'sqlState' : field] = value;
    }
    return described;
  }
  if (current instanceof Error) {
    return { type: current.name, message: current.message, stack: current.stack };
  }
  return { type: typeof current };
}

/** pg's own errors (before MikroORM converts them) carry a five-character SQLSTATE and a severity. */
function isDriverError(error: unknown): boolean {
  const candidate = error as { code?: unknown; severity?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(candidate.code) &&
    typeof candidate.severity === 'string'
  );
}
