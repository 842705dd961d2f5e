import { graphqlRequest } from '../api/client.js';
import type { ApiError, GraphQLErrorEntry } from '../api/errors.js';
import { graphql } from '../gql/index.js';
import type {
  FormAdminVersionFragment,
  FormVersionSource,
  FormVersionStatus,
  ImportFormDefinitionMutation,
} from '../gql/graphql.js';

graphql(`
  fragment FormAdminVersion on FormVersion {
    id
    formKey
    number
    status
    title
    revision
    source
    createdAt
    createdByName
    publishedAt
    publishedByName
    archivedAt
    viewerCan {
      update
      publish
      archive
      createDraftFrom
    }
  }
`);

export const formAdminFormsQuery = graphql(`
  query FormAdminForms {
    forms {
      key
      title
      published {
        id
        number
      }
      versions {
        id
        number
        status
      }
    }
  }
`);

export const formAdminVersionsQuery = graphql(`
  query FormAdminVersions($key: String!) {
    form(key: $key) {
      key
      title
      description
      viewerCan {
        createDraft
      }
      published {
        id
        number
      }
      versions {
        ...FormAdminVersion
      }
    }
  }
`);

export const createDraftFromMutation = graphql(`
  mutation CreateFormDraft($formKey: String!, $fromVersionId: UUID) {
    createDraft(formKey: $formKey, fromVersionId: $fromVersionId) {
      ...FormAdminVersion
    }
  }
`);

export const archiveFormVersionMutation = graphql(`
  mutation ArchiveFormVersion($id: UUID!) {
    archiveFormVersion(id: $id) {
      formVersion {
        ...FormAdminVersion
      }
      errors {
        path
        message
      }
      errorCount
    }
  }
`);

export const formVersionDiffQuery = graphql(`
  query FormVersionDiff($fromId: UUID!, $toId: UUID!) {
    formVersionDiff(fromId: $fromId, toId: $toId) {
      kind
      path
      label
      text
    }
  }
`);

export const publishFormVersionMutation = graphql(`
  mutation PublishFormVersion($id: UUID!) {
    publishFormVersion(id: $id) {
      formVersion {
        ...FormAdminVersion
      }
      errors {
        path
        message
      }
      errorCount
    }
  }
`);

export const publishTargetQuery = graphql(`
  query PublishTarget($id: UUID!) {
    formVersion(id: $id) {
      ...FormAdminVersion
      form {
        key
        title
        published {
          id
          number
        }
      }
    }
  }
`);

graphql(`
  fragment FormImpactDetails on FormImpact {
    checked
    failing
    inForce {
      id
      number
    }
    groups {
      kind
      label
      checked
      failing
    }
    reasons {
      path
      message
      count
    }
    examples {
      kind
      label
      recordId
      errors {
        path
        message
      }
    }
    definitionErrors {
      path
      message
    }
    contractErrors {
      path
      message
    }
  }
`);

export const formImpactQuery = graphql(`
  query FormImpact($versionId: UUID!) {
    formImpact(versionId: $versionId) {
      ...FormImpactDetails
    }
  }
`);

export const importFormDefinitionMutation = graphql(`
  mutation ImportFormDefinition($draftId: UUID!, $expectedRevision: Int!, $definition: JSON!) {
    importFormDefinition(draftId: $draftId, expectedRevision: $expectedRevision, definition: $definition) {
      formVersion {
        ...FormAdminVersion
      }
      errors {
        path
        message
      }
      errorCount
    }
  }
`);

export type AdminVersion = FormAdminVersionFragment;

export const STATUS_LABELS: Readonly<Record<FormVersionStatus, string>> = {
  DRAFT: 'Entwurf',
  PUBLISHED: 'In Kraft',
  ARCHIVED: 'Archiviert',
};

export const SOURCE_LABELS: Readonly<Record<FormVersionSource, string>> = {
  FILE: 'Definitionsdatei',
  EDITOR: 'Administration',
};

/** Who made a version: the author's name, „Definitionsdatei“ for versions loaded from form-definitions/. */
export const authorOf = (version: Pick<AdminVersion, 'source' | 'createdByName'>): string =>
  version.source === 'FILE' ? SOURCE_LABELS.FILE : (version.createdByName ?? '–');

/** The address of the form builder for a draft. */
export const builderPath = (formKey: string, versionId: string): string =>
  `/verwaltung/formulare/${encodeURIComponent(formKey)}/entwurf/${versionId}`;

/** The address of „Prüfen und veröffentlichen“ for a draft. */
export const publishPath = (formKey: string, versionId: string): string =>
  `/verwaltung/formulare/${encodeURIComponent(formKey)}/veroeffentlichen/${versionId}`;

/** The address of the diff between two versions. */
export const diffPath = (formKey: string, fromId: string, toId: string): string =>
  `/verwaltung/formulare/${encodeURIComponent(formKey)}/vergleich?${new URLSearchParams({ von: fromId, zu: toId }).toString()}`;

/** The download of a version as a form-definitions/ file. */
export const exportPath = (versionId: string): string => `/api/form-versions/${versionId}/export`;

/** The draft that already exists when createDraft was refused with DRAFT_EXISTS. */
export const existingDraftId = (error: ApiError): string | undefined => {
  if (error.code !== 'CONFLICT' || error.reason !== 'DRAFT_EXISTS' || !Array.isArray(error.cause))
    return undefined;
  const extensions = (error.cause as GraphQLErrorEntry[])[0]?.extensions as
    Record<string, unknown> | null | undefined;
  const draftId = extensions?.draftId;
  return typeof draftId === 'string' ? draftId : undefined;
};

/** The stored revision named by a CONFLICT/STALE_REVISION (someone saved the draft meanwhile). */
export const currentRevisionOf = (error: ApiError): number | undefined => {
  if (error.code !== 'CONFLICT' || error.reason !== 'STALE_REVISION' || !Array.isArray(error.cause))
    return undefined;
  const extensions = (error.cause as GraphQLErrorEntry[])[0]?.extensions as
    Record<string, unknown> | null | undefined;
  const revision = extensions?.currentRevision;
  return typeof revision === 'number' && Number.isInteger(revision) ? revision : undefined;
};

/** Starts a new draft of a form, from `fromVersionId` or the version in force. */
export const createDraft = async (formKey: string, fromVersionId?: string): Promise<AdminVersion> =>
  (await graphqlRequest(createDraftFromMutation, { formKey, fromVersionId })).createDraft;

/** Replaces a draft's content by an imported definition file; the payload holds the draft or the problems. */
export const importFormDefinition = async (input: {
  draftId: string;
  expectedRevision: number;
  definition: unknown;
}): Promise<ImportFormDefinitionMutation['importFormDefinition']> =>
  (await graphqlRequest(importFormDefinitionMutation, input)).importFormDefinition;
