import {
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { AdminBackLink } from '../admin/AdminBackLink.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { builderPath, formAdminFormsQuery } from './api.js';

/** `/verwaltung/formulare`: every form with its version in force and its draft. */
export const FormAdminListPage = () => {
  useDocumentTitle('Formulare verwalten');
  const query = useQuery(formAdminFormsQuery);
  return (
    <>
      <AdminBackLink />
      <PageHeading>Formulare verwalten</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
        Formulare, Kriterien und Gewichtung bearbeiten, Versionen vergleichen und veröffentlichen. Eine
        Änderung entsteht als Entwurf; erst nach Prüfung und Veröffentlichung gilt sie für neue Einreichungen.
      </Typography>
      {query.status === 'loading' && <PageLoading label="Formulare werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' && (
        <TableContainer component={Paper} variant="outlined">
          <Table aria-label="Formulare">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Formular
                </TableCell>
                <TableCell component="th" scope="col">
                  Schlüssel
                </TableCell>
                <TableCell component="th" scope="col">
                  In Kraft
                </TableCell>
                <TableCell component="th" scope="col">
                  Entwurf
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {query.data.forms.map((form) => {
                const draft = form.versions.find((version) => version.status === 'DRAFT');
                return (
                  <TableRow key={form.key}>
                    <TableCell component="th" scope="row">
                      <Link
                        component={RouterLink}
                        to={`/verwaltung/formulare/${encodeURIComponent(form.key)}`}
                      >
                        {form.title}
                      </Link>
                    </TableCell>
                    <TableCell>
                      <code>{form.key}</code>
                    </TableCell>
                    <TableCell>{form.published ? `Version ${form.published.number}` : 'keine'}</TableCell>
                    <TableCell>
                      {draft ? (
                        <Link component={RouterLink} to={builderPath(form.key, draft.id)}>
                          Entwurf Version {draft.number} bearbeiten
                        </Link>
                      ) : (
                        'kein Entwurf'
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
};
