import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
} from '@mui/material';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/errors.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import { ALL_ROLES, ROLE_LABELS } from '../auth/roles.js';
import type { AdminUserFragment, AdminUsersQuery, Role } from '../gql/graphql.js';
import { optionsOf } from './EditDialog.js';

export interface UserValues {
  email: string;
  displayName: string;
  roles: Role[];
  providerId: string;
  regionalTeamId: string;
  socialAreaIds: string[];
}

type Field = 'email' | 'displayName' | 'roles' | 'providerId' | 'regionalTeamId' | 'socialAreaIds';
type Choices = Pick<AdminUsersQuery, 'providers' | 'regionalTeams' | 'socialAreas'>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const validate = (values: UserValues, creating: boolean): Partial<Record<Field, string>> => {
  const errors: Partial<Record<Field, string>> = {};
  if (creating) {
    if (values.email.trim() === '') errors.email = 'Bitte geben Sie die E-Mail-Adresse ein.';
    else if (!EMAIL.test(values.email.trim()))
      errors.email = 'Bitte geben Sie eine gültige E-Mail-Adresse ein.';
  }
  if (values.displayName.trim() === '') errors.displayName = 'Bitte geben Sie den Namen ein.';
  if (values.roles.length === 0) errors.roles = 'Bitte wählen Sie mindestens eine Rolle.';
  if (values.roles.includes('PROVIDER') && values.providerId === '') {
    errors.providerId = 'Für die Rolle „Freier Träger“ wählen Sie bitte den Träger.';
  }
  if (values.roles.includes('REGIONAL_TEAM') && values.regionalTeamId === '') {
    errors.regionalTeamId = 'Für die Rolle „Regionalteam“ wählen Sie bitte das Regionalteam.';
  }
  if (values.roles.includes('TEAM_LEAD') && values.socialAreaIds.length === 0) {
    errors.socialAreaIds =
      'Für die Rolle „Leitung Sozialraumteam“ wählen Sie bitte mindestens einen Sozialraum.';
  }
  return errors;
};

const FIELD_ORDER: Field[] = [
  'email',
  'displayName',
  'roles',
  'providerId',
  'regionalTeamId',
  'socialAreaIds',
];

export const toUserValues = (user: AdminUserFragment | null): UserValues => ({
  email: user?.email ?? '',
  displayName: user?.displayName ?? '',
  roles: user?.roles ?? [],
  providerId: user?.provider?.id ?? '',
  regionalTeamId: user?.regionalTeam?.id ?? '',
  socialAreaIds: user?.socialAreas.map((area) => area.id) ?? [],
});

interface UserDialogProps {
  user: AdminUserFragment | null;
  choices: Choices;
  onClose: () => void;
  onSubmit: (values: UserValues) => Promise<void>;
}

