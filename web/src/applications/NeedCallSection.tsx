import { Box, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import { ErrorState } from '../app/ErrorState.js';
import { closeCallForInterestMutation, needCallQuery } from './api.js';
import { ApplicationTable } from './ApplicationTable.js';
import { CallFacts } from './CallSummary.js';
import { OpenCallDialog } from './OpenCallDialog.js';

/**
 * The call for interest on a need page (steps 8 and 9): the team lead opens it (deadline, invited Träger
 * or all, offer category) and closes it; the need's applications with state, Träger, requested amount
 * and submission, and the way to the ranking.
 */
export const NeedCallSection = ({
  needId,
  onChanged,
}: {
  needId: string;
  /** After opening or closing: the need page loads the need again and shows the message. */
  onChanged: (message: string) => Promise<void>;
}) => {
  const query = useQuery(needCallQuery, { id: needId });
  const [action, setAction] = useState<'open' | 'close' | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const open = (next: 'open' | 'close') => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setAction(next);
  };
  const close = () => {
    setAction(null);
    returnFocus.current?.focus();
  };

  if (query.status === 'loading') return null;
  if (query.status === 'error') {
    return (
      <ErrorState title="Aufruf konnte nicht geladen werden" error={query.error} onRetry={query.reload} />
    );
  }
  const need = query.data.need;
  const call = need.callForInterest;
  if (!call && !need.viewerCan.openCallForInterest) return null;

  return (
    <Paper component="section" variant="outlined" aria-labelledby="need-call" sx={{ p: 2, mb: 3 }}>
      <Typography variant="h2" id="need-call" sx={{ mb: 1.5 }}>
        Aufruf zur Interessensbekundung (Schritte 8 und 9)
      </Typography>
      {!call && (
        <>
          <Typography sx={{ mb: 2 }}>
            Noch kein Aufruf. Mit dem Aufruf können Träger bis zur Frist Interessensbekundungen einreichen.
          </Typography>
          <Button variant="contained" onClick={() => open('open')}>
            Interessensbekundung eröffnen
          </Button>
        </>
      )}
      {call && (
        <>
          <CallFacts call={call} />
          <Stack
            direction={{ xs: 'column', sm: 'row' }}
            spacing={1}
            useFlexGap
            sx={{ flexWrap: 'wrap', mb: 2 }}
          >
            <Button variant="outlined" component={RouterLink} to={`/aufrufe/${call.id}`}>
              Zum Aufruf
            </Button>
            <Button variant="outlined" component={RouterLink} to={`/bewertungen/rangfolge/${need.id}`}>
              Rangfolge der Interessensbekundungen
            </Button>
            {need.viewerCan.closeCallForInterest && (
              <Button variant="outlined" color="error" onClick={() => open('close')}>
                Aufruf schließen
              </Button>
            )}
          </Stack>
          <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
            Interessensbekundungen
          </Typography>
          {call.applications.length === 0 ? (
            <Typography>Es gibt noch keine Interessensbekundung.</Typography>
          ) : (
            <Box data-testid="need-applications">
              <ApplicationTable
                applications={call.applications}
                caption="Interessensbekundungen zu diesem Bedarf"
              />
            </Box>
          )}
          <Typography variant="body2" sx={{ mt: 1 }}>
            Bewerten und Änderungen anfordern: auf der Seite der jeweiligen Interessensbekundung.{' '}
            <Link component={RouterLink} to={`/bewertungen/rangfolge/${need.id}`}>
              Zur Rangfolge
            </Link>
          </Typography>
        </>
      )}
      {action === 'open' && (
        <OpenCallDialog
          needId={need.id}
          revision={need.revision}
          onClose={close}
          onDone={async () => {
            setAction(null);
            await onChanged('Der Aufruf zur Interessensbekundung wurde eröffnet.');
          }}
        />
      )}
      {action === 'close' && call && (
        <ConfirmDialog
          title="Aufruf schließen?"
          text="Nach dem Schließen können keine neuen Interessensbekundungen mehr eingereicht werden. Eingereichte bleiben erhalten und können bewertet werden."
          confirmLabel="Aufruf schließen"
          onClose={close}
          onConfirm={async () => {
            await graphqlRequest(closeCallForInterestMutation, {
              input: { needId: need.id, revision: need.revision },
            });
            setAction(null);
            await onChanged('Der Aufruf wurde geschlossen.');
          }}
        />
      )}
    </Paper>
  );
};
