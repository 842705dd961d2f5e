import { Box, CircularProgress, Typography } from '@mui/material';

interface PageLoadingProps {
  label?: string;
}

/** Loading state announced politely to screen readers. */
export const PageLoading = ({ label = 'Seite wird geladen …' }: PageLoadingProps) => (
  <Box role="status" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 4 }}>
    <CircularProgress size={28} aria-hidden="true" />
    <Typography>{label}</Typography>
  </Box>
);
