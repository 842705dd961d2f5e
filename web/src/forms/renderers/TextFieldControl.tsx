import type { ControlProps } from '@jsonforms/core';
import { Box, InputAdornment, TextField } from '@mui/material';
import { type ChangeEvent, type HTMLAttributes, type ReactNode, useEffect, useRef, useState } from 'react';
import { visuallyHidden } from '../../app/visually-hidden.js';
import { FieldHelperTexts, fieldDescriptionIds } from './field-helpers.js';
import { accessibleName, appliedOptions } from './options.js';

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
  type?: 'text' | 'email' | 'tel' | 'url' | 'password';
  autoComplete?: string;
}

/**
 * The one text input all typed controls share: a labelled MUI TextField whose description and
 * error are wired with `aria-describedby`. It keeps the user's own text while focused and shows
 * the data formatted otherwise; read-only forms get a read-only input rather than a greyed-out one.
 * It honours the UI schema's `trim`, `restrict`, `hideRequiredAsterisk`, `showUnfocusedDescription`
 * and `focus`, and with `"label": false` it keeps a name for screen readers.
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
    schema,
    uischema,
    config,
  } = props;
  // While typing the user's own text is shown; otherwise the data, formatted (so outside changes such
  // as a restored draft or sample data show at once).
  const [typed, setTyped] = useState<string | null>(null);
  const text = typed ?? toText(data);
  const options = appliedOptions(config, uischema);
  const inputRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null);
  const wantsFocus = options.focus === true && visible && enabled;
  useEffect(() => {
    if (wantsFocus) inputRef.current?.focus();
  }, [wantsFocus]);

  if (!visible) return null;

  const { describedBy } = fieldDescriptionIds(id, description, errors);
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : undefined;
  const narrow = options.trim === true && maxLength !== undefined;
  const showAsterisk = required && enabled && options.hideRequiredAsterisk !== true;
  const name = label ? undefined : accessibleName(label, schema, uischema);

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
          label ? (
            <>
              {label}
              {labelHint && ` ${labelHint}`}
              {hiddenLabelSuffix && (
                <Box component="span" sx={visuallyHidden}>
                  {` ${hiddenLabelSuffix}`}
                </Box>
              )}
            </>
          ) : undefined
        }
        type={options.format === 'password' ? 'password' : type}
        required={showAsterisk}
        error={errors.length > 0}
        fullWidth={!narrow}
        // As wide as `maxLength` characters, but never wider than the form.
        sx={narrow ? { maxWidth: '100%' } : undefined}
        inputRef={inputRef}
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
            'aria-label': name && [name, labelHint, hiddenLabelSuffix].filter(Boolean).join(' '),
            'aria-required': required && enabled && !showAsterisk ? true : undefined,
            maxLength: options.restrict === true ? maxLength : undefined,
            size: narrow ? Math.max(maxLength, 1) : undefined,
            style: alignRight ? { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } : undefined,
          },
        }}
      />
      <FieldHelperTexts
        id={id}
        description={description}
        errors={errors}
        descriptionHidden={options.showUnfocusedDescription === false && typed === null}
      />
    </Box>
  );
};
