import { Box, Link, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { STATES } from '../../../process-logic/index.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useCurrentUser } from '../auth/AuthProvider.js';
import { holdsAnyRole } from '../auth/roles.js';
import type { EvaluationState } from '../gql/graphql.js';
import { evaluationsAwaitingReviewQuery, evaluationsQuery } from './api.js';
import { EvaluationTable } from './EvaluationTable.js';
import { EVALUATION_REVIEWER_ROLES, evaluationStateLabel, OVERDUE_READER_ROLES } from './labels.js';

const ALL = '';

/**
 * `/evaluationen`: the evaluations the caller may see (provider staff: those of its Träger's offers),
 * filtered by state; for the team lead first those waiting for its review. Links to the overdue list.
 */
export const EvaluationListPage = () => {
  useDocumentTitle('Evaluationen');
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const state = (params.get('zustand') ?? ALL) as EvaluationState | typeof ALL;
  const reviews = holdsAnyRole(user.roles, EVALUATION_REVIEWER_ROLES);
  const list = useQuery(evaluationsQuery, { filter: state ? { states: [state] } : null });
  const awaiting = useQuery(evaluationsAwaitingReviewQuery);

  const setState = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('zustand', value);
    else next.delete('zustand');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeading>Evaluationen</PageHeading>
      <Typography sx={{ mb: 2 }}>
        Halbjährliche Evaluationen der laufenden Angebote. Jede Evaluation ist einen Monat nach dem Ende ihres
        Berichtszeitraums fällig.
      </Typography>
      {holdsAnyRole(user.roles, OVERDUE_READER_ROLES) && (
        <Typography sx={{ mb: 3 }}>
          <Link component={RouterLink} to="/evaluationen/ueberfaellig">
            Überfällige Evaluationen anzeigen
          </Link>
        </Typography>
      )}

      {reviews && (
        <Box component="section" aria-labelledby="awaiting-review" sx={{ mb: 4 }}>
          <Typography variant="h2" id="awaiting-review" sx={{ mb: 1 }}>
            Zur Auswertung eingereicht
          </Typography>
          {awaiting.status === 'error' ? (
            <ErrorState error={awaiting.error} onRetry={awaiting.reload} />
          ) : awaiting.status !== 'success' ? (
            <PageLoading label="Eingereichte Evaluationen werden geladen …" />
          ) : (
            <EvaluationTable
              evaluations={awaiting.data.evaluationsAwaitingReview}
              caption="Eingereichte Evaluationen, die auf Ihre Auswertung warten"
              emptyText="Keine Evaluation wartet auf eine Auswertung."
              testId="awaiting-review"
            />
          )}
        </Box>
      )}

      <Box component="section" aria-labelledby="all-evaluations">
        <Typography variant="h2" id="all-evaluations" sx={{ mb: 2 }}>
          {user.roles.includes('PROVIDER') ? 'Evaluationen Ihres Trägers' : 'Alle Evaluationen'}
        </Typography>
        <Stack direction="row" sx={{ mb: 2 }}>
          <TextField
            select
            label="Zustand"
            value={state}
            onChange={(event) => setState(event.target.value)}
            sx={{ minWidth: '16rem' }}
          >
            <MenuItem value={ALL}>Alle Zustände</MenuItem>
            {STATES.evaluation.map((value) => (
              <MenuItem key={value} value={value}>
                {evaluationStateLabel(value)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {list.status === 'error' ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : list.status !== 'success' ? (
          <PageLoading label="Evaluationen werden geladen …" />
        ) : (
          <EvaluationTable
            evaluations={list.data.evaluations}
            caption="Evaluationen nach Fälligkeit"
            emptyText="Keine Evaluationen."
            testId="evaluation-list"
          />
        )}
      </Box>
    </>
  );
};
