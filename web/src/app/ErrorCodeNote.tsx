import { Typography } from '@mui/material';

/** The error code under a server's message, so users can quote it when they ask for help. */
export const ErrorCodeNote = ({ code }: { code: string | undefined }) =>
  code ? (
    <Typography variant="body2" sx={{ mt: 1 }} data-testid="error-code">
      Fehlercode: <code>{code}</code>
    </Typography>
  ) : null;
