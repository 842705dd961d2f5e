import { useEffect, useState } from 'react';
import type { FormDefinition } from '../../../form-logic/index.js';
import { checkDefinition } from './api.js';
import type { CheckState } from './CheckPanel.js';

const CHECK_DELAY_MS = 600;

/**
 * Checks the definition on the server a moment after each change of its schema or UI schema (the
 * pattern analysis runs only there); an answer to an older state is dropped.
 */
export function useLiveCheck(definition: FormDefinition): CheckState {
  const [check, setCheck] = useState<CheckState>({ status: 'idle', errors: [], contractErrors: [] });
  const { schema, uischema, key } = definition;
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setCheck((current) => ({ ...current, status: 'checking' }));
      checkDefinition({ key, schema, uischema }, controller.signal).then(
        (result) => setCheck({ status: 'done', ...result }),
        () => {
          if (!controller.signal.aborted) setCheck((current) => ({ ...current, status: 'failed' }));
        },
      );
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key, schema, uischema]);
  return check;
}
