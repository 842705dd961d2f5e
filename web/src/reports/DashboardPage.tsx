import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Button, Grid, Link, List, ListItem, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { dashboardQuery, reportsQuery } from './api.js';
import { ReportCard } from './ReportCard.js';
import { ReportFilterBar } from './ReportFilterBar.js';
import { isPagedReport } from './report-paging.js';
import { reportPath, singleSocialArea, socialAreaPdfHref, writeReportFilters } from './report-filters.js';
import { useReportFilters } from './useReportFilters.js';

/** The key of the Fachgremium's dashboard (reports/dashboards/committee.json). */
export const COMMITTEE_DASHBOARD = 'committee';

/**
 * `/berichte`: the committee's dashboard. The filters live in the address; each report is a card with
 * chart, table, text summary and exports; a Sozialraum leads to its offers.
 */
export const DashboardPage = () => {
  const { filters, setFilters, keepFocus } = useReportFilters();
  const dashboard = useQuery(dashboardQuery, { key: COMMITTEE_DASHBOARD });
  const reports = useQuery(reportsQuery);
  const board = dashboard.status === 'success' ? dashboard.data.dashboard : null;
  const title = board?.title ?? 'Berichte';
  useDocumentTitle(title);
  const summaries = reports.status === 'success' ? reports.data.reports : [];
  const summaryOf = (key: string) => summaries.find((summary) => summary.key === key);
  const area = singleSocialArea(filters);
  const search = writeReportFilters(filters).toString();

  return (
    <>
      <PageHeading skipFocus={keepFocus}>{title}</PageHeading>
      {board?.description && <Typography sx={{ mb: 2, maxWidth: '75ch' }}>{board.description}</Typography>}
      <ReportFilterBar filters={filters} onChange={setFilters} filterKeys={board?.filterKeys} />
      {area && (
        <Box sx={{ mb: 2 }}>
          <Button
            component="a"
            href={socialAreaPdfHref(area, filters)}
            download
            variant="outlined"
            startIcon={<PictureAsPdfIcon aria-hidden="true" />}
            data-testid="social-area-pdf"
          >
            PDF für Sozialraum
          </Button>
        </Box>
      )}
      {dashboard.status === 'loading' && <PageLoading label="Dashboard wird geladen …" />}
      {dashboard.status === 'error' && <ErrorState error={dashboard.error} onRetry={dashboard.reload} />}
      {dashboard.status === 'success' && !board && (
        <Typography>Dieses Dashboard gibt es nicht oder Sie dürfen es nicht sehen.</Typography>
      )}
      {/* The list of reports says which are tables, paged on the server, before the cards ask. */}
      {board && reports.status !== 'loading' && (
        <Grid container spacing={2}>
          {board.items.map((item) => (
            <Grid key={item.report} size={{ xs: 12, lg: Math.min(12, Math.max(1, item.width)) }}>
              <ReportCard
                reportKey={item.report}
                filters={filters}
                title={summaryOf(item.report)?.title}
                paged={isPagedReport(summaryOf(item.report)?.chartType)}
              />
            </Grid>
          ))}
        </Grid>
      )}
      {summaries.length > 0 && (
        <Box component="section" aria-labelledby="all-reports-heading" sx={{ mt: 4 }}>
          <Typography component="h2" variant="h3" id="all-reports-heading">
            Alle Berichte
          </Typography>
          <List dense>
            {summaries.map((summary) => (
              <ListItem key={summary.key} disableGutters>
                <Link
                  component={RouterLink}
                  to={search ? `${reportPath(summary.key)}?${search}` : reportPath(summary.key)}
                >
                  {summary.title}
                </Link>
                {summary.description && (
                  <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
                    – {summary.description}
                  </Typography>
                )}
              </ListItem>
            ))}
          </List>
        </Box>
      )}
    </>
  );
};
