import { Typography } from '@mui/material';
import type { ApiError } from '../api/errors.js';

/** The error code (and request id) under a message from the server, so users can quote them when they ask for help. */
export const ErrorCodeNote = ({ error }: { error: ApiError | undefined }) =>
  error?.shownCode ? (
    <Typography variant="body2" sx={{ mt: 1 }} data-testid="error-code">
      Fehlercode: <code>{error.shownCode}</code>
      {error.requestId && (
        <>
          {' · '}Vorgangsnummer: <code>{error.requestId}</code>
        </>
      )}
    </Typography>
  ) : null;
