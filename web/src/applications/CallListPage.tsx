import { Card, CardContent, Link, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { callsQuery } from './api.js';
import { callArea, dateTime, FINANCING_LABELS } from './labels.js';

/** `/aufrufe`: the calls for interest open to the caller (provider staff: those for all or its Träger). */
export const CallListPage = () => {
  useDocumentTitle('Aufrufe zur Interessensbekundung');
  const query = useQuery(callsQuery);
  return (
    <>
      <PageHeading>Aufrufe zur Interessensbekundung</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
        Hier stehen die Aufrufe, zu denen Sie eine Interessensbekundung (Anlage 1 und Anlage 2) einreichen
        können, die nächste Frist zuerst.
      </Typography>
      {query.status === 'loading' && <PageLoading label="Aufrufe werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' &&
        (query.data.callsForInterest.length === 0 ? (
          <Typography>Zurzeit gibt es keinen offenen Aufruf für Sie.</Typography>
        ) : (
          <Stack component="ul" spacing={2} sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="call-list">
            {query.data.callsForInterest.map((call) => (
              <Card component="li" key={call.id} variant="outlined">
                <CardContent>
                  <Typography variant="h2" sx={{ mb: 1 }}>
                    <Link component={RouterLink} to={`/aufrufe/${call.id}`}>
                      {call.title}
                    </Link>
                  </Typography>
                  <Typography>
                    {callArea(call)} · Frist: {dateTime(call.deadline)}
                  </Typography>
                  <Typography>
                    {call.offerCategory.name} – {FINANCING_LABELS[call.financingKind]}
                  </Typography>
                  {call.viewerCan.apply && (
                    <Typography sx={{ mt: 1, fontWeight: 600 }}>
                      Sie können eine Interessensbekundung anlegen.
                    </Typography>
                  )}
                </CardContent>
              </Card>
            ))}
          </Stack>
        ))}
    </>
  );
};
