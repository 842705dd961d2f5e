import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Alert, Box, Button, IconButton, Paper, Stack, TextField, Typography } from '@mui/material';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageLoading } from '../app/PageLoading.js';
import type { OfferGoalInput } from '../gql/graphql.js';
import { adjustOfferGoalsMutation, offerEvaluationsQuery } from './api.js';
import { EvaluationTable } from './EvaluationTable.js';

type Goal = OfferGoalInput;

/** How the heading levels of the embedding page continue (the offer page's sections are h2). */
interface HeadingProps {
  /** The level of this section's heading (default 2). */
  headingLevel?: 2 | 3;
}

const headingTag = (level: 2 | 3) => (level === 2 ? 'h2' : 'h3');
const subHeadingTag = (level: 2 | 3) => (level === 2 ? 'h3' : 'h4');

/**
 * The evaluation side of an offer for its detail page: the evaluations with their periods and due dates,
 * the current goals and earlier goal revisions (Umsteuerung), and for the team lead of the Sozialraum the
 * form to adjust the goals.
 */
export const OfferEvaluations = ({ offerId, headingLevel = 2 }: { offerId: string } & HeadingProps) => {
  const query = useQuery(offerEvaluationsQuery, { offerId });
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const loaded = query.status === 'success';

  useEffect(() => {
    if (notice && loaded) noticeRef.current?.focus();
  }, [notice, loaded]);

  if (query.status === 'error') return <ErrorState error={query.error} onRetry={query.reload} />;
  if (query.status !== 'success') return <PageLoading label="Evaluationen werden geladen …" />;
  const offer = query.data.offer;
  const revisions = offer.goalRevisions;
  const current = revisions.at(-1);
  const earlier = revisions.slice(0, -1).reverse();

  return (
    <Box component="section" aria-labelledby="offer-evaluations-heading" data-testid="offer-evaluations">
      <Typography
        variant="h2"
        component={headingTag(headingLevel)}
        id="offer-evaluations-heading"
        sx={{ mb: 2 }}
      >
        Evaluationen und Ziele
      </Typography>
      {notice && (
        <Alert severity="success" role="status" ref={noticeRef} tabIndex={-1} sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      <EvaluationTable
        evaluations={offer.evaluations}
        caption="Halbjährliche Evaluationen des Angebots"
        emptyText="Für dieses Angebot sind keine Evaluationen vorgesehen."
        showOffer={false}
        testId="offer-evaluation-list"
      />

      <Typography variant="h3" component={subHeadingTag(headingLevel)} sx={{ mt: 3, mb: 1 }}>
        Aktuelle Ziele{current ? ` (Fassung ${current.number})` : ''}
      </Typography>
      {!current ? (
        <Typography>Keine Ziele hinterlegt.</Typography>
      ) : current.goals === null || current.goals === undefined ? (
        <Typography>Die Ziele dürfen Sie nicht sehen.</Typography>
      ) : (
        <GoalList goals={current.goals} testId="current-goals" />
      )}
      {current?.reason && (
        <Typography sx={{ mt: 1 }}>
          Umsteuerung am {formatDateTime(current.createdAt)} von {current.createdByName}: {current.reason}
        </Typography>
      )}

      {earlier.length > 0 && (
        <Box component="details" sx={{ mt: 2 }}>
          <summary>Frühere Fassungen der Ziele ({earlier.length})</summary>
          {earlier.map((revision) => (
            <Box key={revision.id} sx={{ mt: 1 }} data-testid={`goal-revision-${revision.number}`}>
              <Typography sx={{ fontWeight: 600 }}>
                Fassung {revision.number} vom {formatDateTime(revision.createdAt)} ({revision.createdByName})
                {revision.reason ? `: ${revision.reason}` : ''}
              </Typography>
              {revision.goals && <GoalList goals={revision.goals} />}
            </Box>
          ))}
        </Box>
      )}

      {offer.canAdjustGoals && current?.goals && (
        <AdjustGoals
          offerId={offer.id}
          revision={offer.revision}
          currentGoals={current.goals}
          headingLevel={headingLevel}
          onAdjusted={() => {
            setNotice(
              'Die Ziele wurden angepasst. Noch nicht eingereichte Evaluationen verwenden die neuen Ziele.',
            );
            query.reload();
          }}
        />
      )}
    </Box>
  );
};

const GoalList = ({ goals, testId }: { goals: readonly Goal[]; testId?: string }) => (
  <ol data-testid={testId}>
    {goals.map((goal, index) => (
      <li key={index}>
        {goal.goal} – Indikator: {goal.indicator}; Zielwert: {goal.targetValue}
      </li>
    ))}
  </ol>
);

const EMPTY_GOAL: Goal = { goal: '', indicator: '', targetValue: '' };

/**
 * Umsteuerung: the team lead of the Sozialraum edits the goals of a running offer and gives a reason; they
 * become its next goal revision. Opens from a button; Escape-free, plain fields, keyboard only.
 */
export const AdjustGoals = ({
  offerId,
  revision,
  currentGoals,
  onAdjusted,
  headingLevel = 2,
}: {
  offerId: string;
  /** The offer's revision (optimistic lock). */
  revision: number;
  currentGoals: readonly Goal[];
  onAdjusted: () => void;
} & HeadingProps) => {
  const [open, setOpen] = useState(false);
  const [goals, setGoals] = useState<Goal[]>(() => currentGoals.map((goal) => ({ ...goal })));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (open) firstField.current?.focus();
  }, [open]);
  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  const close = () => {
    setOpen(false);
    setGoals(currentGoals.map((goal) => ({ ...goal })));
    setReason('');
    setErrors({});
    setFailure(null);
    setTimeout(() => openButton.current?.focus(), 0);
  };

  const setGoal = (index: number, field: keyof Goal, value: string) =>
    setGoals((list) => list.map((goal, i) => (i === index ? { ...goal, [field]: value } : goal)));

  const validate = (): Record<string, string> => {
    const found: Record<string, string> = {};
    goals.forEach((goal, index) => {
      if (!goal.goal.trim()) found[`goal-${index}-goal`] = 'Bitte geben Sie das Ziel an.';
      if (!goal.indicator.trim()) found[`goal-${index}-indicator`] = 'Bitte geben Sie den Indikator an.';
      if (!goal.targetValue.trim()) found[`goal-${index}-targetValue`] = 'Bitte geben Sie den Zielwert an.';
    });
    if (!reason.trim()) found.reason = 'Bitte begründen Sie die Umsteuerung.';
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = validate();
    setErrors(found);
    const first = Object.keys(found)[0];
    if (first) {
      document.getElementById(`adjust-${first}`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await graphqlRequest(adjustOfferGoalsMutation, {
        input: {
          offerId,
          revision,
          goals: goals.map((goal) => ({
            goal: goal.goal.trim(),
            indicator: goal.indicator.trim(),
            targetValue: goal.targetValue.trim(),
          })),
          reason: reason.trim(),
        },
      });
      setOpen(false);
      onAdjusted();
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <Button ref={openButton} variant="outlined" sx={{ mt: 2 }} onClick={() => setOpen(true)}>
        Ziele anpassen (Umsteuerung)
      </Button>
    );
  }

  const field = (index: number, name: keyof Goal, label: string, ref?: typeof firstField) => {
    const key = `goal-${index}-${name}`;
    return (
      <TextField
        id={`adjust-${key}`}
        label={`${label} (Ziel ${index + 1})`}
        value={goals[index]![name]}
        onChange={(event) => setGoal(index, name, event.target.value)}
        required
        fullWidth
        multiline={name === 'goal'}
        inputRef={ref}
        error={!!errors[key]}
        helperText={errors[key]}
        slotProps={{ htmlInput: { maxLength: name === 'targetValue' ? 500 : 1000 } }}
      />
    );
  };

  return (
    <Paper
      component="form"
      variant="outlined"
      noValidate
      aria-labelledby="adjust-goals-heading"
      onSubmit={(event) => void submit(event)}
      sx={{ p: 2, mt: 2 }}
      data-testid="adjust-goals"
    >
      <Typography
        variant="h3"
        component={subHeadingTag(headingLevel)}
        id="adjust-goals-heading"
        sx={{ mb: 2 }}
      >
        Ziele anpassen (Umsteuerung)
      </Typography>
      {failure && (
        <Alert ref={failureRef} severity="error" role="alert" tabIndex={-1} sx={{ mb: 2 }}>
          {failure.code === 'CONFLICT' && failure.reason === 'STALE_REVISION'
            ? 'Das Angebot wurde inzwischen geändert. Bitte laden Sie die Seite neu.'
            : failure.message}
          <ErrorCodeNote error={failure} />
        </Alert>
      )}
      <Stack spacing={3}>
        {goals.map((_goal, index) => (
          <Box
            key={index}
            component="fieldset"
            sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, m: 0 }}
          >
            <legend>Ziel {index + 1}</legend>
            <Stack spacing={2}>
              {field(index, 'goal', 'Ziel', index === 0 ? firstField : undefined)}
              {field(index, 'indicator', 'Indikator der Zielerreichung')}
              {field(index, 'targetValue', 'Zielwert')}
              {goals.length > 1 && (
                <Box>
                  <IconButton
                    aria-label={`Ziel ${index + 1} entfernen`}
                    onClick={() => setGoals((list) => list.filter((_, i) => i !== index))}
                  >
                    <DeleteIcon aria-hidden="true" />
                  </IconButton>
                </Box>
              )}
            </Stack>
          </Box>
        ))}
        {goals.length < 20 && (
          <Box>
            <Button
              startIcon={<AddIcon aria-hidden="true" />}
              onClick={() => setGoals((list) => [...list, { ...EMPTY_GOAL }])}
            >
              Ziel hinzufügen
            </Button>
          </Box>
        )}
        <TextField
          id="adjust-reason"
          label="Begründung der Umsteuerung"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
          multiline
          minRows={3}
          fullWidth
          error={!!errors.reason}
          helperText={errors.reason ?? 'Warum werden die Ziele angepasst?'}
          slotProps={{ htmlInput: { maxLength: 5000 } }}
        />
        <Stack direction="row" spacing={2}>
          <Button type="submit" variant="contained" loading={busy}>
            Ziele speichern
          </Button>
          <Button onClick={close} disabled={busy}>
            Abbrechen
          </Button>
        </Stack>
      </Stack>
    </Paper>
  );
};
