import {
  and,
  type ControlProps,
  isControl,
  type JsonSchema,
  type RankedTester,
  rankWith,
  schemaMatches,
} from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { Box, Typography } from '@mui/material';
import { formatCents } from '../../../../form-logic/index.js';
import { visuallyHidden } from '../../app/visually-hidden.js';
import { FieldHelperTexts, fieldDescriptionIds } from './field-helpers.js';
import { isMoneySchema } from './MoneyControl.js';
import { accessibleName } from './options.js';

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** The computed value as text: money as „1.234,56 €“, other numbers German, nothing yet as „–“. */
export const formatComputedValue = (value: unknown, schema: JsonSchema): string => {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return isMoneySchema(schema) ? formatCents(value) : numberFormat.format(value);
  }
  if (typeof value === 'string' && value !== '') return value;
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nein';
  return '–';
};

/**
 * A value the form computes (`x-derived`, e.g. line amounts and totals): a visible label and the
 * formatted value inside a polite live region, so screen readers announce „Gesamtkosten 1.234,56 €“
 * when it changes. It is not an input, so it is neither greyed out nor in the tab order; the error
 * summary can still focus it.
 */
export const ComputedControl = (props: ControlProps) => {
  const { data, schema, uischema, id, label, description, errors, visible, path } = props;
  if (!visible) return null;

  const labelId = `${id}-label`;
  const { describedBy } = fieldDescriptionIds(id, description, errors);
  const hasErrors = errors.length > 0;

  return (
    <Box>
      <Box
        aria-live="polite"
        aria-atomic="true"
        sx={{
          border: 1,
          borderColor: hasErrors ? 'error.main' : 'divider',
          borderRadius: 1,
          bgcolor: 'grey.50',
          px: 1.75,
          py: 0.75,
          minHeight: 56,
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
        }}
      >
        <Typography
          component="span"
          id={labelId}
          sx={
            label
              ? { fontSize: '0.75rem', lineHeight: 1.4, color: hasErrors ? 'error.main' : 'text.secondary' }
              : visuallyHidden
          }
        >
          {accessibleName(label, schema, uischema)}
        </Typography>
        <Box
          component="span"
          tabIndex={-1}
          aria-describedby={describedBy}
          data-computed-path={path}
          sx={{
            fontSize: '1rem',
            fontWeight: 600,
            fontVariantNumeric: 'tabular-nums',
            textAlign: isMoneySchema(schema) ? 'right' : 'left',
            '&:focus-visible': { outline: '3px solid #0d47a1', outlineOffset: '2px' },
          }}
        >
          {formatComputedValue(data, schema)}
        </Box>
      </Box>
      <FieldHelperTexts id={id} description={description} errors={errors} />
    </Box>
  );
};

/** A property the form computes: `x-derived` expression, marked `readOnly`. */
export const isComputedSchema = (schema: JsonSchema | undefined): boolean =>
  typeof (schema as Record<string, unknown> | undefined)?.['x-derived'] === 'string';

export const computedControlTester: RankedTester = rankWith(
  20,
  and(
    isControl,
    schemaMatches((schema) => isComputedSchema(schema)),
  ),
);

export const computedControlEntry = {
  tester: computedControlTester,
  renderer: withJsonFormsControlProps(ComputedControl),
};
