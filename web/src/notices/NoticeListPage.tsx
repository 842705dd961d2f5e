import {
  Alert,
  Button,
  Link,
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
import { Link as RouterLink } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { useCurrentUser } from '../auth/AuthProvider.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { FINANCING_LABELS, formatEuro } from '../decisions/money.js';
import type { NoticesToIssueQuery } from '../gql/graphql.js';
import { formatDate } from '../needs/labels.js';
import { issuedNoticesQuery, issueNoticeMutation, noticesToIssueQuery } from './api.js';
import { NOTICE_QUEUE_ROLES } from './roles.js';

type Awaiting = NoticesToIssueQuery['applicationsAwaitingNotice'][number];

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

/** One approved application with the form that issues its notice. */
const IssueRow = ({ entry, onIssued }: { entry: Awaiting; onIssued: (number: string) => void }) => {
  const [noticeDate, setNoticeDate] = useState(today());
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const title = entry.call.need?.title ?? entry.call.title;
  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await graphqlRequest(issueNoticeMutation, { applicationId: entry.id, noticeDate });
      onIssued(result.issueNotice.number);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const decision = entry.decision;
  return (
    <Paper component="li" variant="outlined" sx={{ p: 2, mb: 2, listStyle: 'none' }}>
      <Typography variant="h3" sx={{ fontSize: '1.1rem', fontWeight: 600 }}>
        {title}
      </Typography>
      <Typography>
        {entry.provider?.name ?? 'Träger'} ·{' '}
        {entry.call.countyWide ? 'Kreisweit' : entry.call.socialArea?.name}
      </Typography>
      {decision && (
        <Typography sx={{ mb: 1 }}>
          Bewilligt: {formatEuro(decision.approvedAmount)}
          {decision.periodStart && decision.periodEnd
            ? `, ${formatDate(decision.periodStart)} bis ${formatDate(decision.periodEnd)}`
            : ''}
          {decision.financingKind ? `, ${FINANCING_LABELS[decision.financingKind]}` : ''}
        </Typography>
      )}
      {entry.viewerCanIssueNotice ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
          <TextField
            type="date"
            size="small"
            label={`Datum des Bescheids: ${title}`}
            value={noticeDate}
            onChange={(event) => setNoticeDate(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button
            variant="contained"
            disabled={busy || !noticeDate}
            onClick={() => void issue()}
            aria-label={`Bescheid erlassen: ${title}`}
          >
            Bescheid erlassen
          </Button>
        </Stack>
      ) : (
        <Typography>Den Bescheid erlässt die Wirtschaftliche Jugendhilfe.</Typography>
      )}
      {error && <ErrorState title="Bescheid nicht erlassen" error={error} />}
    </Paper>
  );
};

const ToIssue = ({ onIssued }: { onIssued: (number: string) => void }) => {
  const query = useQuery(noticesToIssueQuery);
  if (query.status === 'loading') return <Typography role="status">Wird geladen …</Typography>;
  if (query.status === 'error') return <ErrorState error={query.error} onRetry={query.reload} />;
  const entries = query.data.applicationsAwaitingNotice;
  if (entries.length === 0) return <Typography>Zurzeit ist kein Bescheid zu erlassen.</Typography>;
  return (
    <ul style={{ padding: 0, margin: 0 }}>
      {entries.map((entry) => (
        <IssueRow
          key={entry.id}
          entry={entry}
          onIssued={(number) => {
            onIssued(number);
            query.reload();
          }}
        />
      ))}
    </ul>
  );
};

const Issued = () => {
  const query = useQuery(issuedNoticesQuery);
  if (query.status === 'loading') return <Typography role="status">Wird geladen …</Typography>;
  if (query.status === 'error') return <ErrorState error={query.error} onRetry={query.reload} />;
  const notices = query.data.decisionNotices;
  if (notices.length === 0) return <Typography>Es sind noch keine Bescheide erlassen.</Typography>;
  return (
    <TableContainer>
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, marginBottom: 8 }}>
          Erlassene Bescheide, neueste zuerst
        </caption>
        <TableHead>
          <TableRow>
            {['Aktenzeichen', 'Datum', 'Träger', 'Angebot', 'Betrag', 'Finanzierungsart'].map((label) => (
              <TableCell key={label} component="th" scope="col" align={label === 'Betrag' ? 'right' : 'left'}>
                {label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {notices.map((notice) => (
            <TableRow key={notice.id}>
              <TableCell component="th" scope="row">
                <Link component={RouterLink} to={`/bescheide/${notice.id}`}>
                  {notice.number}
                </Link>
              </TableCell>
              <TableCell>{formatDate(notice.noticeDate)}</TableCell>
              <TableCell>{notice.addresseeName}</TableCell>
              <TableCell>{notice.title}</TableCell>
              <TableCell align="right">{formatEuro(notice.amount)}</TableCell>
              <TableCell>{FINANCING_LABELS[notice.financingKind]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/** `/bescheide`: the approved applications awaiting their notice (issue form) and the notices issued. */
export const NoticeListPage = () => {
  useDocumentTitle('Bescheide');
  const roles = useCurrentUser().roles;
  const [issued, setIssued] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  return (
    <>
      <PageHeading>Bescheide</PageHeading>
      {issued && (
        <Alert severity="success" role="status" sx={{ mb: 2 }}>
          Der Bescheid {issued} ist erlassen; das Angebot läuft.
        </Alert>
      )}
      {roles.some((role) => NOTICE_QUEUE_ROLES.includes(role)) && (
        <Paper component="section" variant="outlined" aria-labelledby="notices-to-issue" sx={{ p: 2, mb: 3 }}>
          <Typography variant="h2" id="notices-to-issue" sx={{ mb: 1.5 }}>
            Zu erlassen
          </Typography>
          <ToIssue
            onIssued={(number) => {
              setIssued(number);
              setVersion((n) => n + 1);
            }}
          />
        </Paper>
      )}
      <Paper component="section" variant="outlined" aria-labelledby="notices-issued" sx={{ p: 2, mb: 3 }}>
        <Typography variant="h2" id="notices-issued" sx={{ mb: 1.5 }}>
          Erlassene Bescheide
        </Typography>
        <Issued key={version} />
      </Paper>
    </>
  );
};
