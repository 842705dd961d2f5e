/**
 * A start that cannot go on, with a German message that says what is wrong and what to do. It is printed
 * as it is, without a stack trace.
 */
export class StartupError extends Error {
  override name = 'StartupError';
}

/**
 * One readable line for anything that was thrown: some libraries reject with `undefined`, strings or
 * `AggregateError`s whose own message is empty (a connection to `localhost` tried on ::1 and 127.0.0.1).
 */
export function describeError(error: unknown): string {
  if (error === undefined || error === null) return 'unbekannter Fehler (ohne Angabe)';
  if (typeof error === 'string') return error || 'unbekannter Fehler (ohne Angabe)';
  if (error instanceof AggregateError) {
    const inner = [...new Set(error.errors.map((item) => describeError(item)))];
    if (error.message && inner.length) return `${error.message}: ${inner.join('; ')}`;
    if (inner.length) return inner.join('; ');
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const message = error.message || error.name;
    const withCode = typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
    return error.cause !== undefined && error.cause !== error
      ? `${withCode}; Ursache: ${describeError(error.cause)}`
      : withCode;
  }
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
