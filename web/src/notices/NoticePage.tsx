import {
  Box,
  Button,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { FINANCING_LABELS, formatEuro } from '../decisions/money.js';
import { formatDate } from '../needs/labels.js';
import { noticeQuery } from './api.js';

const Fact = ({ term, children }: { term: string; children: ReactNode }) => (
  <Box sx={{ mb: 1.5 }}>
    <Typography component="dt" sx={{ fontWeight: 600 }}>
      {term}
    </Typography>
    <Typography component="dd" sx={{ ml: 0 }}>
      {children === null || children === undefined || children === '' ? 'keine Angabe' : children}
    </Typography>
  </Box>
);

/** `/bescheide/:id`: one notice with its figures, the split per budget year and the PDF letter. */
export const NoticePage = () => {
  const { id = '' } = useParams();
  const query = useQuery(noticeQuery, { id });
  const notice = query.status === 'success' ? query.data.decisionNotice : null;
  useDocumentTitle(notice ? `Bescheid ${notice.number}` : 'Bescheid');
  if (query.status === 'error')
    return (
      <>
        <PageHeading>Bescheid</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  if (!notice) return <PageLoading label="Bescheid wird geladen …" />;
  const address = [
    notice.addresseeName,
    notice.addresseeStreet,
    [notice.addresseePostalCode, notice.addresseeCity].filter(Boolean).join(' '),
  ].filter(Boolean);
  return (
    <>
      <Link component={RouterLink} to="/bescheide">
        Zu den Bescheiden
      </Link>
      <PageHeading>Bescheid {notice.number}</PageHeading>
      <Stack direction="row" spacing={2} sx={{ mb: 3, flexWrap: 'wrap' }}>
        <Button variant="contained" href={notice.pdfUrl} download={`Bescheid-${notice.number}.pdf`}>
          PDF herunterladen
        </Button>
        <Button variant="outlined" component={RouterLink} to={`/angebote/${notice.offer.id}`}>
          Zum Angebot
        </Button>
      </Stack>
      <Paper component="section" variant="outlined" aria-labelledby="notice-facts" sx={{ p: 2, mb: 3 }}>
        <Typography variant="h2" id="notice-facts" sx={{ mb: 1.5 }}>
          Angaben des Bescheids
        </Typography>
        <dl>
          <Fact term="Aktenzeichen">{notice.number}</Fact>
          <Fact term="Datum">{formatDate(notice.noticeDate)}</Fact>
          <Fact term="Empfänger">
            {address.map((line) => (
              <span key={line} style={{ display: 'block' }}>
                {line}
              </span>
            ))}
          </Fact>
          <Fact term="Angebot">{notice.title}</Fact>
          <Fact term="Sozialraum">{notice.socialAreaName ?? 'Kreisweit'}</Fact>
          <Fact term="Angebotsart">{notice.offerCategoryName}</Fact>
          <Fact term="Bewilligter Betrag">{formatEuro(notice.amount)}</Fact>
          <Fact term="Bewilligungszeitraum">{`${formatDate(notice.periodStart)} bis ${formatDate(notice.periodEnd)}`}</Fact>
          <Fact term="Finanzierungsart">{FINANCING_LABELS[notice.financingKind]}</Fact>
          <Fact term="Rechtsgrundlage">{notice.legalBasis}</Fact>
          {notice.financingKind === 'FEE' && (
            <Fact term="Fachleistungsstunden">
              {`${notice.feeHours?.toLocaleString('de-DE')} Stunden zu ${formatEuro(notice.hourlyRate)}`}
            </Fact>
          )}
          <Fact term="Erlassen von">{notice.issuedByName}</Fact>
        </dl>
      </Paper>
      <Paper component="section" variant="outlined" aria-labelledby="notice-shares" sx={{ p: 2, mb: 3 }}>
        <Typography variant="h2" id="notice-shares" sx={{ mb: 1.5 }}>
          Aufteilung auf die Haushaltsjahre
        </Typography>
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, marginBottom: 8 }}>
            Anteile nach Tagen des Bewilligungszeitraums
          </caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Haushaltsjahr
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Betrag
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {notice.shares.map((share) => (
              <TableRow key={share.budgetYear}>
                <TableCell component="th" scope="row">
                  {share.budgetYear}
                </TableCell>
                <TableCell align="right">{formatEuro(share.amount)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
    </>
  );
};
