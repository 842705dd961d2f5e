import { Link, Paper, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { ErrorState } from '../app/ErrorState.js';
import { type ReportFilterState, reportPath, writeReportFilters } from './report-filters.js';
import { FIRST_PAGE, type ReportPageState } from './report-paging.js';
import { ReportSkeleton, ReportView } from './ReportView.js';
import { useReport } from './useReport.js';

interface ReportCardProps {
  reportKey: string;
  filters: ReportFilterState;
  /** The title to show while the figures load. */
  title?: string;
  /** A table report: its rows come a page at a time. */
  paged?: boolean;
}

/** One report of a dashboard: its title (leading to the report's own page) and its figures. */
export const ReportCard = ({ reportKey, filters, title, paged = false }: ReportCardProps) => {
  const headingId = useId();
  const search = writeReportFilters(filters).toString();
  // Other filters start again at the first page.
  const [paging, setPaging] = useState<{ search: string; state: ReportPageState }>({
    search,
    state: FIRST_PAGE,
  });
  const page = paging.search === search ? paging.state : FIRST_PAGE;
  const { query, result, loading } = useReport(reportKey, filters, paged ? page : null);
  const pageHref = search ? `${reportPath(reportKey)}?${search}` : reportPath(reportKey);
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={headingId}
      aria-busy={loading}
      sx={{ p: 2, height: '100%' }}
    >
      <Typography component="h2" variant="h3" id={headingId} gutterBottom>
        <Link component={RouterLink} to={pageHref}>
          {result?.title ?? title ?? 'Bericht'}
        </Link>
      </Typography>
      {loading && !result && <ReportSkeleton height={240} />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {result && (
        <ReportView
          result={result}
          filters={filters}
          chartHeight={280}
          pagination={paged ? { state: page, onChange: (state) => setPaging({ search, state }) } : undefined}
        />
      )}
    </Paper>
  );
};
