import type { ControlProps } from '@jsonforms/core';
import { Box, InputAdornment, TextField } from '@mui/material';
import { type ChangeEvent, type HTMLAttributes, type ReactNode, useState } from 'react';
import { visuallyHidden } from '../../app/visually-hidden.js';
import { FieldHelperTexts, fieldDescriptionIds } from './field-helpers.js';

export interface TextFieldControlProps extends ControlProps {
  /** Data → text shown while the field is not focused. */
  toText: (value: unknown) => string;
  /** Non-empty text → data. Text that cannot be converted should come back unchanged, so validation reports it. */
  fromText: (text: string) => unknown;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  /** Text after the label, e.g. a format hint „(TT.MM.JJJJ)“. */
  labelHint?: string;
  /** Read by screen readers after the label, e.g. „in Euro“ when the unit is only shown as an adornment. */
  hiddenLabelSuffix?: string;
  unit?: ReactNode;
  multiline?: boolean;
  alignRight?: boolean;
  type?: 'text' | 'email' | 'tel' | 'url';
  autoComplete?: string;
}

/**
 * The one text input all typed controls share: a labelled MUI TextField whose description and
 * error are wired with `aria-describedby`. It keeps the user's own text while focused and shows
 * the data formatted otherwise; read-only forms get a read-only input rather than a greyed-out one.
 */
export const TextFieldControl = (props: TextFieldControlProps) => {
  const {
    data,
    handleChange,
    path,
    id,
    label,
    description,
    errors,
    required,
    enabled,
    visible,
    toText,
    fromText,
    inputMode,
    labelHint,
    hiddenLabelSuffix,
    unit,
    multiline = false,
    alignRight = false,
    type = 'text',
    autoComplete = 'off',
  } = props;
  // While typing the user's own text is shown; otherwise the data, formatted (so outside changes such
  // as a restored draft or sample data show at once).
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? toText(data);

  if (!visible) return null;

  const { describedBy } = fieldDescriptionIds(id, description, errors);

  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = event.target.value;
    setTyped(value);
    handleChange(path, value.trim() === '' ? undefined : fromText(value));
  };

  return (
    <Box>
      <TextField
        id={`${id}-input`}
        label={
          <>
            {label}
            {labelHint && ` ${labelHint}`}
            {hiddenLabelSuffix && (
              <Box component="span" sx={visuallyHidden}>
                {` ${hiddenLabelSuffix}`}
              </Box>
            )}
          </>
        }
        type={type}
        required={required && enabled}
        error={errors.length > 0}
        fullWidth
        multiline={multiline}
        minRows={multiline ? 3 : undefined}
        value={text}
        onChange={onChange}
        onFocus={() => setTyped(toText(data))}
        onBlur={() => setTyped(null)}
        autoComplete={autoComplete}
        slotProps={{
          input: {
            readOnly: !enabled,
            endAdornment: unit ? (
              <InputAdornment position="end" aria-hidden="true">
                {unit}
              </InputAdornment>
            ) : undefined,
          },
          htmlInput: {
            inputMode,
            'aria-describedby': describedBy,
            style: alignRight ? { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } : undefined,
          },
        }}
      />
      <FieldHelperTexts id={id} description={description} errors={errors} />
    </Box>
  );
};
