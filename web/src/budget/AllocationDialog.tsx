import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { ErrorState } from '../app/ErrorState.js';
import { centsToInput, formatEuro, parseEuroInput } from '../decisions/money.js';
import { changeBudgetAllocationMutation } from './api.js';

export interface AllocationTarget {
  socialAreaId: string;
  socialAreaName: string;
  year: number;
  allocated: number;
}

/** Changes one Sozialraum's budget of a year to a new total, with the reason the ledger keeps. */
export const AllocationDialog = ({
  target,
  onClose,
  onSaved,
}: {
  target: AllocationTarget;
  onClose: () => void;
  onSaved: (text: string) => void;
}) => {
  const [amountText, setAmountText] = useState(centsToInput(target.allocated));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const amount = parseEuroInput(amountText);
  const unchanged = amount === target.allocated;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await graphqlRequest(changeBudgetAllocationMutation, {
        input: { socialAreaId: target.socialAreaId, year: target.year, amount: amount ?? 0, reason },
      });
      onSaved(
        `Das Sozialraumbudget ${target.year} von ${target.socialAreaName} beträgt jetzt ${formatEuro(amount)}.`,
      );
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="allocation-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="allocation-dialog-title">
        {`Budget ${target.year} ändern: ${target.socialAreaName}`}
      </DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {`Bisher zugewiesen: ${formatEuro(target.allocated)}. Die Änderung wird als Buchung mit ihrem Grund festgehalten.`}
        </DialogContentText>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            label="Neues Budget in Euro"
            value={amountText}
            onChange={(event) => setAmountText(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            error={amountText !== '' && (amount === null || unchanged)}
            helperText={
              amount === null && amountText !== ''
                ? 'Bitte einen Betrag wie 50.000,00 eingeben.'
                : unchanged
                  ? 'Das ist das bisherige Budget.'
                  : 'Der neue Gesamtbetrag, z. B. 50.000,00'
            }
          />
          <TextField
            label="Grund"
            required
            multiline
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            helperText="z. B. Beschluss des Kreistags vom …"
          />
          {error && <ErrorState title="Budget nicht geändert" error={error} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Abbrechen</Button>
        <Button
          variant="contained"
          disabled={busy || amount === null || unchanged || !reason.trim()}
          onClick={() => void save()}
        >
          Budget speichern
        </Button>
      </DialogActions>
    </Dialog>
  );
};
