import { Alert, AlertTitle, Link } from '@mui/material';
import type { Ref } from 'react';
import { focusField } from './focus-field.js';

export interface ErrorSummaryEntry {
  /** JSON Pointer of the field. */
  pointer: string;
  /** Readable field name, e.g. „Sachkosten, Eintrag 1 – Menge“. */
  field: string;
  message: string;
}

interface ErrorSummaryProps {
  entries: ErrorSummaryEntry[];
  /** Errors the server found beyond those it listed. */
  unlistedCount?: number;
  ref?: Ref<HTMLDivElement>;
}

/**
 * The list of problems above the form after a submit attempt. It receives focus, so screen
 * readers read it out; each entry is a link-styled button that moves focus to its field.
 */
export const ErrorSummary = ({ entries, unlistedCount = 0, ref }: ErrorSummaryProps) => {
  const count = entries.length;
  return (
    <Alert
      ref={ref}
      severity="error"
      role="alert"
      tabIndex={-1}
      aria-labelledby="fehleruebersicht-titel"
      data-testid="error-summary"
      sx={{ mb: 3, '&:focus': { outline: '3px solid #0d47a1', outlineOffset: '2px' } }}
    >
      <AlertTitle id="fehleruebersicht-titel" component="h2" sx={{ fontSize: '1.125rem', fontWeight: 600 }}>
        {count === 1 ? 'Bitte prüfen Sie eine Angabe' : `Bitte prüfen Sie ${count} Angaben`}
      </AlertTitle>
      <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
        {entries.map((entry) => (
          <li key={`${entry.pointer}|${entry.message}`}>
            <Link
              component="button"
              type="button"
              onClick={() => focusField(entry.pointer)}
              sx={{ textAlign: 'left', color: 'error.dark', fontSize: '1rem', verticalAlign: 'baseline' }}
            >
              {entry.field}: {entry.message}
            </Link>
          </li>
        ))}
        {unlistedCount > 0 && (
          <li data-testid="error-summary-unlisted">
            und {unlistedCount} {unlistedCount === 1 ? 'weiterer Fehler' : 'weitere Fehler'}
          </li>
        )}
      </ul>
    </Alert>
  );
};
