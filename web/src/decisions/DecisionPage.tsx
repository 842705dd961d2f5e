import {
  Alert,
  Box,
  Button,
  Link,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { type ReactNode, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { DecisionApplicationQuery, FinancingKind } from '../gql/graphql.js';
import { formatDate } from '../needs/labels.js';
import {
  approveApplicationMutation,
  budgetCheckQuery,
  decisionApplicationQuery,
  rejectApplicationMutation,
} from './api.js';
import {
  centsToInput,
  feeAmount,
  FINANCING_LABELS,
  formatEuro,
  parseEuroInput,
  parseHoursInput,
} from './money.js';

type DecisionApplication = NonNullable<DecisionApplicationQuery['application']>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const Fact = ({ term, children }: { term: string; children: ReactNode }) => (
  <Box sx={{ mb: 1.5 }}>
    <Typography component="dt" sx={{ fontWeight: 600 }}>
      {term}
    </Typography>
    <Typography component="dd" sx={{ ml: 0 }}>
      {children === null || children === undefined || children === '' ? 'keine Angabe' : children}
    </Typography>
  </Box>
);

/** The budget check of the proposed amount and period, per budget year, with the warning when it exceeds. */
const BudgetCheck = (props: {
  applicationId: string;
  amount: number;
  periodStart: string;
  periodEnd: string;
}) => {
  const query = useQuery(budgetCheckQuery, props);
  if (query.status === 'loading') return <Typography role="status">Budget wird geprüft …</Typography>;
  if (query.status === 'error')
    return <ErrorState title="Budgetprüfung fehlgeschlagen" error={query.error} />;
  const years = query.data.budgetCheck;
  const exceeded = years.filter((year) => year.exceeds);
  return (
    <Box data-testid="budget-check">
      {exceeded.length > 0 ? (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="budget-warning">
          Achtung: Diese Bewilligung überschreitet das verbleibende Budget des Sozialraums im Haushaltsjahr{' '}
          {exceeded
            .map((year) => `${year.year} um ${formatEuro(-(year.remaining ?? 0))}`)
            .join(' und im Haushaltsjahr ')}
          . Sie kann trotzdem bewilligt werden; die Überschreitung wird vermerkt.
        </Alert>
      ) : (
        <Alert severity="success" sx={{ mb: 2 }}>
          {years.every((year) => year.remaining === null)
            ? 'Kreisweites Angebot: Es wird keinem Sozialraumbudget zugerechnet.'
            : 'Die Bewilligung liegt im verbleibenden Budget des Sozialraums.'}
        </Alert>
      )}
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, marginBottom: 8 }}>
          Budgetprüfung je Haushaltsjahr
        </caption>
        <TableHead>
          <TableRow>
            {['Haushaltsjahr', 'Sozialraumbudget', 'Bisher gebunden', 'Dieser Betrag', 'Verbleibend'].map(
              (label) => (
                <TableCell
                  key={label}
                  component="th"
                  scope="col"
                  align={label === 'Haushaltsjahr' ? 'left' : 'right'}
                >
                  {label}
                </TableCell>
              ),
            )}
          </TableRow>
        </TableHead>
        <TableBody>
          {years.map((year) => (
            <TableRow key={year.year}>
              <TableCell component="th" scope="row">
                {year.year}
              </TableCell>
              <TableCell align="right">
                {year.allocation === null
                  ? year.remaining === null
                    ? '–'
                    : 'keines zugewiesen'
                  : formatEuro(year.allocation)}
              </TableCell>
              <TableCell align="right">{formatEuro(year.approvedSoFar)}</TableCell>
              <TableCell align="right">{formatEuro(year.amount)}</TableCell>
              <TableCell align="right">
                {year.remaining === null ? '–' : formatEuro(year.remaining)}
                {year.exceeds && ' (überschritten)'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

interface CostDefaults {
  periodStart: string;
  periodEnd: string;
  hours: string;
  rate: string;
}

function costDefaults(application: DecisionApplication): CostDefaults {
  const data = (application.costCalculationData ?? {}) as Record<string, unknown>;
  const hoursData = (data.professionalHours ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && ISO_DATE.test(value) ? value : '');
  return {
    periodStart: text(data.periodStart),
    periodEnd: text(data.periodEnd),
    hours:
      typeof hoursData.hours === 'number'
        ? new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 }).format(hoursData.hours)
        : '',
    rate: typeof hoursData.hourlyRate === 'number' ? centsToInput(hoursData.hourlyRate) : '',
  };
}

/** The approve / reject form of the Regionalteam, with the live budget check. */
const DecisionForm = ({
  application,
  onDecided,
}: {
  application: DecisionApplication;
  onDecided: () => void;
}) => {
  const requested = application.revisions.at(-1)?.requestedAmount ?? null;
  const defaults = costDefaults(application);
  const [financingKind, setFinancingKind] = useState<FinancingKind>(application.call.financingKind);
  const [amountText, setAmountText] = useState(centsToInput(requested));
  const [periodStart, setPeriodStart] = useState(defaults.periodStart);
  const [periodEnd, setPeriodEnd] = useState(defaults.periodEnd);
  const [hoursText, setHoursText] = useState(defaults.hours);
  const [rateText, setRateText] = useState(defaults.rate);
  const [justification, setJustification] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const fee = financingKind === 'FEE';
  const hours = parseHoursInput(hoursText);
  const rate = parseEuroInput(rateText);
  const amount = fee
    ? hours !== null && rate !== null
      ? feeAmount(hours, rate)
      : null
    : parseEuroInput(amountText);
  const periodValid = ISO_DATE.test(periodStart) && ISO_DATE.test(periodEnd) && periodStart <= periodEnd;
  const overRequested = amount !== null && requested !== null && amount > requested;

  const decide = async (outcome: 'approve' | 'reject') => {
    setBusy(true);
    setError(null);
    try {
      if (outcome === 'approve') {
        await graphqlRequest(approveApplicationMutation, {
          input: {
            applicationId: application.id,
            revision: application.revision,
            amount: amount ?? 0,
            periodStart,
            periodEnd,
            financingKind,
            feeHours: fee ? hours : null,
            hourlyRate: fee ? rate : null,
            justification,
          },
        });
      } else {
        await graphqlRequest(rejectApplicationMutation, {
          input: { applicationId: application.id, revision: application.revision, justification },
        });
      }
      onDecided();
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper component="section" variant="outlined" aria-labelledby="decision-form" sx={{ p: 2, mb: 3 }}>
      <Typography variant="h2" id="decision-form" sx={{ mb: 2 }}>
        Entscheidung
      </Typography>
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <TextField
          select
          label="Finanzierungsart"
          value={financingKind}
          onChange={(event) => setFinancingKind(event.target.value as FinancingKind)}
          helperText={`Vorgabe der Angebotsart „${application.call.offerCategory.name}“`}
        >
          <MenuItem value="GRANT">{FINANCING_LABELS.GRANT}</MenuItem>
          <MenuItem value="FEE">{FINANCING_LABELS.FEE}</MenuItem>
        </TextField>
        {fee && (
          <>
            <TextField
              label="Fachleistungsstunden"
              value={hoursText}
              onChange={(event) => setHoursText(event.target.value)}
              inputProps={{ inputMode: 'decimal' }}
              helperText="Anzahl Stunden im Bewilligungszeitraum, z. B. 187,5"
              error={hoursText !== '' && hours === null}
            />
            <TextField
              label="Stundensatz in Euro"
              value={rateText}
              onChange={(event) => setRateText(event.target.value)}
              inputProps={{ inputMode: 'decimal' }}
              helperText="laut Leistungs- und Entgeltvereinbarung, z. B. 62,50"
              error={rateText !== '' && rate === null}
            />
          </>
        )}
        <TextField
          label="Bewilligter Betrag in Euro"
          value={fee ? centsToInput(amount) : amountText}
          onChange={(event) => setAmountText(event.target.value)}
          inputProps={{ inputMode: 'decimal', readOnly: fee }}
          error={overRequested || (!fee && amountText !== '' && amount === null)}
          helperText={
            fee
              ? 'Berechnet: Stunden × Stundensatz, auf den Cent gerundet'
              : overRequested
                ? `Höher als der beantragte Betrag (${formatEuro(requested)})`
                : `Höchstens der beantragte Betrag: ${formatEuro(requested)}`
          }
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            type="date"
            label="Beginn des Bewilligungszeitraums"
            value={periodStart}
            onChange={(event) => setPeriodStart(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="date"
            label="Ende des Bewilligungszeitraums"
            value={periodEnd}
            onChange={(event) => setPeriodEnd(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
            error={ISO_DATE.test(periodStart) && ISO_DATE.test(periodEnd) && periodStart > periodEnd}
          />
        </Stack>
        {amount !== null && periodValid ? (
          <BudgetCheck
            applicationId={application.id}
            amount={amount}
            periodStart={periodStart}
            periodEnd={periodEnd}
          />
        ) : (
          <Typography>Für die Budgetprüfung bitte Betrag und Zeitraum angeben.</Typography>
        )}
        <TextField
          label="Begründung"
          required
          multiline
          minRows={3}
          value={justification}
          onChange={(event) => setJustification(event.target.value)}
          helperText="Erforderlich für Bewilligung und Ablehnung"
        />
        {error && <ErrorState title="Entscheidung nicht gespeichert" error={error} />}
        <Stack direction="row" spacing={2}>
          <Button
            variant="contained"
            disabled={busy || amount === null || !periodValid || !justification.trim()}
            onClick={() => void decide('approve')}
          >
            Bewilligen
          </Button>
          <Button
            variant="outlined"
            color="error"
            disabled={busy || !justification.trim()}
            onClick={() => void decide('reject')}
          >
            Ablehnen
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
};

/** `/entscheidungen/:id`: one application with its facts, its decision or the form to take it. */
export const DecisionPage = () => {
  const { id = '' } = useParams();
  const query = useQuery(decisionApplicationQuery, { id });
  const application = query.status === 'success' ? query.data.application : null;
  const [decided, setDecided] = useState(false);
  useDocumentTitle(
    application ? `Entscheidung: ${application.call.need?.title ?? application.call.title}` : 'Entscheidung',
  );

  if (query.status === 'error')
    return (
      <>
        <PageHeading>Entscheidung</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  if (!application) return <PageLoading label="Interessensbekundung wird geladen …" />;
  const decision = application.decision;
  const latest = application.revisions.at(-1);
  return (
    <>
      <Link component={RouterLink} to="/entscheidungen">
        Zu den Entscheidungen
      </Link>
      <PageHeading>Entscheidung: {application.call.need?.title ?? application.call.title}</PageHeading>
      {decided && (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          Die Entscheidung ist gespeichert.
        </Alert>
      )}
      <Paper component="section" variant="outlined" aria-labelledby="application-facts" sx={{ p: 2, mb: 3 }}>
        <Typography variant="h2" id="application-facts" sx={{ mb: 1.5 }}>
          Interessensbekundung
        </Typography>
        <dl>
          <Fact term="Träger">{application.provider?.name}</Fact>
          <Fact term="Sozialraum">
            {application.call.countyWide ? 'Kreisweit' : application.call.socialArea?.name}
          </Fact>
          <Fact term="Angebotsart">{application.call.offerCategory.name}</Fact>
          <Fact term="Beantragter Betrag">
            {latest ? `${formatEuro(latest.requestedAmount)} (Fassung ${latest.number})` : null}
          </Fact>
          <Fact term="Eingereicht">
            {application.submittedAt ? formatDateTime(application.submittedAt) : null}
          </Fact>
        </dl>
        <Stack direction="row" spacing={2}>
          <Link component={RouterLink} to={`/interessensbekundungen/${application.id}`}>
            Interessensbekundung öffnen
          </Link>
          {application.call.need && (
            <Link component={RouterLink} to={`/bewertungen/rangfolge/${application.call.need.id}`}>
              Rangfolge ansehen
            </Link>
          )}
        </Stack>
      </Paper>
      {decision && (
        <Paper component="section" variant="outlined" aria-labelledby="decision-facts" sx={{ p: 2, mb: 3 }}>
          <Typography variant="h2" id="decision-facts" sx={{ mb: 1.5 }}>
            {decision.outcome === 'APPROVED' ? 'Bewilligt' : 'Abgelehnt'}
          </Typography>
          <dl>
            <Fact term="Entschieden">{`${formatDateTime(decision.decidedAt)} von ${decision.decidedByName}`}</Fact>
            {decision.outcome === 'APPROVED' && (
              <>
                <Fact term="Bewilligter Betrag">{formatEuro(decision.approvedAmount)}</Fact>
                <Fact term="Bewilligungszeitraum">
                  {decision.periodStart && decision.periodEnd
                    ? `${formatDate(decision.periodStart)} bis ${formatDate(decision.periodEnd)}`
                    : null}
                </Fact>
                <Fact term="Finanzierungsart">
                  {decision.financingKind ? FINANCING_LABELS[decision.financingKind] : null}
                </Fact>
                {decision.financingKind === 'FEE' && (
                  <Fact term="Fachleistungsstunden">
                    {`${decision.feeHours?.toLocaleString('de-DE')} Stunden zu ${formatEuro(decision.hourlyRate)}`}
                  </Fact>
                )}
              </>
            )}
            <Fact term="Begründung">{decision.justification}</Fact>
          </dl>
          {decision.budgetWarning && (
            <Alert severity="warning">
              Die Bewilligung überschritt das verbleibende Budget des Sozialraums.
            </Alert>
          )}
        </Paper>
      )}
      {application.viewerCanDecide && !decision && (
        <DecisionForm
          application={application}
          onDecided={() => {
            setDecided(true);
            query.reload();
          }}
        />
      )}
      {!application.viewerCanDecide && !decision && (
        <Typography>Über diese Interessensbekundung entscheidet das Regionalteam des Sozialraums.</Typography>
      )}
    </>
  );
};
