import { Alert, AlertTitle, Box, Link } from '@mui/material';
import type { Ajv } from 'ajv';
import type { Ref } from 'react';
import type { FormValues } from '../../../form-logic/index.js';
import type { RenderableFormVersion } from '../forms/api.js';
import { focusField } from '../forms/focus-field.js';
import { FormView } from '../forms/FormView.js';
import type { DocumentFill } from './useDocumentFill.js';

/** An entry of the error summary of a page with several documents: the document's container finds the field. */
export interface DocumentErrorEntry {
  /** The id of the element that holds the document's form. */
  containerId: string;
  pointer: string;
  field: string;
  message: string;
}

/**
 * The list of problems above the documents after a submit attempt (the error summary pattern of the form
 * pages): it takes focus; each entry moves focus to its field in its document.
 */
export const DocumentErrorSummary = ({
  entries,
  unlistedCount = 0,
  ref,
}: {
  entries: DocumentErrorEntry[];
  unlistedCount?: number;
  ref?: Ref<HTMLDivElement>;
}) => {
  const count = entries.length + unlistedCount;
  return (
    <Alert
      ref={ref}
      severity="error"
      role="alert"
      tabIndex={-1}
      aria-labelledby="dokument-fehler-titel"
      data-testid="error-summary"
      sx={{ mb: 3, '&:focus': { outline: '3px solid #0d47a1', outlineOffset: '2px' } }}
    >
      <AlertTitle id="dokument-fehler-titel" component="h2" sx={{ fontSize: '1.125rem', fontWeight: 600 }}>
        {count === 1 ? 'Bitte prüfen Sie eine Angabe' : `Bitte prüfen Sie ${count} Angaben`}
      </AlertTitle>
      <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
        {entries.map((entry) => (
          <li key={`${entry.containerId}|${entry.pointer}|${entry.message}`}>
            <Link
              component="button"
              type="button"
              onClick={() => {
                const container = document.getElementById(entry.containerId);
                if (container) focusField(entry.pointer, container);
              }}
              sx={{ textAlign: 'left', color: 'error.dark', fontSize: '1rem', verticalAlign: 'baseline' }}
            >
              {entry.field}: {entry.message}
            </Link>
          </li>
        ))}
        {unlistedCount > 0 && (
          <li>
            und {unlistedCount} {unlistedCount === 1 ? 'weiterer Fehler' : 'weitere Fehler'}
          </li>
        )}
      </ul>
    </Alert>
  );
};

/** One document rendered by JSON Forms: editable with its fill, or read-only with stored data. */
export const DocumentForm = ({
  id,
  version,
  ajv,
  fill,
  data,
}: {
  /** The container's id (the error summary finds fields inside it). */
  id: string;
  version: RenderableFormVersion;
  ajv: Ajv;
  fill?: DocumentFill;
  /** Read-only data when there is no fill. */
  data?: FormValues;
}) => (
  <Box id={id} onBlur={fill?.handleFocusOut}>
    {fill ? (
      <FormView
        schema={version.schema}
        uischema={version.uischema}
        data={fill.jsonFormsData}
        ajv={ajv}
        validationMode={fill.validationMode}
        additionalErrors={fill.additionalErrors}
        onChange={fill.handleChange}
        middleware={fill.middleware}
      />
    ) : (
      <FormView
        schema={version.schema}
        uischema={version.uischema}
        data={data ?? {}}
        ajv={ajv}
        readonly
        validationMode="NoValidation"
      />
    )}
  </Box>
);
