import DownloadIcon from '@mui/icons-material/Download';
import {
  Box,
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
import { type FormEvent, useMemo, useState } from 'react';
import { Link as RouterLink, useLocation, useSearchParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { ROLE_LABELS } from '../auth/roles.js';
import type { AuditEventsQuery, AuditOutcome, Role } from '../gql/graphql.js';
import { AdminBackLink } from './AdminBackLink.js';
import { auditEventsQuery, auditUsersQuery } from './audit-api.js';
import {
  csvHref,
  FILTER_KEYS,
  type FilterKey,
  type FilterValues,
  OUTCOME_LABELS,
  readFilter,
  toApiFilter,
} from './audit-filter.js';

const PAGE_SIZE = 50;

/** The applied filter as the page address holds it. */
const toSearchParams = (values: FilterValues): URLSearchParams => {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (values[key].trim()) params.set(key, values[key].trim());
  return params;
};

/** `/verwaltung/protokoll`: the audit trail, filtered by who, what and when, page by page. */
export const AuditLogPage = () => {
  useDocumentTitle('Protokoll');
  const [searchParams, setSearchParams] = useSearchParams();
  const location = useLocation();
  // Applying a filter keeps the focus on the form; following a link (a record's history) starts at the top.
  const keepFocus = (location.state as { keepFocus?: unknown } | null)?.keepFocus === true;
  const applied = useMemo(() => readFilter(searchParams), [searchParams]);

  return (
    <>
      <AdminBackLink />
      <PageHeading skipFocus={keepFocus}>Protokoll</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
        Jede Änderung, jede Anmeldung und jede verweigerte Aktion wird hier unveränderlich festgehalten: wer,
        wann, was, mit welchem Ergebnis.
      </Typography>
      {/* A new filter starts again on the first page. */}
      <AuditLog
        key={searchParams.toString()}
        applied={applied}
        onApply={(values) => setSearchParams(toSearchParams(values), { state: { keepFocus: true } })}
      />
    </>
  );
};

const AuditLog = ({
  applied,
  onApply,
}: {
  applied: FilterValues;
  onApply: (values: FilterValues) => void;
}) => {
  const filter = useMemo(() => toApiFilter(applied), [applied]);
  const [draft, setDraft] = useState<FilterValues>(applied);
  // Cursors of the pages before the current one; the current page starts after the last.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1);
  const users = useQuery(auditUsersQuery);
  const query = useQuery(auditEventsQuery, { filter, first: PAGE_SIZE, after });

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };
  const reset = () => onApply(readFilter(new URLSearchParams()));
  const field = (key: FilterKey) => ({
    id: `audit-filter-${key}`,
    name: key,
    value: draft[key],
    onChange: (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value }),
    size: 'small' as const,
  });
  const page = query.status === 'success' ? query.data.auditEvents : undefined;
  const firstIndex = cursors.length * PAGE_SIZE;

  return (
    <>
      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 }, mb: 3 }}>
        <Typography component="h2" variant="h2" id="audit-filter-heading" sx={{ mb: 2 }}>
          Filter
        </Typography>
        <Box component="form" aria-labelledby="audit-filter-heading" onSubmit={apply} noValidate>
          <Box
            sx={{
              display: 'grid',
              gap: 2,
              gridTemplateColumns: { xs: '1fr', sm: '1fr 1fr', md: 'repeat(4, 1fr)' },
              mb: 2,
            }}
          >
            <TextField
              {...field('userId')}
              label="Person"
              select
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="">Alle Personen</option>
              {users.status === 'success' &&
                users.data.users.map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.displayName} ({user.email})
                  </option>
                ))}
            </TextField>
            <TextField {...field('operation')} label="Vorgang" helperText="z. B. login, createProvider" />
            <TextField
              {...field('entityType')}
              label="Art des Datensatzes"
              helperText="z. B. Provider, User"
            />
            <TextField {...field('entityId')} label="Kennung des Datensatzes" />
            <TextField
              {...field('outcome')}
              label="Ergebnis"
              select
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="">Alle Ergebnisse</option>
              {(Object.keys(OUTCOME_LABELS) as AuditOutcome[]).map((outcome) => (
                <option key={outcome} value={outcome}>
                  {OUTCOME_LABELS[outcome]}
                </option>
              ))}
            </TextField>
            <TextField
              {...field('from')}
              label="Von (Tag)"
              type="date"
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              {...field('to')}
              label="Bis (Tag)"
              type="date"
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </Box>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            <Button type="submit" variant="contained">
              Filter anwenden
            </Button>
            <Button type="button" variant="outlined" onClick={reset}>
              Filter zurücksetzen
            </Button>
            <Button
              component="a"
              href={csvHref(filter)}
              download
              variant="text"
              startIcon={<DownloadIcon aria-hidden="true" />}
              data-testid="audit-csv"
            >
              Als CSV herunterladen
            </Button>
          </Stack>
        </Box>
      </Paper>

      {query.status === 'loading' && <PageLoading label="Protokoll wird geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {page && (
        <>
          <Typography role="status" sx={{ mb: 1 }} data-testid="audit-count">
            {page.totalCount === 0
              ? 'Keine Einträge für diesen Filter.'
              : `Einträge ${firstIndex + 1}–${firstIndex + page.nodes.length} von ${page.totalCount}`}
          </Typography>
          {page.nodes.length > 0 && <AuditTable events={page.nodes} />}
          <Stack component="nav" aria-label="Seiten des Protokolls" direction="row" sx={{ gap: 2, mt: 2 }}>
            <Button
              variant="outlined"
              disabled={cursors.length === 0}
              onClick={() => setCursors(cursors.slice(0, -1))}
            >
              Vorherige Seite
            </Button>
            <Button
              variant="outlined"
              disabled={!page.hasNextPage || !page.endCursor}
              onClick={() => page.endCursor && setCursors([...cursors, page.endCursor])}
            >
              Nächste Seite
            </Button>
          </Stack>
        </>
      )}
    </>
  );
};

