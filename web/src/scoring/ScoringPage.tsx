import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import {
  Alert,
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
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { createFormAjv } from '../../../form-logic/index.js';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorBoundary } from '../app/ErrorBoundary.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { useCurrentUser } from '../auth/AuthProvider.js';
import { applicationQuery } from '../applications/api.js';
import { StoredAnlagen } from '../applications/ApplicationPage.js';
import { CallSummary } from '../applications/CallSummary.js';
import { type DocumentErrorEntry, DocumentErrorSummary, DocumentForm } from '../applications/DocumentForm.js';
import { applicationStateLabel, dateTime } from '../applications/labels.js';
import { useDocumentFill } from '../applications/useDocumentFill.js';
import { asJsonObject, toRenderableVersion } from '../forms/api.js';
import type { ScoreDetailsFragment } from '../gql/graphql.js';
import {
  applicationScoresQuery,
  saveScoreDraftMutation,
  startScoreMutation,
  submitScoreMutation,
} from './api.js';
import { formatPercent, liveWeightedScore } from './weighted-score.js';

const SHEET_ID = 'anlage-3';

/** Today as an ISO date in the browser's time zone. */
const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/**
 * `/bewertungen/:applicationId`: the scoring sheet (Anlage 3 in the version the score is bound to) beside
 * the application, read-only; the weighted score is computed live as values change; draft, submit and
 * corrections as new revisions. Other scorers' scores are listed with their weighted results.
 */
export const ScoringPage = () => {
  const { applicationId = '' } = useParams();
  const user = useCurrentUser();
  const applicationState = useQuery(applicationQuery, { id: applicationId });
  const scoresState = useQuery(applicationScoresQuery, { id: applicationId });
  const [notice, setNotice] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const application = applicationState.status === 'success' ? applicationState.data.application : undefined;
  useDocumentTitle(application ? `Bewertung: ${application.call.title}` : 'Bewertung');
  const loaded = scoresState.status === 'success';

  useEffect(() => {
    if (notice && loaded) noticeRef.current?.focus();
  }, [notice, loaded]);

  const reload = (message: string | null) => {
    setNotice(message);
    setGeneration((n) => n + 1);
    scoresState.reload();
  };

  const failed =
    applicationState.status === 'error'
      ? applicationState
      : scoresState.status === 'error'
        ? scoresState
        : null;
  if (failed) {
    return (
      <>
        <PageHeading>Bewertung</PageHeading>
        <ErrorState error={failed.error} onRetry={failed.reload} />
      </>
    );
  }
  if (!application || scoresState.status !== 'success')
    return <PageLoading label="Bewertung wird geladen …" />;

  const scoring = scoresState.data.application;
  const own = scoring.scores.find((score) => score.viewerCan.saveDraft || score.viewerCan.submit);
  const others = scoring.scores.filter((score) => score !== own);

  const start = async () => {
    setStarting(true);
    setFailure(null);
    try {
      const provider = application.provider?.name;
      await graphqlRequest(startScoreMutation, {
        input: {
          applicationId: application.id,
          data: {
            applicationTitle: provider ? `${application.call.title} – ${provider}` : application.call.title,
            reviewer: user.displayName,
            reviewDate: today(),
          },
        },
      });
      reload('Die Bewertung wurde begonnen. Sie ist bis zum Einreichen ein Entwurf.');
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setStarting(false);
    }
  };

  return (
    <>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        <Link component={RouterLink} to={`/interessensbekundungen/${application.id}`}>
          Zur Interessensbekundung
        </Link>
        {application.call.need && (
          <Link component={RouterLink} to={`/bewertungen/rangfolge/${application.call.need.id}`}>
            Zur Rangfolge
          </Link>
        )}
      </Stack>
      <PageHeading>
        Bewertung: {application.call.title}
        {application.provider ? ` – ${application.provider.name}` : ''}
      </PageHeading>
      <Typography sx={{ mb: 2 }}>
        Zustand der Interessensbekundung: {applicationStateLabel(application.state)}
      </Typography>
      {notice && (
        <Alert
          severity="success"
          role="status"
          ref={noticeRef}
          tabIndex={-1}
          sx={{ mb: 2 }}
          data-testid="score-notice"
        >
          {notice}
        </Alert>
      )}
      {failure && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {failure.message}
          <ErrorCodeNote error={failure} />
        </Alert>
      )}

      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' },
          gap: 3,
          alignItems: 'start',
        }}
      >
        <Box component="section" aria-labelledby="scored-application" sx={{ minWidth: 0 }}>
          <Typography variant="h2" id="scored-application" sx={{ mb: 2 }}>
            Die Interessensbekundung (nur lesen)
          </Typography>
          <Box sx={{ mb: 3 }}>
            <CallSummary call={application.call} headingId="scoring-call-heading" />
          </Box>
          {application.viewerCan.readData ? (
            <ErrorBoundary fallback={<ErrorState message="Die Anlagen können nicht angezeigt werden." />}>
              <StoredAnlagen application={application} headingLevel={3} />
            </ErrorBoundary>
          ) : (
            <Alert severity="info">Den Inhalt dieser Interessensbekundung dürfen Sie nicht sehen.</Alert>
          )}
        </Box>

        <Box component="section" aria-labelledby="score-sheet" sx={{ minWidth: 0 }}>
          <Typography variant="h2" id="score-sheet" sx={{ mb: 2 }}>
            Ihre Bewertung (Anlage 3)
          </Typography>
          {own ? (
            <ErrorBoundary
              fallback={<ErrorState message="Der Bewertungsbogen kann nicht angezeigt werden." />}
            >
              <ScoreSheet
                key={`${own.id}:${generation}`}
                score={own}
                onSubmitted={(message) => reload(message)}
              />
            </ErrorBoundary>
          ) : scoring.viewerCan.score ? (
            <>
              <Typography sx={{ mb: 2 }}>
                Sie haben diese Interessensbekundung noch nicht bewertet. Die Bewertung wird an die geltende
                Fassung der Anlage 3 gebunden.
              </Typography>
              <Button
                variant="contained"
                onClick={() => void start()}
                loading={starting}
                loadingPosition="start"
              >
                Bewertung beginnen
              </Button>
            </>
          ) : (
            <Typography>Sie können diese Interessensbekundung nicht (mehr) bewerten.</Typography>
          )}

          <Paper component="section" variant="outlined" aria-labelledby="other-scores" sx={{ p: 2, mt: 3 }}>
            <Typography variant="h3" component="h3" id="other-scores" sx={{ mb: 1 }}>
              Weitere Bewertungen
            </Typography>
            {others.length === 0 ? (
              <Typography>Keine weiteren Bewertungen.</Typography>
            ) : (
              <ul data-testid="other-scores">
                {others.map((score) => (
                  <li key={score.id}>
                    {score.scorerName}:{' '}
                    {score.submittedAt
                      ? `${formatPercent(score.weightedScore)} (eingereicht ${dateTime(score.submittedAt)})`
                      : 'Entwurf'}
                  </li>
                ))}
              </ul>
            )}
          </Paper>
        </Box>
      </Box>
    </>
  );
};

