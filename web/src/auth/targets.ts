/** Query parameter that carries the page to return to after signing in. */
export const TARGET_PARAM = 'ziel';

export const LOGIN_PATH = '/anmelden';
export const CHANGE_PASSWORD_PATH = '/passwort-aendern';

/** A target inside the app only (`/…`, never `//host` or a full URL), else the start page. */
export const safeTarget = (value: string | null | undefined): string =>
  value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';

/** `/anmelden?ziel=%2Fforms%2Fevaluation` for the page the user wanted. */
export const withTarget = (path: string, target: string): string =>
  target === '/' ? path : `${path}?${new URLSearchParams({ [TARGET_PARAM]: target }).toString()}`;
