import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';

/** Shows an initial password exactly once, with a copy button; the server never shows it again. */
export const InitialPasswordDialog = ({
  userName,
  email,
  password,
  onClose,
}: {
  userName: string;
  email: string;
  password: string;
  onClose: () => void;
}) => {
  const titleId = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId} component="h2">
        Erstpasswort für {userName}
      </DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Dieses Passwort wird nur jetzt angezeigt. Geben Sie es der Person auf sicherem Weg weiter; bei der
          ersten Anmeldung muss sie ein eigenes Passwort wählen.
        </Alert>
        <Typography sx={{ mb: 2 }}>Anmeldename: {email}</Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            id={`${titleId}-password`}
            label="Erstpasswort"
            value={password}
            fullWidth
            slotProps={{
              htmlInput: {
                readOnly: true,
                spellCheck: false,
                'data-testid': 'initial-password',
                style: { fontFamily: 'monospace' },
              },
            }}
            onFocus={(event) => event.target.select()}
          />
          <Button
            variant="outlined"
            startIcon={<ContentCopyIcon aria-hidden="true" />}
            onClick={copy}
            sx={{ mt: 1 }}
          >
            Kopieren
          </Button>
        </Stack>
        <Typography role="status" variant="body2" sx={{ mt: 1, minHeight: '1.5em' }}>
          {copied === 'yes' && 'Das Passwort wurde in die Zwischenablage kopiert.'}
          {copied === 'failed' &&
            'Kopieren war nicht möglich. Bitte markieren und kopieren Sie das Passwort selbst.'}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          Fertig
        </Button>
      </DialogActions>
    </Dialog>
  );
};
