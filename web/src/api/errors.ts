/** Stable error codes of the API plus the two that arise in the browser. */
export type ApiErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'FORM_VERSION_OUTDATED'
  | 'VALIDATION_FAILED'
  | 'BAD_USER_INPUT'
  | 'LIMIT_EXCEEDED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR'
  | 'UNKNOWN';

const KEEPS_INPUT = 'Ihre Eingaben bleiben erhalten.';
const TRY_AGAIN_SHORTLY = 'Bitte versuchen Sie es in Kürze erneut.';

const messages: Record<ApiErrorCode, string> = {
  NOT_FOUND: 'Der angeforderte Eintrag wurde nicht gefunden.',
  FORBIDDEN: 'Sie haben keine Berechtigung für diese Aktion.',
  UNAUTHENTICATED: 'Bitte melden Sie sich an, um fortzufahren.',
  CONFLICT:
    'Die Angaben wurden zwischenzeitlich anders gespeichert oder geändert. Bitte prüfen Sie den aktuellen Stand.',
  FORM_VERSION_OUTDATED: `Von diesem Formular wurde inzwischen eine neue Fassung veröffentlicht. ${KEEPS_INPUT}`,
  VALIDATION_FAILED:
    'Einige Angaben sind unvollständig oder fehlerhaft. Bitte prüfen Sie die markierten Felder.',
  BAD_USER_INPUT: 'Die Anfrage enthielt ungültige Angaben.',
  LIMIT_EXCEEDED: 'Die Anfrage überschreitet eine Grenze der Plattform und wurde nicht ausgeführt.',
  SERVICE_UNAVAILABLE: `Der Dienst ist vorübergehend nicht verfügbar. ${TRY_AGAIN_SHORTLY} ${KEEPS_INPUT}`,
  INTERNAL_SERVER_ERROR: `Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut. ${KEEPS_INPUT}`,
  NETWORK_ERROR: `Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut. ${KEEPS_INPUT}`,
  UNKNOWN: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
};

/**
 * Codes whose messages the server writes for users (server/src/common/errors.ts): their German text
 * says what happened better than any generic one. Internal errors and Apollo's own codes, whose
 * messages are English or technical, keep the generic texts.
 */
const SERVER_WRITTEN_CODES: ReadonlySet<ApiErrorCode> = new Set<ApiErrorCode>([
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'CONFLICT',
  'FORM_VERSION_OUTDATED',
  'VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'LIMIT_EXCEEDED',
  'SERVICE_UNAVAILABLE',
]);

/** Sentences a message must carry for some codes, whatever the server wrote. */
const REQUIRED_ADVICE: Partial<Record<ApiErrorCode, string[]>> = {
  SERVICE_UNAVAILABLE: [TRY_AGAIN_SHORTLY, KEEPS_INPUT],
};

/** Longer texts are not written for people; the generic message is shown instead. */
const MAX_SERVER_MESSAGE_LENGTH = 500;

const knownCodes = new Set<string>(Object.keys(messages));

/** Maps whatever `extensions.code` the server sent to one of our codes. */
export const toApiErrorCode = (code: unknown): ApiErrorCode => {
  if (typeof code === 'string' && knownCodes.has(code)) return code as ApiErrorCode;
  // Apollo's own codes for malformed operations are programming errors on our side.
  if (code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED' || code === 'BAD_REQUEST') {
    return 'BAD_USER_INPUT';
  }
  return 'UNKNOWN';
};

/** The generic German message for an error code. */
export const apiErrorMessage = (code: ApiErrorCode): string => messages[code];

const withAdvice = (message: string, code: ApiErrorCode): string => {
  const missing = (REQUIRED_ADVICE[code] ?? []).filter((sentence) => !message.includes(sentence));
  return [message, ...missing].join(' ');
};

/**
 * An error that ended a request. `message` is always German and safe to show: the server's own
 * message for the codes it writes for users, a generic text otherwise.
 */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  /** The code to show beside the message: set when the server sent it (its message, or an internal error). */
  readonly shownCode: ApiErrorCode | undefined;
  /** The server's id of the failed request, which names it in the server's log. */
  readonly requestId: string | undefined;
  /** Why, where the server says (`extensions.reason`, e.g. `INVALID_CREDENTIALS`, `PASSWORD_CHANGE_REQUIRED`). */
  readonly reason: string | undefined;
  /** Which limit was reached, for LIMIT_EXCEEDED (`extensions.limit`, e.g. `LOGIN_THROTTLE`). */
  readonly limit: string | undefined;
  /** How long to wait before trying again, where the server says (`extensions.retryAfterSeconds`). */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ApiErrorCode,
    options?: {
      serverMessage?: string;
      fromServer?: boolean;
      requestId?: string;
      reason?: string;
      limit?: string;
      retryAfterSeconds?: number;
      cause?: unknown;
    },
  ) {
    const serverMessage = options?.serverMessage;
    super(serverMessage ? withAdvice(serverMessage, code) : apiErrorMessage(code), { cause: options?.cause });
    this.name = 'ApiError';
    this.code = code;
    this.shownCode = serverMessage || options?.fromServer ? code : undefined;
    this.requestId = options?.requestId;
    this.reason = options?.reason;
    this.limit = options?.limit;
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** One entry of a GraphQL response's `errors`, as far as the web reads it. */
export interface GraphQLErrorEntry {
  message?: unknown;
  extensions?: {
    code?: unknown;
    requestId?: unknown;
    reason?: unknown;
    limit?: unknown;
    retryAfterSeconds?: unknown;
  } | null;
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;
const TOKEN = /^[A-Z][A-Z0-9_]{0,63}$/;

const token = (value: unknown): string | undefined =>
  typeof value === 'string' && TOKEN.test(value) ? value : undefined;

/** Turns the first error of a GraphQL response into an `ApiError`, keeping the server's message where it is meant for users. */
export const fromGraphQLErrors = (errors: readonly GraphQLErrorEntry[]): ApiError => {
  const first = errors[0];
  const rawCode = first?.extensions?.code;
  const code = toApiErrorCode(rawCode);
  const message = typeof first?.message === 'string' ? first.message.trim() : '';
  const isServerWritten =
    rawCode === code &&
    SERVER_WRITTEN_CODES.has(code) &&
    message.length > 0 &&
    message.length <= MAX_SERVER_MESSAGE_LENGTH;
  const requestId = first?.extensions?.requestId;
  const retryAfter = first?.extensions?.retryAfterSeconds;
  return new ApiError(code, {
    reason: token(first?.extensions?.reason),
    limit: token(first?.extensions?.limit),
    retryAfterSeconds:
      typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0
        ? Math.ceil(retryAfter)
        : undefined,
    serverMessage: isServerWritten ? message : undefined,
    // An internal error keeps the generic text, but its code and request id help whoever looks into it.
    fromServer: rawCode === 'INTERNAL_SERVER_ERROR',
    requestId: typeof requestId === 'string' && REQUEST_ID.test(requestId) ? requestId : undefined,
    cause: errors,
  });
};

/** Turns anything thrown by a request into an `ApiError`. */
export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError('UNKNOWN', { cause: error });