type AuditEventRow = AuditEventsQuery['auditEvents']['nodes'][number];

const roleLabel = (role: string | null | undefined) =>
  role ? (ROLE_LABELS[role as Role] ?? role) : undefined;

const AuditTable = ({ events }: { events: AuditEventRow[] }) => (
  <TableContainer component={Paper} variant="outlined">
    <Table size="small">
      <caption style={{ textAlign: 'left' }}>Protokolleinträge, neueste zuerst</caption>
      <TableHead>
        <TableRow>
          {['Zeitpunkt', 'Person', 'Vorgang', 'Datensatz', 'Ergebnis', 'Einzelheiten'].map((header) => (
            <TableCell key={header} component="th" scope="col">
              {header}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {events.map((event) => (
          <TableRow key={event.id} data-testid="audit-row" sx={{ verticalAlign: 'top' }}>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(event.occurredAt)}</TableCell>
            <TableCell>
              {event.userName ?? 'System oder unbekannt'}
              {roleLabel(event.role) && (
                <Typography variant="body2" color="text.secondary">
                  als {roleLabel(event.role)}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <code>{event.operation}</code>
            </TableCell>
            <TableCell sx={{ overflowWrap: 'anywhere' }}>
              {event.entityType ?? '–'}
              {event.entityId && (
                <Typography variant="body2" color="text.secondary">
                  {event.entityId}
                </Typography>
              )}
              {event.entityType && event.entityId && (
                <Link
                  component={RouterLink}
                  variant="body2"
                  to={`?${new URLSearchParams({ entityType: event.entityType, entityId: event.entityId }).toString()}`}
                >
                  Verlauf dieses Datensatzes
                </Link>
              )}
            </TableCell>
            <TableCell>{OUTCOME_LABELS[event.outcome]}</TableCell>
            <TableCell sx={{ maxWidth: 360 }}>
              {event.justification && (
                <Typography variant="body2">Begründung: {event.justification}</Typography>
              )}
              {event.details != null && (
                <details>
                  <summary>Änderungen anzeigen</summary>
                  <Box
                    component="pre"
                    sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: '0.8125rem', m: 0 }}
                  >
                    {JSON.stringify(event.details, null, 2)}
                  </Box>
                </details>
              )}
              {event.requestId && (
                <Typography variant="body2" color="text.secondary">
                  Vorgangsnummer {event.requestId}
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  </TableContainer>
);
