import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { graphqlRequest } from '../api/client.js';
import { ApiError } from '../api/errors.js';

/** A form as listed on the start page. */
export interface FormSummary {
  key: string;
  title: string;
  description: string | null;
  published: { id: string; number: number } | null;
}

/** The parts of a form version the web renders. */
export interface RenderableFormVersion {
  id: string;
  formKey: string;
  number: number;
  title: string;
  description: string | null;
  schema: JsonSchema;
  uischema: UISchemaElement;
  sampleData: Record<string, unknown> | null;
}

export interface FormWithPublishedVersion {
  key: string;
  title: string;
  description: string | null;
  published: RenderableFormVersion | null;
}

export interface StoredSubmission {
  id: string;
  formKey: string;
  clientSubmissionId: string;
  createdAt: string;
  createdBy: string;
  data: Record<string, unknown>;
  formVersion: RenderableFormVersion;
}

/** A field error as the API returns it: JSON Pointer of the field and a German message. */
export interface ApiFieldError {
  path: string;
  message: string;
}

const VERSION_FIELDS = `
  id
  formKey
  number
  title
  description
  schema
  uischema
  sampleData
`;

export const FORMS_QUERY = `
  query Forms {
    forms {
      key
      title
      description
      published { id number }
    }
  }
`;

export const FORM_QUERY = `
  query Form($key: String!) {
    form(key: $key) {
      key
      title
      description
      published { ${VERSION_FIELDS} }
    }
  }
`;

export const SUBMISSION_QUERY = `
  query Submission($id: ID!) {
    submission(id: $id) {
      id
      formKey
      clientSubmissionId
      createdAt
      createdBy
      data
      formVersion { ${VERSION_FIELDS} }
    }
  }
`;

export const SUBMIT_FORM_MUTATION = `
  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: ID) {
    submitForm(formKey: $formKey, data: $data, clientSubmissionId: $clientSubmissionId, formVersionId: $formVersionId) {
      submission { id }
      errors { path message }
    }
  }
`;

export type SubmitResult =
  { submissionId: string; errors: [] } | { submissionId: null; errors: ApiFieldError[] };

/** Submits a filled form; returns the stored submission's id or the field errors (then nothing was stored). */
export const submitForm = async (input: {
  formKey: string;
  formVersionId: string;
  clientSubmissionId: string;
  data: unknown;
}): Promise<SubmitResult> => {
  const result = await graphqlRequest<{
    submitForm: { submission: { id: string } | null; errors: ApiFieldError[] };
  }>(SUBMIT_FORM_MUTATION, input);
  const { submission, errors } = result.submitForm;
  if (submission) return { submissionId: submission.id, errors: [] };
  if (errors.length === 0) throw new ApiError('UNKNOWN');
  return { submissionId: null, errors };
};
