import SaveIcon from '@mui/icons-material/Save';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Grid,
  Link,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import type { ApiError, GraphQLErrorEntry } from '../api/errors.js';
import { toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { ReportDatasetsQuery } from '../gql/graphql.js';
import { previewReportQuery, reportDatasetsQuery, reportDefinitionQuery, saveReportMutation } from './api.js';
import {
  CHART_TYPE_LABELS,
  definitionOf,
  draftFromDefinition,
  draftProblems,
  FILTER_KEY_LABELS,
  keyFromTitle,
  newDraft,
  type ReportDraft,
  toggle,
  updateDraft,
} from './editor-state.js';
import { EMPTY_FILTERS, reportPath } from './report-filters.js';
import type { ReportChartType } from './report-types.js';
import { ReportSkeleton, ReportView } from './ReportView.js';
import { useDebounced } from './useDebounced.js';

type Dataset = ReportDatasetsQuery['reportDatasets'][number];
interface Problem {
  path: string;
  message: string;
}

/** The field errors a BAD_USER_INPUT answer carries in its extensions. */
const fieldErrorsOf = (error: ApiError): Problem[] => {
  const entries = Array.isArray(error.cause) ? (error.cause as GraphQLErrorEntry[]) : [];
  const raw = (entries[0]?.extensions as { fieldErrors?: unknown } | undefined)?.fieldErrors;
  return Array.isArray(raw)
    ? raw.flatMap((entry: { path?: unknown; message?: unknown }) =>
        typeof entry?.message === 'string'
          ? [{ path: typeof entry.path === 'string' ? entry.path : '', message: entry.message }]
          : [],
      )
    : [];
};

interface ChoiceGroupProps {
  legend: string;
  options: readonly { key: string; label: string }[];
  chosen: readonly string[];
  onChange: (chosen: string[]) => void;
  testId: string;
}

/** A group of checkboxes in a fieldset; the order of choosing is the order of the columns. */
const ChoiceGroup = ({ legend, options, chosen, onChange, testId }: ChoiceGroupProps) => (
  <FormControl component="fieldset" variant="standard" data-testid={testId}>
    <FormLabel component="legend">{legend}</FormLabel>
    {options.length === 0 ? (
      <Typography variant="body2" color="text.secondary">
        Keine Auswahl möglich.
      </Typography>
    ) : (
      <FormGroup>
        {options.map((option) => (
          <FormControlLabel
            key={option.key}
            control={
              <Checkbox
                checked={chosen.includes(option.key)}
                onChange={(event) => onChange(toggle(chosen, option.key, event.target.checked))}
              />
            }
            label={option.label}
          />
        ))}
      </FormGroup>
    )}
  </FormControl>
);

interface PreviewProps {
  /** The definition as JSON text (stable while unchanged). */
  definition: string;
  onProblems: (problems: Problem[]) => void;
}

/** The live preview: runs the unsaved definition on real data; its field errors go to the problem list. */
const Preview = ({ definition, onProblems }: PreviewProps) => {
  const preview = useQuery(previewReportQuery, {
    definition: JSON.parse(definition) as unknown,
    filters: null,
  });
  const problems = preview.status === 'error' ? fieldErrorsOf(preview.error) : [];
  const problemsKey = JSON.stringify(problems);
  useEffect(() => onProblems(JSON.parse(problemsKey) as Problem[]), [problemsKey, onProblems]);
  if (preview.status === 'loading') return <ReportSkeleton height={240} />;
  if (preview.status === 'error') {
    return problems.length > 0 ? (
      <Typography color="text.secondary">Die Vorschau erscheint, sobald die Probleme gelöst sind.</Typography>
    ) : (
      <ErrorState error={preview.error} onRetry={preview.reload} />
    );
  }
  return (
    <Box data-testid="report-preview">
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }} gutterBottom>
        {preview.data.previewReport.title}
      </Typography>
      <ReportView
        result={preview.data.previewReport}
        filters={EMPTY_FILTERS}
        chartHeight={260}
        showExports={false}
      />
    </Box>
  );
};

interface EditorProps {
  datasets: readonly Dataset[];
  initial: ReportDraft;
  isNew: boolean;
}

