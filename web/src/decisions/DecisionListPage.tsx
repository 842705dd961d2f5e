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
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { DecisionQueueQuery } from '../gql/graphql.js';
import { decisionQueueQuery, decisionRankingQuery } from './api.js';
import { formatEuro } from './money.js';

type QueueEntry = DecisionQueueQuery['applicationsAwaitingDecision'][number];

const percent = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** The applications of one need with their rank and weighted score from the ranking. */
const NeedGroup = ({
  needId,
  title,
  area,
  entries,
}: {
  needId: string;
  title: string;
  area: string;
  entries: QueueEntry[];
}) => {
  const ranking = useQuery(decisionRankingQuery, { needId });
  const byApplication = new Map(
    ranking.status === 'success'
      ? ranking.data.applicationRanking.map((entry) => [entry.application.id, entry])
      : [],
  );
  const headingId = `need-${needId}`;
  const sorted = [...entries].sort(
    (a, b) => (byApplication.get(a.id)?.rank ?? 999) - (byApplication.get(b.id)?.rank ?? 999),
  );
  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 2, mb: 3 }}>
      <Typography variant="h2" id={headingId} sx={{ mb: 0.5 }}>
        {title}
      </Typography>
      <Typography sx={{ mb: 1.5 }}>
        {area} ·{' '}
        <Link component={RouterLink} to={`/bewertungen/rangfolge/${needId}`}>
          Rangfolge ansehen
        </Link>
      </Typography>
      {ranking.status === 'error' && <ErrorState error={ranking.error} onRetry={ranking.reload} />}
      <TableContainer>
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, marginBottom: 8 }}>
            Interessensbekundungen zu „{title}“
          </caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Träger
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Rang
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Gewichtete Bewertung
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Beantragter Betrag
              </TableCell>
              <TableCell component="th" scope="col">
                Eingereicht
              </TableCell>
              <TableCell component="th" scope="col">
                Entscheidung
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sorted.map((entry) => {
              const ranked = byApplication.get(entry.id);
              const providerName = entry.provider?.name ?? 'Träger';
              return (
                <TableRow key={entry.id}>
                  <TableCell component="th" scope="row">
                    {providerName}
                  </TableCell>
                  <TableCell align="right">{ranked?.rank ?? '–'}</TableCell>
                  <TableCell align="right">
                    {ranked?.averageWeightedScore == null
                      ? 'noch nicht bewertet'
                      : `${percent.format(ranked.averageWeightedScore)} % (${ranked.scoreCount})`}
                  </TableCell>
                  <TableCell align="right">{formatEuro(ranked?.requestedAmount)}</TableCell>
                  <TableCell>{entry.submittedAt ? formatDateTime(entry.submittedAt) : '–'}</TableCell>
                  <TableCell>
                    <Link
                      component={RouterLink}
                      to={`/entscheidungen/${entry.id}`}
                      aria-label={`${entry.viewerCanDecide ? 'Entscheiden' : 'Ansehen'}: ${providerName}`}
                    >
                      {entry.viewerCanDecide ? 'Entscheiden' : 'Ansehen'}
                    </Link>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
};

/** `/entscheidungen`: the submitted applications awaiting the Regionalteam's decision, grouped by need, ranked. */
export const DecisionListPage = () => {
  useDocumentTitle('Entscheidungen');
  const query = useQuery(decisionQueueQuery);
  if (query.status === 'loading') return <PageLoading label="Entscheidungen werden geladen …" />;
  if (query.status === 'error')
    return (
      <>
        <PageHeading>Entscheidungen</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  const groups = new Map<string, { title: string; area: string; entries: QueueEntry[] }>();
  for (const entry of query.data.applicationsAwaitingDecision) {
    const needId = entry.call.need?.id ?? entry.call.id;
    const group = groups.get(needId) ?? {
      title: entry.call.need?.title ?? entry.call.title,
      area: entry.call.countyWide ? 'Kreisweit' : `Sozialraum ${entry.call.socialArea?.name ?? '–'}`,
      entries: [],
    };
    group.entries.push(entry);
    groups.set(needId, group);
  }
  return (
    <>
      <PageHeading>Entscheidungen</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
        Eingereichte Interessensbekundungen, über die das Regionalteam entscheidet, je Bedarf nach der
        gewichteten Bewertung geordnet. Die Budgetprüfung rechnet mit dem Sozialraumbudget: der Zuweisung des
        Haushaltsjahres abzüglich der bereits gebundenen Mittel.
      </Typography>
      {groups.size === 0 ? (
        <Typography>Zurzeit wartet keine Interessensbekundung auf eine Entscheidung.</Typography>
      ) : (
        [...groups.entries()].map(([needId, group]) => <NeedGroup key={needId} needId={needId} {...group} />)
      )}
    </>
  );
};
