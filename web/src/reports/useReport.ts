import { useState } from 'react';
import { useQuery } from '../api/useQuery.js';
import type { ReportQuery } from '../gql/graphql.js';
import { reportQuery } from './api.js';
import { type ReportFilterState, toReportFilterInput } from './report-filters.js';
import { type ReportPageState, toReportPageInput } from './report-paging.js';

/**
 * The figures of a report, one page of them when `page` is given. While another page of the same
 * report with the same filters loads, the page before stays on screen (marked busy), so the table and
 * its pagination keep the keyboard focus.
 */
export const useReport = (key: string, filters: ReportFilterState, page: ReportPageState | null) => {
  const filterInput = toReportFilterInput(filters);
  const query = useQuery(reportQuery, {
    key,
    filters: filterInput,
    ...(page ? { page: toReportPageInput(page) } : {}),
  });
  const same = `${key}:${JSON.stringify(filterInput)}`;
  const current = query.status === 'success' ? query.data.report : null;
  const [last, setLast] = useState<{ same: string; result: ReportQuery['report'] } | null>(null);
  // Kept during render (React's way to remember something of an earlier render), not in an effect.
  if (current && last?.result !== current) setLast({ same, result: current });
  const previous = query.status === 'loading' && last?.same === same ? last.result : null;
  return { query, result: current ?? previous, loading: query.status === 'loading' };
};
