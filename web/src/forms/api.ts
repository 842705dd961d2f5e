import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import type { FormValues } from '../../../form-logic/index.js';
import { graphqlRequest } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import { graphql } from '../gql/index.js';
import type { RenderableFormVersionFragment, SubmitFormMutation } from '../gql/graphql.js';

graphql(`
  fragment RenderableFormVersion on FormVersion {
    id
    formKey
    number
    title
    description
    schema
    uischema
    sampleData
  }
`);

export const formsQuery = graphql(`
  query Forms {
    forms {
      key
      title
      description
      viewerCan {
        submit
      }
      published {
        id
        number
      }
    }
  }
`);

export const formQuery = graphql(`
  query Form($key: String!) {
    form(key: $key) {
      key
      title
      description
      viewerCan {
        submit
      }
      published {
        ...RenderableFormVersion
      }
    }
  }
`);

export const submissionQuery = graphql(`
  query Submission($id: UUID!) {
    submission(id: $id) {
      id
      formKey
      clientSubmissionId
      createdAt
      createdBy
      data
      viewerCan {
        readData
      }
      formVersion {
        ...RenderableFormVersion
      }
    }
  }
`);

export const submissionsQuery = graphql(`
  query Submissions($formKey: String!) {
    submissions(formKey: $formKey) {
      id
      formKey
      createdAt
      provider {
        id
        name
      }
    }
  }
`);

export const submitFormMutation = graphql(`
  mutation SubmitForm($formKey: String!, $data: JSON!, $clientSubmissionId: ID!, $formVersionId: UUID) {
    submitForm(
      formKey: $formKey
      data: $data
      clientSubmissionId: $clientSubmissionId
      formVersionId: $formVersionId
    ) {
      submission {
        id
      }
      errors {
        path
        message
      }
      errorCount
    }
  }
`);

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Narrows a JSON scalar that must be an object; anything else is a broken record. */
export const asJsonObject = (value: unknown, what: string): Record<string, unknown> => {
  if (!isJsonObject(value)) throw new Error(`${what} ist kein JSON-Objekt.`);
  return value;
};

/** A form version as JSON Forms renders it: the generated fragment with its JSON fields narrowed. */
export type RenderableFormVersion = Omit<
  RenderableFormVersionFragment,
  'schema' | 'uischema' | 'sampleData'
> & {
  schema: JsonSchema;
  uischema: UISchemaElement;
  sampleData: FormValues | null;
};

/** Narrows the JSON fields of a fetched version; throws for a version whose schema is not an object. */
export const toRenderableVersion = (version: RenderableFormVersionFragment): RenderableFormVersion => ({
  ...version,
  schema: asJsonObject(version.schema, 'Das Schema') as JsonSchema,
  uischema: asJsonObject(version.uischema, 'Das UI-Schema') as unknown as UISchemaElement,
  sampleData: version.sampleData == null ? null : asJsonObject(version.sampleData, 'Die Beispieldaten'),
});

export type SubmitFormPayload = SubmitFormMutation['submitForm'];

/**
 * Submits a filled form; the payload holds the stored submission or the field errors (then nothing
 * was stored).
 */
export const submitForm = async (input: {
  formKey: string;
  formVersionId: string;
  clientSubmissionId: string;
  data: FormValues;
}): Promise<SubmitFormPayload> => {
  const { submitForm: payload } = await graphqlRequest(submitFormMutation, input);
  if (!payload.submission && payload.errors.length === 0) throw new ApiError('UNKNOWN');
  return payload;
};
