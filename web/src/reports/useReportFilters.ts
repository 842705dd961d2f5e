import { useLocation, useSearchParams } from 'react-router';
import { readReportFilters, type ReportFilterState, writeReportFilters } from './report-filters.js';

/**
 * The filters of the page address and a setter that writes a new history entry, so a link shares
 * the selection and the browser's back button returns to the previous one. A filter change keeps the
 * focus where it is (see PageHeading).
 */
export const useReportFilters = () => {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const keepFocus = (location.state as { keepFocus?: unknown } | null)?.keepFocus === true;
  const filters = readReportFilters(params);
  const setFilters = (next: ReportFilterState) => {
    const written = writeReportFilters(next);
    // Typing in a select may report the same choice again; that is no new history entry.
    // Several events may come before the next render, so the address itself is compared.
    const current = writeReportFilters(readReportFilters(new URLSearchParams(window.location.search)));
    if (written.toString() === current.toString()) return;
    setParams(written, { state: { keepFocus: true } });
  };
  return { filters, setFilters, keepFocus };
};
