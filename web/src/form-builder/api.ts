import type {
  FieldError,
  FormDefinition,
  FormValues,
  JsonSchemaObject,
  UiSchema,
} from '../../../form-logic/index.js';
import { graphqlRequest } from '../api/client.js';
import { graphql } from '../gql/index.js';
import type { BuilderVersionFragment } from '../gql/graphql.js';

graphql(`
  fragment BuilderVersion on FormVersion {
    id
    formKey
    number
    status
    revision
    title
    description
    schema
    uischema
    sampleData
    createdAt
    createdByName
    viewerCan {
      update
      publish
    }
  }
`);

export const builderVersionQuery = graphql(`
  query BuilderVersion($id: UUID!) {
    formVersion(id: $id) {
      ...BuilderVersion
      form {
        key
        title
        published {
          id
          number
          title
          description
          schema
          uischema
          sampleData
        }
      }
    }
  }
`);

export const saveDraftMutation = graphql(`
  mutation SaveBuilderDraft(
    $id: UUID!
    $expectedRevision: Int!
    $schema: JSON!
    $uischema: JSON!
    $title: String
    $description: String
    $sampleData: JSON
  ) {
    updateDraft(
      id: $id
      expectedRevision: $expectedRevision
      schema: $schema
      uischema: $uischema
      title: $title
      description: $description
      sampleData: $sampleData
    ) {
      formVersion {
        ...BuilderVersion
      }
      errors {
        path
        message
      }
      errorCount
    }
  }
`);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const checkDefinitionQuery = graphql(`
  query CheckBuilderDefinition($formKey: String!, $schema: JSON!, $uischema: JSON!) {
    checkFormDefinition(formKey: $formKey, schema: $schema, uischema: $uischema) {
      errors {
        path
        message
      }
      contractErrors {
        path
        message
      }
    }
  }
`);

/** Checks a definition on the server (every problem, including the pattern analysis, and the guardrails). */
export async function checkDefinition(
  definition: Pick<FormDefinition, 'key' | 'schema' | 'uischema'>,
  signal?: AbortSignal,
): Promise<{ errors: FieldError[]; contractErrors: FieldError[] }> {
  const { checkFormDefinition } = await graphqlRequest(
    checkDefinitionQuery,
    { formKey: definition.key, schema: definition.schema, uischema: definition.uischema },
    { signal },
  );
  return checkFormDefinition;
}

/** The builder's definition of a stored version (JSON fields narrowed; a broken record throws). */
export function toDefinition(
  version: Pick<
    BuilderVersionFragment,
    'formKey' | 'title' | 'description' | 'schema' | 'uischema' | 'sampleData'
  >,
): FormDefinition {
  if (!isObject(version.schema)) throw new Error('Das Schema ist kein JSON-Objekt.');
  if (!isObject(version.uischema)) throw new Error('Das UI-Schema ist kein JSON-Objekt.');
  const definition: FormDefinition = {
    key: version.formKey,
    title: version.title,
    schema: version.schema as JsonSchemaObject,
    uischema: version.uischema as UiSchema,
    sampleData: isObject(version.sampleData) ? (version.sampleData as FormValues) : {},
  };
  if (version.description) definition.description = version.description;
  return definition;
}

/** Saves the builder's content into the draft; the payload holds the saved version or field errors. */
export async function saveDraft(input: { id: string; expectedRevision: number; definition: FormDefinition }) {
  const { updateDraft } = await graphqlRequest(saveDraftMutation, {
    id: input.id,
    expectedRevision: input.expectedRevision,
    schema: input.definition.schema,
    uischema: input.definition.uischema,
    title: input.definition.title,
    // Omitted when the draft never had one (unchanged); an emptied one is sent as empty text.
    ...(input.definition.description !== undefined ? { description: input.definition.description } : {}),
    sampleData: input.definition.sampleData,
  });
  return updateDraft;
}
