import AddIcon from '@mui/icons-material/Add';
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
import { useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useSearchParams } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { EditDialog, type FieldSpec, type FieldValues } from '../admin/EditDialog.js';
import { useCurrentUser } from '../auth/AuthProvider.js';
import { holdsAnyRole } from '../auth/roles.js';
import type { NeedFilter, NeedListItemFragment, NeedState } from '../gql/graphql.js';
import { needSocialAreasQuery, needsQuery, recordNeedMutation } from './api.js';
import {
  areaName,
  COUNTY_WIDE,
  NEED_RECORDER_ROLES,
  NEED_STATES,
  needStateLabel,
  OPEN_STATES,
} from './labels.js';

const ALL = '';

/** The open needs of each Sozialraum (and the county-wide ones), highest priority first. */
const groupByArea = (needs: readonly NeedListItemFragment[]) => {
  const groups = new Map<string, { key: string; name: string; needs: NeedListItemFragment[] }>();
  for (const need of needs) {
    const key = need.countyWide ? COUNTY_WIDE : (need.socialArea?.id ?? COUNTY_WIDE);
    const group = groups.get(key) ?? { key, name: areaName(need), needs: [] };
    group.needs.push(need);
    groups.set(key, group);
  }
  const byPriority = (a: NeedListItemFragment, b: NeedListItemFragment) =>
    (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER);
  return [...groups.values()]
    .map((group) => ({ ...group, needs: [...group.needs].sort(byPriority) }))
    .sort((a, b) =>
      a.key === COUNTY_WIDE ? 1 : b.key === COUNTY_WIDE ? -1 : a.name.localeCompare(b.name, 'de'),
    );
};

