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
  TablePagination,
  TableRow,
  TableSortLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useLocation, useSearchParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { visuallyHidden } from '../app/visually-hidden.js';
import type { OfferSortField, OffersQuery } from '../gql/graphql.js';
import { formatDate } from '../needs/labels.js';
import { offerFilterOptionsQuery, offersQuery } from './api.js';
import {
  COUNTY_WIDE,
  csvHref,
  euros,
  FINANCING_KIND_LABELS,
  OFFER_STATES,
  type OfferSearch,
  offerStateLabel,
  PAGE_SIZES,
  readSearch,
  toApiFilter,
  toApiSort,
  writeSearch,
} from './offer-search.js';

type OfferRow = OffersQuery['offers']['nodes'][number];

interface Column {
  field: OfferSortField;
  label: string;
  numeric?: boolean;
}

const COLUMNS: readonly Column[] = [
  { field: 'TITLE', label: 'Titel' },
  { field: 'SOCIAL_AREA', label: 'Sozialraum' },
  { field: 'PROVIDER', label: 'Träger' },
  { field: 'OFFER_CATEGORY', label: 'Angebotsart' },
  { field: 'FINANCING_KIND', label: 'Finanzierungsart' },
  { field: 'STATE', label: 'Status' },
  { field: 'APPROVED_AMOUNT', label: 'Bewilligter Betrag', numeric: true },
  { field: 'NEXT_EVALUATION_DUE', label: 'Nächste Evaluation' },
];

/** „15.05.2026“, with „überfällig“ in words (not by colour alone) when past. */
export const NextEvaluation = ({
  offer,
  none = '–',
}: {
  offer: Pick<OfferRow, 'nextEvaluationDue' | 'nextEvaluationOverdue'>;
  /** What shows when no evaluation is open. */
  none?: string;
}) =>
  offer.nextEvaluationDue ? (
    <>
      {formatDate(offer.nextEvaluationDue)}
      {offer.nextEvaluationOverdue && (
        <Typography component="strong" sx={{ display: 'block', fontWeight: 700, color: 'error.dark' }}>
          überfällig
        </Typography>
      )}
    </>
  ) : (
    <>{none}</>
  );

interface SelectFilterProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}

const SelectFilter = ({ id, label, value, onChange, options }: SelectFilterProps) => (
  <TextField
    select
    id={id}
    label={label}
    value={value}
    onChange={(event) => onChange(event.target.value)}
    sx={{ minWidth: 200 }}
    size="small"
    slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
  >
    <option value="">Alle</option>
    {options.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    ))}
  </TextField>
);