const Editor = ({ datasets, initial, isNew }: EditorProps) => {
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [keyTouched, setKeyTouched] = useState(!isNew);
  const [saving, setSaving] = useState(false);
  const [saveProblems, setSaveProblems] = useState<Problem[]>([]);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const location = useLocation();
  const savedBefore = (location.state as { saved?: unknown } | null)?.saved;
  // A new report arrives here after its first save (the address changes to its key).
  const [saved, setSaved] = useState<{ key: string; version: number } | null>(
    typeof savedBefore === 'number' ? { key: initial.key, version: savedBefore } : null,
  );
  const dataset = datasets.find((candidate) => candidate.key === draft.dataset);
  const change = (next: Partial<ReportDraft>) => {
    setSaved(null);
    setDraft((current) => updateDraft(current, next));
  };

  const localProblems = draftProblems(draft);
  const definition = useMemo(() => definitionOf(draft), [draft]);
  const settled = useDebounced(localProblems.length === 0 ? JSON.stringify(definition) : null, 400);
  const [previewProblems, setPreviewProblems] = useState<Problem[]>([]);
  const problems: Problem[] = [
    ...localProblems.map((message) => ({ path: '', message })),
    ...(settled ? previewProblems : []),
    ...saveProblems,
  ];

  const labelOf = (key: string) =>
    [...(dataset?.dimensions ?? []), ...(dataset?.measures ?? [])].find((field) => field.key === key)
      ?.label ?? key;

  const save = async () => {
    setSaving(true);
    setSaveError(null);
    setSaveProblems([]);
    try {
      const answer = await graphqlRequest(saveReportMutation, {
        definition,
        expectedVersion: draft.version,
      });
      const result = answer.saveReport;
      if (result.report) {
        setSaved({ key: result.report.key, version: result.report.version });
        setDraft((current) => ({ ...current, version: result.report!.version }));
        if (isNew) {
          void navigate(`/verwaltung/berichte/${encodeURIComponent(result.report.key)}`, {
            replace: true,
            state: { saved: result.report.version },
          });
        }
      } else {
        setSaveProblems(result.errors);
      }
    } catch (error) {
      setSaveError(toApiError(error));
    } finally {
      setSaving(false);
    }
  };

  const conflict = saveError?.code === 'CONFLICT';

  return (
    <Grid container spacing={3}>
      <Grid size={{ xs: 12, md: 5 }}>
        <Paper
          component="form"
          variant="outlined"
          aria-label="Bericht"
          sx={{ p: 2 }}
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Stack spacing={2}>
            <TextField
              id="report-title"
              label="Titel"
              required
              value={draft.title}
              onChange={(event) =>
                change({
                  title: event.target.value,
                  ...(keyTouched ? {} : { key: keyFromTitle(event.target.value) }),
                })
              }
            />
            <TextField
              id="report-key"
              label="Schlüssel"
              required
              value={draft.key}
              disabled={!isNew}
              helperText="Teil der Adresse /berichte/…; Kleinbuchstaben, Ziffern, Bindestriche"
              onChange={(event) => {
                setKeyTouched(true);
                change({ key: event.target.value });
              }}
            />
            <TextField
              id="report-description"
              label="Beschreibung"
              multiline
              minRows={2}
              value={draft.description}
              onChange={(event) => change({ description: event.target.value })}
            />
            <TextField
              select
              id="report-dataset"
              label="Datenbestand"
              required
              value={draft.dataset}
              onChange={(event) => change({ dataset: event.target.value })}
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              <option value="">Bitte wählen</option>
              {datasets.map((candidate) => (
                <option key={candidate.key} value={candidate.key}>
                  {candidate.label}
                </option>
              ))}
            </TextField>
            {dataset && (
              <>
                <ChoiceGroup
                  legend="Dimensionen (gruppieren nach)"
                  testId="report-dimensions"
                  options={dataset.dimensions}
                  chosen={draft.dimensions}
                  onChange={(dimensions) => change({ dimensions })}
                />
                <ChoiceGroup
                  legend="Kennzahlen"
                  testId="report-measures"
                  options={dataset.measures}
                  chosen={draft.measures}
                  onChange={(measures) => change({ measures })}
                />
                <ChoiceGroup
                  legend="Filter"
                  testId="report-filters"
                  options={dataset.filterKeys.map((key) => ({ key, label: FILTER_KEY_LABELS[key] ?? key }))}
                  chosen={draft.filterKeys}
                  onChange={(filterKeys) => change({ filterKeys })}
                />
                {draft.filterKeys.includes('years') && (
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={draft.currentYearByDefault}
                        onChange={(event) => change({ currentYearByDefault: event.target.checked })}
                      />
                    }
                    label="Ohne gewähltes Jahr das laufende Haushaltsjahr zeigen"
                  />
                )}
                <FormControl component="fieldset">
                  <FormLabel component="legend">Diagramm</FormLabel>
                  <RadioGroup
                    row
                    value={draft.chartType}
                    onChange={(event) => change({ chartType: event.target.value as ReportChartType })}
                  >
                    {(Object.keys(CHART_TYPE_LABELS) as ReportChartType[]).map((type) => (
                      <FormControlLabel
                        key={type}
                        value={type}
                        control={<Radio />}
                        label={CHART_TYPE_LABELS[type]}
                      />
                    ))}
                  </RadioGroup>
                </FormControl>
                {draft.chartType !== 'TABLE' && (
                  <>
                    <TextField
                      select
                      id="report-x"
                      label={draft.chartType === 'PIE' ? 'Segmente nach' : 'x-Achse'}
                      value={draft.x}
                      onChange={(event) => change({ x: event.target.value })}
                      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
                    >
                      {draft.dimensions.length === 0 && <option value="">Erst eine Dimension wählen</option>}
                      {draft.dimensions.map((key) => (
                        <option key={key} value={key}>
                          {labelOf(key)}
                        </option>
                      ))}
                    </TextField>
                    <ChoiceGroup
                      legend={draft.chartType === 'PIE' ? 'Wert (eine Kennzahl)' : 'Reihen im Diagramm'}
                      testId="report-series"
                      options={draft.measures.map((key) => ({ key, label: labelOf(key) }))}
                      chosen={draft.series}
                      onChange={(series) =>
                        change({ series: draft.chartType === 'PIE' ? series.slice(-1) : series })
                      }
                    />
                  </>
                )}
              </>
            )}
            <Box role="status" aria-live="polite">
              {problems.length > 0 && (
                <Alert severity="warning" data-testid="report-problems">
                  <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 700 }}>
                    Noch zu klären
                  </Typography>
                  <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
                    {problems.map((problem, index) => (
                      <li key={`${problem.path}-${index}`}>{problem.message}</li>
                    ))}
                  </ul>
                </Alert>
              )}
              {saved && (
                <Alert severity="success" data-testid="report-saved">
                  Gespeichert als Version {saved.version}.{' '}
                  <Link component={RouterLink} to={reportPath(saved.key)}>
                    Bericht ansehen
                  </Link>
                </Alert>
              )}
            </Box>
            {saveError &&
              (conflict ? (
                <Alert
                  severity="error"
                  role="alert"
                  data-testid="report-conflict"
                  action={
                    <Button color="inherit" size="small" onClick={() => window.location.reload()}>
                      Aktuelle Fassung laden
                    </Button>
                  }
                >
                  {saveError.message} Ihre Änderungen sind nicht gespeichert.
                </Alert>
              ) : (
                <ErrorState title="Speichern fehlgeschlagen" error={saveError} />
              ))}
            <Box>
              <Button
                type="submit"
                variant="contained"
                startIcon={<SaveIcon aria-hidden="true" />}
                disabled={saving || localProblems.length > 0}
              >
                Speichern
              </Button>
            </Box>
          </Stack>
        </Paper>
      </Grid>
      <Grid size={{ xs: 12, md: 7 }}>
        <Paper component="section" variant="outlined" aria-labelledby="report-preview-heading" sx={{ p: 2 }}>
          <Typography component="h2" variant="h3" id="report-preview-heading" gutterBottom>
            Vorschau
          </Typography>
          {settled ? (
            <Preview definition={settled} onProblems={setPreviewProblems} />
          ) : (
            <Typography color="text.secondary">
              Die Vorschau erscheint, sobald Titel, Schlüssel, Datenbestand und Kennzahlen gewählt sind.
            </Typography>
          )}
        </Paper>
      </Grid>
    </Grid>
  );
};

