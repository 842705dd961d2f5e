import { Box, Paper, Typography } from '@mui/material';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useCurrentUser } from '../auth/AuthProvider.js';
import { roleNames } from '../auth/roles.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

const listSx = {
  display: 'grid',
  gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
  columnGap: 3,
  rowGap: 1,
  m: 0,
  '& dt': { fontWeight: 600 },
  '& dd': { m: 0, mb: { xs: 1, sm: 0 }, overflowWrap: 'anywhere' },
} as const;

/** `/konto`: who the user is, what it may do, and the password change. */
export const AccountPage = () => {
  useDocumentTitle('Mein Konto');
  const user = useCurrentUser();
  const names = (items: readonly { name: string }[]) => items.map((item) => item.name).join(', ');

  return (
    <>
      <PageHeading>Mein Konto</PageHeading>
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 }, mb: 4 }}>
        <Typography component="h2" variant="h2" sx={{ mb: 2 }}>
          Angaben zur Person
        </Typography>
        <Box component="dl" sx={listSx} data-testid="account-details">
          <dt>Name</dt>
          <dd>{user.displayName}</dd>
          <dt>E-Mail-Adresse</dt>
          <dd>{user.email}</dd>
          <dt>Rollen</dt>
          <dd>{roleNames(user.roles)}</dd>
          {user.provider && (
            <>
              <dt>Träger</dt>
              <dd>{user.provider.name}</dd>
            </>
          )}
          {user.socialAreas.length > 0 && (
            <>
              <dt>Sozialräume</dt>
              <dd>{names(user.socialAreas)}</dd>
            </>
          )}
          {user.regionalTeam && (
            <>
              <dt>Regionalteam</dt>
              <dd>{user.regionalTeam.name}</dd>
            </>
          )}
        </Box>
      </Paper>
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 }, maxWidth: 640 }}>
        <Typography component="h2" variant="h2" sx={{ mb: 2 }}>
          Passwort ändern
        </Typography>
        <ChangePasswordForm user={user} />
      </Paper>
    </>
  );
};
