import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { type FormEvent, useId, useState } from 'react';
import { builder, type FieldError } from '../../../form-logic/index.js';
import { suggestKey } from './builder-state.js';

type LayoutKind = Exclude<builder.LayoutKind, 'vertical'>;

const LAYOUT_KINDS: LayoutKind[] = ['section', 'columns', 'tabs', 'steps', 'category'];

interface AddElementDialogProps {
  mode: 'field' | 'layout';
  /** Whether the target container is a tab bar (then only „Reiter/Schritt“ fits). */
  inTabBar: boolean;
  /** Keys already used where the field goes. */
  takenKeys: string[];
  /** Applies the new element; returns the problems when it was refused. */
  onAdd: (
    input:
      | { mode: 'field'; kind: builder.AddableFieldKind; title: string; key: string }
      | { mode: 'layout'; kind: LayoutKind; label: string },
  ) => FieldError[];
  onClose: () => void;
}

/** Asks for the type and label of a new field (key suggested from the label) or of a new section. */
export const AddElementDialog = ({ mode, inTabBar, takenKeys, onAdd, onClose }: AddElementDialogProps) => {
  const titleId = useId();
  const [fieldKind, setFieldKind] = useState<builder.AddableFieldKind>('shortText');
  const [layoutKind, setLayoutKind] = useState<LayoutKind>(inTabBar ? 'category' : 'section');
  const [label, setLabel] = useState('');
  const [key, setKey] = useState('');
  const [keyEdited, setKeyEdited] = useState(false);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const shownKey = keyEdited ? key : label.trim() ? suggestKey(label, takenKeys) : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result =
      mode === 'field'
        ? onAdd({ mode, kind: fieldKind, title: label.trim(), key: shownKey })
        : onAdd({ mode, kind: layoutKind, label: label.trim() });
    setProblems(result);
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId} component="h2">
          {mode === 'field' ? 'Feld hinzufügen' : 'Bereich hinzufügen'}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {problems.length > 0 && (
              <Alert severity="error" role="alert">
                {problems.map((problem) => problem.message).join(' ')}
              </Alert>
            )}
            {mode === 'field' ? (
              <TextField
                select
                label="Feldtyp"
                value={fieldKind}
                onChange={(event) => setFieldKind(event.target.value as builder.AddableFieldKind)}
              >
                {builder.ADDABLE_FIELD_KINDS.map((kind) => (
                  <MenuItem key={kind} value={kind}>
                    {builder.KIND_LABELS[kind]}
                  </MenuItem>
                ))}
              </TextField>
            ) : (
              <TextField
                select
                label="Art des Bereichs"
                value={layoutKind}
                onChange={(event) => setLayoutKind(event.target.value as LayoutKind)}
              >
                {LAYOUT_KINDS.filter((kind) => (inTabBar ? kind === 'category' : kind !== 'category')).map(
                  (kind) => (
                    <MenuItem key={kind} value={kind}>
                      {builder.KIND_LABELS[kind]}
                    </MenuItem>
                  ),
                )}
              </TextField>
            )}
            <TextField
              label="Beschriftung"
              value={label}
              required={mode === 'field'}
              onChange={(event) => setLabel(event.target.value)}
            />
            {mode === 'field' && (
              <TextField
                label="Schlüssel (Name in den Daten)"
                value={shownKey}
                helperText="Wird aus der Beschriftung vorgeschlagen: Buchstaben, Ziffern und „_“."
                onChange={(event) => {
                  setKeyEdited(true);
                  setKey(event.target.value);
                }}
              />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Abbrechen</Button>
          <Button type="submit" variant="contained">
            Hinzufügen
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
};
