import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { useId, useMemo, useState } from 'react';
import { builder, type FormDefinition } from '../../../form-logic/index.js';
import { sameJson } from '../forms/stable-json.js';

interface ConflictDialogProps {
  server: FormDefinition;
  serverRevision: number;
  local: FormDefinition;
  busy: boolean;
  /** Replaces the local content by the server's (the local copy is kept in the browser). */
  onLoadServer: () => void;
  /** Saves the local content over the server's. */
  onOverwrite: () => void;
  onClose: () => void;
}

/** Someone else saved the draft in between: compare, take the server's version, or save over it. */
export const ConflictDialog = ({
  server,
  serverRevision,
  local,
  busy,
  onLoadServer,
  onOverwrite,
  onClose,
}: ConflictDialogProps) => {
  const titleId = useId();
  const textId = useId();
  const [showDiff, setShowDiff] = useState(false);
  const changes = useMemo(() => builder.diffVersions(server, local), [server, local]);
  const sampleDiffers = !sameJson(server.sampleData, local.sampleData);
  return (
    <Dialog
      open
      onClose={busy ? undefined : onClose}
      aria-labelledby={titleId}
      aria-describedby={textId}
      maxWidth="md"
      fullWidth
    >
      <DialogTitle id={titleId} component="h2">
        Jemand hat diesen Entwurf inzwischen gespeichert
      </DialogTitle>
      <DialogContent>
        <DialogContentText id={textId}>
          Auf dem Server liegt jetzt Stand {serverRevision}. Ihre Änderungen sind nicht verloren: Sie können
          die Unterschiede ansehen, die Server-Fassung laden (Ihre Fassung bleibt in diesem Browser-Tab
          zwischengespeichert) oder Ihre Änderungen darüber speichern.
        </DialogContentText>
        {showDiff && (
          <Box sx={{ mt: 2 }} data-testid="conflict-diff">
            <Typography variant="h3" component="h3" sx={{ fontSize: '1.1rem' }}>
              Was Ihre Fassung gegenüber der Server-Fassung ändert
            </Typography>
            {changes.length === 0 && !sampleDiffers ? (
              <Alert severity="info" sx={{ mt: 1 }}>
                Aufbau und Felder sind gleich.
              </Alert>
            ) : (
              <List dense>
                {changes.map((change, index) => (
                  <ListItem key={index} disablePadding>
                    <ListItemText primary={change.label ? `${change.label}: ${change.text}` : change.text} />
                  </ListItem>
                ))}
                {sampleDiffers && (
                  <ListItem disablePadding>
                    <ListItemText primary="Beispieldaten geändert" />
                  </ListItem>
                )}
              </List>
            )}
          </Box>
        )}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button onClick={() => setShowDiff((open) => !open)} aria-expanded={showDiff}>
          Unterschiede ansehen
        </Button>
        <Button onClick={onLoadServer} disabled={busy}>
          Server-Fassung laden
        </Button>
        <Button variant="contained" onClick={onOverwrite} disabled={busy}>
          Meine Änderungen darüber speichern
        </Button>
        <Button onClick={onClose} disabled={busy}>
          Abbrechen
        </Button>
      </DialogActions>
    </Dialog>
  );
};