/** `/bedarfe`: the needs the caller may read, with filters, the priorities and „Bedarf erfassen“. */
export const NeedListPage = () => {
  useDocumentTitle('Bedarfe');
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  // Changing a filter keeps the focus on it; arriving at the page starts at the top.
  const keepFocus = (location.state as { keepFocus?: unknown } | null)?.keepFocus === true;
  const area = params.get('sozialraum') ?? ALL;
  const state = (params.get('zustand') ?? ALL) as NeedState | typeof ALL;
  const [recording, setRecording] = useState(false);
  const recordButton = useRef<HTMLButtonElement>(null);

  const filter: NeedFilter = {
    ...(area === COUNTY_WIDE ? { countyWide: true } : area ? { socialAreaId: area } : {}),
    ...(state ? { states: [state] } : {}),
  };
  const openFilter: NeedFilter = {
    ...(area === COUNTY_WIDE ? { countyWide: true } : area ? { socialAreaId: area } : {}),
    states: [...OPEN_STATES],
  };
  const query = useQuery(needsQuery, { filter, openFilter });
  // Loaded once: the filter keeps its options while the list loads again.
  const areas = useQuery(needSocialAreasQuery);
  const groups = useMemo(
    () => (query.status === 'success' ? groupByArea(query.data.openNeeds) : []),
    [query.status, query.data],
  );

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true, state: { keepFocus: true } });
  };

  const socialAreas = areas.status === 'success' ? areas.data.socialAreas : [];
  const canRecord = holdsAnyRole(user.roles, NEED_RECORDER_ROLES);
  // A team lead records needs for its own Sozialräume; the administration for any.
  const recordAreas = user.roles.includes('ADMIN') ? socialAreas : user.socialAreas;
  const recordFields: FieldSpec[] = [
    { name: 'title', label: 'Kurzbezeichnung', kind: 'text', required: true },
    {
      name: 'area',
      label: 'Sozialraum',
      kind: 'select',
      required: true,
      options: [
        ...recordAreas.map((socialArea) => ({ value: socialArea.id, label: socialArea.name })),
        { value: COUNTY_WIDE, label: 'Kreisweit (kein einzelner Sozialraum)' },
      ],
      helperText: 'Der Sozialraum, in dem der Bedarf besteht, oder kreisweit.',
    },
    {
      name: 'situationDescription',
      label: 'Situationsbeschreibung',
      kind: 'textarea',
      required: true,
      helperText: 'Was wurde beobachtet? Wer ist betroffen? (Schritt 1)',
      validate: (value) =>
        value.length > 20000
          ? 'Die Situationsbeschreibung darf höchstens 20000 Zeichen lang sein.'
          : undefined,
    },
  ];

  const record = async (values: FieldValues) => {
    const chosen = String(values.area);
    const { recordNeed } = await graphqlRequest(recordNeedMutation, {
      input: {
        title: String(values.title).trim(),
        situationDescription: String(values.situationDescription).trim(),
        countyWide: chosen === COUNTY_WIDE,
        socialAreaId: chosen === COUNTY_WIDE ? null : chosen,
      },
    });
    setRecording(false);
    void navigate(`/bedarfe/${recordNeed.id}`);
  };

  return (
    <>
      <PageHeading skipFocus={keepFocus}>Bedarfe</PageHeading>
      <Typography sx={{ mb: 2 }}>
        Bedarfe in den Sozialräumen und kreisweit: erfasst, entschieden (Entscheidungen 1 und 2) und die
        offenen in der Reihenfolge ihrer Priorität.
      </Typography>
      {canRecord && (
        <Button
          ref={recordButton}
          variant="contained"
          startIcon={<AddIcon aria-hidden="true" />}
          onClick={() => setRecording(true)}
          disabled={areas.status !== 'success'}
          sx={{ mb: 2 }}
        >
          Bedarf erfassen
        </Button>
      )}

      <Stack
        component="section"
        aria-label="Filter"
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        sx={{ mb: 3 }}
      >
        <TextField
          select
          id="need-filter-area"
          label="Sozialraum"
          value={area}
          onChange={(event) => setFilter('sozialraum', event.target.value)}
          sx={{ minWidth: 240 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value={ALL}>Alle</option>
          {socialAreas.map((socialArea) => (
            <option key={socialArea.id} value={socialArea.id}>
              {socialArea.name}
            </option>
          ))}
          <option value={COUNTY_WIDE}>Kreisweit</option>
        </TextField>
        <TextField
          select
          id="need-filter-state"
          label="Zustand"
          value={state}
          onChange={(event) => setFilter('zustand', event.target.value)}
          sx={{ minWidth: 280 }}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
        >
          <option value={ALL}>Alle</option>
          {NEED_STATES.map((value) => (
            <option key={value} value={value}>
              {needStateLabel(value)}
            </option>
          ))}
        </TextField>
      </Stack>

      {query.status === 'loading' && <PageLoading label="Bedarfe werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' && (
        <>
          <Typography variant="h2" sx={{ mb: 1 }}>
            Liste
          </Typography>
          <p role="status" data-testid="need-count">
            {query.data.needs.length === 1 ? '1 Bedarf' : `${query.data.needs.length} Bedarfe`}
          </p>
          {query.data.needs.length > 0 && (
            <TableContainer component={Paper} variant="outlined" sx={{ mb: 4 }}>
              <Table size="small" aria-label="Bedarfe">
                <TableHead>
                  <TableRow>
                    <TableCell component="th" scope="col">
                      Kurzbezeichnung
                    </TableCell>
                    <TableCell component="th" scope="col">
                      Sozialraum
                    </TableCell>
                    <TableCell component="th" scope="col">
                      Zustand
                    </TableCell>
                    <TableCell component="th" scope="col">
                      Priorität
                    </TableCell>
                    <TableCell component="th" scope="col">
                      Erfasst
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {query.data.needs.map((need) => (
                    <TableRow key={need.id} data-testid="need-row">
                      <TableCell component="th" scope="row">
                        <Link component={RouterLink} to={`/bedarfe/${need.id}`}>
                          {need.title}
                        </Link>
                      </TableCell>
                      <TableCell>{areaName(need)}</TableCell>
                      <TableCell>{needStateLabel(need.state)}</TableCell>
                      <TableCell>{need.priority ?? '–'}</TableCell>
                      <TableCell>
                        {formatDateTime(need.createdAt)} ({need.createdByName})
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}

          <Typography variant="h2" sx={{ mb: 1 }}>
            Priorität der offenen Bedarfe
          </Typography>
          <Typography sx={{ mb: 2 }}>
            Offen sind Bedarfe, für die ein Angebot geplant oder die Interessensbekundung eröffnet ist.
          </Typography>
          {groups.length === 0 && <p>Keine offenen Bedarfe.</p>}
          {groups.map((group) => (
            <Box key={group.key} component="section" aria-labelledby={`priority-${group.key}`} sx={{ mb: 3 }}>
              <Typography variant="h3" id={`priority-${group.key}`} sx={{ fontSize: '1.25rem', mb: 1 }}>
                {group.name}
              </Typography>
              <ol data-testid={`priority-list-${group.key}`}>
                {group.needs.map((need) => (
                  <li key={need.id}>
                    <Link component={RouterLink} to={`/bedarfe/${need.id}`}>
                      {need.title}
                    </Link>{' '}
                    ({needStateLabel(need.state)})
                  </li>
                ))}
              </ol>
              {group.needs.some((need) => need.viewerCan.prioritise) && (
                <Link component={RouterLink} to={`/bedarfe/priorisierung/${group.key}`}>
                  Priorisierung für {group.name} ändern
                </Link>
              )}
            </Box>
          ))}
        </>
      )}

      {recording && (
        <EditDialog
          open
          title="Bedarf erfassen"
          fields={recordFields}
          initialValues={{
            title: '',
            area: recordAreas.length === 1 ? recordAreas[0]!.id : '',
            situationDescription: '',
          }}
          editing={false}
          submitLabel="Bedarf erfassen"
          onClose={() => {
            setRecording(false);
            recordButton.current?.focus();
          }}
          onSubmit={record}
        />
      )}
    </>
  );
};
