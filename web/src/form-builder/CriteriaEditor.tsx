import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Box,
  Button,
  FormControlLabel,
  IconButton,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  builder,
  createFormAjv,
  type FieldError,
  type FormDefinition,
  type FormValues,
} from '../../../form-logic/index.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import { FormView } from '../forms/FormView.js';
import { NestedHeadings } from '../forms/headings.js';
import {
  compareSampleScore,
  type CriterionEntry,
  criterionKeyFor,
  formatNumber,
  formatScore,
  formatScoreDifference,
  parseDecimal,
  readCriteria,
  scoresSchemaOf,
} from './criteria-model.js';

export interface CriteriaEditorProps {
  definition: FormDefinition;
  inForce: FormDefinition | null;
  onApply: (op: builder.Op) => builder.ApplyResult;
}

type Apply = CriteriaEditorProps['onApply'];

/**
 * Local state of an input that follows `source` whenever `source` changes (by value) from outside,
 * e.g. after undo or a reload; typing changes only the local state.
 */
const useFollowingState = <S, T>(source: S, toLocal: (source: S, current: T | undefined) => T) => {
  const key = JSON.stringify(source);
  const [local, setLocal] = useState<T>(() => toLocal(source, undefined));
  const [seen, setSeen] = useState(key);
  if (seen !== key) {
    setSeen(key);
    setLocal(toLocal(source, local));
  }
  return [local, setLocal] as const;
};

const WEIGHT_MESSAGE = 'Bitte geben Sie eine Zahl größer als 0 ein, z. B. 2 oder 1,5.';

/** The messages of a refused operation, or nothing. */
const ProblemList = ({ problems }: { problems: readonly FieldError[] }) =>
  problems.length === 0 ? null : (
    <Alert severity="error" role="alert" sx={{ mt: 1 }}>
      {problems.length === 1 ? (
        problems[0]!.message
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </Box>
      )}
    </Alert>
  );

/**
 * The criteria tab of the form builder for scoring sheets (Anlage 3): criteria with title,
 * description and weight, their described scales, adding and removing criteria, the resulting scoring
 * sheet and how the weighted score of a sample application changes against the version in force.
 * Every change goes through `onApply`; the builder page owns the definition and saves it.
 */
export const CriteriaEditor = ({ definition, inForce, onApply }: CriteriaEditorProps) => {
  const criteria = useMemo(() => readCriteria(definition), [definition]);
  const [status, setStatus] = useState('');
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusRequest, setFocusRequest] = useState(0);
  // After the commit that removed the criterion and its dialog, so the dialog's focus return does not win.
  useEffect(() => {
    if (focusRequest > 0) headingRef.current?.focus();
  }, [focusRequest]);

  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography
        id={headingId}
        ref={headingRef}
        tabIndex={-1}
        component="h2"
        variant="h2"
        gutterBottom
        sx={{ '&:focus': { outline: 'none' }, '&:focus-visible': { outline: '3px solid #0d47a1' } }}
      >
        Kriterien und Gewichtung
      </Typography>
      <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
        Jedes Kriterium wird auf seiner Skala bewertet und mit seiner Gewichtung in die gewichtete
        Gesamtbewertung übernommen. Änderungen gelten für den Entwurf und werden mit ihm gespeichert.
      </Typography>
      <Box role="status" aria-live="polite" sx={{ mb: status ? 2 : 0 }}>
        {status && <Alert severity="success">{status}</Alert>}
      </Box>
      {criteria.length === 0 ? (
        <Alert severity="info">Dieses Formular hat noch keine gewichteten Kriterien.</Alert>
      ) : (
        <Stack spacing={2} component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {criteria.map((criterion) => (
            <li key={criterion.key}>
              <CriterionCard
                criterion={criterion}
                canRemove={criteria.length > 1}
                onApply={onApply}
                onStatus={setStatus}
                // The removed criterion's button is gone: keyboard users continue from the tab's heading.
                onRemoved={() => setFocusRequest((n) => n + 1)}
              />
            </li>
          ))}
        </Stack>
      )}
      <AddCriterion definition={definition} onApply={onApply} onStatus={setStatus} />
      <WeightOverview definition={definition} inForce={inForce} criteria={criteria} />
      <ScoringSheetPreview definition={definition} inForce={inForce} onApply={onApply} onStatus={setStatus} />
    </Box>
  );
};

