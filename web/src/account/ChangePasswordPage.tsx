import { Alert, Box, Typography } from '@mui/material';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useCurrentUser } from '../auth/AuthProvider.js';
import { safeTarget, TARGET_PARAM } from '../auth/targets.js';
import { ChangePasswordForm } from './ChangePasswordForm.js';

/** `/passwort-aendern`: where a user with an initial password must choose its own first. */
export const ChangePasswordPage = () => {
  useDocumentTitle('Passwort ändern');
  const user = useCurrentUser();
  const [searchParams] = useSearchParams();
  const navigate = useNavigate();
  const target = safeTarget(searchParams.get(TARGET_PARAM));

  return (
    <Box sx={{ maxWidth: 560 }}>
      <PageHeading>Passwort ändern</PageHeading>
      {user.mustChangePassword ? (
        <Alert severity="info" sx={{ mb: 3 }}>
          Sie haben ein Erstpasswort erhalten. Bitte wählen Sie jetzt ein eigenes Passwort, bevor Sie
          weiterarbeiten.
        </Alert>
      ) : (
        <Typography sx={{ mb: 3 }}>Wählen Sie ein neues Passwort für Ihr Konto.</Typography>
      )}
      <ChangePasswordForm user={user} onChanged={() => navigate(target, { replace: true })} />
    </Box>
  );
};
