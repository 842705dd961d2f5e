/** Stable error codes of the API plus the two that arise in the browser. */
export type ApiErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'FORM_VERSION_OUTDATED'
  | 'VALIDATION_FAILED'
  | 'BAD_USER_INPUT'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK_ERROR'
  | 'UNKNOWN';

const messages: Record<ApiErrorCode, string> = {
  NOT_FOUND: 'Der angeforderte Eintrag wurde nicht gefunden.',
  FORBIDDEN: 'Sie haben keine Berechtigung für diese Aktion.',
  UNAUTHENTICATED: 'Bitte melden Sie sich an, um fortzufahren.',
  CONFLICT:
    'Die Angaben wurden zwischenzeitlich anders gespeichert oder geändert. Bitte prüfen Sie den aktuellen Stand.',
  FORM_VERSION_OUTDATED:
    'Von diesem Formular wurde inzwischen eine neue Fassung veröffentlicht. Ihre Eingaben bleiben erhalten.',
  VALIDATION_FAILED:
    'Einige Angaben sind unvollständig oder fehlerhaft. Bitte prüfen Sie die markierten Felder.',
  BAD_USER_INPUT: 'Die Anfrage enthielt ungültige Angaben.',
  INTERNAL_SERVER_ERROR:
    'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später erneut. Ihre Eingaben bleiben erhalten.',
  NETWORK_ERROR:
    'Der Server ist nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut. Ihre Eingaben bleiben erhalten.',
  UNKNOWN: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es erneut.',
};

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

/** The German message shown to the user for an error code. */
export const apiErrorMessage = (code: ApiErrorCode): string => messages[code];

/** An error that ended a request; `message` is always German and safe to show. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;

  constructor(code: ApiErrorCode, options?: { cause?: unknown }) {
    super(apiErrorMessage(code), options);
    this.name = 'ApiError';
    this.code = code;
  }
}

/** Turns anything thrown by a request into an `ApiError`. */
export const toApiError = (error: unknown): ApiError =>
  error instanceof ApiError ? error : new ApiError('UNKNOWN', { cause: error });
