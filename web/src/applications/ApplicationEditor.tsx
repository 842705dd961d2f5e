import SaveIcon from '@mui/icons-material/Save';
import SendIcon from '@mui/icons-material/Send';
import { Alert, AlertTitle, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createFormAjv, type FormValues } from '../../../form-logic/index.js';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import { visuallyHidden } from '../app/visually-hidden.js';
import { formatDateTime } from '../app/format.js';
import { asJsonObject, type RenderableFormVersion, toRenderableVersion } from '../forms/api.js';
import type { ApplicationQuery } from '../gql/graphql.js';
import { saveApplicationDraftMutation, submitApplicationMutation } from './api.js';
import { type DocumentErrorEntry, DocumentErrorSummary, DocumentForm } from './DocumentForm.js';
import { useDocumentFill } from './useDocumentFill.js';
import { ANLAGE_1, ANLAGE_2, splitApplicationErrors } from './documents.js';

type Application = ApplicationQuery['application'];

const isStale = (error: ApiError) => error.code === 'CONFLICT' && error.reason === 'STALE_REVISION';

interface ApplicationEditorProps {
  application: Application;
  revision: number;
  onRevision: (revision: number) => void;
  /** After a successful submit (the page loads the application again). */
  onSubmitted: () => Promise<void>;
  /** Loads the application as the server holds it now (after a conflict); local changes are dropped. */
  onReload: () => Promise<void>;
}

/**
 * The application editor: Anlage 1 and Anlage 2 rendered with the versions the application is bound
 * to, the draft saved on the server (a stale save offers to reload), submit with the error summary.
 */