/** `/angebote`: the Angebotsübersicht, filtered and sorted as the address says, with the CSV export. */
export const OfferListPage = () => {
  useDocumentTitle('Angebotsübersicht');
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  // Changing a filter or the order keeps the focus where it is; arriving at the page starts at the top.
  const keepFocus = (location.state as { keepFocus?: unknown } | null)?.keepFocus === true;
  const search = readSearch(params);
  const query = useQuery(offersQuery, {
    filter: toApiFilter(search),
    sort: toApiSort(search),
    limit: search.pageSize,
    offset: (search.page - 1) * search.pageSize,
  });
  const options = useQuery(offerFilterOptionsQuery);
  // While a new order or page loads, the table stays (and with it the focus on the header just used).
  const [shown, setShown] = useState<OffersQuery | null>(null);
  if (query.status === 'success' && shown !== query.data) setShown(query.data);
  const data = query.status === 'success' ? query.data : query.status === 'loading' ? shown : null;
  const loading = query.status === 'loading';

  const update = (change: Partial<OfferSearch>) =>
    setParams(writeSearch({ ...search, page: 1, ...change }), { replace: true, state: { keepFocus: true } });

  const sortBy = (field: OfferSortField) =>
    update({
      sort: field,
      direction: search.sort === field && search.direction === 'ASC' ? 'DESC' : 'ASC',
    });

  const choices = options.status === 'success' ? options.data : null;
  const named = (list: readonly { id: string; name: string }[] | undefined) =>
    (list ?? []).map((item) => ({ value: item.id, label: item.name }));

  const total = data?.offers.totalCount ?? 0;

  return (
    <>
      <PageHeading skipFocus={keepFocus}>Angebotsübersicht</PageHeading>
      <Typography sx={{ mb: 2 }}>
        Alle laufenden und beendeten Angebote, die Sie sehen dürfen, mit bewilligtem Betrag und nächster
        Evaluation. Filter und Sortierung stehen in der Adresse; der CSV-Export enthält alle Seiten.
      </Typography>

      <Paper component="section" aria-label="Filter" variant="outlined" sx={{ p: 2, mb: 3 }}>
        <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
          <SelectFilter
            id="offer-filter-area"
            label="Sozialraum"
            value={search.area}
            onChange={(area) => update({ area })}
            options={[...named(choices?.socialAreas), { value: COUNTY_WIDE, label: 'Kreisweit' }]}
          />
          <SelectFilter
            id="offer-filter-regional-team"
            label="Regionalteam"
            value={search.regionalTeam}
            onChange={(regionalTeam) => update({ regionalTeam })}
            options={named(choices?.regionalTeams)}
          />
          <SelectFilter
            id="offer-filter-provider"
            label="Träger"
            value={search.provider}
            onChange={(provider) => update({ provider })}
            options={named(choices?.providers)}
          />
          <SelectFilter
            id="offer-filter-category"
            label="Angebotsart"
            value={search.category}
            onChange={(category) => update({ category })}
            options={named(choices?.offerCategories)}
          />
          <SelectFilter
            id="offer-filter-financing"
            label="Finanzierungsart"
            value={search.financingKind}
            onChange={(value) => update({ financingKind: value as OfferSearch['financingKind'] })}
            options={(['FEE', 'GRANT'] as const).map((kind) => ({
              value: kind,
              label: FINANCING_KIND_LABELS[kind],
            }))}
          />
          <SelectFilter
            id="offer-filter-state"
            label="Status"
            value={search.state}
            onChange={(value) => update({ state: value as OfferSearch['state'] })}
            options={OFFER_STATES.map((state) => ({ value: state, label: offerStateLabel(state) }))}
          />
        </Stack>
        <Box sx={{ mt: 2 }}>
          <Button
            component="a"
            href={csvHref(search)}
            download
            variant="text"
            startIcon={<DownloadIcon aria-hidden="true" />}
            data-testid="offers-csv"
          >
            Als CSV herunterladen
          </Button>
        </Box>
      </Paper>

      {loading && !data && <PageLoading label="Angebote werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {data && (
        <>
          <p role="status" data-testid="offer-count">
            {total === 1 ? '1 Angebot' : `${total} Angebote`}
          </p>
          {total === 0 ? (
            <Typography data-testid="offers-empty">
              Keine Angebote gefunden. Angebote entstehen, wenn die Finanzabteilung einen Bescheid erlässt;
              ändern Sie gegebenenfalls die Filter.
            </Typography>
          ) : (
            <TableContainer component={Paper} variant="outlined">
              <Table size="small" aria-label="Angebote" aria-busy={loading}>
                <TableHead>
                  <TableRow>
                    {COLUMNS.map((column) => {
                      const active = search.sort === column.field;
                      const direction = active ? (search.direction === 'DESC' ? 'desc' : 'asc') : 'asc';
                      return (
                        <TableCell
                          key={column.field}
                          component="th"
                          scope="col"
                          align={column.numeric ? 'right' : 'left'}
                          sortDirection={active ? direction : false}
                        >
                          <TableSortLabel
                            active={active}
                            direction={direction}
                            onClick={() => sortBy(column.field)}
                            data-testid={`sort-${column.field}`}
                          >
                            {column.label}
                            {active && (
                              <Box component="span" sx={visuallyHidden}>
                                {search.direction === 'DESC'
                                  ? ', absteigend sortiert'
                                  : ', aufsteigend sortiert'}
                              </Box>
                            )}
                          </TableSortLabel>
                        </TableCell>
                      );
                    })}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.offers.nodes.map((offer) => (
                    <TableRow key={offer.id} data-testid="offer-row">
                      <TableCell component="th" scope="row">
                        <Link component={RouterLink} to={`/angebote/${offer.id}`}>
                          {offer.title}
                        </Link>
                      </TableCell>
                      <TableCell>
                        {offer.countyWide ? 'Kreisweit' : (offer.socialArea?.name ?? '–')}
                      </TableCell>
                      <TableCell>{offer.provider?.name ?? '–'}</TableCell>
                      <TableCell>{offer.offerCategory.name}</TableCell>
                      <TableCell>{FINANCING_KIND_LABELS[offer.financingKind]}</TableCell>
                      <TableCell>{offerStateLabel(offer.state)}</TableCell>
                      <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                        {euros(offer.approvedAmount)}
                      </TableCell>
                      <TableCell>
                        <NextEvaluation offer={offer} />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <TablePagination
                component="div"
                count={total}
                page={search.page - 1}
                rowsPerPage={search.pageSize}
                rowsPerPageOptions={[...PAGE_SIZES]}
                onPageChange={(_event, page) => update({ page: page + 1 })}
                onRowsPerPageChange={(event) => update({ pageSize: Number(event.target.value) })}
                labelRowsPerPage="Angebote je Seite:"
                labelDisplayedRows={({ from, to, count }) => `${from}–${to} von ${count}`}
                getItemAriaLabel={(type) =>
                  type === 'next'
                    ? 'Nächste Seite'
                    : type === 'previous'
                      ? 'Vorige Seite'
                      : type === 'first'
                        ? 'Erste Seite'
                        : 'Letzte Seite'
                }
              />
            </TableContainer>
          )}
        </>
      )}
    </>
  );
};
