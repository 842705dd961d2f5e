import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { Alert, Box, Button, Grid, Link, Stack, Tab, Tabs, Typography } from '@mui/material';
import { type ReactNode, useCallback, useMemo, useReducer, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { builder, type FormDefinition, type FormValues } from '../../../form-logic/index.js';
import { getAtPointer } from '../../../form-logic/json-pointer.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorBoundary } from '../app/ErrorBoundary.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { visuallyHidden } from '../app/visually-hidden.js';
import type { BuilderVersionQuery } from '../gql/graphql.js';
import { AdvancedTab } from './AdvancedTab.js';
import { builderVersionQuery, toDefinition } from './api.js';
import {
  builderReducer,
  discardLocalCopy,
  elementForProblem,
  initialBuilderState,
  isDirty,
  keepLocalCopy,
  type LocalCopy,
  readLocalCopy,
} from './builder-state.js';
import { CheckPanel } from './CheckPanel.js';
import { ConflictDialog } from './ConflictDialog.js';
import { CriteriaEditor } from './CriteriaEditor.js';
import { PreviewTab } from './PreviewTab.js';
import { PropertyPanel } from './PropertyPanel.js';
import { StructureEditor } from './StructureEditor.js';
import { useLeaveGuard } from './useLeaveGuard.js';
import { useLiveCheck } from './useLiveCheck.js';
import { useDraftSave } from './useDraftSave.js';

type LoadedVersion = NonNullable<BuilderVersionQuery['formVersion']>;

const versionsPath = (key: string) => `/verwaltung/formulare/${encodeURIComponent(key)}`;

/** The visual form builder for one draft: `/verwaltung/formulare/:key/entwurf/:versionId`. */
export const BuilderPage = () => {
  const { key = '', versionId = '' } = useParams();
  const query = useQuery(builderVersionQuery, { id: versionId });
  useDocumentTitle(
    query.data?.formVersion ? `Entwurf: ${query.data.formVersion.title}` : 'Formular bearbeiten',
  );

  if (query.status === 'loading') return <PageLoading label="Entwurf wird geladen …" />;
  if (query.status === 'error') {
    return (
      <>
        <PageHeading>Formular bearbeiten</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  }
  const version = query.data.formVersion;
  if (!version || version.status !== 'DRAFT') {
    return (
      <>
        <PageHeading>Formular bearbeiten</PageHeading>
        <Alert severity="info" sx={{ my: 2 }}>
          {version
            ? `Version ${version.number} ist kein Entwurf mehr und lässt sich nicht bearbeiten.`
            : 'Diesen Entwurf gibt es nicht.'}{' '}
          <Link component={RouterLink} to={versionsPath(key)}>
            Zu den Versionen des Formulars
          </Link>
        </Alert>
      </>
    );
  }
  try {
    toDefinition(version);
  } catch (error) {
    return (
      <>
        <PageHeading>Formular bearbeiten</PageHeading>
        <ErrorState
          title="Entwurf nicht lesbar"
          message={`${error instanceof Error ? error.message : String(error)} Der Entwurf lässt sich nur über den Import ersetzen.`}
        />
      </>
    );
  }
  return <Builder key={version.id} version={version} formKey={key} />;
};

type TabKey = 'aufbau' | 'vorschau' | 'erweitert' | 'kriterien';

const TAB_LABELS: Record<TabKey, string> = {
  aufbau: 'Aufbau',
  vorschau: 'Vorschau',
  erweitert: 'Erweitert',
  kriterien: 'Kriterien',
};

interface Feedback {
  severity: 'error' | 'warning';
  messages: string[];
  /** Where the action was: the alert is shown there. */
  source: 'tree' | 'panel';
}

const Builder = ({ version, formKey }: { version: LoadedVersion; formKey: string }) => {
  const [state, dispatch] = useReducer(builderReducer, toDefinition(version), initialBuilderState);
  const definition = state.definition;
  const model = useMemo(() => builder.readModel(definition), [definition]);
  const inForce = useMemo(
    () =>
      version.form.published ? toDefinition({ ...version.form.published, formKey: version.formKey }) : null,
    [version],
  );
  const [selected, setSelected] = useState('');
  const [tab, setTab] = useState<TabKey>('aufbau');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<{ id: string; seq: number } | null>(null);
  const [localCopy, setLocalCopy] = useState<LocalCopy | null>(() => readLocalCopy(version.id));
  const check = useLiveCheck(definition);
  const dirty = isDirty(state);
  const hasCriteria = getAtPointer(definition.schema, builder.SCORES_POINTER) !== undefined;
  const selectedNode = model.uiById.get(selected) ?? model.ui;

  const focusEntry = (id: string) => setFocusTarget((current) => ({ id, seq: (current?.seq ?? 0) + 1 }));

  const change = useCallback((next: FormDefinition) => dispatch({ type: 'change', definition: next }), []);

  /** Applies an operation; shows its problems near the action and returns whether it went through. */
  const applyOp = (op: builder.Op, source: Feedback['source'] = 'panel'): boolean => {
    const result = builder.apply(definition, op);
    if (result.problems.length > 0) {
      setFeedback({ severity: 'error', messages: result.problems.map((problem) => problem.message), source });
      return false;
    }
    setFeedback(
      result.warnings.length > 0
        ? { severity: 'warning', messages: result.warnings.map((warning) => warning.message), source }
        : null,
    );
    change(result.definition);
    return true;
  };

  const applyCriteria = (op: builder.Op): builder.ApplyResult => {
    const result = builder.apply(definition, op);
    if (result.problems.length === 0) change(result.definition);
    return result;
  };

  const {
    revision,
    setRevision,
    saving,
    saveStatus,
    setSaveStatus,
    saveErrors,
    conflict,
    setConflict,
    save,
  } = useDraftSave({ versionId: version.id, initialRevision: version.revision, definition, dispatch });

  useLeaveGuard(dirty);

  const loadServer = () => {
    if (!conflict) return;
    if (keepLocalCopy(version.id, definition)) setLocalCopy(readLocalCopy(version.id));
    dispatch({ type: 'load', definition: conflict.server });
    setRevision(conflict.revision);
    setSelected('');
    setConflict(null);
    setSaveStatus(`Server-Fassung (Stand ${conflict.revision}) geladen.`);
  };

  const overwrite = () => {
    if (!conflict) return;
    const target = conflict.revision;
    setConflict(null);
    void save(target);
  };

  const select = (id: string) => {
    setSelected(id);
    setFeedback(null);
  };

  const tabs: TabKey[] = hasCriteria
    ? ['aufbau', 'vorschau', 'erweitert', 'kriterien']
    : ['aufbau', 'vorschau', 'erweitert'];
  const shownTab = tabs.includes(tab) ? tab : 'aufbau';

  return (
    <Box>
      <Link
        component={RouterLink}
        to={versionsPath(formKey)}
        sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, mb: 1 }}
      >
        <ArrowBackIcon fontSize="small" aria-hidden="true" />
        Versionen
      </Link>
      <PageHeading>
        Entwurf bearbeiten: {definition.title} (Version {version.number})
      </PageHeading>
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 2 }}>
        <Button
          variant="contained"
          onClick={() => void save(revision)}
          disabled={saving}
          aria-keyshortcuts="Control+S"
        >
          Entwurf speichern
        </Button>
        <Button
          onClick={() => dispatch({ type: 'undo' })}
          disabled={state.past.length === 0}
          aria-keyshortcuts="Control+Z"
        >
          Rückgängig
        </Button>
        <Button
          onClick={() => dispatch({ type: 'redo' })}
          disabled={state.future.length === 0}
          aria-keyshortcuts="Control+Y"
        >
          Wiederholen
        </Button>
        <Button
          component={RouterLink}
          to={`${versionsPath(formKey)}/veroeffentlichen/${encodeURIComponent(version.id)}`}
        >
          Prüfen und veröffentlichen
        </Button>
        <Typography role="status" data-testid="save-status" variant="body2">
          {saveStatus || (dirty ? 'Ungespeicherte Änderungen' : 'Alle Änderungen gespeichert')}
        </Typography>
      </Stack>
      {saveErrors.length > 0 && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          {saveErrors.map((problem, index) => (
            <div key={index}>{problem.message}</div>
          ))}
        </Alert>
      )}
      {localCopy && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          action={
            <Stack direction="row" spacing={1}>
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  change(localCopy.definition);
                  setAnnouncement('Ihre zwischengespeicherte Fassung wurde wiederhergestellt.');
                }}
              >
                Meine Fassung wiederherstellen
              </Button>
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  discardLocalCopy(version.id);
                  setLocalCopy(null);
                }}
              >
                Verwerfen
              </Button>
            </Stack>
          }
        >
          Ihre Fassung vom {new Date(localCopy.keptAt).toLocaleString('de-DE')} ist in diesem Browser-Tab
          zwischengespeichert.
        </Alert>
      )}
      <Box role="status" aria-live="polite" sx={visuallyHidden} data-testid="builder-announcer">
        {announcement}
      </Box>
      <Tabs
        value={shownTab}
        onChange={(_event, value: TabKey) => setTab(value)}
        aria-label="Ansichten des Entwurfs"
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        {tabs.map((key) => (
          <Tab
            key={key}
            value={key}
            label={TAB_LABELS[key]}
            id={`builder-tab-${key}`}
            aria-controls={`builder-panel-${key}`}
          />
        ))}
      </Tabs>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, lg: 9 }}>
          <TabPanel tab="aufbau" shown={shownTab}>
            <Grid container spacing={3}>
              <Grid size={{ xs: 12, md: 5 }}>
                <StructureEditor
                  definition={definition}
                  model={model}
                  selected={selectedNode.id}
                  onSelect={(id, keepFeedback) => (keepFeedback ? setSelected(id) : select(id))}
                  applyOp={(op) => applyOp(op, 'tree')}
                  onChange={change}
                  onProblem={(message) =>
                    setFeedback({ severity: 'error', messages: [message], source: 'tree' })
                  }
                  announce={setAnnouncement}
                  focusTarget={focusTarget}
                  focusEntry={focusEntry}
                  feedback={
                    feedback?.source === 'tree' ? (
                      <Alert
                        severity={feedback.severity}
                        role="alert"
                        sx={{ mb: 1 }}
                        onClose={() => setFeedback(null)}
                      >
                        {feedback.messages.join(' ')}
                      </Alert>
                    ) : null
                  }
                />
              </Grid>
              <Grid size={{ xs: 12, md: 7 }}>
                <PropertyPanel
                  key={selectedNode.id}
                  definition={definition}
                  model={model}
                  selected={selectedNode.id}
                  onApply={applyOp}
                  onChangeForm={(changes) => change({ ...definition, ...changes })}
                  checkProblems={check.errors}
                  feedback={
                    feedback?.source === 'panel' ? (
                      <Alert
                        severity={feedback.severity}
                        role="alert"
                        sx={{ mb: 2 }}
                        onClose={() => setFeedback(null)}
                      >
                        {feedback.messages.join(' ')}
                      </Alert>
                    ) : null
                  }
                />
              </Grid>
            </Grid>
          </TabPanel>
          <TabPanel tab="vorschau" shown={shownTab}>
            <ErrorBoundary
              fallback={
                <ErrorState
                  title="Vorschau nicht möglich"
                  message="Mit dieser Definition lässt sich das Formular nicht anzeigen. Bitte die Probleme der Prüfung beheben."
                />
              }
            >
              <PreviewTab
                definition={definition}
                onTakeSampleData={(data: FormValues) => {
                  if (applyOp({ op: 'setSampleData', data })) setAnnouncement('Beispieldaten übernommen.');
                }}
              />
            </ErrorBoundary>
          </TabPanel>
          <TabPanel tab="erweitert" shown={shownTab}>
            <AdvancedTab
              definition={definition}
              problems={check.errors}
              onChange={(changes) => change({ ...definition, ...changes })}
            />
          </TabPanel>
          {hasCriteria && (
            <TabPanel tab="kriterien" shown={shownTab}>
              <CriteriaEditor definition={definition} inForce={inForce} onApply={applyCriteria} />
            </TabPanel>
          )}
        </Grid>
        <Grid size={{ xs: 12, lg: 3 }}>
          <CheckPanel
            check={check}
            targetOf={(problem) => elementForProblem(model, problem.path)}
            onShow={(id) => {
              setTab('aufbau');
              setSelected(id);
              focusEntry(id);
            }}
          />
        </Grid>
      </Grid>
      {conflict && (
        <ConflictDialog
          server={conflict.server}
          serverRevision={conflict.revision}
          local={definition}
          busy={saving}
          onLoadServer={loadServer}
          onOverwrite={overwrite}
          onClose={() => setConflict(null)}
        />
      )}
    </Box>
  );
};

/** A tab's panel; its content is mounted only while the tab is shown (the „Erweitert“ editors load lazily). */
const TabPanel = ({ tab, shown, children }: { tab: TabKey; shown: TabKey; children: ReactNode }) => (
  <Box
    role="tabpanel"
    id={`builder-panel-${tab}`}
    aria-labelledby={`builder-tab-${tab}`}
    hidden={tab !== shown}
  >
    {tab === shown ? children : null}
  </Box>
);
