import DownloadIcon from '@mui/icons-material/Download';
import { Box, Button, Skeleton, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { visuallyHidden } from '../app/visually-hidden.js';
import { ReportChart } from './ReportChart.js';
import { ReportPagination } from './ReportPagination.js';
import { ReportTable } from './ReportTable.js';
import { chartModel } from './chart-model.js';
import { reportExportHref, type ReportFilterState } from './report-filters.js';
import { formatAsOf } from './report-format.js';
import type { ReportPageState } from './report-paging.js';
import type { ReportResultView } from './report-types.js';

export const EMPTY_REPORT_TEXT = 'Für diese Auswahl gibt es keine Zahlen.';

interface ReportViewProps {
  result: ReportResultView;
  filters: ReportFilterState;
  chartHeight?: number;
  /** The editor's preview has no stored report to export yet. */
  showExports?: boolean;
  /** A table report paged on the server: the page shown and how to change it. */
  pagination?: { state: ReportPageState; onChange: (state: ReportPageState) => void };
}

/**
 * One report's figures: the text summary, chart and table as tabs (the table is the chart's
 * accessible alternative), the date of the figures and the exports with the filters applied.
 */
export const ReportView = ({
  result,
  filters,
  chartHeight,
  showExports = true,
  pagination,
}: ReportViewProps) => {
  const id = useId();
  const hasChart = result.chart.type !== 'TABLE';
  const [tab, setTab] = useState<'chart' | 'table'>(hasChart ? 'chart' : 'table');
  const totalRows = result.totalRows ?? result.rows.length;
  const empty = totalRows === 0;
  const shown = hasChart ? tab : 'table';

  return (
    <Box data-testid={`report-${result.key}`}>
      <Typography id={`${id}-summary`} data-testid="report-summary" sx={{ mb: 1 }}>
        {result.summary}
      </Typography>
      <Typography variant="body2" color="text.secondary" data-testid="report-as-of" sx={{ mb: 1 }}>
        {formatAsOf(result.asOf)}
        {result.filters.text ? ` · ${result.filters.text}` : ''}
      </Typography>
      {empty ? (
        <Typography data-testid="report-empty" sx={{ py: 2 }}>
          {EMPTY_REPORT_TEXT}
        </Typography>
      ) : (
        <>
          {hasChart && (
            <Tabs
              value={tab}
              onChange={(_event, value: 'chart' | 'table') => setTab(value)}
              aria-label={`Darstellung von ${result.title}`}
              sx={{ mb: 1 }}
            >
              <Tab value="chart" label="Diagramm" id={`${id}-chart-tab`} aria-controls={`${id}-chart`} />
              <Tab value="table" label="Tabelle" id={`${id}-table-tab`} aria-controls={`${id}-table`} />
            </Tabs>
          )}
          {shown === 'chart' ? (
            <Box
              component="figure"
              role="tabpanel"
              id={`${id}-chart`}
              aria-labelledby={`${id}-chart-tab`}
              sx={{ m: 0 }}
            >
              <ReportChart
                model={chartModel(result, filters)}
                type={result.chart.type}
                label={`Diagramm: ${result.title}. Die Pfeiltasten wählen einen Wert; alle Zahlen stehen in der Tabelle.`}
                describedBy={`${id}-summary`}
                height={chartHeight}
              />
            </Box>
          ) : (
            <Box
              role={hasChart ? 'tabpanel' : undefined}
              id={`${id}-table`}
              aria-labelledby={hasChart ? `${id}-table-tab` : undefined}
            >
              <ReportTable result={result} filters={filters} />
              {pagination && (
                <ReportPagination
                  totalRows={totalRows}
                  state={pagination.state}
                  onChange={pagination.onChange}
                  title={result.title}
                />
              )}
            </Box>
          )}
        </>
      )}
      {showExports && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
          <Button
            component="a"
            href={reportExportHref(result.key, 'csv', filters)}
            download
            size="small"
            startIcon={<DownloadIcon aria-hidden="true" />}
            aria-label={`${result.title} als CSV herunterladen`}
            data-testid="report-csv"
          >
            CSV
          </Button>
          <Button
            component="a"
            href={reportExportHref(result.key, 'xlsx', filters)}
            download
            size="small"
            startIcon={<DownloadIcon aria-hidden="true" />}
            aria-label={`${result.title} als Excel-Datei (XLSX) herunterladen`}
            data-testid="report-xlsx"
          >
            XLSX
          </Button>
        </Stack>
      )}
    </Box>
  );
};

/** The placeholder while a report loads, announced to screen readers. */
export const ReportSkeleton = ({ height = 300 }: { height?: number }) => (
  <Box role="status" aria-live="polite">
    <Box component="span" sx={visuallyHidden}>
      Bericht wird geladen …
    </Box>
    <Skeleton variant="text" width="80%" />
    <Skeleton variant="text" width="40%" />
    <Skeleton variant="rectangular" height={height} sx={{ mt: 1 }} />
  </Box>
);
