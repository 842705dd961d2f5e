import {
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableFooter,
  TableHead,
  TableRow,
} from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { cellExtraLinks, cellHref } from './chart-model.js';
import type { ReportFilterState } from './report-filters.js';
import { formatReportValue, isNumericFormat } from './report-format.js';
import type { ReportResultView } from './report-types.js';

interface ReportTableProps {
  result: ReportResultView;
  filters: ReportFilterState;
  /** Unique on the page: ties the table to its tab. */
  id?: string;
}

/**
 * The figures of a report as a table: the accessible alternative of its chart, with a caption, column
 * and row headers, drill-down links and a row of sums for the additive measures.
 */
export const ReportTable = ({ result, filters, id }: ReportTableProps) => {
  const { columns, rows, totals } = result;
  const firstMeasure = columns.findIndex((column) => column.role === 'MEASURE');
  const hasTotals = totals.some((value) => value !== null && value !== undefined);
  // A page of a longer report: the totals are those of every row, and say so.
  const totalRows = result.totalRows ?? rows.length;
  const totalLabel =
    totalRows > rows.length ? `Summe aller ${totalRows.toLocaleString('de-DE')} Zeilen` : 'Summe';
  return (
    // Focusable, so keyboard users can scroll a long table; named for the screen reader's list of regions.
    <TableContainer
      id={id}
      tabIndex={0}
      role="region"
      aria-label={`Tabelle: ${result.title}`}
      sx={{ maxHeight: 520, '&:focus-visible': { outline: '3px solid #0d47a1', outlineOffset: 2 } }}
    >
      <Table size="small" stickyHeader>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 8px' }}>
          {result.title}
          {result.filters.text ? ` (${result.filters.text})` : ''}
        </caption>
        <TableHead>
          <TableRow>
            {columns.map((column) => (
              <TableCell
                key={column.key}
                component="th"
                scope="col"
                align={isNumericFormat(column.format) ? 'right' : 'left'}
                sx={{ fontWeight: 700 }}
              >
                {column.label}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, rowIndex) => (
            <TableRow key={rowIndex}>
              {columns.map((column, columnIndex) => {
                const text = formatReportValue(row?.[columnIndex], column.format);
                const href = cellHref(result, rowIndex, columnIndex, filters);
                const extra = cellExtraLinks(result, rowIndex, columnIndex, filters);
                const header = columnIndex === 0 && column.role === 'DIMENSION';
                return (
                  <TableCell
                    key={column.key}
                    component={header ? 'th' : 'td'}
                    scope={header ? 'row' : undefined}
                    align={isNumericFormat(column.format) ? 'right' : 'left'}
                    sx={{ whiteSpace: isNumericFormat(column.format) ? 'nowrap' : undefined }}
                  >
                    {href ? (
                      <Link component={RouterLink} to={href}>
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                    {extra.map((link) => (
                      <Link
                        key={link.href}
                        component={RouterLink}
                        to={link.href}
                        aria-label={`Evaluationen von ${text}`}
                        sx={{ display: 'block', fontSize: '0.875rem' }}
                      >
                        Evaluationen
                      </Link>
                    ))}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
        </TableBody>
        {hasTotals && (
          <TableFooter>
            <TableRow>
              {columns.map((column, columnIndex) => (
                <TableCell
                  key={column.key}
                  component={columnIndex === 0 ? 'th' : 'td'}
                  scope={columnIndex === 0 ? 'row' : undefined}
                  align={isNumericFormat(column.format) ? 'right' : 'left'}
                  sx={{ fontWeight: 700, color: 'text.primary', fontSize: '0.875rem', whiteSpace: 'nowrap' }}
                >
                  {columnIndex === 0
                    ? totalLabel
                    : columnIndex >= firstMeasure &&
                        totals[columnIndex] !== null &&
                        totals[columnIndex] !== undefined
                      ? formatReportValue(totals[columnIndex], column.format)
                      : ''}
                </TableCell>
              ))}
            </TableRow>
          </TableFooter>
        )}
      </Table>
    </TableContainer>
  );
};
