import CheckIcon from '@mui/icons-material/Check';
import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import {
  Alert,
  AlertTitle,
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
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { createFormAjv, type FormValues } from '../../../form-logic/index.js';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorBoundary } from '../app/ErrorBoundary.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { asJsonObject, toRenderableVersion } from '../forms/api.js';
import { ErrorSummary } from '../forms/ErrorSummary.js';
import { FormView } from '../forms/FormView.js';
import type { EvaluationDetailsFragment } from '../gql/graphql.js';
import {
  acceptEvaluationMutation,
  evaluationQuery,
  requestEvaluationChangesMutation,
  saveEvaluationDraftMutation,
  submitEvaluationMutation,
} from './api.js';
import {
  ACHIEVEMENT_LABELS,
  evaluationStateLabel,
  formatCents,
  formatDate,
  formatNumber,
  formatPeriod,
} from './labels.js';
import { useDocumentFill } from '../applications/useDocumentFill.js';

const SHEET_ID = 'evaluationsbogen';

/**
 * `/evaluationen/:id`: one evaluation. Provider staff fill the evaluation sheet (the form version the
 * evaluation is bound to; prefilled with the offer, the period and its current goals), save the draft on
 * the server and submit it; the team lead of the Sozialraum accepts a submitted one or asks for changes
 * with a comment. An accepted evaluation shows its figures.
 */
export const EvaluationPage = () => {
  const { id = '' } = useParams();
  const query = useQuery(evaluationQuery, { id });
  const [notice, setNotice] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);
  const evaluation = query.status === 'success' ? query.data.evaluation : undefined;
  useDocumentTitle(evaluation ? `Evaluation: ${evaluation.offer.title}` : 'Evaluation');

  useEffect(() => {
    if (notice && evaluation) noticeRef.current?.focus();
  }, [notice, evaluation]);

  const reload = (message: string | null) => {
    setNotice(message);
    setGeneration((n) => n + 1);
    query.reload();
  };

  if (query.status === 'error') {
    return (
      <>
        <PageHeading>Evaluation</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  }
  if (!evaluation) return <PageLoading label="Evaluation wird geladen …" />;

  return (
    <>
      <Link component={RouterLink} to="/evaluationen">
        Zu den Evaluationen
      </Link>
      <PageHeading>Evaluation: {evaluation.offer.title}</PageHeading>
      {notice && (
        <Alert
          severity="success"
          role="status"
          ref={noticeRef}
          tabIndex={-1}
          sx={{ mb: 2 }}
          data-testid="evaluation-notice"
        >
          {notice}
        </Alert>
      )}
      <Summary evaluation={evaluation} />

      {evaluation.state === 'CHANGES_REQUESTED' && evaluation.changeRequestComment && (
        <Alert severity="warning" sx={{ mb: 3 }} data-testid="change-request">
          <AlertTitle component="h2" sx={{ fontSize: '1.125rem', fontWeight: 600 }}>
            Änderungen angefordert
            {evaluation.changesRequestedByName ? ` von ${evaluation.changesRequestedByName}` : ''}
            {evaluation.changesRequestedAt ? ` am ${formatDateTime(evaluation.changesRequestedAt)}` : ''}
          </AlertTitle>
          {evaluation.changeRequestComment}
        </Alert>
      )}

      {(evaluation.viewerCan.accept || evaluation.viewerCan.requestChanges) && (
        <ReviewPanel key={`review:${generation}`} evaluation={evaluation} onDone={reload} />
      )}

      {evaluation.fact && <Facts evaluation={evaluation} />}

      <CurrentGoals evaluation={evaluation} />

      <Box component="section" aria-labelledby="sheet-heading" sx={{ mt: 3 }}>
        <Typography variant="h2" id="sheet-heading" sx={{ mb: 2 }}>
          Evaluationsbogen
        </Typography>
        {!evaluation.viewerCan.readData ? (
          <Alert severity="info">Den Inhalt dieser Evaluation dürfen Sie nicht sehen.</Alert>
        ) : (
          <ErrorBoundary
            fallback={<ErrorState message="Der Evaluationsbogen kann nicht angezeigt werden." />}
          >
            {evaluation.viewerCan.saveDraft ? (
              <Editor key={`${evaluation.id}:${generation}`} evaluation={evaluation} onSubmitted={reload} />
            ) : (
              <ReadOnlySheet evaluation={evaluation} />
            )}
          </ErrorBoundary>
        )}
      </Box>

      <Box component="section" aria-labelledby="revisions-heading" sx={{ mt: 4 }}>
        <Typography variant="h2" id="revisions-heading" sx={{ mb: 1 }}>
          Eingereichte Fassungen
        </Typography>
        {evaluation.revisions.length === 0 ? (
          <Typography>Noch keine.</Typography>
        ) : (
          <ol data-testid="evaluation-revisions">
            {evaluation.revisions.map((revision) => (
              <li key={revision.id}>
                Fassung {revision.number}: eingereicht am {formatDateTime(revision.submittedAt)} von{' '}
                {revision.submittedByName}
              </li>
            ))}
          </ol>
        )}
      </Box>
    </>
  );
};

