import type { FormValues } from '../../../form-logic/index.js';

const KEY_PREFIX = 'sozialraum-plattform:entwurf:';

/** What the browser keeps of a form being filled, per form version. */
export interface FormDraft {
  data: FormValues;
  /** Reused for every submit attempt of this fill, so a retry never stores twice. */
  clientSubmissionId: string;
  savedAt: string;
}

const storageKey = (formVersionId: string) => `${KEY_PREFIX}${formVersionId}`;

const isDraft = (value: unknown): value is FormDraft => {
  const draft = value as Partial<FormDraft> | null;
  return (
    typeof draft === 'object' &&
    draft !== null &&
    typeof draft.data === 'object' &&
    draft.data !== null &&
    !Array.isArray(draft.data) &&
    typeof draft.clientSubmissionId === 'string' &&
    typeof draft.savedAt === 'string'
  );
};

// Storage can be unavailable (private mode, full quota, blocked by policy): the form then works without it.

/** The saved draft of a form version, or `null`. */
export const loadDraft = (formVersionId: string): FormDraft | null => {
  try {
    const raw = window.localStorage.getItem(storageKey(formVersionId));
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isDraft(parsed) ? parsed : null;
  } catch {
    return null;
  }
};

/** Saves the draft; returns false when the browser refused. */
export const saveDraft = (formVersionId: string, draft: FormDraft): boolean => {
  try {
    window.localStorage.setItem(storageKey(formVersionId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
};

export const clearDraft = (formVersionId: string): void => {
  try {
    window.localStorage.removeItem(storageKey(formVersionId));
  } catch {
    // nothing to clean up when storage is unavailable
  }
};

/**
 * A random UUID v4. `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost); an
 * intranet installation on plain HTTP still has `getRandomValues`.
 */
export const newClientSubmissionId = (): string => {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