/** Create or edit a user: name, e-mail, roles and the scope each scoped role needs. */
export const UserDialog = ({ user, choices, onClose, onSubmit }: UserDialogProps) => {
  const creating = user === null;
  const titleId = useId();
  const formId = useId();
  const [values, setValues] = useState<UserValues>(() => toUserValues(user));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(values, creating);
    setErrors(found);
    setFailure(null);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) {
      document.getElementById(focusId[first])?.focus();
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

  const toggle = <T extends string>(list: T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((entry) => entry !== item), item] : list.filter((entry) => entry !== item);

  // Where the focus goes for a field with an error: the field, or the first box of a group.
  const focusId: Record<Field, string> = {
    email: `${formId}-email`,
    displayName: `${formId}-displayName`,
    roles: `${formId}-role-${ALL_ROLES[0]}`,
    providerId: `${formId}-provider`,
    regionalTeamId: `${formId}-regionalTeam`,
    socialAreaIds: `${formId}-area-0`,
  };

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId} component="h2">
        {creating ? 'Benutzerkonto anlegen' : `Benutzerkonto „${user.displayName}“ bearbeiten`}
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
          {creating && (
            <TextField
              id={`${formId}-email`}
              name="email"
              type="email"
              label="E-Mail-Adresse"
              required
              autoComplete="off"
              value={values.email}
              onChange={(event) => setValues({ ...values, email: event.target.value })}
              error={errors.email !== undefined}
              helperText={errors.email ?? 'Mit dieser Adresse meldet sich die Person an.'}
            />
          )}
          <TextField
            id={`${formId}-displayName`}
            name="displayName"
            label="Name"
            required
            autoComplete="off"
            value={values.displayName}
            onChange={(event) => setValues({ ...values, displayName: event.target.value })}
            error={errors.displayName !== undefined}
            helperText={errors.displayName}
          />
          <FormControl component="fieldset" error={errors.roles !== undefined} required>
            <FormLabel component="legend">Rollen</FormLabel>
            <FormGroup>
              {ALL_ROLES.map((role) => (
                <FormControlLabel
                  key={role}
                  control={
                    <Checkbox
                      name="roles"
                      value={role}
                      checked={values.roles.includes(role)}
                      onChange={(event) =>
                        setValues({ ...values, roles: toggle(values.roles, role, event.target.checked) })
                      }
                      id={`${formId}-role-${role}`}
                    />
                  }
                  label={ROLE_LABELS[role]}
                />
              ))}
            </FormGroup>
            {errors.roles && <FormHelperText>{errors.roles}</FormHelperText>}
          </FormControl>
          {values.roles.includes('PROVIDER') && (
            <ScopeSelect
              id={`${formId}-provider`}
              label="Träger"
              value={values.providerId}
              options={optionsOf(choices.providers)}
              error={errors.providerId}
              help="Die Person sieht nur die Daten dieses Trägers."
              onChange={(providerId) => setValues({ ...values, providerId })}
            />
          )}
          {values.roles.includes('REGIONAL_TEAM') && (
            <ScopeSelect
              id={`${formId}-regionalTeam`}
              label="Regionalteam"
              value={values.regionalTeamId}
              options={optionsOf(choices.regionalTeams)}
              error={errors.regionalTeamId}
              onChange={(regionalTeamId) => setValues({ ...values, regionalTeamId })}
            />
          )}
          {values.roles.includes('TEAM_LEAD') && (
            <FormControl component="fieldset" error={errors.socialAreaIds !== undefined} required>
              <FormLabel component="legend">Sozialräume</FormLabel>
              <FormGroup row>
                {choices.socialAreas.map((area, index) => (
                  <FormControlLabel
                    key={area.id}
                    control={
                      <Checkbox
                        name="socialAreaIds"
                        value={area.id}
                        checked={values.socialAreaIds.includes(area.id)}
                        onChange={(event) =>
                          setValues({
                            ...values,
                            socialAreaIds: toggle(values.socialAreaIds, area.id, event.target.checked),
                          })
                        }
                        id={`${formId}-area-${index}`}
                      />
                    }
                    label={area.active ? area.name : `${area.name} (inaktiv)`}
                  />
                ))}
              </FormGroup>
              {errors.socialAreaIds && <FormHelperText>{errors.socialAreaIds}</FormHelperText>}
            </FormControl>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Abbrechen
        </Button>
        <Button type="submit" form={formId} variant="contained" disabled={busy}>
          {busy ? 'Wird gespeichert …' : creating ? 'Anlegen' : 'Speichern'}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const ScopeSelect = ({
  id,
  label,
  value,
  options,
  error,
  help,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  error?: string;
  help?: string;
  onChange: (value: string) => void;
}) => (
  <TextField
    id={id}
    label={label}
    select
    required
    value={value}
    onChange={(event) => onChange(event.target.value)}
    error={error !== undefined}
    helperText={error ?? help}
    slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
  >
    <option value="">Bitte wählen</option>
    {options.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ))}
  </TextField>
);
