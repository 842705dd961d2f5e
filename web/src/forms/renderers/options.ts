import type { JsonSchema, UISchemaElement } from '@jsonforms/core';

/**
 * The options of JSON Forms' material renderers that the platform's own renderers honour. Each
 * is read as material reads it: the UI schema element's `options` over the form's `config`.
 */
export interface AppliedOptions {
  /** Input only as wide as `maxLength` asks for, not the full width. */
  trim?: boolean;
  /** No more characters than the schema's `maxLength` can be typed. */
  restrict?: boolean;
  /** Required fields without the asterisk (screen readers still hear „erforderlich“). */
  hideRequiredAsterisk?: boolean;
  /** The description shown while the field is not focused (else only on focus; always read out). */
  showUnfocusedDescription?: boolean;
  /** The field takes focus when the form appears. */
  focus?: boolean;
  /** Several lines of text. */
  multi?: boolean;
  /** `radio` for choices, `password` for text. */
  format?: string;
  /** A yes/no question as a switch instead of a checkbox. */
  toggle?: boolean;
  /** „Nach oben“/„Nach unten“ buttons on the entries of a list. */
  showSortButtons?: boolean;
  showArrayLayoutSortButtons?: boolean;
  showArrayTableSortButtons?: boolean;
  /** No „hinzufügen“ or „Entfernen“ buttons on a list. */
  disableAdd?: boolean;
  disableRemove?: boolean;
  /** Display and storage formats of dates and times (dayjs tokens, e.g. „DD.MM.YYYY“). */
  dateFormat?: string;
  dateSaveFormat?: string;
  dateTimeFormat?: string;
  dateTimeSaveFormat?: string;
  timeFormat?: string;
  timeSaveFormat?: string;
  /** Times with „AM/PM“ instead of 24 hours. */
  ampm?: boolean;
  [option: string]: unknown;
}

/** `uischema.options` over `config`, as JSON Forms' `appliedUiSchemaOptions`. */
export const appliedOptions = (config: unknown, uischema: UISchemaElement | undefined): AppliedOptions => ({
  ...(config && typeof config === 'object' ? (config as AppliedOptions) : {}),
  ...(uischema?.options ?? {}),
});

const humanize = (key: string) =>
  key.charAt(0).toUpperCase() + key.slice(1).replace(/([a-z])([A-Z])/g, '$1 $2');

/**
 * The name a control is announced by: its label, else (with `"label": false`) the schema's title,
 * else the last key of its scope. Controls show it visually hidden when the label is switched off.
 */
export const accessibleName = (
  label: string | undefined,
  schema: JsonSchema | undefined,
  uischema: UISchemaElement | undefined,
): string => {
  if (label) return label;
  if (schema?.title) return schema.title;
  const scope = (uischema as { scope?: unknown } | undefined)?.scope;
  const key = typeof scope === 'string' ? scope.split('/').at(-1) : undefined;
  return key && key !== '#' ? humanize(decodeURIComponent(key)) : 'Angabe';
};
