import {
  Alert,
  Button,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { useCurrentUser } from '../auth/AuthProvider.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { InterimBudgetAllocationsQuery } from '../gql/graphql.js';
import { allocationsQuery, setAllocationMutation } from './api.js';
import { formatEuro, parseEuroInput } from './money.js';

type Data = InterimBudgetAllocationsQuery;

/** The administration's form: a new allocation (or a change) for one Sozialraum and budget year, with its reason. */
const AllocationForm = ({ data, onSaved }: { data: Data; onSaved: (text: string) => void }) => {
  const [socialAreaId, setSocialAreaId] = useState(data.socialAreas[0]?.id ?? '');
  const openYears = data.budgetYears.filter((year) => !year.closed);
  const [year, setYear] = useState(String(openYears[0]?.year ?? ''));
  const [amountText, setAmountText] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const amount = parseEuroInput(amountText);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await graphqlRequest(setAllocationMutation, {
        input: { socialAreaId, year: Number(year), amount: amount ?? 0, reason },
      });
      const area = data.socialAreas.find((candidate) => candidate.id === socialAreaId)?.name ?? '';
      onSaved(`Die Zuweisung für ${area} im Haushaltsjahr ${year} ist gespeichert.`);
      setAmountText('');
      setReason('');
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper component="section" variant="outlined" aria-labelledby="allocation-form" sx={{ p: 2, mb: 3 }}>
      <Typography variant="h2" id="allocation-form" sx={{ mb: 2 }}>
        Zuweisung festlegen oder ändern
      </Typography>
      <Stack spacing={2} sx={{ maxWidth: 560 }}>
        <TextField
          select
          label="Sozialraum"
          value={socialAreaId}
          onChange={(event) => setSocialAreaId(event.target.value)}
        >
          {data.socialAreas.map((area) => (
            <MenuItem key={area.id} value={area.id}>
              {area.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Haushaltsjahr"
          value={year}
          onChange={(event) => setYear(event.target.value)}
        >
          {openYears.map((budgetYear) => (
            <MenuItem key={budgetYear.id} value={String(budgetYear.year)}>
              {budgetYear.year}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Zuweisung in Euro"
          value={amountText}
          onChange={(event) => setAmountText(event.target.value)}
          inputProps={{ inputMode: 'decimal' }}
          error={amountText !== '' && amount === null}
          helperText="z. B. 50.000,00"
        />
        <TextField
          label="Grund"
          required
          multiline
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          helperText="Jede Änderung wird mit ihrem Grund festgehalten."
        />
        {error && <ErrorState title="Zuweisung nicht gespeichert" error={error} />}
        <Button
          variant="contained"
          sx={{ alignSelf: 'flex-start' }}
          disabled={busy || !socialAreaId || !year || amount === null || !reason.trim()}
          onClick={() => void save()}
        >
          Zuweisung speichern
        </Button>
      </Stack>
    </Paper>
  );
};

/** `/budgetzuweisungen`: the interim allocations per Sozialraum and budget year; the administration sets them. */
export const AllocationPage = () => {
  useDocumentTitle('Vorläufige Budgetzuweisungen');
  const user = useCurrentUser();
  const query = useQuery(allocationsQuery, { filter: { history: false } });
  const [saved, setSaved] = useState<string | null>(null);
  if (query.status === 'loading') return <PageLoading label="Budgetzuweisungen werden geladen …" />;
  if (query.status === 'error')
    return (
      <>
        <PageHeading>Vorläufige Budgetzuweisungen</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  const rows = [...query.data.interimBudgetAllocations].sort(
    (a, b) => a.socialAreaName.localeCompare(b.socialAreaName, 'de') || a.year - b.year,
  );
  return (
    <>
      <PageHeading>Vorläufige Budgetzuweisungen</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
        Bis die Budgetzahlen aus dem Berichtswesen kommen, prüft das Regionalteam seine Bewilligungen gegen
        diese Zuweisungen je Sozialraum und Haushaltsjahr. Es gilt die jeweils zuletzt festgelegte.
      </Typography>
      {saved && (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          {saved}
        </Alert>
      )}
      {user.roles.includes('ADMIN') && (
        <AllocationForm
          data={query.data}
          onSaved={(text) => {
            setSaved(text);
            query.reload();
          }}
        />
      )}
      {rows.length === 0 ? (
        <Typography>Es sind noch keine Zuweisungen festgelegt.</Typography>
      ) : (
        <TableContainer>
          <Table size="small">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, marginBottom: 8 }}>
              Geltende Zuweisungen
            </caption>
            <TableHead>
              <TableRow>
                {['Sozialraum', 'Haushaltsjahr', 'Zuweisung', 'Grund', 'Festgelegt'].map((label) => (
                  <TableCell
                    key={label}
                    component="th"
                    scope="col"
                    align={label === 'Zuweisung' ? 'right' : 'left'}
                  >
                    {label}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id}>
                  <TableCell component="th" scope="row">
                    {row.socialAreaName}
                  </TableCell>
                  <TableCell>{row.year}</TableCell>
                  <TableCell align="right">{formatEuro(row.amount)}</TableCell>
                  <TableCell>{row.reason}</TableCell>
                  <TableCell>{`${formatDateTime(row.createdAt)}, ${row.setByName}`}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
};
