import { Box, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { OfferFunds } from '../budget/OfferFunds.js';
import { OfferEvaluations } from '../evaluations/OfferEvaluations.js';
import { formatDate } from '../needs/labels.js';
import { offerQuery } from './api.js';
import { euros, FINANCING_KIND_LABELS, hours, offerStateLabel } from './offer-search.js';
import { NextEvaluation } from './OfferListPage.js';

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

const Section = ({ title, id, children }: { title: string; id: string; children: ReactNode }) => (
  <Paper component="section" variant="outlined" aria-labelledby={id} sx={{ p: 2, mb: 3 }}>
    <Typography variant="h2" id={id} sx={{ mb: 1.5 }}>
      {title}
    </Typography>
    {children}
  </Paper>
);

const BackLink = () => (
  <Link component={RouterLink} to="/angebote">
    Zur Angebotsübersicht
  </Link>
);

/** `/angebote/:id`: one offer with the figures of its approval, its period and where it came from. */
export const OfferPage = () => {
  const { id = '' } = useParams();
  const query = useQuery(offerQuery, { id });
  const offer = query.status === 'success' ? query.data.offer : null;
  useDocumentTitle(offer ? `Angebot: ${offer.title}` : 'Angebot');

  if (query.status === 'error') {
    return (
      <>
        <PageHeading>Angebot</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
        <BackLink />
      </>
    );
  }
  if (!offer) return <PageLoading label="Angebot wird geladen …" />;
  const area = offer.countyWide ? 'Kreisweit' : (offer.socialArea?.name ?? '–');

  return (
    <>
      <BackLink />
      <PageHeading>{offer.title}</PageHeading>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
        <Chip label={`Status: ${offerStateLabel(offer.state)}`} color="primary" variant="outlined" />
        <Chip label={area} variant="outlined" />
      </Stack>

      <Section title="Bewilligung" id="offer-approval">
        <dl>
          <Fact term="Bewilligungszeitraum">
            {`${formatDate(offer.periodStart)} bis ${formatDate(offer.periodEnd)}`}
          </Fact>
          <Fact term="Bewilligter Betrag">{euros(offer.approvedAmount)}</Fact>
          <Fact term="Finanzierungsart">{FINANCING_KIND_LABELS[offer.financingKind]}</Fact>
          {offer.financingKind === 'FEE' && (
            <>
              <Fact term="Fachleistungsstunden im Zeitraum">
                {offer.feeHours == null ? null : hours(offer.feeHours)}
              </Fact>
              <Fact term="Stundensatz">{offer.hourlyRate == null ? null : euros(offer.hourlyRate)}</Fact>
            </>
          )}
          <Fact term="Nächste Evaluation">
            <NextEvaluation offer={offer} none="keine offen" />
          </Fact>
          {offer.endedAt && <Fact term="Beendet am">{formatDateTime(offer.endedAt)}</Fact>}
        </dl>
      </Section>

      <Section title="Zuordnung" id="offer-assignment">
        <dl>
          <Fact term="Sozialraum">{area}</Fact>
          {offer.socialArea?.regionalTeam && (
            <Fact term="Regionalteam">{offer.socialArea.regionalTeam.name}</Fact>
          )}
          <Fact term="Träger">{offer.provider?.name}</Fact>
          <Fact term="Angebotsart">{offer.offerCategory.name}</Fact>
          {offer.viewerCan.readNeed && offer.need && (
            <Fact term="Bedarf">
              <Link component={RouterLink} to={`/bedarfe/${offer.need.id}`}>
                {offer.need.title}
              </Link>
            </Fact>
          )}
          {offer.viewerCan.readApplication && offer.application && (
            <Fact term="Interessensbekundung">
              <Link component={RouterLink} to={`/interessensbekundungen/${offer.application.id}`}>
                Bewilligte Interessensbekundung öffnen
              </Link>
            </Fact>
          )}
        </dl>
      </Section>

      <OfferFunds offerId={offer.id} hourlyRate={offer.hourlyRate ?? null} />

      <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
        <OfferEvaluations offerId={offer.id} />
      </Paper>
    </>
  );
};
