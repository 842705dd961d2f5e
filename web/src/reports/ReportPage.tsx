import { Box, Link, Paper, Typography } from '@mui/material';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { reportQuery, reportsQuery } from './api.js';
import { ReportFilterBar } from './ReportFilterBar.js';
import { reportKeyOfPath, toReportFilterInput, writeReportFilters } from './report-filters.js';
import { ReportSkeleton, ReportView } from './ReportView.js';
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
  const query = useQuery(reportQuery, { key, filters: toReportFilterInput(filters) });
  const reports = useQuery(reportsQuery);
  const summary =
    reports.status === 'success' ? reports.data.reports.find((item) => item.key === key) : undefined;
  const result = query.status === 'success' ? query.data.report : null;
  const title = result?.title ?? summary?.title ?? 'Bericht';
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
      {(result?.description ?? summary?.description) && (
        <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
          {result?.description ?? summary?.description}
        </Typography>
      )}
      <ReportFilterBar filters={filters} onChange={setFilters} filterKeys={summary?.filterKeys} />
      <Paper variant="outlined" sx={{ p: 2 }} aria-busy={query.status === 'loading'}>
        {query.status === 'loading' && <ReportSkeleton />}
        {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
        {result && <ReportView result={result} filters={filters} chartHeight={360} />}
      </Paper>
    </>
  );
};

/** `/berichte/angebote`: the Angebotsübersicht as a report (the drill-down target of a Sozialraum). */
export const OfferReportPage = () => <ReportPage reportKey="offer-overview" />;
