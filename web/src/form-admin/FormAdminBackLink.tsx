import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Link } from '@mui/material';
import { Link as RouterLink } from 'react-router';

/** Back to the list of forms, or to one form's versions when `formKey` is given. */
export const FormAdminBackLink = ({ formKey, title }: { formKey?: string; title?: string }) => (
  <Link
    component={RouterLink}
    to={formKey ? `/verwaltung/formulare/${encodeURIComponent(formKey)}` : '/verwaltung/formulare'}
    sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1 }}
  >
    <ArrowBackIcon fontSize="small" aria-hidden="true" />
    {formKey ? `Zu den Versionen${title ? ` von ${title}` : ''}` : 'Zu den Formularen'}
  </Link>
);
