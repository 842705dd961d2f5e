import { type JsonSchema, type Middleware, UPDATE_CORE } from '@jsonforms/core';
import type { Ajv, ErrorObject } from 'ajv';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  deriveValues,
  type FieldError,
  type FormValues,
  type JsonSchemaObject,
} from '../../../form-logic/index.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { type RenderableFormVersion, submitForm } from './api.js';
import { clearDraft, loadDraft, newClientSubmissionId, saveDraft } from './draft-storage.js';
import { withRequiredObjects } from './initial-data.js';
import { changedPointers } from './paths.js';
import { isDerivedField } from './schema-lookup.js';
import { sameJson } from './stable-json.js';
import { useErrorDisplay } from './useErrorDisplay.js';

export type SubmitStatus =
  { kind: 'idle' } | { kind: 'submitting' } | { kind: 'invalid' } | { kind: 'failed'; error: ApiError };

/** Data handed over from an earlier version of the same form (after „Neue Fassung laden“). */
export interface CarriedOverFill {
  data: FormValues;
  clientSubmissionId: string;
  fromVersionId: string;
}

interface UseFormFillOptions {
  version: RenderableFormVersion;
  ajv: Ajv;
  carriedOver?: CarriedOverFill;
  onSubmitted: (submissionId: string) => void;
}

const sameErrors = (a: readonly ErrorObject[], b: readonly ErrorObject[]) =>
  a.length === b.length &&
  a.every((error, index) => {
    const other = b[index]!;
    return (
      error.instancePath === other.instancePath &&
      error.schemaPath === other.schemaPath &&
      error.keyword === other.keyword &&
      error.message === other.message
    );
  });

// Inputs hand their last keystroke to JSON Forms on blur, and JSON Forms reports changes after 10 ms.
const SETTLE_MS = 40;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * Everything about filling one form version: data with live derived values, a draft in
 * localStorage, which errors to show (touched fields before the first submit, all after it),
 * the error summary, and an idempotent submit.
 */
