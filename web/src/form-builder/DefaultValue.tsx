import { MenuItem, TextField } from '@mui/material';
import { builder } from '../../../form-logic/index.js';
import { CommitField } from './CommitField.js';
import { numberText, parseNumberText } from './value-format.js';

/** The default value of a field, by its kind; other kinds have none here. */
export const DefaultValue = ({
  field,
  onChange,
}: {
  field: builder.FieldNode;
  onChange: (value: unknown) => void;
}) => {
  const value = field.schema.default;
  switch (field.kind) {
    case 'yesNo':
      return (
        <TextField
          select
          label="Vorgabewert"
          value={value === true ? 'true' : value === false ? 'false' : ''}
          onChange={(event) => onChange(event.target.value === '' ? null : event.target.value === 'true')}
        >
          <MenuItem value="">kein Vorgabewert</MenuItem>
          <MenuItem value="true">Ja</MenuItem>
          <MenuItem value="false">Nein</MenuItem>
        </TextField>
      );
    case 'singleChoice':
      return (
        <TextField
          select
          label="Vorgabewert"
          value={value === undefined ? '' : String(value)}
          onChange={(event) => {
            const choice = builder
              .choicesOf(field.schema)
              .find((entry) => String(entry.value) === event.target.value);
            onChange(choice ? choice.value : null);
          }}
        >
          <MenuItem value="">kein Vorgabewert</MenuItem>
          {builder.choicesOf(field.schema).map((choice) => (
            <MenuItem key={String(choice.value)} value={String(choice.value)}>
              {choice.title}
            </MenuItem>
          ))}
        </TextField>
      );
    case 'number':
    case 'integer':
    case 'money':
      return (
        <CommitField
          label={field.kind === 'money' ? 'Vorgabewert (Euro)' : 'Vorgabewert'}
          value={numberText(value, field.kind === 'money')}
          onCommit={(text) => {
            const parsed = parseNumberText(text, field.kind === 'money');
            onChange(parsed === undefined ? text : parsed);
          }}
        />
      );
    case 'shortText':
    case 'longText':
    case 'email':
    case 'date':
      return (
        <CommitField
          label={field.kind === 'date' ? 'Vorgabewert (JJJJ-MM-TT)' : 'Vorgabewert'}
          value={typeof value === 'string' ? value : ''}
          fullWidth
          onCommit={(text) => onChange(text === '' ? null : text)}
        />
      );
    default:
      return null;
  }
};