const Summary = ({ evaluation }: { evaluation: EvaluationDetailsFragment }) => (
  <Paper variant="outlined" sx={{ p: 2, mb: 3 }}>
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, m: 0 }}>
      <dt>Berichtszeitraum</dt>
      <dd style={{ margin: 0 }}>
        {evaluation.periodNumber}. Zeitraum: {formatPeriod(evaluation.periodFrom, evaluation.periodTo)}
      </dd>
      <dt>Fällig am</dt>
      <dd style={{ margin: 0 }}>
        {formatDate(evaluation.dueDate)}
        {evaluation.overdue && ' (überfällig)'}
      </dd>
      <dt>Zustand</dt>
      <dd style={{ margin: 0 }} data-testid="evaluation-state">
        {evaluationStateLabel(evaluation.state)}
      </dd>
      <dt>Bewilligungszeitraum</dt>
      <dd style={{ margin: 0 }}>{formatPeriod(evaluation.offer.periodStart, evaluation.offer.periodEnd)}</dd>
      {evaluation.submittedAt && (
        <>
          <dt>Zuletzt eingereicht</dt>
          <dd style={{ margin: 0 }}>{formatDateTime(evaluation.submittedAt)}</dd>
        </>
      )}
      {evaluation.acceptedAt && (
        <>
          <dt>Angenommen</dt>
          <dd style={{ margin: 0 }}>
            {formatDateTime(evaluation.acceptedAt)}
            {evaluation.acceptedByName ? ` von ${evaluation.acceptedByName}` : ''}
          </dd>
        </>
      )}
    </Box>
  </Paper>
);

/**
 * The offer's current goals with their indicators and target values (Anlage 1, or the last Umsteuerung):
 * what the evaluation reports against. The sheet itself is prefilled with the goals.
 */
