import { Alert, Box, Button, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { builder, type FormDefinition, type JsonSchemaObject } from '../../../form-logic/index.js';
import { getAtPointer } from '../../../form-logic/json-pointer.js';
import { formatPreviewValue, previewDerived } from './derived-preview.js';

interface DerivedEditorProps {
  field: builder.FieldNode;
  definition: FormDefinition;
  onApply: (op: builder.Op) => boolean;
}

/**
 * The expression of a derived field: a text area with the fields it may use (click to insert), its
 * syntax problems as you type and its result on the sample data.
 */
export const DerivedEditor = ({ field, definition, onApply }: DerivedEditorProps) => {
  const headingId = useId();
  const problemsId = useId();
  const resultId = useId();
  const fieldsId = useId();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(field.expression ?? '');
  const analysis = useMemo(() => builder.analyseExpression(text), [text]);
  const parent =
    field.parentId === ''
      ? definition.schema
      : (getAtPointer(definition.schema, field.parentId) as JsonSchemaObject | undefined);
  const fields = useMemo(
    () => (parent ? builder.availableFields(parent, field.key) : []),
    [parent, field.key],
  );
  const [fieldsOpen, setFieldsOpen] = useState(fields.length <= 12);
  const [result, setResult] = useState<{ values: unknown[]; error?: string } | null>(null);

  useEffect(() => {
    if (analysis.problems.length > 0) return;
    let current = true;
    const timer = setTimeout(() => {
      previewDerived(definition.schema, field.id, text, definition.sampleData).then(
        (next) => current && setResult(next),
        (error: unknown) =>
          current && setResult({ values: [], error: error instanceof Error ? error.message : String(error) }),
      );
    }, 300);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [analysis, definition.schema, definition.sampleData, field.id, text]);

  const insert = (snippet: string) => {
    const input = inputRef.current;
    const start = input?.selectionStart ?? text.length;
    const end = input?.selectionEnd ?? text.length;
    const next = text.slice(0, start) + snippet + text.slice(end);
    setText(next);
    requestAnimationFrame(() => {
      input?.focus();
      input?.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} variant="h3" component="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
        Berechnung
      </Typography>
      <TextField
        inputRef={inputRef}
        label="Ausdruck (JSONata)"
        value={text}
        onChange={(event) => setText(event.target.value)}
        multiline
        minRows={2}
        fullWidth
        slotProps={{
          htmlInput: {
            spellCheck: false,
            'aria-describedby': `${problemsId} ${resultId}`,
            style: { fontFamily: 'monospace' },
          },
        }}
      />
      <Box id={problemsId} aria-live="polite" sx={{ mt: 1 }}>
        {analysis.problems.length > 0 && (
          <Alert severity="warning">{analysis.problems.map((problem) => problem.message).join(' ')}</Alert>
        )}
      </Box>
      <Typography id={resultId} variant="body2" sx={{ mt: 1 }} aria-live="polite">
        {result === null || analysis.problems.length > 0
          ? ''
          : result.error
            ? `Ergebnis mit den Beispieldaten: Fehler – ${result.error}`
            : `Ergebnis mit den Beispieldaten: ${result.values.map((value) => formatPreviewValue(value, field.kind === 'money')).join('; ') || 'leer'}`}
      </Typography>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button
          variant="outlined"
          disabled={analysis.problems.length > 0}
          onClick={() => onApply({ op: 'setDerived', field: field.id, expression: text })}
        >
          Ausdruck übernehmen
        </Button>
        {field.expression !== undefined && (
          <Button onClick={() => onApply({ op: 'setDerived', field: field.id, expression: null })}>
            Berechnung entfernen
          </Button>
        )}
      </Stack>
      {fields.length > 0 && (
        <>
          <Button
            size="small"
            sx={{ mt: 2 }}
            aria-expanded={fieldsOpen}
            aria-controls={fieldsId}
            onClick={() => setFieldsOpen((open) => !open)}
          >
            {fieldsOpen ? 'Verfügbare Felder ausblenden' : `Verfügbare Felder anzeigen (${fields.length})`}
          </Button>
          <List
            dense
            disablePadding
            id={fieldsId}
            hidden={!fieldsOpen}
            aria-label="Verfügbare Felder (zum Einfügen)"
          >
            {fields.map((available) => {
              const snippet = available.suggestion ?? available.path;
              return (
                <ListItem key={available.path} disablePadding>
                  <Button
                    size="small"
                    onClick={() => insert(snippet)}
                    sx={{ textTransform: 'none', justifyContent: 'flex-start', textAlign: 'left' }}
                  >
                    {available.title}: <code style={{ marginLeft: 4 }}>{snippet}</code>
                  </Button>
                </ListItem>
              );
            })}
          </List>
        </>
      )}
    </Box>
  );
};
