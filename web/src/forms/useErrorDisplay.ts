import type { JsonSchema, UISchemaElement, ValidationMode } from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { FieldError } from '../../../form-logic/index.js';
import type { ErrorSummaryEntry } from './ErrorSummary.js';
import { errorSummaryEntries } from './error-summary-entries.js';
import { errorPointer, serverErrorToAjvError } from './paths.js';
import { isDerivedField } from './schema-lookup.js';

const DERIVE_FAILED_MESSAGE = 'kann nicht berechnet werden; bitte prüfen Sie die zugehörigen Angaben';

interface UseErrorDisplayOptions {
  schema: JsonSchema;
  uischema: UISchemaElement;
  /** Errors of the browser's validation (JSON Forms reports them with every change). */
  clientErrors: ErrorObject[];
  /** Field errors the server returned for the last submit. */
  serverErrors: FieldError[];
  /** Calculations of derived values that failed. */
  deriveErrors: FieldError[];
  submitAttempted: boolean;
}

/**
 * Decides which errors the form shows: before the first submit attempt only those of fields the
 * user has changed and left (no wall of red on an empty form), afterwards all of them plus the
 * error summary. Server errors are always shown.
 */
export const useErrorDisplay = ({
  schema,
  uischema,
  clientErrors,
  serverErrors,
  deriveErrors,
  submitAttempted,
}: UseErrorDisplayOptions) => {
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const pendingTouched = useRef(new Set<string>());

  /** Notes fields the user changed; they count as touched once focus leaves them. */
  const noteChanged = useCallback((pointers: string[]) => {
    for (const pointer of pointers) pendingTouched.current.add(pointer);
  }, []);

  const handleFocusOut = useCallback(() => {
    if (pendingTouched.current.size === 0) return;
    const additions = [...pendingTouched.current];
    pendingTouched.current.clear();
    setTouched((current) => new Set([...current, ...additions]));
  }, []);

  const resetTouched = useCallback(() => {
    pendingTouched.current.clear();
    setTouched(new Set());
  }, []);

  const isVisibleBeforeSubmit = useCallback(
    (error: ErrorObject) => {
      if (touched.size === 0) return false;
      const pointer = errorPointer(error);
      // Totals change because of other fields: show their problems once the user has started.
      if (isDerivedField(schema, pointer)) return true;
      if (touched.has(pointer)) return true;
      for (const path of touched) if (path.startsWith(`${pointer}/`)) return true;
      return false;
    },
    [touched, schema],
  );

  // A calculation fails mostly because an input is invalid, which that input's error explains;
  // only with otherwise valid data is the failed calculation itself worth a message.
  const shownDeriveErrors = useMemo(
    () =>
      clientErrors.length > 0
        ? []
        : deriveErrors.map((error) => ({ path: error.path, message: DERIVE_FAILED_MESSAGE })),
    [clientErrors, deriveErrors],
  );

  const validationMode: ValidationMode = submitAttempted ? 'ValidateAndShow' : 'ValidateAndHide';

  /** For JSON Forms' `additionalErrors`: shown at their fields in addition to (or, before a submit, instead of) its own. */
  const additionalErrors = useMemo(() => {
    const fromServer = [...serverErrors, ...shownDeriveErrors].map(serverErrorToAjvError);
    if (submitAttempted) return fromServer;
    return [...clientErrors.filter(isVisibleBeforeSubmit), ...fromServer];
  }, [serverErrors, shownDeriveErrors, submitAttempted, clientErrors, isVisibleBeforeSubmit]);

  const summaryEntries: ErrorSummaryEntry[] = useMemo(() => {
    if (!submitAttempted) return [];
    const all = [...clientErrors, ...[...serverErrors, ...shownDeriveErrors].map(serverErrorToAjvError)];
    return errorSummaryEntries(all, schema, uischema);
  }, [submitAttempted, clientErrors, serverErrors, shownDeriveErrors, schema, uischema]);

  return { validationMode, additionalErrors, summaryEntries, noteChanged, handleFocusOut, resetTouched };
};
