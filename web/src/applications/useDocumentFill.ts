import { type JsonSchema, type Middleware, UPDATE_CORE } from '@jsonforms/core';
import type { Ajv, ErrorObject } from 'ajv';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  deriveValues,
  type FieldError,
  type FormValues,
  type JsonSchemaObject,
} from '../../../form-logic/index.js';
import type { RenderableFormVersion } from '../forms/api.js';
import { withRequiredObjects } from '../forms/initial-data.js';
import { changedPointers } from '../forms/paths.js';
import { isDerivedField } from '../forms/schema-lookup.js';
import { sameJson } from '../forms/stable-json.js';
import { useErrorDisplay } from '../forms/useErrorDisplay.js';

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

export interface PreparedDocument {
  data: FormValues;
  /** Whether the browser found no error (schema and calculations). */
  valid: boolean;
}

/**
 * One document of a process record (an Anlage of an application, a scoring sheet, an evaluation sheet) filled in on the page
 * and saved on the server: data with live derived values, which errors to show (as on the form pages:
 * touched fields first, all after a submit attempt) and the server's field errors. Unlike a form page it
 * keeps no browser draft; the record's draft lives on the server.
 */
export const useDocumentFill = ({
  version,
  ajv,
  initialData,
}: {
  version: RenderableFormVersion;
  ajv: Ajv;
  initialData: FormValues;
}) => {
  const schema = version.schema;
  const logicSchema = version.schema as JsonSchemaObject;
  const [initial] = useState(() => withRequiredObjects(schema, initialData));
  const [data, setData] = useState<FormValues>(initial);
  const [jsonFormsData, setJsonFormsData] = useState<FormValues>(initial);
  const [clientErrors, setClientErrors] = useState<ErrorObject[]>([]);
  const [deriveErrors, setDeriveErrors] = useState<FieldError[]>([]);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [submitAttempted, setSubmitAttempted] = useState(false);
  const [dirty, setDirty] = useState(false);

  const dataRef = useRef(initial);
  const coreDataRef = useRef<unknown>(initial);
  const lastPush = useRef<{ data: unknown; basis: unknown }>({ data: initial, basis: undefined });
  const deriveSeq = useRef(0);
  const validate = useMemo(() => ajv.compile(schema as JsonSchema), [ajv, schema]);

  const errorDisplay = useErrorDisplay({
    schema: schema as JsonSchema,
    uischema: version.uischema,
    clientErrors,
    serverErrors,
    deriveErrors,
    submitAttempted,
  });
  const { noteChanged } = errorDisplay;

  /** JSON Forms keeps its own data unless the action carries our latest push (see useFormFill). */
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
      if (seq !== deriveSeq.current || !sameJson(coreDataRef.current, source)) return;
      setDeriveErrors((previous) => (sameJson(previous, result.errors) ? previous : result.errors));
      if (!sameJson(result.data, source)) pushData(result.data);
    },
    [logicSchema, pushData],
  );

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void runDerive(initial);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const handleChange = useCallback(
    ({ data: next, errors }: { data: FormValues; errors: ErrorObject[] }) => {
      setClientErrors((previous) => (sameErrors(previous, errors) ? previous : errors));
      const previous = dataRef.current;
      if (next === previous || sameJson(next, previous)) return;
      const changed = changedPointers(previous, next);
      dataRef.current = next;
      setData(next);
      if (changed.length > 0) {
        noteChanged(changed);
        setDirty(true);
        setServerErrors((current) => {
          const remaining = current.filter(
            (error) =>
              !isDerivedField(schema as JsonSchema, error.path) &&
              !changed.some((pointer) => error.path === pointer || error.path.startsWith(`${pointer}/`)),
          );
          return remaining.length === current.length ? current : remaining;
        });
      }
      void runDerive(next);
    },
    [runDerive, schema, noteChanged],
  );

  /**
   * The current data with derived values computed (waits for the last keystroke); with `check`, validates
   * it and shows all errors from now on.
   */
  const prepare = useCallback(
    async (check: boolean): Promise<PreparedDocument> => {
      await settle();
      const source = withRequiredObjects(schema, (coreDataRef.current ?? dataRef.current) as FormValues);
      const derived = await deriveValues(logicSchema, source);
      deriveSeq.current += 1;
      if (!sameJson(derived.data, source)) pushData(derived.data);
      if (!check) return { data: derived.data, valid: true };
      const valid = validate(derived.data) as boolean;
      setClientErrors([...(validate.errors ?? [])]);
      setDeriveErrors(derived.errors);
      setSubmitAttempted(true);
      return { data: derived.data, valid: valid && derived.errors.length === 0 };
    },
    [schema, logicSchema, validate, pushData],
  );

  /** Replaces the data (sample data), with derived values computed first. */
  const replaceData = useCallback(
    async (next: FormValues) => {
      const derived = await deriveValues(logicSchema, withRequiredObjects(schema, next));
      deriveSeq.current += 1;
      pushData(derived.data);
      setDeriveErrors(derived.errors);
      setDirty(true);
    },
    [logicSchema, schema, pushData],
  );

  return {
    data,
    jsonFormsData,
    handleChange,
    handleFocusOut: errorDisplay.handleFocusOut,
    middleware,
    validationMode: errorDisplay.validationMode,
    additionalErrors: errorDisplay.additionalErrors,
    summaryEntries: errorDisplay.summaryEntries,
    dirty,
    /** After a save: the data on the page is what the server holds. */
    markSaved: useCallback(() => setDirty(false), []),
    setServerErrors,
    prepare,
    replaceData,
  };
};

export type DocumentFill = ReturnType<typeof useDocumentFill>;
