import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, IconButton, Stack, TextField, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { builder } from '../../../form-logic/index.js';
import { parseChoiceValue } from './value-format.js';

interface ChoicesEditorProps {
  field: builder.FieldNode;
  onApply: (op: builder.Op) => boolean;
}

/** The value + label list of a single- or multiple-choice field. */
export const ChoicesEditor = ({ field, onApply }: ChoicesEditorProps) => {
  const headingId = useId();
  const [rows, setRows] = useState(() =>
    builder.choicesOf(field.schema).map((choice) => ({ value: String(choice.value), title: choice.title })),
  );
  const items = field.schema.items as { type?: unknown } | undefined;
  const valueType = field.kind === 'multipleChoice' ? items?.type : field.schema.type;
  const update = (index: number, change: Partial<{ value: string; title: string }>) =>
    setRows((current) => current.map((row, position) => (position === index ? { ...row, ...change } : row)));

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 3 }}>
      <Typography id={headingId} variant="h3" component="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
        Auswahlmöglichkeiten
      </Typography>
      <Stack spacing={1}>
        {rows.map((row, index) => (
          <Stack key={index} direction="row" spacing={1} alignItems="center">
            <TextField
              size="small"
              label={`Wert ${index + 1}`}
              value={row.value}
              onChange={(event) => update(index, { value: event.target.value })}
            />
            <TextField
              size="small"
              label={`Beschriftung ${index + 1}`}
              value={row.title}
              onChange={(event) => update(index, { title: event.target.value })}
              sx={{ flex: 1 }}
            />
            <IconButton
              aria-label={`Möglichkeit ${index + 1} entfernen`}
              onClick={() => setRows((current) => current.filter((_, position) => position !== index))}
            >
              <DeleteIcon aria-hidden="true" />
            </IconButton>
          </Stack>
        ))}
        <Stack direction="row" spacing={1}>
          <Button
            onClick={() =>
              setRows((current) => [
                ...current,
                { value: `option${current.length + 1}`, title: `Option ${current.length + 1}` },
              ])
            }
          >
            Möglichkeit hinzufügen
          </Button>
          <Button
            variant="outlined"
            onClick={() =>
              onApply({
                op: 'setChoices',
                field: field.id,
                choices: rows.map((row) => ({
                  value: parseChoiceValue(row.value, valueType),
                  title: row.title,
                })),
              })
            }
          >
            Auswahl übernehmen
          </Button>
        </Stack>
      </Stack>
    </Box>
  );
};
