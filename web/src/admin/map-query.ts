import type { QueryState } from '../api/useQuery.js';

/** The same query state with its data narrowed to what a page lists. */
export const mapQuery = <T, U>(
  query: QueryState<T> & { reload: () => void },
  select: (data: T) => U,
): QueryState<U> & { reload: () => void } =>
  query.status === 'success'
    ? { status: 'success', data: select(query.data), reload: query.reload }
    : { ...query, reload: query.reload };
