import { useCallback, useEffect, useState } from 'react';
import { graphqlRequest } from './client.js';
import { type ApiError, toApiError } from './errors.js';

export type QueryState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError }
  | { status: 'success'; data: T; error?: undefined };

/**
 * Runs a GraphQL query when the component mounts or the variables change.
 * `reload` runs it again, e.g. from a „Erneut versuchen“ button.
 */
export const useQuery = <T, V extends Record<string, unknown> = Record<string, unknown>>(
  query: string,
  variables?: V,
): QueryState<T> & { reload: () => void } => {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const variablesKey = JSON.stringify(variables ?? {});

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` triggers a reload on purpose
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    graphqlRequest<T>(query, JSON.parse(variablesKey), { signal: controller.signal }).then(
      (data) => setState({ status: 'success', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [query, variablesKey, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
};