export const ApplicationEditor = ({
  application,
  revision,
  onRevision,
  onSubmitted,
  onReload,
}: ApplicationEditorProps) => {
  const ajv = useMemo(() => createFormAjv(), []);
  const offerVersion = useMemo(
    () => toRenderableVersion(application.offerDescriptionVersion),
    [application.offerDescriptionVersion],
  );
  const costVersion = useMemo(
    () => toRenderableVersion(application.costCalculationVersion),
    [application.costCalculationVersion],
  );
  const offer = useDocumentFill({
    version: offerVersion,
    ajv,
    initialData: asJsonObject(application.offerDescriptionData ?? {}, 'Anlage 1'),
  });
  const cost = useDocumentFill({
    version: costVersion,
    ajv,
    initialData: asJsonObject(application.costCalculationData ?? {}, 'Anlage 2'),
  });
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [failure, setFailure] = useState<{ error: ApiError; action: 'save' | 'submit' } | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [unlisted, setUnlisted] = useState(0);
  const [focusRequest, setFocusRequest] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const resubmit = application.state === 'CHANGES_REQUESTED';

  const entries: DocumentErrorEntry[] = [
    ...offer.summaryEntries.map((entry) => ({
      ...entry,
      containerId: ANLAGE_1.containerId,
      field: `${ANLAGE_1.label}: ${entry.field}`,
    })),
    ...cost.summaryEntries.map((entry) => ({
      ...entry,
      containerId: ANLAGE_2.containerId,
      field: `${ANLAGE_2.label}: ${entry.field}`,
    })),
  ];

  useEffect(() => {
    if (focusRequest === 0) return;
    const target = failureRef.current ?? summaryRef.current;
    target?.focus();
    target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [focusRequest]);

  const fail = (error: unknown, action: 'save' | 'submit') => {
    setFailure({ error: toApiError(error), action });
    setFocusRequest((n) => n + 1);
  };

  const save = async () => {
    if (busy) return;
    setBusy('save');
    setFailure(null);
    try {
      const [offerData, costData] = await Promise.all([offer.prepare(false), cost.prepare(false)]);
      const { saveApplicationDraft } = await graphqlRequest(saveApplicationDraftMutation, {
        input: {
          id: application.id,
          revision,
          offerDescriptionData: offerData.data,
          costCalculationData: costData.data,
        },
      });
      onRevision(saveApplicationDraft.revision);
      offer.markSaved();
      cost.markSaved();
      setSavedAt(new Date().toISOString());
    } catch (error) {
      fail(error, 'save');
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
      const [offerData, costData] = await Promise.all([offer.prepare(true), cost.prepare(true)]);
      if (!offerData.valid || !costData.valid) {
        setFocusRequest((n) => n + 1);
        return;
      }
      const { submitApplication: payload } = await graphqlRequest(submitApplicationMutation, {
        input: {
          id: application.id,
          revision,
          offerDescriptionData: offerData.data,
          costCalculationData: costData.data,
        },
      });
      if (payload.application) {
        await onSubmitted();
        return;
      }
      const split = splitApplicationErrors(payload.errors);
      offer.setServerErrors(split.offerDescription);
      cost.setServerErrors(split.costCalculation);
      setUnlisted(Math.max(0, payload.errorCount - payload.errors.length));
      setFocusRequest((n) => n + 1);
    } catch (error) {
      fail(error, 'submit');
    } finally {
      setBusy(null);
    }
  };

  const insertSample = (version: RenderableFormVersion, fill: typeof offer) => {
    if (!version.sampleData) return;
    if (
      !window.confirm(`Ihre Eingaben in „${version.title}“ werden durch Beispieldaten ersetzt. Fortfahren?`)
    )
      return;
    void fill.replaceData(structuredClone(version.sampleData) as FormValues);
  };

  const dirty = offer.dirty || cost.dirty;

  return (
    <Box component="section" aria-labelledby="editor-heading">
      <Typography variant="h2" id="editor-heading" sx={{ mb: 1 }}>
        Anlagen bearbeiten
      </Typography>
      <Typography sx={{ mb: 2 }}>
        Pflichtfelder sind mit einem Sternchen (*) gekennzeichnet. Beträge geben Sie in Euro an, z. B.
        1.234,56. Der Entwurf wird auf dem Server gespeichert; eingereicht ist er erst mit „
        {resubmit ? 'Erneut einreichen' : 'Einreichen'}“.
      </Typography>

      {!application.viewerCan.submit && (
        <Alert severity="info" sx={{ mb: 3 }} data-testid="submit-closed">
          Die Frist ist abgelaufen oder der Aufruf ist geschlossen: Sie können den Entwurf noch speichern,
          aber nicht mehr einreichen.
        </Alert>
      )}

      {failure && (
        <Alert
          ref={failureRef}
          severity="error"
          role="alert"
          tabIndex={-1}
          data-testid="editor-failure"
          sx={{ mb: 3 }}
          action={
            isStale(failure.error) ? (
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  if (
                    !window.confirm(
                      'Der gespeicherte Stand wird geladen; Ihre ungespeicherten Eingaben gehen verloren. Fortfahren?',
                    )
                  )
                    return;
                  void onReload();
                }}
              >
                Aktuellen Stand laden
              </Button>
            ) : undefined
          }
        >
          <AlertTitle component="h2" sx={{ fontSize: '1.125rem', fontWeight: 600 }}>
            {failure.action === 'submit' ? 'Einreichen nicht möglich' : 'Speichern nicht möglich'}
          </AlertTitle>
          {isStale(failure.error)
            ? 'Die Interessensbekundung wurde inzwischen an anderer Stelle gespeichert. Laden Sie den aktuellen Stand, bevor Sie weiterarbeiten.'
            : failure.error.message}
          <ErrorCodeNote error={failure.error} />
        </Alert>
      )}

      {entries.length > 0 && (
        <DocumentErrorSummary ref={summaryRef} entries={entries} unlistedCount={unlisted} />
      )}

      {[
        { anlage: ANLAGE_1, version: offerVersion, fill: offer },
        { anlage: ANLAGE_2, version: costVersion, fill: cost },
      ].map(({ anlage, version, fill }) => (
        <Paper
          key={anlage.key}
          component="section"
          variant="outlined"
          aria-labelledby={`${anlage.containerId}-heading`}
          sx={{ p: { xs: 2, md: 3 }, mb: 3 }}
        >
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
            <Typography variant="h3" component="h3" id={`${anlage.containerId}-heading`} sx={{ flex: 1 }}>
              {version.title}{' '}
              <Typography component="span" color="text.secondary">
                (Version {version.number})
              </Typography>
            </Typography>
            {version.sampleData && (
              <Button variant="outlined" size="small" onClick={() => insertSample(version, fill)}>
                Beispieldaten einfügen
                <Box component="span" sx={visuallyHidden}>
                  {' '}
                  in {anlage.label}
                </Box>
              </Button>
            )}
          </Stack>
          <DocumentForm id={anlage.containerId} version={version} ajv={ajv} fill={fill} />
        </Paper>
      ))}

      <Box
        sx={{
          position: 'sticky',
          bottom: 0,
          bgcolor: 'background.paper',
          borderTop: 1,
          borderColor: 'divider',
          py: 2,
          zIndex: 2,
        }}
      >
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
          <Button
            variant="outlined"
            onClick={() => void save()}
            loading={busy === 'save'}
            loadingPosition="start"
            startIcon={<SaveIcon aria-hidden="true" />}
            disabled={busy !== null && busy !== 'save'}
          >
            Entwurf speichern
          </Button>
          {application.viewerCan.submit && (
            <Button
              variant="contained"
              onClick={() => void submit()}
              loading={busy === 'submit'}
              loadingPosition="start"
              startIcon={<SendIcon aria-hidden="true" />}
              disabled={busy !== null && busy !== 'submit'}
              data-testid="submit-application"
            >
              {resubmit ? 'Erneut einreichen' : 'Einreichen'}
            </Button>
          )}
        </Stack>
        <Box role="status" aria-live="polite" sx={{ mt: 1, minHeight: '1.5em' }} data-testid="editor-status">
          {busy === 'save'
            ? 'Der Entwurf wird gespeichert …'
            : busy === 'submit'
              ? 'Die Interessensbekundung wird eingereicht …'
              : dirty
                ? 'Es gibt ungespeicherte Änderungen.'
                : savedAt
                  ? `Entwurf gespeichert am ${formatDateTime(savedAt)}.`
                  : ''}
        </Box>
      </Box>
    </Box>
  );
};
