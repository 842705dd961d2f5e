import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';

dayjs.extend(customParseFormat);

/** A dayjs format as the German hint after the label: „DD.MM.YYYY HH:mm“ → „(TT.MM.JJJJ HH:MM)“. */
export const formatHint = (format: string): string =>
  `(${format
    .replace(/Y/g, 'J')
    .replace(/D/g, 'T')
    .replace(/m/g, 'M')
    .replace(/[sS]/g, 'S')
    .replace(/A/g, 'AM/PM')})`;

export interface Formats {
  /** How the value is shown and typed. */
  display: string;
  /** How the value is stored; `undefined` stores ISO 8601 (date-time with the time zone). */
  save?: string;
}

/** Stored value → text in the display format; values that are not in the save format stay as they are. */
export const formatStored = (value: unknown, { display, save }: Formats): string => {
  if (typeof value !== 'string' || value === '') return '';
  const parsed = save ? dayjs(value, save, true) : dayjs(value);
  return parsed.isValid() ? parsed.format(display) : value;
};

/** Typed text → stored value; text that is not in the display format stays, so validation reports it. */
export const parseTyped = (text: string, { display, save }: Formats): unknown => {
  const parsed = dayjs(text.trim(), display, true);
  if (!parsed.isValid()) return text;
  return save ? parsed.format(save) : parsed.toISOString();
};