/** One criterion: title, description, weight, its scale, and removing it. */
const CriterionCard = ({
  criterion,
  canRemove,
  onRemoved,
  onApply,
  onStatus,
}: {
  criterion: CriterionEntry;
  canRemove: boolean;
  onRemoved: () => void;
  onApply: Apply;
  onStatus: (text: string) => void;
}) => {
  const headingId = useId();
  // A change from outside (undo, another tab, reload) shows in the fields.
  const [title, setTitle] = useFollowingState(criterion.title, (value) => value);
  const [description, setDescription] = useFollowingState(criterion.description, (value) => value);
  const [weight, setWeight] = useFollowingState<number, string>(criterion.weight, (value, current) =>
    current !== undefined && parseDecimal(current) === value ? current : String(value),
  );
  const [fieldProblems, setFieldProblems] = useState<
    Partial<Record<'title' | 'description' | 'weight', string>>
  >({});
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [removeProblems, setRemoveProblems] = useState<FieldError[]>([]);

  const update = (field: 'title' | 'description' | 'weight', op: builder.Op) => {
    const result = onApply(op);
    setFieldProblems((current) => ({ ...current, [field]: result.problems[0]?.message }));
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2 }}>
      <Typography id={headingId} component="h3" variant="h3" gutterBottom>
        {criterion.title}
      </Typography>
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems="flex-start">
          <TextField
            label="Bezeichnung"
            value={title}
            required
            fullWidth
            onChange={(event) => {
              setTitle(event.target.value);
              update('title', { op: 'updateCriterion', key: criterion.key, title: event.target.value });
            }}
            error={Boolean(fieldProblems.title)}
            helperText={fieldProblems.title}
          />
          <TextField
            label="Gewichtung"
            type="number"
            value={weight}
            required
            slotProps={{ htmlInput: { min: 0, step: 0.5 } }}
            sx={{ width: { sm: '16rem' }, flexShrink: 0 }}
            onChange={(event) => {
              setWeight(event.target.value);
              const value = parseDecimal(event.target.value);
              if (!Number.isFinite(value) || value <= 0) {
                setFieldProblems((current) => ({ ...current, weight: WEIGHT_MESSAGE }));
                return;
              }
              update('weight', { op: 'updateCriterion', key: criterion.key, weight: value });
            }}
            error={Boolean(fieldProblems.weight)}
            helperText={
              fieldProblems.weight ??
              `Anteil an der Gesamtbewertung: ${formatNumber(Math.round(criterion.share * 10) / 10)} %`
            }
          />
        </Stack>
        <TextField
          label="Beschreibung"
          value={description}
          multiline
          minRows={2}
          onChange={(event) => {
            setDescription(event.target.value);
            update('description', {
              op: 'updateCriterion',
              key: criterion.key,
              description: event.target.value.trim() === '' ? null : event.target.value,
            });
          }}
          error={Boolean(fieldProblems.description)}
          helperText={fieldProblems.description ?? 'Was bei diesem Kriterium bewertet wird.'}
        />
        <ScaleEditor criterion={criterion} onApply={onApply} onStatus={onStatus} />
        <Box>
          <Button
            color="error"
            variant="outlined"
            startIcon={<DeleteIcon aria-hidden="true" />}
            onClick={() => setConfirmRemove(true)}
            disabled={!canRemove}
          >
            Kriterium entfernen
          </Button>
          {!canRemove && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              Ein Bewertungsbogen braucht mindestens ein Kriterium.
            </Typography>
          )}
          <ProblemList problems={removeProblems} />
        </Box>
      </Stack>
      {confirmRemove && (
        <ConfirmDialog
          title="Kriterium entfernen?"
          text={`Das Kriterium „${criterion.title}“ wird mit seiner Skala aus dem Entwurf entfernt. Bereits eingereichte Bewertungen behalten ihre Fassung.`}
          confirmLabel="Entfernen"
          onClose={() => setConfirmRemove(false)}
          onConfirm={async () => {
            const result = onApply({ op: 'removeCriterion', key: criterion.key });
            setRemoveProblems(result.problems);
            setConfirmRemove(false);
            if (result.problems.length === 0) {
              onStatus(`Das Kriterium „${criterion.title}“ wurde entfernt.`);
              onRemoved();
            }
          }}
        />
      )}
    </Paper>
  );
};

