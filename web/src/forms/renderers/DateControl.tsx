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

/**
 * A date typed as „TT.MM.JJJJ“ and stored as ISO „JJJJ-MM-TT“ (`format: date`). A plain text
 * field works the same with every screen reader and keyboard; known dates are quicker typed than picked.
 */
export const DateControl = (props: ControlProps) => (
  <TextFieldControl
    {...props}
    toText={dateToText}
    fromText={textToDate}
    inputMode="numeric"
    labelHint="(TT.MM.JJJJ)"
  />
);

export const dateControlTester: RankedTester = rankWith(
  6,
  and(
    isControl,
    schemaMatches((schema) => schema.type === 'string' && schema.format === 'date'),
  ),
);

export const dateControlEntry = {
  tester: dateControlTester,
  renderer: withJsonFormsControlProps(DateControl),
};
