import { Link, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { overdueEvaluationsQuery } from './api.js';
import { EvaluationTable } from './EvaluationTable.js';

/**
 * `/evaluationen/ueberfaellig`: evaluations past their due date and not submitted: the team lead those of
 * its Sozialräume, finance and the administration all.
 */
export const OverdueEvaluationsPage = () => {
  useDocumentTitle('Überfällige Evaluationen');
  const query = useQuery(overdueEvaluationsQuery);
  return (
    <>
      <Link component={RouterLink} to="/evaluationen">
        Zu allen Evaluationen
      </Link>
      <PageHeading>Überfällige Evaluationen</PageHeading>
      <Typography sx={{ mb: 2 }}>
        Evaluationen, deren Fälligkeit vorbei ist und die noch nicht (erneut) eingereicht wurden.
      </Typography>
      {query.status === 'error' ? (
        <ErrorState error={query.error} onRetry={query.reload} />
      ) : query.status !== 'success' ? (
        <PageLoading label="Überfällige Evaluationen werden geladen …" />
      ) : (
        <EvaluationTable
          evaluations={query.data.overdueEvaluations}
          caption="Überfällige Evaluationen, die älteste Fälligkeit zuerst"
          emptyText="Keine Evaluation ist überfällig."
          testId="overdue-evaluations"
        />
      )}
    </>
  );
};
