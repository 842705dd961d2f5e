import {
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { applicationStateLabel, dateTime, euros } from '../applications/labels.js';
import { rankingQuery } from './api.js';
import { formatPercent } from './weighted-score.js';

/**
 * `/bewertungen/rangfolge/:needId`: the competing applications of a need side by side, ordered by their
 * average weighted score (rank, score, number of scores, requested amount, Träger).
 */
export const RankingPage = () => {
  const { needId = '' } = useParams();
  const query = useQuery(rankingQuery, { needId });
  const need = query.status === 'success' ? query.data.need : undefined;
  useDocumentTitle(need ? `Rangfolge: ${need.title}` : 'Rangfolge');

  if (query.status === 'loading') return <PageLoading label="Rangfolge wird geladen …" />;
  if (query.status === 'error') {
    return (
      <>
        <PageHeading>Rangfolge</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  }
  const entries = query.data.applicationRanking;
  return (
    <>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        <Link component={RouterLink} to={`/bedarfe/${needId}`}>
          Zum Bedarf
        </Link>
        {need?.callForInterest && (
          <Link component={RouterLink} to={`/aufrufe/${need.callForInterest.id}`}>
            Zum Aufruf
          </Link>
        )}
      </Stack>
      <PageHeading>Rangfolge: {need?.title}</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
        Die konkurrierenden Interessensbekundungen nach ihrer durchschnittlichen gewichteten Bewertung
        (neueste eingereichte Fassung jeder Bewertung). Gleiche Werte teilen sich den Rang.
      </Typography>
      {entries.length === 0 ? (
        <Typography>Zu diesem Bedarf gibt es noch keine eingereichte Interessensbekundung.</Typography>
      ) : (
        <TableContainer>
          <Table data-testid="ranking-table">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, marginBottom: 8 }}>
              Rangfolge der Interessensbekundungen
            </caption>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Rang
                </TableCell>
                <TableCell component="th" scope="col">
                  Träger
                </TableCell>
                <TableCell component="th" scope="col" align="right">
                  Gewichtete Bewertung
                </TableCell>
                <TableCell component="th" scope="col" align="right">
                  Bewertungen
                </TableCell>
                <TableCell component="th" scope="col" align="right">
                  Beantragter Betrag
                </TableCell>
                <TableCell component="th" scope="col">
                  Zustand
                </TableCell>
                <TableCell component="th" scope="col">
                  Eingereicht am
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map((entry) => (
                <TableRow key={entry.application.id} data-testid="ranking-row">
                  <TableCell>{entry.rank ?? 'ohne Bewertung'}</TableCell>
                  <TableCell component="th" scope="row">
                    <Link component={RouterLink} to={`/interessensbekundungen/${entry.application.id}`}>
                      {entry.application.provider?.name ?? 'Interessensbekundung'}
                    </Link>
                  </TableCell>
                  <TableCell align="right">{formatPercent(entry.averageWeightedScore)}</TableCell>
                  <TableCell align="right">{entry.scoreCount}</TableCell>
                  <TableCell align="right">{euros(entry.requestedAmount)}</TableCell>
                  <TableCell>{applicationStateLabel(entry.application.state)}</TableCell>
                  <TableCell>{dateTime(entry.application.submittedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </>
  );
};
