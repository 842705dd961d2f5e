import { Box, Card, CardActionArea, CardContent, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { PageHeading } from '../app/PageHeading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';

export const ADMIN_PAGES = [
  { to: '/verwaltung/sozialraeume', title: 'Sozialräume', text: 'Sozialräume und ihr Regionalteam' },
  { to: '/verwaltung/regionalteams', title: 'Regionalteams', text: 'Regionalteams und ihre Sozialräume' },
  { to: '/verwaltung/traeger', title: 'Träger', text: 'Freie Träger mit Anschrift und Ansprechperson' },
  {
    to: '/verwaltung/angebotsarten',
    title: 'Angebotsarten',
    text: 'Angebotsarten und ihre Finanzierungsart (§ 77 Fachleistungsstunden, § 74 Kreiszuschuss)',
  },
  { to: '/verwaltung/haushaltsjahre', title: 'Haushaltsjahre', text: 'Haushaltsjahre und ihr Abschluss' },
  {
    to: '/verwaltung/benutzer',
    title: 'Benutzerkonten',
    text: 'Konten, Rollen, Zuständigkeiten, Passwörter',
  },
  { to: '/verwaltung/protokoll', title: 'Protokoll', text: 'Wer hat wann was getan; Export als CSV' },
  {
    to: '/verwaltung/formulare',
    title: 'Formulare',
    text: 'Formulare, Kriterien und Gewichtung bearbeiten, Versionen vergleichen und veröffentlichen',
  },
  {
    to: '/verwaltung/berichte',
    title: 'Berichte',
    text: 'Berichte aus Datenbestand, Dimensionen, Kennzahlen und Diagramm zusammenstellen, mit Vorschau',
  },
] as const;

/** `/verwaltung`: the administration pages. */
export const AdminHomePage = () => {
  useDocumentTitle('Verwaltung');
  return (
    <>
      <PageHeading>Verwaltung</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
        Stammdaten, Benutzerkonten und das Protokoll der Plattform. Änderungen werden im Protokoll
        festgehalten.
      </Typography>
      <Stack component="ul" spacing={2} sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {ADMIN_PAGES.map((page) => (
          <Box component="li" key={page.to}>
            <Card variant="outlined">
              <CardActionArea component={RouterLink} to={page.to}>
                <CardContent>
                  <Typography component="h2" variant="h3">
                    {page.title}
                  </Typography>
                  <Typography color="text.secondary">{page.text}</Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          </Box>
        ))}
      </Stack>
    </>
  );
};
