import {
  Alert,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatEuro } from '../decisions/money.js';
import { formatDate } from '../needs/labels.js';
import { offerFundsQuery } from './api.js';
import { FundsBookingForm } from './FundsBookingForm.js';
import { LEDGER_KIND_LABELS } from './ledger-labels.js';

const hoursFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/**
 * The „Mittel“ of an offer: what its notice committed, what is paid, and every booking; finance books
 * payments, cancellations, repayments and corrections here. Nothing for callers who may not read the books.
 */
export const OfferFunds = ({ offerId, hourlyRate }: { offerId: string; hourlyRate: number | null }) => {
  const query = useQuery(offerFundsQuery, { id: offerId });
  const [booked, setBooked] = useState<string | null>(null);
  if (query.status === 'loading') return null;
  if (query.status === 'error')
    return <ErrorState title="Mittel nicht geladen" error={query.error} onRetry={query.reload} />;
  const offer = query.data.offer;
  const funds = offer?.funds;
  if (!offer || !funds) return null;
  return (
    <Paper component="section" variant="outlined" aria-labelledby="offer-funds" sx={{ p: 2, mb: 3 }}>
      <Typography variant="h2" id="offer-funds" sx={{ mb: 1.5 }}>
        Mittel
      </Typography>
      <Typography sx={{ mb: 2 }}>
        {`Gebunden ${formatEuro(funds.committed)}, ausgezahlt ${formatEuro(funds.paid)}, offen ${formatEuro(funds.open)}.`}
      </Typography>
      <div role="status">
        {booked && (
          <Alert severity="success" sx={{ mb: 2 }}>
            {booked}
          </Alert>
        )}
      </div>
      {funds.entries.length === 0 ? (
        <Typography>Noch keine Buchungen.</Typography>
      ) : (
        <TableContainer>
          <Table size="small">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, marginBottom: 8 }}>
              Buchungen des Angebots
            </caption>
            <TableHead>
              <TableRow>
                {[
                  'Buchung',
                  'Haushaltsjahr',
                  'Buchungstag',
                  'Betrag',
                  'Stunden',
                  'Grund / Vermerk',
                  'Von',
                ].map((label) => (
                  <TableCell
                    key={label}
                    component="th"
                    scope="col"
                    align={label === 'Betrag' || label === 'Stunden' ? 'right' : 'left'}
                  >
                    {label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {funds.entries.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell component="th" scope="row">
                    {LEDGER_KIND_LABELS[entry.kind]}
                    {entry.correctsEntryId ? ' (Gegenbuchung)' : ''}
                  </TableCell>
                  <TableCell>{entry.budgetYear}</TableCell>
                  <TableCell>{formatDate(entry.bookedOn)}</TableCell>
                  <TableCell align="right">{formatEuro(entry.amount)}</TableCell>
                  <TableCell align="right">
                    {entry.feeHours == null ? '' : `${hoursFormat.format(entry.feeHours)} h`}
                    {entry.periodFrom && entry.periodTo
                      ? ` (${formatDate(entry.periodFrom)}–${formatDate(entry.periodTo)})`
                      : ''}
                  </TableCell>
                  <TableCell>{entry.reason ?? ''}</TableCell>
                  <TableCell>{entry.createdByName ?? ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      {funds.viewerCanBook && (
        <FundsBookingForm
          offer={offer}
          funds={funds}
          hourlyRate={hourlyRate}
          onBooked={(text) => {
            setBooked(text);
            query.reload();
          }}
        />
      )}
    </Paper>
  );
};
