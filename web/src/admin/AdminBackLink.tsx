import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Link } from '@mui/material';
import { Link as RouterLink } from 'react-router';

/** Back to the administration overview. */
export const AdminBackLink = () => (
  <Link
    component={RouterLink}
    to="/verwaltung"
    sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1 }}
  >
    <ArrowBackIcon fontSize="small" aria-hidden="true" />
    Zur Verwaltung
  </Link>
);
