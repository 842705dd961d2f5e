import {
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import { builder } from '../../../form-logic/index.js';
import {
  type Condition,
  CONDITION_LABELS,
  conditionOf,
  conditionsFor,
  ruleFieldsFor,
} from './rule-options.js';
import { numberText, parseNumberText } from './value-format.js';

const EFFECTS: { value: builder.RuleEffect; label: string }[] = [
  { value: 'SHOW', label: 'Anzeigen, wenn …' },
  { value: 'HIDE', label: 'Ausblenden, wenn …' },
  { value: 'ENABLE', label: 'Aktivieren, wenn …' },
  { value: 'DISABLE', label: 'Deaktivieren, wenn …' },
];

interface RuleEditorProps {
  node: builder.UiNode;
  model: builder.BuilderModel;
  onApply: (op: builder.Op) => boolean;
}

/** Shows, sets and removes the visibility/enablement rule of one element with pickers. */
export const RuleEditor = ({ node, model, onApply }: RuleEditorProps) => {
  const headingId = useId();
  const existing = builder.readRule(node.element.rule, node.context);
  const candidates = ruleFieldsFor(node, model);
  const [effect, setEffect] = useState<builder.RuleEffect>(existing?.effect ?? 'SHOW');
  const [fieldId, setFieldId] = useState(existing?.when.field ?? candidates[0]?.id ?? '');
  const field = model.fieldsById.get(fieldId);
  const kind = field?.kind ?? 'shortText';
  const available = conditionsFor(kind);
  const [condition, setCondition] = useState<Condition>(conditionOf(existing));
  const shownCondition = available.includes(condition) ? condition : available[0]!;
  const money = kind === 'money';
  const initialValue = existing?.when.value;
  const [valueText, setValueText] = useState(
    typeof initialValue === 'number'
      ? numberText(initialValue, money)
      : typeof initialValue === 'string'
        ? initialValue
        : '',
  );
  const [oneOf, setOneOf] = useState<unknown[]>(Array.isArray(initialValue) ? initialValue : []);
  const choices = field ? builder.choicesOf(field.schema) : [];
  const description = builder.describeRule(node, model);

  const ruleValue = (): unknown => {
    if (shownCondition === 'isTrue') return true;
    if (shownCondition === 'isFalse') return false;
    if (shownCondition === 'isOneOf') return oneOf;
    if (kind === 'number' || kind === 'integer' || kind === 'money') {
      return parseNumberText(valueText, money) ?? undefined;
    }
    if (kind === 'singleChoice') return choices.find((choice) => String(choice.value) === valueText)?.value;
    return valueText;
  };

  const save = () => {
    if (!field) return;
    const test: builder.RuleTest =
      shownCondition === 'isTrue' || shownCondition === 'isFalse' ? 'equals' : shownCondition;
    const when: builder.RuleSpec['when'] = { field: field.id, test };
    if (test !== 'filled') when.value = ruleValue();
    onApply({ op: 'setRule', element: node.id, effect, when });
  };

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} variant="h3" component="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
        Regel
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }} data-testid="rule-description">
        {description ? `Dieses Element ${description}.` : 'Keine Regel: das Element wird immer angezeigt.'}
      </Typography>
      {candidates.length === 0 ? (
        <Typography variant="body2">
          Im selben Bereich der Daten gibt es kein Feld, von dem eine Regel abhängen könnte.
        </Typography>
      ) : (
        <Stack spacing={2}>
          <TextField
            select
            label="Wirkung"
            value={effect}
            onChange={(event) => setEffect(event.target.value as builder.RuleEffect)}
          >
            {EFFECTS.map((option) => (
              <MenuItem key={option.value} value={option.value}>
                {option.label}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="Feld der Bedingung"
            value={field ? fieldId : ''}
            onChange={(event) => setFieldId(event.target.value)}
          >
            {candidates.map((candidate) => (
              <MenuItem key={candidate.id} value={candidate.id}>
                {candidate.labels.join(' › ')}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="Bedingung"
            value={shownCondition}
            onChange={(event) => setCondition(event.target.value as Condition)}
          >
            {available.map((option) => (
              <MenuItem key={option} value={option}>
                {CONDITION_LABELS[option]}
              </MenuItem>
            ))}
          </TextField>
          {(shownCondition === 'equals' || shownCondition === 'notEquals') &&
            (kind === 'singleChoice' ? (
              <TextField
                select
                label="Wert"
                value={valueText}
                onChange={(event) => setValueText(event.target.value)}
              >
                {choices.map((choice) => (
                  <MenuItem key={String(choice.value)} value={String(choice.value)}>
                    {choice.title}
                  </MenuItem>
                ))}
              </TextField>
            ) : (
              <TextField
                label={money ? 'Wert (Euro)' : 'Wert'}
                value={valueText}
                onChange={(event) => setValueText(event.target.value)}
              />
            ))}
          {shownCondition === 'isOneOf' && (
            <FormGroup>
              <FormLabel component="legend">Werte</FormLabel>
              {choices.map((choice) => (
                <FormControlLabel
                  key={String(choice.value)}
                  label={choice.title}
                  control={
                    <Checkbox
                      checked={oneOf.includes(choice.value)}
                      onChange={(event) =>
                        setOneOf((current) =>
                          event.target.checked
                            ? [...current, choice.value]
                            : current.filter((value) => value !== choice.value),
                        )
                      }
                    />
                  }
                />
              ))}
            </FormGroup>
          )}
          <Stack direction="row" spacing={1}>
            <Button variant="outlined" onClick={save}>
              Regel übernehmen
            </Button>
            {node.element.rule !== undefined && (
              <Button onClick={() => onApply({ op: 'clearRule', element: node.id })}>Regel entfernen</Button>
            )}
          </Stack>
        </Stack>
      )}
    </Box>
  );
};
