import AddIcon from '@mui/icons-material/Add';
import {
  Box,
  Button,
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
import { AdminBackLink } from '../admin/AdminBackLink.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { reportsQuery } from './api.js';
import { CHART_TYPE_LABELS } from './editor-state.js';
import { reportPath } from './report-filters.js';

/** `/verwaltung/berichte`: the reports with their version; new ones and new versions in the editor. */
export const ReportEditorListPage = () => {
  useDocumentTitle('Berichte bearbeiten');
  const query = useQuery(reportsQuery);
  return (
    <>
      <AdminBackLink />
      <PageHeading>Berichte bearbeiten</PageHeading>
      <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
        Ein Bericht liest einen Datenbestand, gruppiert nach Dimensionen und zeigt Kennzahlen als Diagramm und
        Tabelle. Jedes Speichern legt eine neue Version an und wird im Protokoll festgehalten.
      </Typography>
      <Box sx={{ mb: 2 }}>
        <Button
          component={RouterLink}
          to="/verwaltung/berichte/neu"
          variant="contained"
          startIcon={<AddIcon aria-hidden="true" />}
        >
          Neuer Bericht
        </Button>
      </Box>
      {query.status === 'loading' && <PageLoading label="Berichte werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' && (
        <TableContainer component={Paper} variant="outlined">
          <Table size="small" aria-label="Berichte">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Titel
                </TableCell>
                <TableCell component="th" scope="col">
                  Schlüssel
                </TableCell>
                <TableCell component="th" scope="col">
                  Datenbestand
                </TableCell>
                <TableCell component="th" scope="col">
                  Diagramm
                </TableCell>
                <TableCell component="th" scope="col" align="right">
                  Version
                </TableCell>
                <TableCell component="th" scope="col">
                  Aktionen
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {query.data.reports.map((report) => (
                <TableRow key={report.key}>
                  <TableCell component="th" scope="row">
                    {report.title}
                  </TableCell>
                  <TableCell>
                    <code>{report.key}</code>
                  </TableCell>
                  <TableCell>{report.dataset}</TableCell>
                  <TableCell>{CHART_TYPE_LABELS[report.chartType]}</TableCell>
                  <TableCell align="right">{report.version}</TableCell>
                  <TableCell>
                    <Link
                      component={RouterLink}
                      to={`/verwaltung/berichte/${encodeURIComponent(report.key)}`}
                      aria-label={`${report.title} bearbeiten`}
                      sx={{ mr: 2 }}
                    >
                      Bearbeiten
                    </Link>
                    <Link
                      component={RouterLink}
                      to={reportPath(report.key)}
                      aria-label={`${report.title} ansehen`}
                    >
                      Ansehen
                    </Link>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
};
