import { Link, Paper, Typography } from '@mui/material';
import { useId } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { reportQuery } from './api.js';
import {
  type ReportFilterState,
  reportPath,
  toReportFilterInput,
  writeReportFilters,
} from './report-filters.js';
import { ReportSkeleton, ReportView } from './ReportView.js';

interface ReportCardProps {
  reportKey: string;
  filters: ReportFilterState;
  /** The title to show while the figures load. */
  title?: string;
}

/** One report of a dashboard: its title (leading to the report's own page) and its figures. */
export const ReportCard = ({ reportKey, filters, title }: ReportCardProps) => {
  const headingId = useId();
  const query = useQuery(reportQuery, { key: reportKey, filters: toReportFilterInput(filters) });
  const result = query.status === 'success' ? query.data.report : null;
  const search = writeReportFilters(filters).toString();
  const pageHref = search ? `${reportPath(reportKey)}?${search}` : reportPath(reportKey);
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={headingId}
      aria-busy={query.status === 'loading'}
      sx={{ p: 2, height: '100%' }}
    >
      <Typography component="h2" variant="h3" id={headingId} gutterBottom>
        <Link component={RouterLink} to={pageHref}>
          {result?.title ?? title ?? 'Bericht'}
        </Link>
      </Typography>
      {query.status === 'loading' && <ReportSkeleton height={240} />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {result && <ReportView result={result} filters={filters} chartHeight={280} />}
    </Paper>
  );
};
