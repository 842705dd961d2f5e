import {
  Alert,
  Button,
  MenuItem,
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
import { useSearchParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formatEuro } from '../decisions/money.js';
import type { BudgetOverviewQuery } from '../gql/graphql.js';
import { AllocationDialog, type AllocationTarget } from './AllocationDialog.js';
import { budgetOverviewQuery } from './api.js';

type Overview = BudgetOverviewQuery['budgetOverview'];

const COLUMNS = [
  'Sozialraum',
  'Regionalteam',
  'Zugewiesen',
  'Gebunden',
  'davon § 74',
  'davon § 77',
  'Ausgezahlt',
  'Verfügbar',
];

const caption = { captionSide: 'top', textAlign: 'left', padding: 0, marginBottom: 8 } as const;

const FiguresTable = ({
  overview,
  onChange,
}: {
  overview: Overview;
  onChange: (target: AllocationTarget) => void;
}) => (
  <TableContainer sx={{ mb: 4 }}>
    <Table size="small">
      <caption style={caption}>{`Sozialraumbudget ${overview.year} (Beträge in Euro)`}</caption>
      <TableHead>
        <TableRow>
          {COLUMNS.map((label, index) => (
            <TableCell key={label} component="th" scope="col" align={index >= 2 ? 'right' : 'left'}>
              {label}
            </TableCell>
          ))}
          {overview.viewerCanAllocate && (
            <TableCell component="th" scope="col">
              Aktion
            </TableCell>
          )}
        </TableRow>
      </TableHead>
      <TableBody>
        {overview.areas.map((area) => (
          <TableRow key={area.socialAreaId ?? 'kreisweit'}>
            <TableCell component="th" scope="row">
              {area.socialAreaName}
            </TableCell>
            <TableCell>{area.regionalTeamName ?? '–'}</TableCell>
            <TableCell align="right">{formatEuro(area.allocated)}</TableCell>
            <TableCell align="right">{formatEuro(area.committed)}</TableCell>
            <TableCell align="right">{formatEuro(area.committedGrant)}</TableCell>
            <TableCell align="right">{formatEuro(area.committedFee)}</TableCell>
            <TableCell align="right">{formatEuro(area.paid)}</TableCell>
            <TableCell align="right" sx={area.remaining < 0 ? { color: 'error.main', fontWeight: 600 } : {}}>
              {formatEuro(area.remaining)}
              {area.remaining < 0 && ' (überzogen)'}
            </TableCell>
            {overview.viewerCanAllocate && (
              <TableCell>
                <Button
                  size="small"
                  variant="outlined"
                  aria-label={`Budget ändern: ${area.socialAreaName}`}
                  onClick={() =>
                    onChange({
                      socialAreaId: area.socialAreaId!,
                      socialAreaName: area.socialAreaName,
                      year: overview.year,
                      allocated: area.allocated,
                    })
                  }
                >
                  Ändern
                </Button>
              </TableCell>
            )}
          </TableRow>
        ))}
        {overview.countyWide && (
          <TableRow>
            <TableCell component="th" scope="row">
              kreisweit
            </TableCell>
            <TableCell>–</TableCell>
            <TableCell align="right">–</TableCell>
            <TableCell align="right">{formatEuro(overview.countyWide.committed)}</TableCell>
            <TableCell align="right">{formatEuro(overview.countyWide.committedGrant)}</TableCell>
            <TableCell align="right">{formatEuro(overview.countyWide.committedFee)}</TableCell>
            <TableCell align="right">{formatEuro(overview.countyWide.paid)}</TableCell>
            <TableCell align="right">–</TableCell>
            {overview.viewerCanAllocate && <TableCell />}
          </TableRow>
        )}
      </TableBody>
    </Table>
  </TableContainer>
);

const HistoryTable = ({ overview }: { overview: Overview }) => {
  const names = new Map(overview.areas.map((area) => [area.socialAreaId, area.socialAreaName]));
  if (overview.allocations.length === 0)
    return <Typography>{`Für ${overview.year} ist noch kein Budget zugewiesen.`}</Typography>;
  return (
    <TableContainer>
      <Table size="small">
        <caption style={caption}>Verlauf der Zuweisungen (neueste zuerst)</caption>
        <TableHead>
          <TableRow>
            {['Gebucht', 'Sozialraum', 'Änderung', 'Grund', 'Von'].map((label) => (
              <TableCell
                key={label}
                component="th"
                scope="col"
                align={label === 'Änderung' ? 'right' : 'left'}
              >
                {label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {overview.allocations.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell>{formatDateTime(entry.createdAt)}</TableCell>
              <TableCell component="th" scope="row">
                {names.get(entry.socialAreaId ?? null) ?? '–'}
              </TableCell>
              <TableCell align="right">{`${entry.amount > 0 ? '+' : ''}${formatEuro(entry.amount)}`}</TableCell>
              <TableCell>{entry.reason ?? ''}</TableCell>
              <TableCell>{entry.createdByName ?? '–'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

/**
 * `/budget`: the Sozialraumbudget of a budget year per Sozialraum (allocated, committed, paid, available,
 * § 74 / § 77), its changes with their reasons, and for the administration and finance the change dialog.
 */
export const BudgetPage = () => {
  useDocumentTitle('Sozialraumbudget');
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('jahr')) || new Date().getFullYear();
  const query = useQuery(budgetOverviewQuery, { year });
  const [target, setTarget] = useState<AllocationTarget | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  if (query.status === 'loading') return <PageLoading label="Sozialraumbudget wird geladen …" />;
  if (query.status === 'error')
    return (
      <>
        <PageHeading>Sozialraumbudget</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  const overview = query.data.budgetOverview;
  const years = [...new Set([...query.data.budgetYears.map((row) => row.year), year])].sort();
  return (
    <>
      <PageHeading>Sozialraumbudget</PageHeading>
      <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
        Zugewiesen ist das Budget des Sozialraums im Haushaltsjahr, gebunden ist, was Bescheide daraus zusagen
        (abzüglich Aufhebungen), ausgezahlt, was die Finanzen überwiesen haben. Verfügbar bleibt das
        Zugewiesene abzüglich des Gebundenen.
      </Typography>
      <TextField
        select
        label="Haushaltsjahr"
        value={String(year)}
        onChange={(event) => {
          setSaved(null);
          setParams({ jahr: event.target.value });
        }}
        sx={{ mb: 3, minWidth: 200 }}
      >
        {years.map((candidate) => (
          <MenuItem key={candidate} value={String(candidate)}>
            {candidate}
          </MenuItem>
        ))}
      </TextField>
      <div role="status">
        {saved && (
          <Alert severity="success" sx={{ mb: 2 }}>
            {saved}
          </Alert>
        )}
      </div>
      <FiguresTable overview={overview} onChange={setTarget} />
      <Typography variant="h2" sx={{ mb: 1 }}>
        Änderungen des Budgets
      </Typography>
      <HistoryTable overview={overview} />
      {target && (
        <AllocationDialog
          target={target}
          onClose={() => setTarget(null)}
          onSaved={(text) => {
            setTarget(null);
            setSaved(text);
            query.reload();
          }}
        />
      )}
    </>
  );
};
