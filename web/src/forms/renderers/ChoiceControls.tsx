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
  TextField,
} from '@mui/material';
import { enumOptions } from './EnumControl.js';
import { FieldHelperTexts, fieldDescriptionIds } from './field-helpers.js';

/** A read-only form shows the chosen answer as text instead of greyed-out, hard to read widgets. */
const ReadOnlyAnswer = ({
  id,
  label,
  description,
  errors,
  text,
}: Pick<ControlProps, 'id' | 'label' | 'description' | 'errors'> & { text: string }) => {
  const { describedBy } = fieldDescriptionIds(id, description, errors);
  return (
    <Box>
      <TextField
        id={`${id}-input`}
        label={label}
        fullWidth
        value={text}
        slotProps={{ input: { readOnly: true }, htmlInput: { 'aria-describedby': describedBy } }}
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
  const { data, handleChange, path, id, label, description, errors, required, enabled, visible, schema } =
    props;
  if (!visible) return null;
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
      required={required}
      aria-describedby={describedBy}
      fullWidth
    >
      <FormLabel component="legend" sx={{ mb: 0.5 }}>
        {label}
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
      <FieldHelperTexts id={id} description={description} errors={errors} />
    </FormControl>
  );
};

/** A yes/no question as a checkbox with its description and error attached. */
export const BooleanControl = (props: ControlProps) => {
  const { data, handleChange, path, id, label, description, errors, enabled, visible } = props;
  if (!visible) return null;
  if (!enabled) return <ReadOnlyAnswer {...props} text={data === true ? 'Ja' : 'Nein'} />;
  const { describedBy } = fieldDescriptionIds(id, description, errors);
  return (
    <Box>
      <FormControlLabel
        label={label}
        control={
          <Checkbox
            id={`${id}-input`}
            checked={data === true}
            onChange={(_event, checked) => handleChange(path, checked)}
            slotProps={{ input: { 'aria-describedby': describedBy } }}
          />
        }
      />
      <FieldHelperTexts id={id} description={description} errors={errors} />
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