interface AnchorInput {
  value: string;
  title: string;
}

const toInputs = (scale: readonly builder.ScaleAnchor[]): AnchorInput[] =>
  scale.map((anchor) => ({ value: String(anchor.value), title: anchor.title }));

/** The described steps of a criterion's scale; applied as a whole, to this criterion or to all. */
const ScaleEditor = ({
  criterion,
  onApply,
  onStatus,
}: {
  criterion: CriterionEntry;
  onApply: Apply;
  onStatus: (text: string) => void;
}) => {
  const [anchors, setAnchors] = useFollowingState(criterion.scale, (scale) => toInputs(scale));
  const [problems, setProblems] = useState<FieldError[]>([]);

  const low = criterion.scale[0]?.value;
  const high = criterion.scale[criterion.scale.length - 1]?.value;
  const changed = JSON.stringify(anchors) !== JSON.stringify(toInputs(criterion.scale));

  const applyScale = (allCriteria: boolean) => {
    const scale: builder.ScaleAnchor[] = anchors.map((anchor) => ({
      value: parseDecimal(anchor.value),
      title: anchor.title,
    }));
    if (scale.some((anchor) => !Number.isInteger(anchor.value))) {
      setProblems([{ path: '', message: 'Die Stufen einer Skala sind ganze Zahlen.' }]);
      return;
    }
    const result = onApply(
      allCriteria ? { op: 'setScale', scale } : { op: 'setScale', key: criterion.key, scale },
    );
    setProblems(result.problems);
    if (result.problems.length === 0) {
      onStatus(
        allCriteria
          ? 'Die Skala gilt jetzt für alle Kriterien.'
          : `Die Skala von „${criterion.title}“ wurde übernommen.`,
      );
    }
  };

  const setAnchor = (index: number, change: Partial<AnchorInput>) =>
    setAnchors((current) => current.map((anchor, at) => (at === index ? { ...anchor, ...change } : anchor)));

  return (
    <Accordion variant="outlined" disableGutters>
      <AccordionSummary expandIcon={<ExpandMoreIcon aria-hidden="true" />}>
        <Typography>
          Skala: {low ?? '–'} bis {high ?? '–'}, {criterion.scale.length} beschriebene Stufen
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Stack spacing={1.5} component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {anchors.map((anchor, index) => (
            <Stack key={index} component="li" direction={{ xs: 'column', sm: 'row' }} spacing={1}>
              <TextField
                label={`Wert der Stufe ${index + 1}`}
                type="number"
                value={anchor.value}
                slotProps={{ htmlInput: { step: 1 } }}
                sx={{ width: { sm: '10rem' } }}
                onChange={(event) => setAnchor(index, { value: event.target.value })}
              />
              <TextField
                label={`Beschreibung der Stufe ${index + 1}`}
                value={anchor.title}
                fullWidth
                onChange={(event) => setAnchor(index, { title: event.target.value })}
              />
              <IconButton
                aria-label={`Stufe ${index + 1} entfernen`}
                onClick={() => setAnchors((current) => current.filter((_, at) => at !== index))}
                disabled={anchors.length <= 2}
                sx={{ alignSelf: 'center' }}
              >
                <DeleteIcon aria-hidden="true" />
              </IconButton>
            </Stack>
          ))}
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ mt: 2 }}>
          <Button
            startIcon={<AddIcon aria-hidden="true" />}
            onClick={() =>
              setAnchors((current) => {
                const last = parseDecimal(current[current.length - 1]?.value ?? '');
                return [
                  ...current,
                  { value: String(Number.isFinite(last) ? last + 1 : current.length), title: '' },
                ];
              })
            }
          >
            Stufe hinzufügen
          </Button>
          <Button variant="contained" onClick={() => applyScale(false)} disabled={!changed}>
            Skala übernehmen
          </Button>
          <Button variant="outlined" onClick={() => applyScale(true)}>
            Für alle Kriterien übernehmen
          </Button>
        </Stack>
        <ProblemList problems={problems} />
      </AccordionDetails>
    </Accordion>
  );
};

