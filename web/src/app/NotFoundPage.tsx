import { Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { PageHeading } from './PageHeading.js';
import { useDocumentTitle } from './useDocumentTitle.js';

/** Shown for every address the app does not know. */
export const NotFoundPage = () => {
  useDocumentTitle('Seite nicht gefunden');
  return (
    <>
      <PageHeading>Seite nicht gefunden</PageHeading>
      <Typography sx={{ mb: 2 }}>
        Die aufgerufene Adresse gibt es nicht (Fehler 404). Vielleicht wurde die Seite verschoben oder die
        Adresse enthält einen Tippfehler.
      </Typography>
      <Link component={RouterLink} to="/">
        Zur Übersicht der Formulare
      </Link>
    </>
  );
};
