import { Alert, AlertTitle, Button } from '@mui/material';
import type { ApiError } from '../api/errors.js';
import { ErrorCodeNote } from './ErrorCodeNote.js';

type ErrorStateProps = {
  title?: string;
  onRetry?: () => void;
} & ({ error: ApiError; message?: undefined } | { message: string; error?: undefined });

/** A failed load with an optional „Erneut versuchen“ button; a request's error shows its code too. */
export const ErrorState = ({ title = 'Laden fehlgeschlagen', message, error, onRetry }: ErrorStateProps) => (
  <Alert
    severity="error"
    role="alert"
    action={
      onRetry ? (
        <Button color="inherit" size="small" onClick={onRetry}>
          Erneut versuchen
        </Button>
      ) : undefined
    }
    sx={{ my: 2 }}
  >
    <AlertTitle>{title}</AlertTitle>
    {error ? error.message : message}
    <ErrorCodeNote error={error} />
  </Alert>
);
