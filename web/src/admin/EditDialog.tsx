import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  Stack,
  TextField,
} from '@mui/material';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/errors.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';

export type FieldValues = Record<string, string | boolean>;

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'email' | 'tel' | 'number' | 'date' | 'select' | 'checkbox' | 'textarea';
  required?: boolean;
  options?: readonly { value: string; label: string }[];
  autoComplete?: string;
  helperText?: string;
  /** Only when creating (e.g. the year of a Haushaltsjahr cannot change). */
  createOnly?: boolean;
  /** Only when editing (e.g. „Aktiv“: a new record is always active). */
  editOnly?: boolean;
  /** A German message for an invalid value, or undefined when the value is fine. */
  validate?: (value: string, values: FieldValues) => string | undefined;
}

interface EditDialogProps {
  open: boolean;
  title: string;
  fields: readonly FieldSpec[];
  initialValues: FieldValues;
  editing: boolean;
  submitLabel: string;
  onClose: () => void;
  /** Saves; a thrown error is shown in the dialog, which stays open. */
  onSubmit: (values: FieldValues) => Promise<void>;
}

/** A modal form for creating or editing one record: labelled fields, German validation, server errors. */
export const EditDialog = ({
  open,
  title,
  fields,
  initialValues,
  editing,
  submitLabel,
  onClose,
  onSubmit,
}: EditDialogProps) => {
  const titleId = useId();
  const formId = useId();
  const [values, setValues] = useState<FieldValues>(initialValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef<Record<string, HTMLInputElement | null>>({});
  const failureRef = useRef<HTMLDivElement>(null);
  const shown = fields.filter((field) => (editing ? !field.createOnly : !field.editOnly));

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const check = (): Record<string, string> => {
    const found: Record<string, string> = {};
    for (const field of shown) {
      const value = values[field.name];
      if (typeof value !== 'string') continue;
      if (field.required && value.trim() === '') {
        found[field.name] = `Bitte füllen Sie „${field.label}“ aus.`;
        continue;
      }
      const message = value.trim() === '' ? undefined : field.validate?.(value.trim(), values);
      if (message) found[field.name] = message;
    }
    return found;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    const first = shown.find((field) => found[field.name]);
    if (first) {
      inputs.current[first.name]?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(values);
    } catch (caught) {
      setFailure(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  const set = (name: string, value: string | boolean) =>
    setValues((current) => ({ ...current, [name]: value }));

  return (
    <Dialog
      open={open}
      onClose={busy ? undefined : onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId} component="h2">
        {title}
      </DialogTitle>
      <DialogContent>
        {failure && (
          <Alert
            severity="error"
            role="alert"
            ref={failureRef}
            tabIndex={-1}
            sx={{ mb: 2 }}
            data-testid="dialog-error"
          >
            {failure.message}
            <ErrorCodeNote error={failure} />
          </Alert>
        )}
        <Stack component="form" id={formId} noValidate onSubmit={submit} spacing={2} sx={{ pt: 1 }}>
          {shown.map((field) => {
            const value = values[field.name];
            const inputId = `${formId}-${field.name}`;
            if (field.kind === 'checkbox') {
              return (
                <FormControlLabel
                  key={field.name}
                  control={
                    <Checkbox
                      id={inputId}
                      name={field.name}
                      checked={value === true}
                      onChange={(event) => set(field.name, event.target.checked)}
                      inputRef={(element: HTMLInputElement | null) => {
                        inputs.current[field.name] = element;
                      }}
                    />
                  }
                  label={field.label}
                />
              );
            }
            const error = errors[field.name];
            return (
              <TextField
                key={field.name}
                id={inputId}
                name={field.name}
                label={field.label}
                type={field.kind === 'select' || field.kind === 'textarea' ? undefined : field.kind}
                select={field.kind === 'select'}
                multiline={field.kind === 'textarea'}
                minRows={field.kind === 'textarea' ? 3 : undefined}
                required={field.required}
                value={typeof value === 'string' ? value : ''}
                onChange={(event) => set(field.name, event.target.value)}
                autoComplete={field.autoComplete ?? 'off'}
                error={error !== undefined}
                helperText={error ?? field.helperText}
                inputRef={(element: HTMLInputElement | null) => {
                  inputs.current[field.name] = element;
                }}
                slotProps={{
                  inputLabel: field.kind === 'date' || field.kind === 'select' ? { shrink: true } : undefined,
                  select: field.kind === 'select' ? { native: true } : undefined,
                }}
              >
                {field.kind === 'select' && [
                  <option key="" value="">
                    {field.required ? 'Bitte wählen' : '– keine Angabe –'}
                  </option>,
                  ...(field.options ?? []).map((option) => (
                    <option key={option.value} value={option.value}>
                      {option.label}
                    </option>
                  )),
                ]}
              </TextField>
            );
          })}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Abbrechen
        </Button>
        <Button type="submit" form={formId} variant="contained" disabled={busy}>
          {busy ? 'Wird gespeichert …' : submitLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** A select option list from records, inactive ones marked. */
export const optionsOf = (records: readonly { id: string; name: string; active?: boolean }[]) =>
  records.map((record) => ({
    value: record.id,
    label: record.active === false ? `${record.name} (inaktiv)` : record.name,
  }));
