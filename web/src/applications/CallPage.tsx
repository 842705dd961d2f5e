import { Alert, Box, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { callQuery, createApplicationMutation } from './api.js';
import { ApplicationTable } from './ApplicationTable.js';
import { CallFacts } from './CallSummary.js';

/** `/aufrufe/:id`: a call for interest with its text, deadline and category; providers create their application here. */
export const CallPage = () => {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const query = useQuery(callQuery, { id });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const call = query.status === 'success' ? query.data.callForInterest : undefined;
  useDocumentTitle(call ? `Aufruf: ${call.title}` : 'Aufruf');

  if (query.status === 'loading') return <PageLoading label="Aufruf wird geladen …" />;
  if (query.status === 'error' || !call) {
    return (
      <>
        <PageHeading>Aufruf</PageHeading>
        {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
        <Link component={RouterLink} to="/aufrufe">
          Zu den Aufrufen
        </Link>
      </>
    );
  }

  const create = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const { createApplication } = await graphqlRequest(createApplicationMutation, {
        input: { callId: call.id },
      });
      void navigate(`/interessensbekundungen/${createApplication.id}`);
    } catch (error) {
      setFailure(toApiError(error));
      setBusy(false);
    }
  };

  return (
    <>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        <Link component={RouterLink} to="/aufrufe">
          Zu den Aufrufen
        </Link>
        {call.need && (
          <Link component={RouterLink} to={`/bedarfe/${call.need.id}`}>
            Zum Bedarf
          </Link>
        )}
      </Stack>
      <PageHeading>Aufruf: {call.title}</PageHeading>
      {failure && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {failure.message}
          <ErrorCodeNote error={failure} />
        </Alert>
      )}
      {call.viewerCan.apply && (
        <Box sx={{ mb: 3 }}>
          <Button variant="contained" onClick={() => void create()} loading={busy} loadingPosition="start">
            Interessensbekundung anlegen
          </Button>
          <Typography variant="body2" sx={{ mt: 1 }}>
            Legt einen Entwurf mit Anlage 1 und Anlage 2 an, den Sie bis zur Frist bearbeiten und einreichen.
          </Typography>
        </Box>
      )}
      <Paper component="section" variant="outlined" aria-labelledby="call-facts" sx={{ p: 2, mb: 3 }}>
        <Typography variant="h2" id="call-facts" sx={{ mb: 1.5 }}>
          Angaben zum Aufruf
        </Typography>
        <CallFacts call={call} />
      </Paper>
      <Paper component="section" variant="outlined" aria-labelledby="call-applications" sx={{ p: 2, mb: 3 }}>
        <Typography variant="h2" id="call-applications" sx={{ mb: 1.5 }}>
          Interessensbekundungen
        </Typography>
        {call.applications.length === 0 ? (
          <Typography>Es gibt noch keine Interessensbekundung, die Sie sehen dürfen.</Typography>
        ) : (
          <ApplicationTable
            applications={call.applications}
            caption="Interessensbekundungen zu diesem Aufruf"
          />
        )}
      </Paper>
    </>
  );
};