export const useFormFill = ({ version, ajv, carriedOver, onSubmitted }: UseFormFillOptions) => {
  const schema = version.schema as JsonSchema;
  const logicSchema = version.schema as JsonSchemaObject;

  const [initial] = useState(() => {
    // The older version's draft moves over to this version.
    if (carriedOver) clearDraft(carriedOver.fromVersionId);
    const draft = carriedOver ? null : loadDraft(version.id);
    const source = carriedOver?.data ?? draft?.data ?? {};
    return {
      data: withRequiredObjects(schema, source),
      clientSubmissionId:
        carriedOver?.clientSubmissionId ?? draft?.clientSubmissionId ?? newClientSubmissionId(),
      restoredAt: draft?.savedAt,
      dirty: carriedOver !== undefined,
    };
  });

  const [data, setData] = useState<FormValues>(initial.data);
  const [clientErrors, setClientErrors] = useState<ErrorObject[]>([]);
  const [deriveErrors, setDeriveErrors] = useState<FieldError[]>([]);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  /** Field errors the server counted beyond the ones it listed (it lists at most 100). */
  const [unlistedServerErrors, setUnlistedServerErrors] = useState(0);
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [dirty, setDirty] = useState(initial.dirty);
  const [restoredAt, setRestoredAt] = useState(initial.restoredAt);
  const [status, setStatus] = useState<SubmitStatus>({ kind: 'idle' });
  /** Increases whenever the error summary or the failure message should take focus. */
  const [focusRequest, setFocusRequest] = useState(0);

  const dataRef = useRef(data);
  /** The data inside JSON Forms, which may be a keystroke ahead of `data` (JSON Forms reports changes debounced). */
  const coreDataRef = useRef<unknown>(initial.data);
  const clientSubmissionId = useRef(initial.clientSubmissionId);
  const deriveSeq = useRef(0);
  /** The last data pushed into JSON Forms and the core data it was computed from. */
  const lastPush = useRef<{ data: unknown; basis: unknown }>({ data: initial.data, basis: undefined });
  const [jsonFormsData, setJsonFormsData] = useState<FormValues>(initial.data);
  const submitting = useRef(false);
  const submitted = useRef(false);

  const validate = useMemo(() => ajv.compile(schema), [ajv, schema]);
  const errorDisplay = useErrorDisplay({
    schema,
    uischema: version.uischema,
    clientErrors,
    serverErrors,
    deriveErrors,
    submitAttempted,
  });
  const { noteChanged } = errorDisplay;

  /**
   * JSON Forms re-sends its `data` prop with UPDATE_CORE whenever errors or the validation mode change;
   * that prop can be a keystroke behind the core (the effect runs after the user typed on). So the core
   * keeps its own data, unless the action carries a push whose basis is still what the core holds.
   * Pure in `state` and `action` (React may call it twice).
   */
  const middleware = useCallback<Middleware>((state, action, reducer) => {
    let effective = action;
    if (action.type === UPDATE_CORE) {
      const push = lastPush.current;
      const isCurrentPush =
        action.data === push.data && (state.data === push.basis || state.data === push.data);
      if (!isCurrentPush) effective = { ...action, data: state.data };
    }
    const next = reducer(state, effective);
    coreDataRef.current = next.data;
    return next;
  }, []);

  /** Takes over data JSON Forms reported. */
  const acceptData = useCallback((next: FormValues) => {
    dataRef.current = next;
    setData(next);
  }, []);

  /** Pushes data into JSON Forms (derived values, sample data): it becomes what JSON Forms holds. */
  const pushData = useCallback((next: FormValues) => {
    lastPush.current = { data: next, basis: coreDataRef.current };
    coreDataRef.current = next;
    dataRef.current = next;
    setJsonFormsData(next);
    setData(next);
  }, []);

  const runDerive = useCallback(
    async (source: FormValues) => {
      const seq = ++deriveSeq.current;
      const result = await deriveValues(logicSchema, source);
      // A newer change exists (maybe not even reported yet): its own run will apply.
      if (seq !== deriveSeq.current || !sameJson(coreDataRef.current, source)) return;
      setDeriveErrors((previous) => (sameJson(previous, result.errors) ? previous : result.errors));
      if (!sameJson(result.data, source)) pushData(result.data);
    },
    [logicSchema, pushData],
  );

  // Derive the restored data once on mount; state is only set after the asynchronous derive.
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void runDerive(initial.data);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const handleChange = useCallback(
    ({ data: next, errors }: { data: FormValues; errors: ErrorObject[] }) => {
      setClientErrors((previous) => (sameErrors(previous, errors) ? previous : errors));
      const previous = dataRef.current;
      if (next === previous || sameJson(next, previous)) return;
      const changed = changedPointers(previous, next);
      acceptData(next);
      if (changed.length > 0) {
        noteChanged(changed);
        setDirty(true);
        // A server message about a field the user has just changed (or about a total) no longer applies.
        setServerErrors((current) => {
          const remaining = current.filter(
            (error) =>
              !isDerivedField(schema, error.path) &&
              !changed.some((pointer) => error.path === pointer || error.path.startsWith(`${pointer}/`)),
          );
          return remaining.length === current.length ? current : remaining;
        });
      }
      void runDerive(next);
    },
    [acceptData, runDerive, schema, noteChanged],
  );

  // Keep the draft with every change, so a crash or a closed tab loses nothing.
  useEffect(() => {
    if (!dirty || submitted.current) return;
    saveDraft(version.id, {
      data,
      clientSubmissionId: clientSubmissionId.current,
      savedAt: new Date().toISOString(),
    });
  }, [data, dirty, version.id]);

  const submit = useCallback(async () => {
    if (submitting.current) return;
    submitting.current = true;
    setStatus({ kind: 'submitting' });
    setUnlistedServerErrors(0);
    try {
      await settle();
      const source = withRequiredObjects(schema, (coreDataRef.current ?? dataRef.current) as FormValues);
      const derived = await deriveValues(logicSchema, source);
      if (!sameJson(derived.data, source)) pushData(derived.data);
      const valid = validate(derived.data) as boolean;
      const errors = [...(validate.errors ?? [])];
      setClientErrors(errors);
      setDeriveErrors(derived.errors);
      setSubmitAttempted(true);
      if (!valid || derived.errors.length > 0) {
        setStatus({ kind: 'invalid' });
        setFocusRequest((n) => n + 1);
        return;
      }
      const {
        submission,
        errors: fieldErrors,
        errorCount,
      } = await submitForm({
        formKey: version.formKey,
        formVersionId: version.id,
        clientSubmissionId: clientSubmissionId.current,
        data: derived.data,
      });
      if (submission) {
        submitted.current = true;
        clearDraft(version.id);
        setStatus({ kind: 'idle' });
        onSubmitted(submission.id);
        return;
      }
      setServerErrors(fieldErrors);
      setUnlistedServerErrors(Math.max(0, errorCount - fieldErrors.length));
      setStatus({ kind: 'invalid' });
      setFocusRequest((n) => n + 1);
    } catch (error) {
      setStatus({ kind: 'failed', error: toApiError(error) });
      setFocusRequest((n) => n + 1);
    } finally {
      submitting.current = false;
    }
  }, [schema, logicSchema, validate, pushData, version.formKey, version.id, onSubmitted]);

  const resetErrors = () => {
    errorDisplay.resetTouched();
    setServerErrors([]);
    setUnlistedServerErrors(0);
    setSubmitAttempted(false);
    setStatus({ kind: 'idle' });
  };

  /** Replaces the data programmatically (sample data, discarding), with derived values computed first. */
  const replaceData = async (next: FormValues) => {
    const derived = await deriveValues(logicSchema, withRequiredObjects(schema, next));
    deriveSeq.current += 1;
    pushData(derived.data);
    setDeriveErrors(derived.errors);
  };

  const insertSampleData = async () => {
    if (!version.sampleData) return;
    resetErrors();
    setDirty(true);
    setRestoredAt(undefined);
    await replaceData(structuredClone(version.sampleData) as FormValues);
  };

  const discard = async () => {
    clearDraft(version.id);
    clientSubmissionId.current = newClientSubmissionId();
    resetErrors();
    setDirty(false);
    setRestoredAt(undefined);
    await replaceData({});
  };

  /** After a CONFLICT: the earlier attempt with this id was stored with other data, so send as a new submission. */
  const submitAsNew = () => {
    clientSubmissionId.current = newClientSubmissionId();
    saveDraft(version.id, {
      data: dataRef.current,
      clientSubmissionId: clientSubmissionId.current,
      savedAt: new Date().toISOString(),
    });
    void submit();
  };

  const hasData = dirty || restoredAt !== undefined;

  return {
    /** The data to hand to JSON Forms: changes only when data is pushed (see `middleware`). */
    jsonFormsData,
    handleChange,
    handleFocusOut: errorDisplay.handleFocusOut,
    middleware,
    validationMode: errorDisplay.validationMode,
    additionalErrors: errorDisplay.additionalErrors,
    summaryEntries: errorDisplay.summaryEntries,
    unlistedServerErrors,
    status,
    focusRequest,
    restoredAt,
    hasData,
    submit,
    submitAsNew,
    insertSampleData,
    discard,
    /** The current fill, to carry over into a newer version of the form. */
    currentFill: (): CarriedOverFill => ({
      data: dataRef.current,
      clientSubmissionId: clientSubmissionId.current,
      fromVersionId: version.id,
    }),
  };
};
