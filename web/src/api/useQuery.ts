import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useState } from 'react';
import { documentText, graphqlRequest, type VariablesArgs } from './client.js';
import { type ApiError, toApiError } from './errors.js';

export type QueryState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; data?: undefined; error: ApiError }
  | { status: 'success'; data: T; error?: undefined };

/**
 * Runs a GraphQL query (a generated document, see web/src/gql) when the component mounts or the
 * variables change. `reload` runs it again, e.g. from a „Erneut versuchen“ button.
 */
export const useQuery = <R, V>(
  document: TypedDocumentNode<R, V>,
  ...[variables]: VariablesArgs<V>
): QueryState<R> & { reload: () => void } => {
  const [attempt, setAttempt] = useState(0);
  const variablesKey = JSON.stringify(variables ?? {});
  const requestKey = `${attempt}:${documentText(document)}:${variablesKey}`;
  // The answer is kept with the request it belongs to: an answer to another request means „loading“.
  const [answer, setAnswer] = useState<{ key: string; state: QueryState<R> } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    graphqlRequest(document, JSON.parse(variablesKey) as V, { signal: controller.signal }).then(
      (data) => setAnswer({ key: requestKey, state: { status: 'success', data } }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setAnswer({ key: requestKey, state: { status: 'error', error: toApiError(error) } });
        }
      },
    );
    return () => controller.abort();
  }, [document, variablesKey, requestKey]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const state: QueryState<R> = answer?.key === requestKey ? answer.state : { status: 'loading' };
  return { ...state, reload };
};
