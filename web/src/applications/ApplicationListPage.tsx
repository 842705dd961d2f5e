import { Typography } from '@mui/material';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { applicationsQuery } from './api.js';
import { ApplicationTable } from './ApplicationTable.js';

/** `/interessensbekundungen`: the applications the caller may see (provider staff: its Träger's own), newest first. */
export const ApplicationListPage = () => {
  useDocumentTitle('Interessensbekundungen');
  const query = useQuery(applicationsQuery, {});
  return (
    <>
      <PageHeading>Interessensbekundungen</PageHeading>
      {query.status === 'loading' && <PageLoading label="Interessensbekundungen werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' &&
        (query.data.applications.length === 0 ? (
          <Typography>
            Es gibt noch keine Interessensbekundung. Neue Aufrufe finden Sie unter „Aufrufe“.
          </Typography>
        ) : (
          <ApplicationTable
            applications={query.data.applications}
            caption="Interessensbekundungen, die neueste zuerst"
            showCall
          />
        ))}
    </>
  );
};
