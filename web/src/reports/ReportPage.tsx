import { Box, Link, Paper, Typography } from '@mui/material';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { reportsQuery } from './api.js';
import { ReportFilterBar } from './ReportFilterBar.js';
import { reportKeyOfPath, type ReportFilterState, writeReportFilters } from './report-filters.js';
import { isPagedReport, readReportPage, writeReportPage } from './report-paging.js';
import { ReportSkeleton, ReportView } from './ReportView.js';
import { useReport } from './useReport.js';
import { useReportFilters } from './useReportFilters.js';

interface ReportPageProps {
  /** Set for pages with an address of their own (the Angebotsübersicht at /berichte/angebote). */
  reportKey?: string;
}

/** `/berichte/:key`: one report on its own page with filters, chart, table and exports. */
export const ReportPage = ({ reportKey }: ReportPageProps) => {
  const params = useParams();
  const key = reportKey ?? reportKeyOfPath(params.key ?? '');
  const { filters, setFilters, keepFocus } = useReportFilters();
  const reports = useQuery(reportsQuery);
  const summary =
    reports.status === 'success' ? reports.data.reports.find((item) => item.key === key) : undefined;
  // Every report the caller may run is in the list, with its title and description.
  const title = summary?.title ?? 'Bericht';
  useDocumentTitle(title);
  const search = writeReportFilters({ ...filters, offerIds: [], providerIds: [] }).toString();

  return (
    <>
      <Box sx={{ mb: 1 }}>
        <Link component={RouterLink} to={search ? `/berichte?${search}` : '/berichte'}>
          Zurück zum Dashboard
        </Link>
      </Box>
      <PageHeading skipFocus={keepFocus}>{title}</PageHeading>
      {summary?.description && (
        <Typography sx={{ mb: 2, maxWidth: '75ch' }}>{summary.description}</Typography>
      )}
      <ReportFilterBar filters={filters} onChange={setFilters} filterKeys={summary?.filterKeys} />
      {/* The list of reports says whether this one is a table, paged on the server, before it is asked. */}
      {reports.status === 'loading' ? (
        <Paper variant="outlined" sx={{ p: 2 }} aria-busy>
          <ReportSkeleton />
        </Paper>
      ) : (
        <ReportFigures reportKey={key} filters={filters} paged={isPagedReport(summary?.chartType)} />
      )}
    </>
  );
};

interface ReportFiguresProps {
  reportKey: string;
  filters: ReportFilterState;
  paged: boolean;
}

/** The figures of the report page; a table's page lives in the address (`seite`, `zeilen`). */
const ReportFigures = ({ reportKey, filters, paged }: ReportFiguresProps) => {
  const [params, setParams] = useSearchParams();
  const page = readReportPage(params);
  const { query, result, loading } = useReport(reportKey, filters, paged ? page : null);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} aria-busy={loading}>
      {loading && !result && <ReportSkeleton />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {result && (
        <ReportView
          result={result}
          filters={filters}
          chartHeight={360}
          pagination={
            paged
              ? {
                  state: page,
                  // A page is a new history entry, as a filter is; the focus stays on the pagination.
                  onChange: (state) =>
                    setParams(writeReportPage(new URLSearchParams(window.location.search), state), {
                      state: { keepFocus: true },
                    }),
                }
              : undefined
          }
        />
      )}
    </Paper>
  );
};

/** `/berichte/angebote`: the Angebotsübersicht as a report (the drill-down target of a Sozialraum). */
export const OfferReportPage = () => <ReportPage reportKey="offer-overview" />;
