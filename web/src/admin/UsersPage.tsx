import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { roleNames } from '../auth/roles.js';
import type { AdminUserFragment } from '../gql/graphql.js';
import { AdminBackLink } from './AdminBackLink.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { InitialPasswordDialog } from './InitialPasswordDialog.js';
import { UserDialog, type UserValues } from './UserDialog.js';
import {
  createUserMutation,
  deactivateUserMutation,
  reactivateUserMutation,
  resetPasswordMutation,
  updateUserMutation,
  usersQuery,
} from './users-api.js';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: AdminUserFragment }
  | { kind: 'reset'; user: AdminUserFragment }
  | { kind: 'deactivate'; user: AdminUserFragment }
  | { kind: 'password'; user: AdminUserFragment; password: string }
  | null;

/** Only the scope the roles use goes to the server. */
const scopeInput = (values: UserValues) => ({
  roles: values.roles,
  providerId: values.roles.includes('PROVIDER') ? values.providerId : null,
  regionalTeamId: values.roles.includes('REGIONAL_TEAM') ? values.regionalTeamId : null,
  socialAreaIds: values.roles.includes('TEAM_LEAD') ? values.socialAreaIds : [],
});

const scopeOf = (user: AdminUserFragment): string =>
  [
    user.provider && `Träger: ${user.provider.name}`,
    user.regionalTeam && `Regionalteam: ${user.regionalTeam.name}`,
    user.socialAreas.length > 0 && `Sozialräume: ${user.socialAreas.map((area) => area.name).join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ') || '–';

/** `/verwaltung/benutzer`: user accounts with their roles and scopes. */
export const UsersPage = () => {
  useDocumentTitle('Benutzerkonten');
  const query = useQuery(usersQuery);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const reloadOnClose = useRef(false);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice && dialog === null) noticeRef.current?.focus();
  }, [notice, dialog]);

  const open = (next: Dialog) => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setNotice(null);
    setFailure(null);
    setDialog(next);
  };
  const close = () => {
    if (reloadOnClose.current) {
      reloadOnClose.current = false;
      query.reload();
    }
    setDialog(null);
    if (!notice) returnFocus.current?.focus();
  };

  const create = async (values: UserValues) => {
    const { createUser } = await graphqlRequest(createUserMutation, {
      input: { email: values.email.trim(), displayName: values.displayName.trim(), ...scopeInput(values) },
    });
    setNotice(`Das Benutzerkonto für ${createUser.user.displayName} wurde angelegt.`);
    setDialog({ kind: 'password', user: createUser.user, password: createUser.initialPassword });
    query.reload();
  };

  const update = async (user: AdminUserFragment, values: UserValues) => {
    try {
      await graphqlRequest(updateUserMutation, {
        input: {
          id: user.id,
          revision: user.revision,
          displayName: values.displayName.trim(),
          ...scopeInput(values),
        },
      });
    } catch (error) {
      // Someone else saved meanwhile: the list is loaded again when the dialog closes.
      if (toApiError(error).code === 'CONFLICT') reloadOnClose.current = true;
      throw error;
    }
    setNotice(`Das Benutzerkonto von ${values.displayName.trim()} wurde gespeichert.`);
    setDialog(null);
    query.reload();
  };

  const reset = async (user: AdminUserFragment) => {
    const { resetPassword } = await graphqlRequest(resetPasswordMutation, { id: user.id });
    setNotice(`Für ${user.displayName} wurde ein neues Erstpasswort erzeugt.`);
    setDialog({ kind: 'password', user: resetPassword.user, password: resetPassword.initialPassword });
    query.reload();
  };

  const deactivate = async (user: AdminUserFragment) => {
    await graphqlRequest(deactivateUserMutation, { id: user.id });
    setNotice(`${user.displayName} wurde deaktiviert und ist abgemeldet.`);
    setDialog(null);
    query.reload();
  };

  const reactivate = async (user: AdminUserFragment) => {
    setNotice(null);
    setFailure(null);
    try {
      await graphqlRequest(reactivateUserMutation, { id: user.id });
      setNotice(`${user.displayName} wurde wieder aktiviert.`);
      query.reload();
    } catch (caught) {
      setFailure(toApiError(caught));
    }
  };

  return (
    <>
      <AdminBackLink />
      <PageHeading>Benutzerkonten</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
        Legen Sie Konten an, vergeben Sie Rollen und Zuständigkeiten und setzen Sie Passwörter zurück. Ein
        deaktiviertes Konto kann sich nicht mehr anmelden; laufende Sitzungen enden sofort.
      </Typography>
      <Stack direction="row" sx={{ mb: 2 }}>
        <Button
          variant="contained"
          startIcon={<AddIcon aria-hidden="true" />}
          onClick={() => open({ kind: 'create' })}
        >
          Benutzerkonto anlegen
        </Button>
      </Stack>
      {notice && dialog?.kind !== 'password' && (
        <Alert
          severity="success"
          role="status"
          ref={noticeRef}
          tabIndex={-1}
          sx={{ mb: 2 }}
          data-testid="notice"
        >
          {notice}
        </Alert>
      )}
      {failure && <ErrorState title="Aktion fehlgeschlagen" error={failure} />}
      {query.status === 'loading' && <PageLoading label="Benutzerkonten werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' &&
        (query.data.users.length === 0 ? (
          <Typography role="status">Noch keine Benutzerkonten vorhanden.</Typography>
        ) : (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small">
              <caption style={{ textAlign: 'left' }}>Benutzerkonten: {query.data.users.length}</caption>
              <TableHead>
                <TableRow>
                  {['Name', 'E-Mail-Adresse', 'Rollen', 'Zuständigkeit', 'Status', 'Aktionen'].map(
                    (header) => (
                      <TableCell key={header} component="th" scope="col">
                        {header}
                      </TableCell>
                    ),
                  )}
                </TableRow>
              </TableHead>
              <TableBody>
                {query.data.users.map((user) => (
                  <TableRow key={user.id} data-testid="user-row">
                    <TableCell component="th" scope="row">
                      {user.displayName}
                    </TableCell>
                    <TableCell>{user.email}</TableCell>
                    <TableCell>{roleNames(user.roles)}</TableCell>
                    <TableCell>{scopeOf(user)}</TableCell>
                    <TableCell>
                      <Stack direction="row" spacing={1}>
                        {user.active ? (
                          <Chip size="small" label="aktiv" color="success" variant="outlined" />
                        ) : (
                          <Chip size="small" label="deaktiviert" variant="outlined" />
                        )}
                        {user.mustChangePassword && (
                          <Chip size="small" label="Erstpasswort" variant="outlined" />
                        )}
                      </Stack>
                    </TableCell>
                    <TableCell>
                      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                        {user.viewerCan.update && (
                          <Button
                            size="small"
                            variant="outlined"
                            aria-label={`${user.displayName} bearbeiten`}
                            onClick={() => open({ kind: 'edit', user })}
                          >
                            Bearbeiten
                          </Button>
                        )}
                        {user.viewerCan.resetPassword && (
                          <Button
                            size="small"
                            variant="outlined"
                            aria-label={`Passwort von ${user.displayName} zurücksetzen`}
                            onClick={() => open({ kind: 'reset', user })}
                          >
                            Passwort zurücksetzen
                          </Button>
                        )}
                        {user.active && user.viewerCan.deactivate && (
                          <Button
                            size="small"
                            variant="outlined"
                            color="error"
                            aria-label={`${user.displayName} deaktivieren`}
                            onClick={() => open({ kind: 'deactivate', user })}
                          >
                            Deaktivieren
                          </Button>
                        )}
                        {!user.active && user.viewerCan.reactivate && (
                          <Button
                            size="small"
                            variant="outlined"
                            aria-label={`${user.displayName} reaktivieren`}
                            onClick={() => void reactivate(user)}
                          >
                            Reaktivieren
                          </Button>
                        )}
                      </Stack>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ))}
      {query.status === 'success' && (dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserDialog
          user={dialog.kind === 'edit' ? dialog.user : null}
          choices={query.data}
          onClose={close}
          onSubmit={(values) => (dialog.kind === 'edit' ? update(dialog.user, values) : create(values))}
        />
      )}
      {dialog?.kind === 'reset' && (
        <ConfirmDialog
          title="Passwort zurücksetzen"
          text={`${dialog.user.displayName} erhält ein neues Erstpasswort und muss bei der nächsten Anmeldung ein eigenes wählen. Laufende Sitzungen enden.`}
          confirmLabel="Passwort zurücksetzen"
          onConfirm={() => reset(dialog.user)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'deactivate' && (
        <ConfirmDialog
          title="Benutzerkonto deaktivieren"
          text={`${dialog.user.displayName} kann sich danach nicht mehr anmelden; laufende Sitzungen enden sofort. Sie können das Konto später wieder aktivieren.`}
          confirmLabel="Deaktivieren"
          onConfirm={() => deactivate(dialog.user)}
          onClose={close}
        />
      )}
      {dialog?.kind === 'password' && (
        <InitialPasswordDialog
          userName={dialog.user.displayName}
          email={dialog.user.email}
          password={dialog.password}
          onClose={() => setDialog(null)}
        />
      )}
    </>
  );
};
