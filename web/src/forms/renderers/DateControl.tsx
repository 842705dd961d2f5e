import {
  and,
  type ControlProps,
  isControl,
  type RankedTester,
  rankWith,
  schemaMatches,
} from '@jsonforms/core';
import { withJsonFormsControlProps } from '@jsonforms/react';
import { formatHint, formatStored, parseTyped } from './date-formats.js';
import { appliedOptions } from './options.js';
import { TextFieldControl } from './TextFieldControl.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

const isRealDate = (year: number, month: number, day: number): boolean => {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
};

/** „24.11.2026“ (or „2026-11-24“) → „2026-11-24“; `null` when it is not a real date. */
export const parseGermanDate = (text: string): string | null => {
  const trimmed = text.trim();
  const iso = ISO_DATE.exec(trimmed);
  const german = GERMAN_DATE.exec(trimmed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (!isRealDate(year, month, day)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};

const dateToText = (value: unknown): string => {
  if (typeof value !== 'string') return '';
  const iso = ISO_DATE.exec(value);
  return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : value;
};

const textToDate = (text: string): unknown => parseGermanDate(text) ?? text;

const DEFAULT_DATE = 'DD.MM.YYYY';

/**
 * A date typed as „TT.MM.JJJJ“ and stored as ISO „JJJJ-MM-TT“ (`format: date`). A plain text
 * field works the same with every screen reader and keyboard; known dates are quicker typed than picked.
 * `options.dateFormat` and `options.dateSaveFormat` choose other formats.
 */
export const DateControl = (props: ControlProps) => {
  const options = appliedOptions(props.config, props.uischema);
  const display = typeof options.dateFormat === 'string' ? options.dateFormat : DEFAULT_DATE;
  const save = typeof options.dateSaveFormat === 'string' ? options.dateSaveFormat : undefined;
  if (display === DEFAULT_DATE && (save === undefined || save === 'YYYY-MM-DD')) {
    return (
      <TextFieldControl
        {...props}
        toText={dateToText}
        fromText={textToDate}
        inputMode="numeric"
        labelHint="(TT.MM.JJJJ)"
      />
    );
  }
  const formats = { display, save: save ?? 'YYYY-MM-DD' };
  return (
    <TextFieldControl
      {...props}
      toText={(value) => formatStored(value, formats)}
      fromText={(text) => parseTyped(text, formats)}
      labelHint={formatHint(display)}
    />
  );
};

/**
 * A date with time (`format: date-time`), typed as „TT.MM.JJJJ HH:MM“ and stored as ISO 8601;
 * `options.dateTimeFormat`, `options.dateTimeSaveFormat` and `options.ampm` choose other formats.
 */
export const DateTimeControl = (props: ControlProps) => {
  const options = appliedOptions(props.config, props.uischema);
  const display =
    typeof options.dateTimeFormat === 'string'
      ? options.dateTimeFormat
      : options.ampm === true
        ? 'DD.MM.YYYY hh:mm A'
        : 'DD.MM.YYYY HH:mm';
  const formats = {
    display,
    save: typeof options.dateTimeSaveFormat === 'string' ? options.dateTimeSaveFormat : undefined,
  };
  return (
    <TextFieldControl
      {...props}
      toText={(value) => formatStored(value, formats)}
      fromText={(text) => parseTyped(text, formats)}
      labelHint={formatHint(display)}
    />
  );
};

/**
 * A time of day (`format: time`), typed as „HH:MM“ and stored as „HH:mm:ss“;
 * `options.timeFormat`, `options.timeSaveFormat` and `options.ampm` choose other formats.
 */
export const TimeControl = (props: ControlProps) => {
  const options = appliedOptions(props.config, props.uischema);
  const display =
    typeof options.timeFormat === 'string' ? options.timeFormat : options.ampm === true ? 'hh:mm A' : 'HH:mm';
  const formats = {
    display,
    save: typeof options.timeSaveFormat === 'string' ? options.timeSaveFormat : 'HH:mm:ss',
  };
  return (
    <TextFieldControl
      {...props}
      toText={(value) => formatStored(value, formats)}
      fromText={(text) => parseTyped(text, formats)}
      inputMode={options.ampm === true ? undefined : 'numeric'}
      labelHint={formatHint(display)}
    />
  );
};

const hasFormat = (format: string) =>
  and(
    isControl,
    schemaMatches((schema) => schema.type === 'string' && schema.format === format),
  );

export const dateControlTester: RankedTester = rankWith(6, hasFormat('date'));
const dateTimeControlTester: RankedTester = rankWith(6, hasFormat('date-time'));
const timeControlTester: RankedTester = rankWith(6, hasFormat('time'));

export const dateControlEntry = {
  tester: dateControlTester,
  renderer: withJsonFormsControlProps(DateControl),
};
export const dateTimeControlEntry = {
  tester: dateTimeControlTester,
  renderer: withJsonFormsControlProps(DateTimeControl),
};
export const timeControlEntry = {
  tester: timeControlTester,
  renderer: withJsonFormsControlProps(TimeControl),
};
