import {
  and,
  type ControlProps,
  isControl,
  type RankedTester,
  rankWith,
  schemaMatches,
} from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { TextFieldControl } from './TextFieldControl.js';

const NUMBER_PATTERN = /^(-)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
const inputFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 10, useGrouping: false });

/** Parses a number as Germans type it: „1,5“, „1.250“, „1.250,75“; `null` when it is not a number. */
export const parseGermanNumber = (text: string): number | null => {
  const match = NUMBER_PATTERN.exec(text.replace(/[\s\u00a0\u202f]/g, ''));
  if (!match) return null;
  const [, minus, whole, fraction] = match;
  const value = Number(`${minus ?? ''}${whole!.replaceAll('.', '')}.${fraction ?? '0'}`);
  return Number.isFinite(value) ? value : null;
};

const numberToText = (value: unknown): string => {
  if (typeof value === 'number' && Number.isFinite(value)) return inputFormat.format(value);
  if (typeof value === 'string') return value;
  return '';
};

const textToNumber = (text: string): unknown => parseGermanNumber(text) ?? text;

/**
 * A number with German decimal comma. A text input (not `type="number"`) because number inputs
 * follow the browser's locale, not the page's, and silently drop text they cannot read.
 */
export const NumberControl = (props: ControlProps) => {
  const isInteger = props.schema.type === 'integer';
  const unit = typeof props.uischema.options?.unit === 'string' ? props.uischema.options.unit : undefined;
  return (
    <TextFieldControl
      {...props}
      toText={numberToText}
      fromText={textToNumber}
      inputMode={isInteger ? 'numeric' : 'decimal'}
      unit={unit}
      alignRight
    />
  );
};

export const numberControlTester: RankedTester = rankWith(
  3,
  and(
    isControl,
    schemaMatches((schema) => schema.type === 'number' || schema.type === 'integer'),
  ),
);

export const numberControlEntry = {
  tester: numberControlTester,
  renderer: withJsonFormsControlProps(NumberControl),
};
