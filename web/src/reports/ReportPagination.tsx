import { TablePagination } from '@mui/material';
import { useEffect, useRef } from 'react';
import { displayedRows, pageButtonLabel, REPORT_PAGE_SIZES, type ReportPageState } from './report-paging.js';

interface ReportPaginationProps {
  totalRows: number;
  state: ReportPageState;
  onChange: (state: ReportPageState) => void;
  /** The report's title, so each table's pagination has its own name. */
  title: string;
}

/** The pages of a table report: rows per page and first / previous / next / last page, in German. */
export const ReportPagination = ({ totalRows, state, onChange, title }: ReportPaginationProps) => {
  const root = useRef<HTMLElement>(null);
  const lastPage = Math.max(0, Math.ceil(totalRows / state.rowsPerPage) - 1);
  const page = Math.min(state.page, lastPage);
  const pressed = useRef(false);
  // On the first or last page the button just pressed is disabled and would drop the keyboard focus:
  // it moves to the button that still leads somewhere.
  useEffect(() => {
    if (!pressed.current || !root.current) return;
    pressed.current = false;
    const active = root.current.ownerDocument.activeElement;
    const kept = active && root.current.contains(active) && !(active as HTMLButtonElement).disabled;
    if (kept) return;
    const label = pageButtonLabel(page === 0 ? 'next' : 'previous');
    root.current.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]:not(:disabled)`)?.focus();
  }, [page]);
  return (
    <TablePagination
      ref={root}
      component="nav"
      aria-label={`Seiten: ${title}`}
      count={totalRows}
      page={page}
      rowsPerPage={state.rowsPerPage}
      rowsPerPageOptions={[...REPORT_PAGE_SIZES]}
      onPageChange={(_event, next) => {
        pressed.current = true;
        onChange({ ...state, page: next });
      }}
      onRowsPerPageChange={(event) => onChange({ page: 0, rowsPerPage: Number(event.target.value) })}
      labelRowsPerPage="Zeilen pro Seite"
      labelDisplayedRows={displayedRows}
      getItemAriaLabel={pageButtonLabel}
      showFirstButton
      showLastButton
      data-testid="report-pagination"
    />
  );
};
