import type { JsonSchema, Middleware, UISchemaElement, ValidationMode } from '@jsonforms/core';
import { JsonForms } from '@jsonforms/react';
import type { Ajv, ErrorObject } from 'ajv';
import type { FormValues } from '../../../form-logic/index.js';
import { formI18n } from './i18n.js';
import { formCells, formRenderers } from './renderers/index.js';

/** Options for every rendered form: descriptions always visible, no input restrictions beyond the schema. */
const FORM_CONFIG = {
  showUnfocusedDescription: true,
  hideRequiredAsterisk: false,
  restrict: false,
  trim: false,
};

interface FormViewProps {
  schema: JsonSchema;
  uischema: UISchemaElement;
  data: FormValues;
  ajv: Ajv;
  readonly?: boolean;
  validationMode?: ValidationMode;
  additionalErrors?: ErrorObject[];
  onChange?: (state: { data: FormValues; errors: ErrorObject[] }) => void;
  middleware?: Middleware;
}

/** One form version rendered by JSON Forms with the platform's renderers, German texts and shared Ajv. */
export const FormView = ({
  schema,
  uischema,
  data,
  ajv,
  readonly = false,
  validationMode = 'ValidateAndShow',
  additionalErrors,
  onChange,
  middleware,
}: FormViewProps) => (
  <JsonForms
    schema={schema}
    uischema={uischema}
    data={data}
    ajv={ajv}
    renderers={formRenderers}
    cells={formCells}
    i18n={formI18n}
    config={FORM_CONFIG}
    readonly={readonly}
    validationMode={validationMode}
    additionalErrors={additionalErrors}
    middleware={middleware}
    onChange={
      onChange
        ? ({ data: next, errors }) =>
            onChange({ data: next as FormValues, errors: (errors ?? []) as ErrorObject[] })
        : undefined
    }
  />
);
