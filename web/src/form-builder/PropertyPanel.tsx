import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  List,
  ListItem,
  Stack,
  Typography,
} from '@mui/material';
import { type ReactNode, useState } from 'react';
import { builder, type FieldError, type FormDefinition } from '../../../form-logic/index.js';
import { elementKind, elementLabel } from './builder-state.js';
import { ChoicesEditor } from './ChoicesEditor.js';
import { CommitField } from './CommitField.js';
import { DerivedEditor } from './DerivedEditor.js';
import { DefaultValue } from './DefaultValue.js';
import { RuleEditor } from './RuleEditor.js';
import { isNumericKind, isTextKind, numberText, parseNumberText } from './value-format.js';

interface PropertyPanelProps {
  definition: FormDefinition;
  model: builder.BuilderModel;
  selected: string;
  /** Applies an operation; false when it was refused (the page shows the problems). */
  onApply: (op: builder.Op) => boolean;
  onChangeForm: (changes: { title?: string; description?: string }) => void;
  /** Problems of the live definition check. */
  checkProblems: FieldError[];
  /** The alert about the last action in the panel (refused, or done with a warning). */
  feedback?: ReactNode;
}

/** The properties of the selected element: the form itself, a section or a field. */
export const PropertyPanel = ({
  definition,
  model,
  selected,
  onApply,
  onChangeForm,
  checkProblems,
  feedback,
}: PropertyPanelProps) => {
  const node = model.uiById.get(selected);
  if (!node) return <Typography>Bitte links ein Element auswählen.</Typography>;
  const field = node.fieldId ? model.fieldsById.get(node.fieldId) : undefined;
  const heading = `${elementLabel(node, model)} (${elementKind(node, model)})`;
  const problemsHere = checkProblems.filter((problem) =>
    field ? problem.path.startsWith(`/schema${field.id}`) : problem.path === `/uischema${node.id}`,
  );

  return (
    <Box>
      <Typography variant="h2" component="h2" sx={{ fontSize: '1.3rem', mb: 2 }}>
        Eigenschaften: {node.id === '' ? 'Formular' : heading}
      </Typography>
      {feedback}
      {problemsHere.length > 0 && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="field-check-problems">
          <List dense disablePadding>
            {problemsHere.map((problem, index) => (
              <ListItem key={index} disablePadding>
                {problem.message}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
      {node.id === '' && <FormProperties definition={definition} onChangeForm={onChangeForm} />}
      {field ? (
        <FieldProperties key={field.id} field={field} node={node} definition={definition} onApply={onApply} />
      ) : (
        node.id !== '' &&
        node.type !== 'Control' &&
        !node.id.endsWith('/options/detail') && (
          <CommitField
            label="Beschriftung"
            value={node.label ?? ''}
            fullWidth
            onCommit={(text) => onApply({ op: 'setLabel', element: node.id, label: text.trim() || null })}
          />
        )
      )}
      {node.id !== '' && !node.id.endsWith('/options/detail') && (
        <RuleEditor
          key={`${node.id}:${JSON.stringify(node.element.rule ?? null)}`}
          node={node}
          model={model}
          onApply={onApply}
        />
      )}
    </Box>
  );
};

const FormProperties = ({
  definition,
  onChangeForm,
}: {
  definition: FormDefinition;
  onChangeForm: PropertyPanelProps['onChangeForm'];
}) => (
  <Stack spacing={2}>
    <CommitField
      label="Titel des Formulars"
      value={definition.title}
      required
      fullWidth
      onCommit={(title) => title.trim() && onChangeForm({ title: title.trim() })}
    />
    <CommitField
      label="Beschreibung des Formulars"
      value={definition.description ?? ''}
      multiline
      minRows={2}
      fullWidth
      onCommit={(description) => onChangeForm({ description })}
    />
  </Stack>
);

const FieldProperties = ({
  field,
  node,
  definition,
  onApply,
}: {
  field: builder.FieldNode;
  node: builder.UiNode;
  definition: FormDefinition;
  onApply: (op: builder.Op) => boolean;
}) => {
  const schema = field.schema;
  const money = field.kind === 'money';
  const update = (changes: builder.FieldChanges) => onApply({ op: 'updateField', field: field.id, changes });
  const [derivedOpen, setDerivedOpen] = useState(field.kind === 'derived');
  const numberCommit =
    (keyword: 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'maxItems') => (text: string) => {
      const value = parseNumberText(text, money && (keyword === 'minimum' || keyword === 'maximum'));
      if (value === undefined) {
        update({ [keyword]: Number.NaN });
        return;
      }
      update({ [keyword]: value });
    };

  return (
    <Stack spacing={2}>
      <CommitField
        label="Beschriftung"
        value={field.title}
        fullWidth
        onCommit={(title) => update({ title: title.trim() })}
      />
      <CommitField
        label="Hilfetext"
        value={field.description ?? ''}
        multiline
        minRows={2}
        fullWidth
        onCommit={(description) => update({ description: description.trim() || null })}
      />
      <CommitField
        label="Schlüssel (Name in den Daten)"
        value={field.key}
        fullWidth
        helperText="Umbenennen passt Regeln und Berechnungen an, die das Feld verwenden."
        onCommit={(key) => onApply({ op: 'renameKey', field: field.id, key: key.trim() })}
      />
      <Box>
        <FormControlLabel
          label="Pflichtfeld"
          control={
            <Checkbox
              checked={field.required}
              onChange={(event) => update({ required: event.target.checked })}
            />
          }
        />
        <FormControlLabel
          label="Schreibgeschützt"
          control={
            <Checkbox
              checked={schema.readOnly === true}
              onChange={(event) => update({ readOnly: event.target.checked ? true : null })}
            />
          }
        />
        {field.conditionallyRequired && (
          <Typography variant="body2">Pflichtfeld, solange eine Regel es anzeigt.</Typography>
        )}
      </Box>
      {(isNumericKind(field.kind) ||
        (field.kind === 'derived' && (schema.type === 'number' || schema.type === 'integer'))) && (
        <Stack direction="row" spacing={2}>
          <CommitField
            label={money ? 'Kleinster Betrag (Euro)' : 'Kleinster Wert'}
            value={numberText(schema.minimum, money)}
            onCommit={numberCommit('minimum')}
          />
          <CommitField
            label={money ? 'Größter Betrag (Euro)' : 'Größter Wert'}
            value={numberText(schema.maximum, money)}
            onCommit={numberCommit('maximum')}
          />
        </Stack>
      )}
      {isTextKind(field.kind) && (
        <>
          <Stack direction="row" spacing={2}>
            <CommitField
              label="Mindestlänge (Zeichen)"
              value={numberText(schema.minLength, false)}
              onCommit={numberCommit('minLength')}
            />
            <CommitField
              label="Höchstlänge (Zeichen)"
              value={numberText(schema.maxLength, false)}
              onCommit={numberCommit('maxLength')}
            />
          </Stack>
          <CommitField
            label="Muster (regulärer Ausdruck)"
            value={typeof schema.pattern === 'string' ? schema.pattern : ''}
            fullWidth
            helperText="Der Server prüft das Muster auf Eingaben, die ihn lange aufhalten könnten."
            onCommit={(pattern) => update({ pattern: pattern === '' ? null : pattern })}
          />
        </>
      )}
      {field.kind === 'table' && (
        <CommitField
          label="Höchstzahl der Zeilen"
          value={numberText(schema.maxItems, false)}
          onCommit={numberCommit('maxItems')}
        />
      )}
      <DefaultValue field={field} onChange={(value) => update({ default: value })} />
      {(field.kind === 'singleChoice' || field.kind === 'multipleChoice') && (
        <ChoicesEditor key={JSON.stringify(builder.choicesOf(schema))} field={field} onApply={onApply} />
      )}
      {field.kind === 'object' && node.type === 'Control' && (
        <Button
          variant="outlined"
          onClick={() => onApply({ op: 'expandObjectControl', element: node.id })}
          sx={{ alignSelf: 'flex-start' }}
        >
          In einzelne Felder aufteilen
        </Button>
      )}
      {derivedOpen ? (
        <DerivedEditor key={field.expression ?? ''} field={field} definition={definition} onApply={onApply} />
      ) : (
        (isNumericKind(field.kind) || isTextKind(field.kind)) && (
          <Button onClick={() => setDerivedOpen(true)} sx={{ alignSelf: 'flex-start' }}>
            Wert berechnen lassen …
          </Button>
        )
      )}
    </Stack>
  );
};
