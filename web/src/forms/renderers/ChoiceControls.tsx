import {
  and,
  type ControlProps,
  isBooleanControl,
  isControl,
  isOneOfEnumSchema,
  optionIs,
  type RankedTester,
  rankWith,
  schemaMatches,
} from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import {
  Box,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Switch,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { visuallyHidden } from '../../app/visually-hidden.js';
import { enumOptions } from './EnumControl.js';
import { FieldHelperTexts, fieldDescriptionIds } from './field-helpers.js';
import { accessibleName, appliedOptions } from './options.js';

/** A read-only form shows the chosen answer as text instead of greyed-out, hard to read widgets. */
const ReadOnlyAnswer = ({
  id,
  label,
  description,
  errors,
  text,
  schema,
  uischema,
}: Pick<ControlProps, 'id' | 'label' | 'description' | 'errors' | 'schema' | 'uischema'> & {
  text: string;
}) => {
  const { describedBy } = fieldDescriptionIds(id, description, errors);
  return (
    <Box>
      <TextField
        id={`${id}-input`}
        label={label || undefined}
        fullWidth
        value={text}
        slotProps={{
          input: { readOnly: true },
          htmlInput: {
            'aria-describedby': describedBy,
            'aria-label': label ? undefined : accessibleName(label, schema, uischema),
          },
        }}
      />
      <FieldHelperTexts id={id} description={description} errors={errors} />
    </Box>
  );
};

/**
 * A choice shown as radio buttons (`options.format: "radio"`), grouped in a fieldset whose legend
 * is the question; description and error are attached to the group.
 */
export const RadioControl = (props: ControlProps) => {
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
  if (!visible) return null;
  const appliedUiSchemaOptions = appliedOptions(config, uischema);
  const options = enumOptions(schema);
  const selectedIndex = options.findIndex((option) => option.value === data);

  if (!enabled) {
    return <ReadOnlyAnswer {...props} text={selectedIndex >= 0 ? options[selectedIndex]!.label : '–'} />;
  }

  const { describedBy } = fieldDescriptionIds(id, description, errors);
  const hasErrors = errors.length > 0;
  return (
    <FormControl
      component="fieldset"
      error={hasErrors}
      required={required && appliedUiSchemaOptions.hideRequiredAsterisk !== true}
      aria-describedby={describedBy}
      fullWidth={appliedUiSchemaOptions.trim !== true}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
    >
      <FormLabel component="legend" sx={label ? { mb: 0.5 } : visuallyHidden}>
        {accessibleName(label, schema, uischema)}
      </FormLabel>
      <RadioGroup
        name={id}
        aria-required={required || undefined}
        value={selectedIndex >= 0 ? String(selectedIndex) : ''}
        onChange={(_event, value) => handleChange(path, options[Number(value)]?.value)}
      >
        {options.map((option, index) => (
          <FormControlLabel
            key={String(option.value)}
            value={String(index)}
            control={<Radio />}
            label={option.label}
          />
        ))}
      </RadioGroup>
      <FieldHelperTexts
        id={id}
        description={description}
        errors={errors}
        descriptionHidden={appliedUiSchemaOptions.showUnfocusedDescription === false && !focused}
      />
    </FormControl>
  );
};

/**
 * A yes/no question as a checkbox (or, with `options.toggle`, a switch) with its description and
 * error attached.
 */
export const BooleanControl = (props: ControlProps) => {
  const {
    data,
    handleChange,
    path,
    id,
    label,
    description,
    errors,
    enabled,
    visible,
    schema,
    uischema,
    config,
  } = props;
  const [focused, setFocused] = useState(false);
  if (!visible) return null;
  if (!enabled) return <ReadOnlyAnswer {...props} text={data === true ? 'Ja' : 'Nein'} />;
  const appliedUiSchemaOptions = appliedOptions(config, uischema);
  const { describedBy } = fieldDescriptionIds(id, description, errors);
  const inputProps = {
    id: `${id}-input`,
    checked: data === true,
    onChange: (_event: unknown, checked: boolean) => handleChange(path, checked),
    onFocus: () => setFocused(true),
    onBlur: () => setFocused(false),
    slotProps: { input: { 'aria-describedby': describedBy } },
  };
  return (
    <Box>
      <FormControlLabel
        label={
          label || (
            <Box component="span" sx={visuallyHidden}>
              {accessibleName(label, schema, uischema)}
            </Box>
          )
        }
        control={
          appliedUiSchemaOptions.toggle === true ? <Switch {...inputProps} /> : <Checkbox {...inputProps} />
        }
      />
      <FieldHelperTexts
        id={id}
        description={description}
        errors={errors}
        descriptionHidden={appliedUiSchemaOptions.showUnfocusedDescription === false && !focused}
      />
    </Box>
  );
};

export const radioControlTester: RankedTester = rankWith(
  25,
  and(
    isControl,
    schemaMatches((schema) => isOneOfEnumSchema(schema) || Array.isArray(schema.enum)),
    optionIs('format', 'radio'),
  ),
);

export const booleanControlTester: RankedTester = rankWith(4, isBooleanControl);

export const radioControlEntry = {
  tester: radioControlTester,
  renderer: withJsonFormsControlProps(RadioControl),
};
export const booleanControlEntry = {
  tester: booleanControlTester,
  renderer: withJsonFormsControlProps(BooleanControl),
};
