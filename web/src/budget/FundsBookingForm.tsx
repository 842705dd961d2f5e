import { Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { ErrorState } from '../app/ErrorState.js';
import { feeAmount, formatEuro, parseEuroInput, parseHoursInput } from '../decisions/money.js';
import type { OfferFundsQuery } from '../gql/graphql.js';
import { formatDate } from '../needs/labels.js';
import {
  cancelCommitmentMutation,
  correctLedgerEntryMutation,
  recordFeePaymentMutation,
  recordGrantPaymentMutation,
  recordRepaymentMutation,
} from './api.js';
import { FUNDS_ACTION_LABELS, type FundsAction, LEDGER_KIND_LABELS } from './ledger-labels.js';

type Offer = NonNullable<OfferFundsQuery['offer']>;
type Funds = NonNullable<Offer['funds']>;

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

/** Finance's bookings on an offer: payments (§ 77 hours or § 74 tranches), cancellations, repayments, corrections. */
export const FundsBookingForm = ({
  offer,
  funds,
  hourlyRate,
  onBooked,
}: {
  offer: Offer;
  funds: Funds;
  hourlyRate: number | null;
  onBooked: (text: string) => void;
}) => {
  const fee = offer.financingKind === 'FEE';
  const [action, setAction] = useState<FundsAction>('payment');
  const [amountText, setAmountText] = useState('');
  const [hoursText, setHoursText] = useState('');
  const [periodFrom, setPeriodFrom] = useState(offer.periodStart);
  const [periodTo, setPeriodTo] = useState('');
  const [bookedOn, setBookedOn] = useState(today());
  const [reason, setReason] = useState('');
  const [entryId, setEntryId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const amount = parseEuroInput(amountText);
  const hours = parseHoursInput(hoursText);
  const correctable = funds.entries.filter(
    (entry) =>
      entry.kind !== 'ALLOCATION' &&
      !entry.correctsEntryId &&
      !funds.entries.some((other) => other.correctsEntryId === entry.id),
  );
  const feePayment = action === 'payment' && fee;
  const needsReason = action !== 'payment';
  const ready =
    (feePayment
      ? hours !== null && !!periodFrom && !!periodTo
      : action === 'correct'
        ? !!entryId
        : amount !== null && amount > 0) &&
    (!needsReason || !!reason.trim());

  const book = async () => {
    setBusy(true);
    setError(null);
    try {
      if (feePayment) {
        await graphqlRequest(recordFeePaymentMutation, {
          input: {
            offerId: offer.id,
            periodFrom,
            periodTo,
            hours: hours!,
            bookedOn: bookedOn || null,
            note: reason || null,
          },
        });
        onBooked(`Auszahlung über ${hoursText} Fachleistungsstunden gebucht.`);
      } else if (action === 'payment') {
        await graphqlRequest(recordGrantPaymentMutation, {
          input: { offerId: offer.id, amount: amount!, bookedOn, note: reason || null },
        });
        onBooked(`Rate über ${formatEuro(amount)} gebucht.`);
      } else if (action === 'cancel') {
        await graphqlRequest(cancelCommitmentMutation, {
          input: { offerId: offer.id, amount: amount!, reason, bookedOn: bookedOn || null },
        });
        onBooked(`Bindung um ${formatEuro(amount)} aufgehoben.`);
      } else if (action === 'repay') {
        await graphqlRequest(recordRepaymentMutation, {
          input: { offerId: offer.id, amount: amount!, reason, bookedOn: bookedOn || null },
        });
        onBooked(`Rückzahlung über ${formatEuro(amount)} gebucht.`);
      } else {
        await graphqlRequest(correctLedgerEntryMutation, { input: { entryId, reason } });
        onBooked('Gegenbuchung gebucht.');
      }
      setAmountText('');
      setHoursText('');
      setReason('');
      setEntryId('');
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack
      component="form"
      spacing={2}
      sx={{ maxWidth: 560, mt: 3 }}
      onSubmit={(event) => event.preventDefault()}
    >
      <Typography variant="h3">Buchen (Finanzen)</Typography>
      <TextField
        select
        label="Buchung"
        value={action}
        onChange={(event) => setAction(event.target.value as FundsAction)}
      >
        {(Object.keys(FUNDS_ACTION_LABELS) as FundsAction[]).map((key) => (
          <MenuItem key={key} value={key}>
            {key === 'payment'
              ? fee
                ? 'Auszahlung: Fachleistungsstunden (§ 77)'
                : 'Auszahlung: Rate (§ 74)'
              : FUNDS_ACTION_LABELS[key]}
          </MenuItem>
        ))}
      </TextField>
      {feePayment && (
        <>
          <TextField
            label="Bezahlter Zeitraum von"
            type="date"
            value={periodFrom}
            onChange={(event) => setPeriodFrom(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label="Bezahlter Zeitraum bis"
            type="date"
            value={periodTo}
            onChange={(event) => setPeriodTo(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label="Geleistete Fachleistungsstunden"
            value={hoursText}
            onChange={(event) => setHoursText(event.target.value)}
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
            helperText={
              hours !== null && hourlyRate !== null
                ? `${hoursText} h × ${formatEuro(hourlyRate)} = ${formatEuro(feeAmount(hours, hourlyRate))}`
                : 'z. B. 37,5'
            }
          />
        </>
      )}
      {action !== 'correct' && !feePayment && (
        <TextField
          label="Betrag in Euro"
          value={amountText}
          onChange={(event) => setAmountText(event.target.value)}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          error={amountText !== '' && amount === null}
          helperText={`Gebunden und noch nicht ausgezahlt: ${formatEuro(funds.open)}`}
        />
      )}
      {action === 'correct' && (
        <TextField
          select
          label="Zu korrigierende Buchung"
          value={entryId}
          onChange={(event) => setEntryId(event.target.value)}
        >
          {correctable.map((entry) => (
            <MenuItem key={entry.id} value={entry.id}>
              {`${LEDGER_KIND_LABELS[entry.kind]} ${formatEuro(entry.amount)} (${formatDate(entry.bookedOn)})`}
            </MenuItem>
          ))}
        </TextField>
      )}
      {action !== 'correct' && (
        <TextField
          label="Buchungstag"
          type="date"
          value={bookedOn}
          onChange={(event) => setBookedOn(event.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          helperText={
            feePayment
              ? 'Leer: das Ende des Zeitraums. Sein Jahr ist das Haushaltsjahr.'
              : 'Sein Jahr ist das Haushaltsjahr.'
          }
        />
      )}
      <TextField
        label={needsReason ? 'Grund' : 'Vermerk'}
        required={needsReason}
        multiline
        minRows={2}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      {error && <ErrorState title="Nicht gebucht" error={error} />}
      <Button
        variant="contained"
        sx={{ alignSelf: 'flex-start' }}
        disabled={busy || !ready}
        onClick={() => void book()}
      >
        Buchen
      </Button>
    </Stack>
  );
};