const CurrentGoals = ({ evaluation }: { evaluation: EvaluationDetailsFragment }) => {
  const current = evaluation.offer.goalRevisions.at(-1);
  if (!current?.goals || current.goals.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="goals-heading" sx={{ mb: 3 }} data-testid="evaluation-goals">
      <Typography variant="h2" id="goals-heading" sx={{ mb: 1 }}>
        Ziele und Indikatoren{current.number > 1 ? ` (nach Umsteuerung, Fassung ${current.number})` : ''}
      </Typography>
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
          Die aktuellen Ziele des Angebots, an denen die Evaluation gemessen wird
        </caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Ziel
            </TableCell>
            <TableCell component="th" scope="col">
              Indikator der Zielerreichung
            </TableCell>
            <TableCell component="th" scope="col">
              Zielwert
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {current.goals.map((goal, index) => (
            <TableRow key={index}>
              <TableCell component="th" scope="row">
                {goal.goal}
              </TableCell>
              <TableCell>{goal.indicator}</TableCell>
              <TableCell>{goal.targetValue}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

/** The figures of an accepted evaluation (as stored for the reports). */
const Facts = ({ evaluation }: { evaluation: EvaluationDetailsFragment }) => {
  const fact = evaluation.fact!;
  return (
    <Box component="section" aria-labelledby="facts-heading" sx={{ mb: 3 }} data-testid="evaluation-facts">
      <Typography variant="h2" id="facts-heading" sx={{ mb: 1 }}>
        Kennzahlen
      </Typography>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1, mb: 2 }}>
        <dt>Erreichte Teilnehmende</dt>
        <dd style={{ margin: 0 }}>
          {fact.participantsReached}
          {fact.newParticipants !== null && fact.newParticipants !== undefined
            ? ` (davon neu: ${fact.newParticipants})`
            : ''}
        </dd>
        <dt>Durchgeführte Termine</dt>
        <dd style={{ margin: 0 }}>{fact.sessionsHeld}</dd>
        <dt>Geleistete Fachleistungsstunden</dt>
        <dd style={{ margin: 0 }}>{formatNumber(fact.professionalHoursDelivered)}</dd>
        <dt>Ausgaben im Berichtszeitraum</dt>
        <dd style={{ margin: 0 }}>{formatCents(fact.expensesInPeriod)}</dd>
      </Box>
      <Table size="small">
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
          Zielerreichung je Ziel
        </caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Ziel
            </TableCell>
            <TableCell component="th" scope="col">
              Grad
            </TableCell>
            <TableCell component="th" scope="col" align="right">
              Prozent
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {evaluation.goalFacts.map((goal) => (
            <TableRow key={goal.goalIndex}>
              <TableCell component="th" scope="row">
                {goal.goal ?? `Ziel ${goal.goalIndex + 1}`}
              </TableCell>
              <TableCell>{ACHIEVEMENT_LABELS[goal.achievement]}</TableCell>
              <TableCell align="right">
                {goal.achievementPercent} %{goal.percentGiven ? '' : ' (abgeleitet)'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

const ReadOnlySheet = ({ evaluation }: { evaluation: EvaluationDetailsFragment }) => {
  const ajv = useMemo(() => createFormAjv(), []);
  const version = useMemo(() => toRenderableVersion(evaluation.formVersion), [evaluation.formVersion]);
  const data = asJsonObject(evaluation.data ?? {}, 'Die Evaluation') as FormValues;
  return (
    <Box id={SHEET_ID}>
      <FormView
        schema={version.schema}
        uischema={version.uischema}
        data={data}
        ajv={ajv}
        readonly
        validationMode="NoValidation"
      />
    </Box>
  );
};

/** The provider's editor: the sheet, the error summary, „Entwurf speichern“ and „Einreichen“. */
const Editor = ({
  evaluation,
  onSubmitted,
}: {
  evaluation: EvaluationDetailsFragment;
  onSubmitted: (message: string) => void;
}) => {
  const ajv = useMemo(() => createFormAjv(), []);
  const version = useMemo(() => toRenderableVersion(evaluation.formVersion), [evaluation.formVersion]);
  const fill = useDocumentFill({
    version,
    ajv,
    initialData: asJsonObject(evaluation.data ?? {}, 'Die Evaluation') as FormValues,
  });
  const [revision, setRevision] = useState(evaluation.revision);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [unlisted, setUnlisted] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const resubmit = evaluation.state === 'CHANGES_REQUESTED';

  useEffect(() => {
    if (focusRequest === 0) return;
    (failureRef.current ?? summaryRef.current)?.focus();
  }, [focusRequest]);

  const save = async () => {
    if (busy) return;
    setBusy('save');
    setFailure(null);
    try {
      const { data } = await fill.prepare(false);
      const { saveEvaluationDraft } = await graphqlRequest(saveEvaluationDraftMutation, {
        input: { id: evaluation.id, revision, data },
      });
      setRevision(saveEvaluationDraft.revision);
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
      const { submitEvaluation } = await graphqlRequest(submitEvaluationMutation, {
        input: { id: evaluation.id, revision, data: prepared.data },
      });
      if (submitEvaluation.evaluation) {
        onSubmitted(
          resubmit
            ? 'Die Evaluation wurde erneut eingereicht.'
            : 'Die Evaluation wurde eingereicht. Die Leitung des Sozialraumteams wertet sie aus.',
        );
        return;
      }
      fill.setServerErrors(submitEvaluation.errors);
      setUnlisted(Math.max(0, submitEvaluation.errorCount - submitEvaluation.errors.length));
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
            ? 'Die Evaluation wurde inzwischen an anderer Stelle gespeichert. Laden Sie den aktuellen Stand, bevor Sie weiterarbeiten.'
            : failure.message}
          <ErrorCodeNote error={failure} />
        </Alert>
      )}
      {fill.summaryEntries.length > 0 && (
        <ErrorSummary ref={summaryRef} entries={fill.summaryEntries} unlistedCount={unlisted} />
      )}
      <Typography sx={{ mb: 2 }}>
        Pflichtfelder sind mit einem Sternchen (*) gekennzeichnet. Beträge geben Sie in Euro an, z. B.
        1.234,56. Ihr Entwurf wird auf dem Server gespeichert.
      </Typography>
      <Box id={SHEET_ID} onBlur={fill.handleFocusOut}>
        <FormView
          schema={version.schema}
          uischema={version.uischema}
          data={fill.jsonFormsData}
          ajv={ajv}
          validationMode={fill.validationMode}
          additionalErrors={fill.additionalErrors}
          onChange={fill.handleChange}
          middleware={fill.middleware}
        />
      </Box>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center', mt: 3 }}>
        <Button
          variant="outlined"
          onClick={() => void save()}
          loading={busy === 'save'}
          loadingPosition="start"
          startIcon={<SaveIcon aria-hidden="true" />}
        >
          Entwurf speichern
        </Button>
        {evaluation.viewerCan.submit && (
          <Button
            variant="contained"
            onClick={() => void submit()}
            loading={busy === 'submit'}
            loadingPosition="start"
            startIcon={<SendIcon aria-hidden="true" />}
          >
            {resubmit ? 'Erneut einreichen' : 'Evaluation einreichen'}
          </Button>
        )}
      </Stack>
      <Box role="status" aria-live="polite" sx={{ mt: 1, minHeight: '1.5em' }}>
        {busy === 'save'
          ? 'Der Entwurf wird gespeichert …'
          : busy === 'submit'
            ? 'Die Evaluation wird eingereicht …'
            : fill.dirty
              ? 'Es gibt ungespeicherte Änderungen.'
              : savedAt
                ? `Entwurf gespeichert am ${formatDateTime(savedAt)}.`
                : ''}
      </Box>
    </>
  );
};

/** The team lead's review: accept, or ask for changes with a comment. */
const ReviewPanel = ({
  evaluation,
  onDone,
}: {
  evaluation: EvaluationDetailsFragment;
  onDone: (message: string) => void;
}) => {
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'accept' | 'changes' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const run = async (kind: 'accept' | 'changes') => {
    if (busy) return;
    if (kind === 'changes' && !comment.trim()) {
      setCommentError('Bitte beschreiben Sie, was geändert werden soll.');
      commentRef.current?.focus();
      return;
    }
    setBusy(kind);
    setFailure(null);
    try {
      if (kind === 'accept') {
        await graphqlRequest(acceptEvaluationMutation, {
          input: { id: evaluation.id, revision: evaluation.revision },
        });
        onDone('Die Evaluation wurde angenommen; ihre Kennzahlen sind festgehalten.');
      } else {
        await graphqlRequest(requestEvaluationChangesMutation, {
          input: { id: evaluation.id, revision: evaluation.revision, comment: comment.trim() },
        });
        onDone('Die Änderungen wurden angefordert.');
      }
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper component="section" variant="outlined" aria-labelledby="review-heading" sx={{ p: 2, mb: 3 }}>
      <Typography variant="h2" id="review-heading" sx={{ mb: 2 }}>
        Auswertung
      </Typography>
      {failure && (
        <Alert ref={failureRef} severity="error" role="alert" tabIndex={-1} sx={{ mb: 2 }}>
          {failure.message}
          <ErrorCodeNote error={failure} />
        </Alert>
      )}
      {evaluation.viewerCan.accept && (
        <Box sx={{ mb: 3 }}>
          <Typography sx={{ mb: 1 }}>
            Mit der Annahme werden die Kennzahlen der Evaluation (Teilnehmende, Stunden, Ausgaben,
            Zielerreichung) für die Berichte festgehalten.
          </Typography>
          <Button
            variant="contained"
            onClick={() => void run('accept')}
            loading={busy === 'accept'}
            loadingPosition="start"
            startIcon={<CheckIcon aria-hidden="true" />}
          >
            Evaluation annehmen
          </Button>
        </Box>
      )}
      {evaluation.viewerCan.requestChanges && (
        <Box>
          <TextField
            label="Kommentar zur Änderungsanforderung"
            multiline
            minRows={3}
            fullWidth
            value={comment}
            inputRef={commentRef}
            required
            error={!!commentError}
            helperText={commentError ?? 'Was soll der Träger ändern oder ergänzen?'}
            onChange={(event) => {
              setComment(event.target.value);
              if (commentError) setCommentError(null);
            }}
            slotProps={{ htmlInput: { maxLength: 5000 } }}
            sx={{ mb: 1 }}
          />
          <Button variant="outlined" onClick={() => void run('changes')} loading={busy === 'changes'}>
            Änderungen anfordern
          </Button>
        </Box>
      )}
    </Paper>
  );
};
