import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/errors.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import type { FieldError } from '../../../form-logic/index.js';
import { type AdminVersion, createDraft, currentRevisionOf, importFormDefinition } from './api.js';
import { readDefinitionFile } from './import-file.js';

type Target = Pick<AdminVersion, 'id' | 'number' | 'revision'>;

type Failure = {
  text: string;
  errors?: FieldError[];
  error?: ApiError;
  /** Set when the draft was saved meanwhile: replacing it at this revision is offered. */
  retry?: { definition: unknown; target: Target };
};

/**
 * „Definition importieren“: a JSON file in the form-definitions/ format or a JSON Schema (with or
 * without UI schema) replaces the content of the form's draft; a draft is started when there is none.
 */
export const ImportDefinition = ({
  formKey,
  draft,
  canCreateDraft,
  onImported,
}: {
  formKey: string;
  draft: Target | null;
  canCreateDraft: boolean;
  onImported: (draftId: string) => void;
}) => {
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const failureRef = useRef<HTMLDivElement>(null);
  const [fileName, setFileName] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [confirming, setConfirming] = useState<unknown>(undefined);

  useEffect(() => {
    if (failure) failureRef.current?.focus();
  }, [failure]);

  if (!draft && !canCreateDraft) return null;

  /** Imports into `target` (else the draft, else a new draft); a stale revision is offered for a retry. */
  const importInto = async (definition: unknown, given?: Target) => {
    let target = given ?? draft;
    let created = false;
    if (!target) {
      target = await createDraft(formKey);
      created = true;
    }
    const into = target;
    try {
      await importAt(definition, into, created);
    } catch (caught) {
      const error = toApiError(caught);
      const revision = currentRevisionOf(error);
      if (revision === undefined) throw error;
      setFailure({
        text: 'Der Entwurf wurde inzwischen gespeichert, die Datei noch nicht übernommen. Soll sie den jetzt gespeicherten Stand ersetzen?',
        retry: { definition, target: { ...into, revision } },
      });
    }
  };

  const importAt = async (definition: unknown, target: Target, created: boolean) => {
    const payload = await importFormDefinition({
      draftId: target.id,
      expectedRevision: target.revision,
      definition,
    });
    if (payload.errors.length > 0) {
      const more = payload.errorCount - payload.errors.length;
      setFailure({
        text: `Die Datei wurde nicht übernommen${created ? `; der neue Entwurf Version ${target.number} ist unverändert` : ''}. Bitte beheben Sie diese Probleme:${more > 0 ? ` (und ${more} weitere)` : ''}`,
        errors: payload.errors,
      });
      return;
    }
    onImported(target.id);
  };

  const start = async () => {
    setFailure(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setFailure({ text: 'Bitte wählen Sie eine JSON-Datei aus.' });
      return;
    }
    const read = await readDefinitionFile(file);
    if (!read.ok) {
      setFailure({ text: read.message });
      return;
    }
    if (draft) {
      setConfirming(read.definition);
      return;
    }
    await run(read.definition);
  };

  const run = async (definition: unknown, target?: Target) => {
    setBusy(true);
    setFailure(null);
    try {
      await importInto(definition, target);
    } catch (caught) {
      const error = toApiError(caught);
      setFailure({ text: error.message, error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper component="section" variant="outlined" aria-labelledby={headingId} sx={{ p: 2, mt: 4 }}>
      <Typography id={headingId} component="h2" variant="h2" gutterBottom>
        Definition importieren
      </Typography>
      <Typography id={hintId} sx={{ mb: 2, maxWidth: '75ch' }}>
        Eine JSON-Datei im Format der Formulardefinitionen (zum Beispiel ein Export) oder ein JSON Schema,
        wahlweise mit UI-Schema als {'{ "schema": …, "uischema": … }'}. Fehlt das UI-Schema, wird eines
        erzeugt.{' '}
        {draft
          ? `Der Inhalt ersetzt den Entwurf Version ${draft.number}.`
          : 'Dafür wird ein neuer Entwurf angelegt.'}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
        <Box>
          <Box component="label" htmlFor={inputId} sx={{ display: 'block', fontWeight: 'bold', mb: 0.5 }}>
            JSON-Datei
          </Box>
          <Box
            component="input"
            id={inputId}
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            aria-describedby={hintId}
            onChange={(event: ChangeEvent<HTMLInputElement>) => {
              setFailure(null);
              setFileName(event.target.files?.[0]?.name ?? null);
            }}
            sx={{ '&:focus-visible': { outline: '3px solid #0d47a1', outlineOffset: 2 } }}
          />
        </Box>
        <Button
          variant="contained"
          startIcon={<UploadFileIcon aria-hidden="true" />}
          onClick={() => void start()}
          disabled={busy || !fileName}
        >
          Importieren
        </Button>
      </Stack>
      <Box role="status" aria-live="polite" sx={{ mt: 1 }}>
        {busy && <Typography>Die Datei wird geprüft und übernommen …</Typography>}
      </Box>
      {failure && (
        <Alert severity="error" role="alert" ref={failureRef} tabIndex={-1} sx={{ mt: 2 }}>
          {failure.text}
          {failure.errors && (
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {failure.errors.map((error, index) => (
                <li key={index}>
                  {error.message}
                  {error.path && (
                    <>
                      {' '}
                      (<code>{error.path}</code>)
                    </>
                  )}
                </li>
              ))}
            </Box>
          )}
          {failure.retry && (
            <Box sx={{ mt: 1 }}>
              <Button
                variant="outlined"
                color="inherit"
                size="small"
                disabled={busy}
                onClick={() => void run(failure.retry!.definition, failure.retry!.target)}
              >
                Gespeicherten Stand ersetzen
              </Button>
            </Box>
          )}
          <ErrorCodeNote error={failure.error} />
        </Alert>
      )}
      {confirming !== undefined && draft && (
        <ConfirmDialog
          title={`Entwurf Version ${draft.number} ersetzen?`}
          text={`Titel, Beschreibung, Felder, Anordnung und Beispieldaten des Entwurfs werden durch den Inhalt der Datei „${fileName ?? ''}“ ersetzt.`}
          confirmLabel="Ersetzen"
          onClose={() => setConfirming(undefined)}
          onConfirm={async () => {
            const definition = confirming;
            setConfirming(undefined);
            await run(definition);
          }}
        />
      )}
    </Paper>
  );
};