/** A new criterion: title, description, weight; its key is derived from the title. */
const AddCriterion = ({
  definition,
  onApply,
  onStatus,
}: {
  definition: FormDefinition;
  onApply: Apply;
  onStatus: (text: string) => void;
}) => {
  const headingId = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [weight, setWeight] = useState('1');
  const [problems, setProblems] = useState<FieldError[]>([]);
  const taken = Object.keys((scoresSchemaOf(definition)?.properties ?? {}) as Record<string, unknown>);

  const add = () => {
    const value = parseDecimal(weight);
    if (title.trim() === '') {
      setProblems([{ path: '', message: 'Das Kriterium braucht eine Bezeichnung.' }]);
      return;
    }
    if (!Number.isFinite(value) || value <= 0) {
      setProblems([{ path: '', message: WEIGHT_MESSAGE }]);
      return;
    }
    const result = onApply({
      op: 'addCriterion',
      key: criterionKeyFor(title, taken),
      title: title.trim(),
      description: description.trim() || undefined,
      weight: value,
    });
    setProblems(result.problems);
    if (result.problems.length === 0) {
      onStatus(`Das Kriterium „${title.trim()}“ wurde hinzugefügt.`);
      setTitle('');
      setDescription('');
      setWeight('1');
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby={headingId} sx={{ p: 2, mt: 3 }}>
      <Typography id={headingId} component="h3" variant="h3" gutterBottom>
        Kriterium hinzufügen
      </Typography>
      <Box
        component="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <Stack spacing={2}>
          <TextField
            label="Bezeichnung des neuen Kriteriums"
            value={title}
            required
            onChange={(event) => setTitle(event.target.value)}
          />
          <TextField
            label="Beschreibung des neuen Kriteriums"
            value={description}
            multiline
            minRows={2}
            onChange={(event) => setDescription(event.target.value)}
          />
          <TextField
            label="Gewichtung des neuen Kriteriums"
            type="number"
            value={weight}
            required
            slotProps={{ htmlInput: { min: 0, step: 0.5 } }}
            sx={{ maxWidth: '16rem' }}
            onChange={(event) => setWeight(event.target.value)}
            helperText="Die Skala wird vom letzten Kriterium übernommen und kann danach geändert werden."
          />
          <Box>
            <Button type="submit" variant="contained" startIcon={<AddIcon aria-hidden="true" />}>
              Kriterium hinzufügen
            </Button>
          </Box>
        </Stack>
        <ProblemList problems={problems} />
      </Box>
    </Paper>
  );
};

/** The criteria with their weights in the draft and in the version in force. */
const WeightOverview = ({
  definition,
  inForce,
  criteria,
}: {
  definition: FormDefinition;
  inForce: FormDefinition | null;
  criteria: CriterionEntry[];
}) => {
  const headingId = useId();
  const before = useMemo(() => (inForce ? readCriteria(inForce) : []), [inForce]);
  const sampleScores = (definition.sampleData.scores ?? {}) as Record<
    string,
    { score?: unknown } | undefined
  >;
  if (criteria.length === 0) return null;
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 4 }}>
      <Typography id={headingId} component="h3" variant="h3" gutterBottom>
        Gewichtung im Überblick
      </Typography>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Kriterium
              </TableCell>
              {inForce && (
                <TableCell component="th" scope="col" align="right">
                  Gewichtung in Kraft
                </TableCell>
              )}
              <TableCell component="th" scope="col" align="right">
                Gewichtung im Entwurf
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Anteil an der Gesamtbewertung
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Bewertung im Beispiel
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {criteria.map((criterion) => {
              const old = before.find((entry) => entry.key === criterion.key);
              const sample = sampleScores[criterion.key]?.score;
              return (
                <TableRow key={criterion.key}>
                  <TableCell component="th" scope="row">
                    {criterion.title}
                  </TableCell>
                  {inForce && <TableCell align="right">{old ? formatNumber(old.weight) : 'neu'}</TableCell>}
                  <TableCell align="right">{formatNumber(criterion.weight)}</TableCell>
                  <TableCell align="right">{formatNumber(Math.round(criterion.share * 10) / 10)} %</TableCell>
                  <TableCell align="right">
                    {typeof sample === 'number' ? `${sample} von ${criterion.maxScore}` : '–'}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
      {before
        .filter((old) => !criteria.some((criterion) => criterion.key === old.key))
        .map((old) => (
          <Typography key={old.key} variant="body2" sx={{ mt: 1 }}>
            Entfernt gegenüber der Fassung in Kraft: „{old.title}“ (Gewichtung {formatNumber(old.weight)})
          </Typography>
        ))}
    </Box>
  );
};

/**
 * The scoring sheet as staff will see it, filled with the draft's sample data, and the weighted score
 * of that sample under the version in force and under the draft.
 */
const ScoringSheetPreview = ({
  definition,
  inForce,
  onApply,
  onStatus,
}: {
  definition: FormDefinition;
  inForce: FormDefinition | null;
  onApply: Apply;
  onStatus: (text: string) => void;
}) => {
  const headingId = useId();
  const ajv = useMemo(() => createFormAjv(), []);
  const sampleKey = JSON.stringify(definition.sampleData);
  const [sample, setSample] = useFollowingState<FormValues, FormValues>(definition.sampleData, (data) =>
    structuredClone(data),
  );
  const [fillable, setFillable] = useState(false);
  const [problems, setProblems] = useState<FieldError[]>([]);

  const comparison = compareSampleScore(inForce, definition, sample);
  const sampleChanged = JSON.stringify(sample) !== sampleKey;

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 4 }}>
      <Typography id={headingId} component="h3" variant="h3" gutterBottom>
        Bewertungsbogen und Beispielbewertung
      </Typography>
      <Paper variant="outlined" sx={{ p: 2, mb: 2 }} aria-live="polite" data-testid="sample-score">
        <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: 1 }}>
          <Box component="dt" sx={{ fontWeight: 'bold' }}>
            Gewichtete Bewertung nach der Fassung in Kraft
          </Box>
          <Box component="dd" sx={{ m: 0 }}>
            {inForce ? formatScore(comparison.inForce) : 'keine Fassung in Kraft'}
          </Box>
          <Box component="dt" sx={{ fontWeight: 'bold' }}>
            Gewichtete Bewertung nach dem Entwurf
          </Box>
          <Box component="dd" sx={{ m: 0 }}>
            {formatScore(comparison.draft)}
          </Box>
          <Box component="dt" sx={{ fontWeight: 'bold' }}>
            Unterschied
          </Box>
          <Box component="dd" sx={{ m: 0 }}>
            {formatScoreDifference(comparison.difference)}
          </Box>
        </Box>
      </Paper>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }} alignItems="center">
        <FormControlLabel
          control={<Switch checked={fillable} onChange={(event) => setFillable(event.target.checked)} />}
          label="Beispielbewertung ändern"
        />
        {sampleChanged && (
          <Button
            variant="outlined"
            onClick={() => {
              const result = onApply({ op: 'setSampleData', data: sample });
              setProblems(result.problems);
              if (result.problems.length === 0)
                onStatus('Die Beispielbewertung wurde in den Entwurf übernommen.');
            }}
          >
            Als Beispieldaten des Entwurfs übernehmen
          </Button>
        )}
      </Stack>
      <ProblemList problems={problems} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        {/* The sheet's sections sit below this section's h3. */}
        <NestedHeadings>
          <NestedHeadings>
            <FormView
              schema={definition.schema as JsonSchema}
              uischema={definition.uischema as unknown as UISchemaElement}
              data={sample}
              ajv={ajv}
              readonly={!fillable}
              onChange={fillable ? ({ data }) => setSample(data) : undefined}
            />
          </NestedHeadings>
        </NestedHeadings>
      </Paper>
    </Box>
  );
};
