import {
  type ErrorTranslator,
  isOneOfEnumSchema,
  type JsonFormsI18nState,
  type JsonSchema,
  type Translator,
} from '@jsonforms/core';
import type { ErrorObject } from 'ajv';
import { formatCents, type JsonSchemaObject, toFieldErrors } from '../../../form-logic/index.js';
import { SERVER_ERROR_KEYWORD } from './paths.js';

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 6 });

const MONEY_TYPE_MESSAGE = 'muss ein Betrag in Euro sein, z. B. 1.234,56';
const INTEGER_TYPE_MESSAGE = 'muss eine ganze Zahl sein, z. B. 12';
const NUMBER_TYPE_MESSAGE = 'muss eine Zahl sein, z. B. 1,5';

/** German texts for the built-in JSON Forms renderers (array tables, dialogs), keyed by the last key segment. */
const builtInTexts: Record<string, string> = {
  addTooltip: 'Eintrag hinzufügen',
  addAriaLabel: 'Eintrag hinzufügen',
  removeTooltip: 'Eintrag entfernen',
  removeAriaLabel: 'Eintrag entfernen',
  up: 'Nach oben',
  upAriaLabel: 'Eintrag nach oben verschieben',
  down: 'Nach unten',
  downAriaLabel: 'Eintrag nach unten verschieben',
  noDataMessage: 'Keine Einträge',
  noSelection: 'Kein Eintrag ausgewählt',
  deleteDialogTitle: 'Eintrag entfernen?',
  deleteDialogMessage: 'Möchten Sie diesen Eintrag wirklich entfernen?',
  deleteDialogAccept: 'Entfernen',
  deleteDialogDecline: 'Abbrechen',
  clearDialogTitle: 'Eingaben löschen?',
  clearDialogMessage: 'Die bisherigen Eingaben in diesem Bereich werden gelöscht. Fortfahren?',
  clearDialogAccept: 'Löschen',
  clearDialogDecline: 'Abbrechen',
};

const translate: Translator = ((key: string, defaultMessage?: string) => {
  if (key === 'is a required property') return 'Pflichtfeld';
  const lastSegment = key.slice(key.lastIndexOf('.') + 1);
  return builtInTexts[lastSegment] ?? defaultMessage;
}) as Translator;

const isNumericSchema = (schema: JsonSchemaObject | undefined): 'integer' | 'number' | undefined => {
  const types = Array.isArray(schema?.type) ? schema.type : [schema?.type];
  if (types.includes('integer')) return 'integer';
  if (types.includes('number')) return 'number';
  return undefined;
};

const limitMessage = (error: ErrorObject, isMoney: boolean): string | undefined => {
  const limit = (error.params as { limit?: unknown }).limit;
  if (typeof limit !== 'number') return undefined;
  const shown = isMoney ? formatCents(limit) : numberFormat.format(limit);
  const verb = isMoney ? 'betragen' : 'sein';
  switch (error.keyword) {
    case 'minimum':
      return `muss mindestens ${shown} ${verb}`;
    case 'maximum':
      return `darf höchstens ${shown} ${verb}`;
    case 'exclusiveMinimum':
      return `muss mehr als ${shown} ${verb}`;
    case 'exclusiveMaximum':
      return `muss weniger als ${shown} ${verb}`;
    default:
      return undefined;
  }
};

/**
 * The German message for one validation error, worded for the field it is shown at.
 * Server errors keep their message; the rest uses the shared form logic's wording (the same as
 * the server's), refined where the browser knows more (money fields, typed text in number fields).
 */
export const formErrorMessage = (error: ErrorObject): string => {
  if (error.keyword === SERVER_ERROR_KEYWORD) return error.message ?? '';
  const parent = error.parentSchema as JsonSchemaObject | undefined;
  const isMoney = parent?.format === 'cents';
  if (error.keyword === 'type' && parent) {
    const numeric = isNumericSchema(parent);
    if (isMoney) return MONEY_TYPE_MESSAGE;
    if (numeric === 'integer') return INTEGER_TYPE_MESSAGE;
    if (numeric === 'number') return NUMBER_TYPE_MESSAGE;
  }
  if (
    (error.keyword === 'oneOf' || error.keyword === 'anyOf') &&
    parent &&
    isOneOfEnumSchema(parent as JsonSchema)
  ) {
    return 'muss einem der vorgegebenen Werte entsprechen';
  }
  if (error.keyword === 'format' && (error.params as { format?: string }).format === 'date') {
    return 'muss ein gültiges Datum sein (TT.MM.JJJJ)';
  }
  const limit = limitMessage(error, isMoney);
  if (limit) return limit;
  return toFieldErrors([error])[0]?.message ?? error.message ?? 'ist ungültig';
};

const translateError: ErrorTranslator = (error) => formErrorMessage(error);

/** The `i18n` prop for `<JsonForms>`: German texts and error messages. */
export const formI18n: JsonFormsI18nState = { locale: 'de', translate, translateError };
