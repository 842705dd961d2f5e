import { type Dispatch, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FieldError, FormDefinition } from '../../../form-logic/index.js';
import { graphqlRequest } from '../api/client.js';
import { toApiError } from '../api/errors.js';
import { builderVersionQuery, saveDraft, toDefinition } from './api.js';
import { type BuilderAction, savedAtText } from './builder-state.js';

/** The server's content after a stale save, for the conflict dialog. */
export interface SaveConflict {
  server: FormDefinition;
  revision: number;
}

/**
 * Saving the builder's draft with its revision (optimistic locking): the status for the live region,
 * the field errors of a refused save and, after a stale save, the server's content. Ctrl+S saves,
 * Ctrl+Z / Ctrl+Y undo and redo (outside text fields, which keep their own undo).
 */
export function useDraftSave({
  versionId,
  initialRevision,
  definition,
  dispatch,
}: {
  versionId: string;
  initialRevision: number;
  definition: FormDefinition;
  dispatch: Dispatch<BuilderAction>;
}) {
  const [revision, setRevision] = useState(initialRevision);
  const [saveStatus, setSaveStatus] = useState('');
  const [saveErrors, setSaveErrors] = useState<FieldError[]>([]);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<SaveConflict | null>(null);

  const save = async (expectedRevision: number) => {
    const snapshot = definition;
    setSaving(true);
    setSaveStatus('Wird gespeichert …');
    try {
      const payload = await saveDraft({ id: versionId, expectedRevision, definition: snapshot });
      if (payload.formVersion) {
        setRevision(payload.formVersion.revision);
        dispatch({ type: 'saved', definition: snapshot });
        setSaveErrors([]);
        setSaveStatus(savedAtText(new Date()));
      } else {
        setSaveErrors(payload.errors);
        setSaveStatus(
          `Nicht gespeichert: ${payload.errorCount === 1 ? 'ein Problem' : `${payload.errorCount} Probleme`} (siehe unten).`,
        );
      }
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'CONFLICT' && error.reason === 'STALE_REVISION') {
        setSaveStatus('Nicht gespeichert: Jemand hat diesen Entwurf inzwischen gespeichert.');
        try {
          const { formVersion } = await graphqlRequest(builderVersionQuery, { id: versionId });
          if (formVersion) setConflict({ server: toDefinition(formVersion), revision: formVersion.revision });
        } catch (reload) {
          setSaveStatus(`Nicht gespeichert: ${toApiError(reload).message}`);
        }
      } else {
        setSaveStatus(`Nicht gespeichert: ${error.message}`);
      }
    } finally {
      setSaving(false);
    }
  };

  const saveRef = useRef(save);
  const revisionRef = useRef(revision);
  const savingRef = useRef(saving);
  useLayoutEffect(() => {
    saveRef.current = save;
    revisionRef.current = revision;
    savingRef.current = saving;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        // A field being typed in hands its text over when it loses focus; then the save sees it.
        const active = document.activeElement;
        if (active instanceof HTMLElement && active !== document.body) {
          active.blur();
          active.focus();
        }
        setTimeout(() => {
          if (!savingRef.current) void saveRef.current(revisionRef.current);
        }, 0);
        return;
      }
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (key === 'z' || key === 'y') {
        event.preventDefault();
        dispatch({ type: key === 'y' || event.shiftKey ? 'redo' : 'undo' });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dispatch]);

  return {
    revision,
    setRevision,
    saving,
    saveStatus,
    setSaveStatus,
    saveErrors,
    conflict,
    setConflict,
    save,
  };
}
