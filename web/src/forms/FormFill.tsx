import SendIcon from '@mui/icons-material/Send';
import { Alert, AlertTitle, Box, Button, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import { createFormAjv } from '../../../form-logic/index.js';
import { formatDateTime } from '../app/format.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import type { RenderableFormVersionFragment } from '../gql/graphql.js';
import { toRenderableVersion } from './api.js';
import { ErrorSummary } from './ErrorSummary.js';
import { FormView } from './FormView.js';
import { type CarriedOverFill, useFormFill } from './useFormFill.js';

interface FormFillProps {
  version: RenderableFormVersionFragment;
  carriedOver?: CarriedOverFill;
  /** Called when the server says a newer version was published; hands over the current fill. */
  onOutdated: (fill: CarriedOverFill) => void;
}

/** The fillable form of one version: notices, error summary, the form itself and its buttons. */
export const FormFill = ({ version: fetched, carriedOver, onOutdated }: FormFillProps) => {
  const navigate = useNavigate();
  // Throws for a broken version; FormPage's error boundary shows that instead of the form.
  const version = useMemo(() => toRenderableVersion(fetched), [fetched]);
  const ajv = useMemo(() => createFormAjv(), []);
  const fill = useFormFill({
    version,
    ajv,
    carriedOver,
    onSubmitted: (submissionId) => navigate(`/submissions/${encodeURIComponent(submissionId)}`),
  });
  const hasMoneyFields = useMemo(
    () => JSON.stringify(version.schema).includes('"format":"cents"'),
    [version.schema],
  );
  const summaryRef = useRef<HTMLDivElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);

  const { status, focusRequest, summaryEntries, unlistedServerErrors } = fill;
  // Focus follows each submit attempt, counted by focusRequest; status is read, not watched.
  useEffect(() => {
    if (focusRequest === 0) return;
    const target = status.kind === 'failed' ? failureRef.current : summaryRef.current;
    target?.focus();
    target?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusRequest]);

  const submitting = status.kind === 'submitting';
  const showSummary = summaryEntries.length > 0;

  const onInsertSample = () => {
    if (
      fill.hasData &&
      !window.confirm(
        'Ihre bisherigen Eingaben werden durch die Beispieldaten ersetzt. Möchten Sie fortfahren?',
      )
    ) {
      return;
    }
    void fill.insertSampleData();
  };

  const onDiscard = () => {
    if (!window.confirm('Möchten Sie alle Eingaben in diesem Formular löschen?')) return;
    void fill.discard();
  };

  return (
    <Box>
      {fill.restoredAt && (
        <Alert severity="info" sx={{ mb: 3 }} data-testid="draft-restored">
          Ihre Eingaben vom {formatDateTime(fill.restoredAt)} wurden wiederhergestellt.
        </Alert>
      )}

      {status.kind === 'failed' && (
        <Alert
          ref={failureRef}
          severity="error"
          role="alert"
          tabIndex={-1}
          data-testid="submit-failure"
          sx={{ mb: 3, '&:focus': { outline: '3px solid #0d47a1', outlineOffset: '2px' } }}
          action={
            status.error.code === 'FORM_VERSION_OUTDATED' ? (
              <Button color="inherit" size="small" onClick={() => onOutdated(fill.currentFill())}>
                Neue Fassung laden
              </Button>
            ) : status.error.code === 'CONFLICT' ? (
              <Button color="inherit" size="small" onClick={fill.submitAsNew}>
                Als neue Einreichung absenden
              </Button>
            ) : undefined
          }
        >
          <AlertTitle component="h2" sx={{ fontSize: '1.125rem', fontWeight: 600 }}>
            Absenden nicht möglich
          </AlertTitle>
          {status.error.message}
          <ErrorCodeNote error={status.error} />
        </Alert>
      )}

      {showSummary && (
        <ErrorSummary ref={summaryRef} entries={summaryEntries} unlistedCount={unlistedServerErrors} />
      )}

      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 3 }}>
        <Typography sx={{ flex: '1 1 20rem' }}>
          Pflichtfelder sind mit einem Sternchen (*) gekennzeichnet.
          {hasMoneyFields && ' Beträge geben Sie in Euro an, z. B. 1.234,56.'}
        </Typography>
        {version.sampleData && (
          <Button variant="outlined" onClick={onInsertSample} disabled={submitting}>
            Beispieldaten einfügen
          </Button>
        )}
      </Stack>

      <Box
        component="form"
        noValidate
        aria-label={version.title}
        onBlur={fill.handleFocusOut}
        onSubmit={(event) => {
          event.preventDefault();
          void fill.submit();
        }}
      >
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

        <Box sx={{ mt: 4, pt: 3, borderTop: 1, borderColor: 'divider' }}>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2, alignItems: 'center' }}>
            <Button
              type="submit"
              variant="contained"
              size="large"
              loading={submitting}
              loadingPosition="start"
              startIcon={<SendIcon aria-hidden="true" />}
              data-testid="submit-form"
            >
              Absenden
            </Button>
            {fill.hasData && (
              <Button variant="text" onClick={onDiscard} disabled={submitting}>
                Eingaben verwerfen
              </Button>
            )}
          </Stack>
          <Box role="status" aria-live="polite" sx={{ mt: 1.5, minHeight: '1.5em' }}>
            {submitting && <Typography>Ihre Angaben werden gesendet …</Typography>}
          </Box>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            Ihre Eingaben werden bis zum Absenden in diesem Browser zwischengespeichert, damit nichts verloren
            geht.
          </Typography>
        </Box>
      </Box>
    </Box>
  );
};
