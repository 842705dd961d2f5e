import { Alert, Box, Button, Stack, TextField } from '@mui/material';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import { visuallyHidden } from '../app/visually-hidden.js';
import { changePasswordMutation } from '../auth/api.js';
import { type CurrentUser, useAuth } from '../auth/AuthProvider.js';

/** The shortest new password the form accepts; the server checks its own rules again. */
export const MIN_PASSWORD_LENGTH = 12;

type Field = 'currentPassword' | 'newPassword' | 'repeatPassword';
type FieldErrors = Partial<Record<Field, string>>;

const validate = (values: Record<Field, string>): FieldErrors => {
  const errors: FieldErrors = {};
  if (values.currentPassword === '') errors.currentPassword = 'Bitte geben Sie Ihr bisheriges Passwort ein.';
  if (values.newPassword === '') errors.newPassword = 'Bitte geben Sie ein neues Passwort ein.';
  else if (values.newPassword.length < MIN_PASSWORD_LENGTH) {
    errors.newPassword = `Das neue Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  } else if (values.newPassword === values.currentPassword) {
    errors.newPassword = 'Das neue Passwort muss sich vom bisherigen unterscheiden.';
  }
  if (values.repeatPassword === '') errors.repeatPassword = 'Bitte wiederholen Sie das neue Passwort.';
  else if (values.newPassword !== '' && values.repeatPassword !== values.newPassword) {
    errors.repeatPassword = 'Die Wiederholung stimmt nicht mit dem neuen Passwort überein.';
  }
  return errors;
};

const FIELD_ORDER: Field[] = ['currentPassword', 'newPassword', 'repeatPassword'];

/** `extensions.reason` of a refused change → the field it concerns. */
const FIELD_OF_REASON: Readonly<Record<string, Field>> = {
  WRONG_PASSWORD: 'currentPassword',
  PASSWORD_RULES: 'newPassword',
};

/** Current, new and repeated password; on success the answer's user replaces the signed-in one. */
export const ChangePasswordForm = ({
  user,
  onChanged,
}: {
  user: CurrentUser;
  onChanged?: (user: CurrentUser) => void;
}) => {
  const { setUser } = useAuth();
  const [values, setValues] = useState<Record<Field, string>>({
    currentPassword: '',
    newPassword: '',
    repeatPassword: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const refs = {
    currentPassword: useRef<HTMLInputElement>(null),
    newPassword: useRef<HTMLInputElement>(null),
    repeatPassword: useRef<HTMLInputElement>(null),
  };
  const failureRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const set = (field: Field) => (event: { target: { value: string } }) => {
    setValues((current) => ({ ...current, [field]: event.target.value }));
    setDone(false);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(values);
    setErrors(found);
    setFailure(null);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    setBusy(true);
    try {
      const { changePassword } = await graphqlRequest(changePasswordMutation, {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      setValues({ currentPassword: '', newPassword: '', repeatPassword: '' });
      setDone(true);
      setUser(changePassword);
      onChanged?.(changePassword);
    } catch (caught) {
      const error = toApiError(caught);
      // The server's reasons that belong to one field are shown there, and the field gets the focus.
      const field = FIELD_OF_REASON[error.reason ?? ''];
      if (field) {
        setErrors({ [field]: error.message });
        refs[field].current?.focus();
      } else {
        setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, label: string, autoComplete: string, help?: string) => (
    <TextField
      inputRef={refs[name]}
      id={`password-${name}`}
      name={name}
      type="password"
      label={label}
      autoComplete={autoComplete}
      required
      value={values[name]}
      onChange={set(name)}
      error={errors[name] !== undefined}
      helperText={errors[name] ?? help}
    />
  );

  return (
    <Box>
      {failure && (
        <Alert
          severity="error"
          role="alert"
          ref={failureRef}
          tabIndex={-1}
          sx={{ mb: 2 }}
          data-testid="change-password-error"
        >
          {failure.message}
          <ErrorCodeNote error={failure} />
        </Alert>
      )}
      {done && (
        <Alert severity="success" role="status" ref={doneRef} tabIndex={-1} sx={{ mb: 2 }}>
          Ihr Passwort wurde geändert.
        </Alert>
      )}
      <Stack component="form" noValidate onSubmit={onSubmit} spacing={2} aria-label="Passwort ändern">
        {/* Tells password managers whose password this is. */}
        <Box
          component="input"
          type="text"
          name="username"
          autoComplete="username"
          value={user.email}
          readOnly
          tabIndex={-1}
          aria-hidden="true"
          sx={visuallyHidden}
        />
        {field('currentPassword', 'Bisheriges Passwort', 'current-password')}
        {field(
          'newPassword',
          'Neues Passwort',
          'new-password',
          `Mindestens ${MIN_PASSWORD_LENGTH} Zeichen. Ein Satz aus mehreren Wörtern ist leicht zu merken und sicher.`,
        )}
        {field('repeatPassword', 'Neues Passwort wiederholen', 'new-password')}
        <Box>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Wird gespeichert …' : 'Passwort ändern'}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};
