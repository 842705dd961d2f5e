import {
  and,
  type ControlProps,
  isControl,
  isOneOfEnumSchema,
  type JsonSchema,
  not,
  optionIs,
  type RankedTester,
  rankWith,
  schemaMatches,
} from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { Box, TextField } from '@mui/material';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { FieldHelperTexts, fieldDescriptionIds } from './field-helpers.js';
import { accessibleName, appliedOptions } from './options.js';

interface EnumOption {
  value: unknown;
  label: string;
}

/** Options of `oneOf: [{ const, title }]` or `enum`, with their German labels. */
export const enumOptions = (schema: JsonSchema): EnumOption[] => {
  if (isOneOfEnumSchema(schema)) {
    return (schema.oneOf ?? []).map((option) => ({
      value: option.const,
      label: option.title ?? String(option.const),
    }));
  }
  return (schema.enum ?? []).map((value) => ({ value, label: String(value) }));
};

/**
 * A choice from a list, as a native `<select>`: every browser, screen reader and keyboard knows it,
 * and phones show their own picker. The empty first entry „Bitte wählen“ means „no answer yet“.
 */
export const EnumControl = (props: ControlProps) => {
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
    schema,
    uischema,
    config,
  } = props;
  const [focused, setFocused] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);
  const appliedUiSchemaOptions = appliedOptions(config, uischema);
  const wantsFocus = appliedUiSchemaOptions.focus === true && visible && enabled;
  useEffect(() => {
    if (wantsFocus) selectRef.current?.focus();
  }, [wantsFocus]);
  if (!visible) return null;

  const options = enumOptions(schema);
  const selectedIndex = options.findIndex((option) => option.value === data);
  const { describedBy } = fieldDescriptionIds(id, description, errors);
  const name = label ? undefined : accessibleName(label, schema, uischema);
  const helperTexts = (
    <FieldHelperTexts
      id={id}
      description={description}
      errors={errors}
      descriptionHidden={appliedUiSchemaOptions.showUnfocusedDescription === false && !focused}
    />
  );

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const index = Number(event.target.value);
    handleChange(path, event.target.value === '' ? undefined : options[index]?.value);
  };

  if (!enabled) {
    return (
      <Box>
        <TextField
          id={`${id}-input`}
          label={label || undefined}
          fullWidth={appliedUiSchemaOptions.trim !== true}
          value={selectedIndex >= 0 ? options[selectedIndex]!.label : ''}
          slotProps={{
            input: { readOnly: true },
            htmlInput: { 'aria-describedby': describedBy, 'aria-label': name },
          }}
        />
        {helperTexts}
      </Box>
    );
  }

  return (
    <Box>
      <TextField
        id={`${id}-input`}
        select
        label={label || undefined}
        required={required && appliedUiSchemaOptions.hideRequiredAsterisk !== true}
        error={errors.length > 0}
        fullWidth={appliedUiSchemaOptions.trim !== true}
        value={selectedIndex >= 0 ? String(selectedIndex) : ''}
        onChange={onChange}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        inputRef={selectRef}
        slotProps={{
          select: { native: true },
          inputLabel: { shrink: true },
          htmlInput: {
            'aria-describedby': describedBy,
            'aria-label': name,
            'aria-required':
              required && appliedUiSchemaOptions.hideRequiredAsterisk === true ? true : undefined,
          },
        }}
      >
        <option value="">Bitte wählen</option>
        {options.map((option, index) => (
          <option key={String(option.value)} value={String(index)}>
            {option.label}
          </option>
        ))}
      </TextField>
      {helperTexts}
    </Box>
  );
};

export const enumControlTester: RankedTester = rankWith(
  6,
  and(
    isControl,
    schemaMatches((schema) => isOneOfEnumSchema(schema) || Array.isArray(schema.enum)),
    not(optionIs('format', 'radio')),
  ),
);

export const enumControlEntry = {
  tester: enumControlTester,
  renderer: withJsonFormsControlProps(EnumControl),
};
