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
import { parseEuroToCents } from '../../../../form-logic/index.js';
import { TextFieldControl } from './TextFieldControl.js';

const amountFormat = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Cents as the text of the input, without the currency sign (the adornment shows „€“). */
export const centsToInputText = (value: unknown): string => {
  if (typeof value === 'number' && Number.isFinite(value)) return amountFormat.format(value / 100);
  // Text that could not be parsed stays in the data, so validation reports it and nothing typed is lost.
  if (typeof value === 'string') return value;
  return '';
};

const textToCents = (text: string): unknown => parseEuroToCents(text) ?? text;

/**
 * An amount of money: shows euros the German way („1.234,56“ with „€“) and stores integer cents.
 * Text that is not an amount is stored as it is, so the form's validation reports it in German.
 */
export const MoneyControl = (props: ControlProps) => (
  <TextFieldControl
    {...props}
    toText={centsToInputText}
    fromText={textToCents}
    inputMode="decimal"
    unit="€"
    hiddenLabelSuffix="in Euro"
    alignRight
  />
);

/** Integer fields with `format: "cents"`. */
export const isMoneySchema = (schema: JsonSchema | undefined): boolean =>
  schema?.format === 'cents' &&
  (schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer')));

export const moneyControlTester: RankedTester = rankWith(
  10,
  and(
    isControl,
    schemaMatches((schema) => isMoneySchema(schema)),
  ),
);

export const moneyControlEntry = {
  tester: moneyControlTester,
  renderer: withJsonFormsControlProps(MoneyControl),
};
