import {
  and,
  type ControlProps,
  isControl,
  isOneOfEnumSchema,
  type RankedTester,
  rankWith,
  schemaMatches,
} from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { TextFieldControl } from './TextFieldControl.js';

const identity = (text: string) => text;
const valueToText = (value: unknown) =>
  typeof value === 'string' ? value : value == null ? '' : String(value);

const typeForFormat: Record<string, 'email' | 'tel' | 'url'> = { email: 'email', uri: 'url', tel: 'tel' };
const autoCompleteForFormat: Record<string, string> = { email: 'email', uri: 'url', tel: 'tel' };

/**
 * Single- and multi-line text (`options.multi`). `options.autocomplete` may name an HTML
 * autocomplete token (e.g. "organization", "email") so browsers can fill personal data (WCAG 1.3.5).
 */
export const TextControl = (props: ControlProps) => {
  const { schema, uischema } = props;
  const format = typeof schema.format === 'string' ? schema.format : '';
  const autocomplete = uischema.options?.autocomplete;
  return (
    <TextFieldControl
      {...props}
      toText={valueToText}
      fromText={identity}
      multiline={uischema.options?.multi === true}
      type={typeForFormat[format] ?? 'text'}
      autoComplete={
        typeof autocomplete === 'string' ? autocomplete : (autoCompleteForFormat[format] ?? 'off')
      }
    />
  );
};

const isPlainTextSchema = schemaMatches(
  (schema) =>
    schema.type === 'string' &&
    schema.enum === undefined &&
    !isOneOfEnumSchema(schema) &&
    !['date', 'time', 'date-time'].includes(String(schema.format)),
);

export const textControlTester: RankedTester = rankWith(3, and(isControl, isPlainTextSchema));

export const textControlEntry = {
  tester: textControlTester,
  renderer: withJsonFormsControlProps(TextControl),
};