const EditorFrame = ({ title, children }: { title: string; children: ReactNode }) => {
  useDocumentTitle(title);
  return (
    <>
      <Link component={RouterLink} to="/verwaltung/berichte" sx={{ display: 'inline-block', mb: 1 }}>
        Zu den Berichten
      </Link>
      <PageHeading>{title}</PageHeading>
      {children}
    </>
  );
};

const NewReportEditor = () => {
  const datasets = useQuery(reportDatasetsQuery);
  return (
    <EditorFrame title="Neuer Bericht">
      {datasets.status === 'loading' && <PageLoading label="Editor wird geladen …" />}
      {datasets.status === 'error' && <ErrorState error={datasets.error} onRetry={datasets.reload} />}
      {datasets.status === 'success' && (
        <Editor datasets={datasets.data.reportDatasets} initial={newDraft()} isNew />
      )}
    </EditorFrame>
  );
};

const StoredReportEditor = ({ reportKey }: { reportKey: string }) => {
  const datasets = useQuery(reportDatasetsQuery);
  const stored = useQuery(reportDefinitionQuery, { key: reportKey });
  const failed = datasets.status === 'error' ? datasets : stored.status === 'error' ? stored : null;
  return (
    <EditorFrame title="Bericht bearbeiten">
      {failed?.status === 'error' ? (
        <ErrorState error={failed.error} onRetry={failed.reload} />
      ) : datasets.status === 'success' && stored.status === 'success' ? (
        <Editor
          key={reportKey}
          datasets={datasets.data.reportDatasets}
          initial={draftFromDefinition(stored.data.reportDefinition)}
          isNew={false}
        />
      ) : (
        <PageLoading label="Editor wird geladen …" />
      )}
    </EditorFrame>
  );
};

/** `/verwaltung/berichte/neu` and `/verwaltung/berichte/:key`: compose a report by pickers, with live preview. */
export const ReportEditorPage = () => {
  const { key } = useParams();
  return key === undefined ? <NewReportEditor /> : <StoredReportEditor key={key} reportKey={key} />;
};
