import {
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import type { ApplicationQuery, ApplicationRevisionDiffQuery } from '../gql/graphql.js';
import { revisionDiffQuery } from './api.js';
import { dateTime, euros } from './labels.js';

type Revision = ApplicationQuery['application']['revisions'][number];
type Change = NonNullable<ApplicationRevisionDiffQuery['application']['revisionDiff']>[number];

/** The submitted revisions (number, date, by, requested amount) and a readable diff between two of them. */
export const RevisionsSection = ({
  applicationId,
  revisions,
  canReadData,
}: {
  applicationId: string;
  revisions: readonly Revision[];
  canReadData: boolean;
}) => {
  const numbers = revisions.map((revision) => revision.number);
  const last = numbers.at(-1) ?? 0;
  const [from, setFrom] = useState(Math.max(1, last - 1));
  const [to, setTo] = useState(last);

  return (
    <Paper component="section" variant="outlined" aria-labelledby="revisions-heading" sx={{ p: 2, mb: 3 }}>
      <Typography variant="h2" id="revisions-heading" sx={{ mb: 1.5 }}>
        Eingereichte Fassungen
      </Typography>
      {revisions.length === 0 ? (
        <Typography>Es wurde noch keine Fassung eingereicht.</Typography>
      ) : (
        <TableContainer>
          <Table size="small" data-testid="revision-table">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, marginBottom: 8 }}>
              Jede Einreichung ist eine unveränderliche Fassung; die älteste steht oben.
            </caption>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Fassung
                </TableCell>
                <TableCell component="th" scope="col">
                  Eingereicht am
                </TableCell>
                <TableCell component="th" scope="col">
                  Eingereicht von
                </TableCell>
                <TableCell component="th" scope="col" align="right">
                  Beantragter Betrag
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {revisions.map((revision) => (
                <TableRow key={revision.id} data-testid="revision-row">
                  <TableCell component="th" scope="row">
                    Fassung {revision.number}
                  </TableCell>
                  <TableCell>{dateTime(revision.submittedAt)}</TableCell>
                  <TableCell>{revision.submittedByName}</TableCell>
                  <TableCell align="right">{euros(revision.requestedAmount)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}

      {canReadData && revisions.length >= 2 && (
        <>
          <Typography variant="h3" component="h3" sx={{ mt: 3, mb: 1.5 }}>
            Änderungen zwischen zwei Fassungen
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
            {[
              { label: 'Von Fassung', value: from, set: setFrom, id: 'diff-from' },
              { label: 'Zu Fassung', value: to, set: setTo, id: 'diff-to' },
            ].map((select) => (
              <TextField
                key={select.id}
                id={select.id}
                select
                label={select.label}
                value={String(select.value)}
                onChange={(event) => select.set(Number(event.target.value))}
                slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                sx={{ minWidth: 180 }}
              >
                {numbers.map((number) => (
                  <option key={number} value={number}>
                    Fassung {number}
                  </option>
                ))}
              </TextField>
            ))}
          </Stack>
          {from === to ? (
            <Typography>Bitte wählen Sie zwei verschiedene Fassungen.</Typography>
          ) : (
            <RevisionDiff applicationId={applicationId} from={from} to={to} />
          )}
        </>
      )}
    </Paper>
  );
};

const RevisionDiff = ({ applicationId, from, to }: { applicationId: string; from: number; to: number }) => {
  const query = useQuery(revisionDiffQuery, { id: applicationId, fromRevision: from, toRevision: to });
  if (query.status === 'loading') return <Typography role="status">Änderungen werden geladen …</Typography>;
  if (query.status === 'error') return <ErrorState error={query.error} onRetry={query.reload} />;
  const changes = query.data.application.revisionDiff ?? [];
  if (changes.length === 0) {
    return (
      <Typography data-testid="revision-diff-empty">
        Zwischen Fassung {from} und Fassung {to} hat sich nichts geändert.
      </Typography>
    );
  }
  const byForm = new Map<string, Change[]>();
  for (const change of changes)
    byForm.set(change.formTitle, [...(byForm.get(change.formTitle) ?? []), change]);
  return (
    <div data-testid="revision-diff" aria-live="polite">
      {[...byForm.entries()].map(([formTitle, list]) => (
        <TableContainer key={formTitle} sx={{ mb: 2 }}>
          <Table size="small">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, fontWeight: 600 }}>
              {formTitle}: Fassung {from} → Fassung {to}
            </caption>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Feld
                </TableCell>
                <TableCell component="th" scope="col">
                  Fassung {from}
                </TableCell>
                <TableCell component="th" scope="col">
                  Fassung {to}
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((change) => (
                <TableRow key={`${change.formKey}${change.path}`} data-testid="revision-change">
                  <TableCell component="th" scope="row">
                    {change.label}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>
                    {change.before ?? <em>nicht ausgefüllt</em>}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>
                    {change.after ?? <em>nicht ausgefüllt</em>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      ))}
    </div>
  );
};
