import { Alert, AlertTitle, Button } from '@mui/material';

interface ErrorStateProps {
  title?: string;
  message: string;
  onRetry?: () => void;
}

/** A failed load with an optional „Erneut versuchen“ button. */
export const ErrorState = ({ title = 'Laden fehlgeschlagen', message, onRetry }: ErrorStateProps) => (
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
    {message}
  </Alert>
);