/** The own scoring sheet with the live weighted score, its revisions and the save and submit buttons. */
const ScoreSheet = ({
  score,
  onSubmitted,
}: {
  score: ScoreDetailsFragment;
  onSubmitted: (message: string) => void;
}) => {
  const ajv = useMemo(() => createFormAjv(), []);
  const version = useMemo(() => toRenderableVersion(score.criteriaVersion), [score.criteriaVersion]);
  const fill = useDocumentFill({
    version,
    ajv,
    initialData: asJsonObject(score.data ?? {}, 'Die Bewertung'),
  });
  const [revision, setRevision] = useState(score.revision);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [unlisted, setUnlisted] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const live = liveWeightedScore(fill.data, version.schema);
  const correction = score.submittedAt !== null && score.submittedAt !== undefined;

  useEffect(() => {
    if (focusRequest === 0) return;
    (failureRef.current ?? summaryRef.current)?.focus();
  }, [focusRequest]);

  const entries: DocumentErrorEntry[] = fill.summaryEntries.map((entry) => ({
    ...entry,
    containerId: SHEET_ID,
  }));

  const save = async () => {
    if (busy) return;
    setBusy('save');
    setFailure(null);
    try {
      const { data } = await fill.prepare(false);
      const { saveScoreDraft } = await graphqlRequest(saveScoreDraftMutation, {
        input: { id: score.id, revision, data },
      });
      setRevision(saveScoreDraft.revision);
      fill.markSaved();
      setSavedAt(new Date().toISOString());
    } catch (error) {
      setFailure(toApiError(error));
      setFocusRequest((n) => n + 1);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (busy) return;
    setBusy('submit');
    setFailure(null);
    setUnlisted(0);
    try {
      const prepared = await fill.prepare(true);
      if (!prepared.valid) {
        setFocusRequest((n) => n + 1);
        return;
      }
      const { submitScore } = await graphqlRequest(submitScoreMutation, {
        input: { id: score.id, revision, data: prepared.data },
      });
      if (submitScore.score) {
        onSubmitted(
          `${correction ? 'Die Korrektur' : 'Die Bewertung'} wurde eingereicht: ${formatPercent(submitScore.score.weightedScore)}.`,
        );
        return;
      }
      fill.setServerErrors(submitScore.errors);
      setUnlisted(Math.max(0, submitScore.errorCount - submitScore.errors.length));
      setFocusRequest((n) => n + 1);
    } catch (error) {
      setFailure(toApiError(error));
      setFocusRequest((n) => n + 1);
    } finally {
      setBusy(null);
    }
  };

  const stale = failure?.code === 'CONFLICT' && failure.reason === 'STALE_REVISION';

  return (
    <>
      {correction && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Eingereicht am {dateTime(score.submittedAt)} mit {formatPercent(score.weightedScore)}. Eine Änderung
          wird als neue Fassung (Korrektur) eingereicht; die bisherigen Fassungen bleiben erhalten.
        </Alert>
      )}
      {failure && (
        <Alert
          ref={failureRef}
          severity="error"
          role="alert"
          tabIndex={-1}
          sx={{ mb: 2 }}
          action={
            stale ? (
              <Button
                color="inherit"
                size="small"
                onClick={() => onSubmitted('Der aktuelle Stand wurde geladen.')}
              >
                Aktuellen Stand laden
              </Button>
            ) : undefined
          }
        >
          {stale
            ? 'Die Bewertung wurde inzwischen an anderer Stelle gespeichert. Laden Sie den aktuellen Stand, bevor Sie weiterarbeiten.'
            : failure.message}
          <ErrorCodeNote error={failure} />
        </Alert>
      )}
      {entries.length > 0 && (
        <DocumentErrorSummary ref={summaryRef} entries={entries} unlistedCount={unlisted} />
      )}

      <Paper
        variant="outlined"
        sx={{
          p: 2,
          mb: 2,
          position: { lg: 'sticky' },
          top: { lg: 0 },
          zIndex: 2,
          bgcolor: 'background.paper',
        }}
      >
        <Typography component="p" variant="h3" data-testid="live-weighted-score">
          Gewichtete Bewertung: {formatPercent(live.percent)}
        </Typography>
        <Typography variant="body2">
          {live.achieved} von {live.possible} gewichteten Punkten · Anlage 3, Version {version.number}
        </Typography>
      </Paper>

      <DocumentForm id={SHEET_ID} version={version} ajv={ajv} fill={fill} />

      <Table size="small" sx={{ my: 2 }} data-testid="score-breakdown">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
          Berechnung: Summe (Bewertung × Gewicht) geteilt durch Summe (Höchstwert × Gewicht)
        </caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Kriterium
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Gewicht
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Bewertung
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Punkte
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {live.lines.map((line) => (
            <TableRow key={line.key}>
              <TableCell component="th" scope="row">
                {line.title}
              </TableCell>
              <TableCell align="right">{line.weight}</TableCell>
              <TableCell align="right">
                {line.score === null ? '–' : `${line.score} von ${line.maxScore}`}
              </TableCell>
              <TableCell align="right">{line.points}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
        <Button
          variant="outlined"
          onClick={() => void save()}
          loading={busy === 'save'}
          loadingPosition="start"
          startIcon={<SaveIcon aria-hidden="true" />}
        >
          Entwurf speichern
        </Button>
        {score.viewerCan.submit && (
          <Button
            variant="contained"
            onClick={() => void submit()}
            loading={busy === 'submit'}
            loadingPosition="start"
            startIcon={<SendIcon aria-hidden="true" />}
          >
            {correction ? 'Korrektur einreichen' : 'Bewertung einreichen'}
          </Button>
        )}
      </Stack>
      <Box role="status" aria-live="polite" sx={{ mt: 1, minHeight: '1.5em' }}>
        {busy === 'save'
          ? 'Der Entwurf wird gespeichert …'
          : busy === 'submit'
            ? 'Die Bewertung wird eingereicht …'
            : fill.dirty
              ? 'Es gibt ungespeicherte Änderungen.'
              : savedAt
                ? `Entwurf gespeichert am ${dateTime(savedAt)}.`
                : ''}
      </Box>

      <Typography variant="h3" component="h3" sx={{ mt: 3, mb: 1 }}>
        Eingereichte Fassungen der Bewertung
      </Typography>
      {score.revisions.length === 0 ? (
        <Typography>Noch keine.</Typography>
      ) : (
        <ol data-testid="score-revisions">
          {score.revisions.map((rev) => (
            <li key={rev.id}>
              Fassung {rev.number}: {formatPercent(rev.weightedScore)}, {dateTime(rev.submittedAt)},{' '}
              {rev.submittedByName}
            </li>
          ))}
        </ol>
      )}
    </>
  );
};
