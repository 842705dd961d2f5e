import { CREATE_DRAFT } from '../../support/operations.js';
import { allow, type AuthorizationCase, deny, type World } from './matrix.js';

/** The versions of a form, oldest first, as the database has them. */
const versionsOf = (w: World, formKey: string) =>
  w.sql(
    `select "id", "status", "revision", "content_hash", "archived_at" from "form_version" where "form_key" = ? order by "number"`,
    [formKey],
  );

/** A fresh draft of `formKey` (any earlier draft removed), made by the administration, with its content. */
async function freshDraft(w: World, formKey: string) {
  await w.sql(`delete from "form_version" where "form_key" = ? and "status" = 'DRAFT'`, [formKey]);
  const { data, errors } = await w.api.gql(CREATE_DRAFT, { formKey }, { caller: w.admin });
  if (errors) throw new Error(`prepare: createDraft ${formKey}: ${JSON.stringify(errors)}`);
  const [row] = await w.sql<{ schema: unknown; uischema: unknown; revision: number }>(
    `select "schema", "uischema", "revision" from "form_version" where "id" = ?`,
    [data!.createDraft.id],
  );
  return { id: data!.createDraft.id as string, ...row! };
}

/** The content of the world's version in force of Anlage 1. */
async function publishedContent(w: World) {
  const [row] = await w.sql<{ schema: unknown; uischema: unknown }>(
    `select "schema", "uischema" from "form_version" where "id" = ?`,
    [w.formVersions.published],
  );
  return row!;
}

export const cases: AuthorizationCase[] = [
  {
    title: 'FormVersion.viewerCan: the administration may start a new draft from a version in force',
    covers: ['FormVersion.viewerCan'],
    document: 'query($id: UUID!) { formVersion(id: $id) { viewerCan { archive createDraftFrom } } }',
    variables: (w) => ({ id: w.formVersions.published }),
    pick: (data) => data.formVersion.viewerCan,
    expect: {
      ADMIN: allow({ archive: false, createDraftFrom: true }),
      '*': allow({ archive: false, createDraftFrom: false }),
    },
  },
  {
    title: 'checkFormDefinition is for the administration only',
    covers: ['Query.checkFormDefinition', 'FormDefinitionCheck.errors', 'FormDefinitionCheck.contractErrors'],
    prepare: (w) => publishedContent(w),
    document: `query($schema: JSON!, $uischema: JSON!) {
      checkFormDefinition(formKey: "offer-description", schema: $schema, uischema: $uischema) {
        errors { path message } contractErrors { path message }
      }
    }`,
    variables: (_w, content) => content,
    expect: { ADMIN: allow({ errors: [], contractErrors: [] }), '*': deny('FORBIDDEN') },
  },
  {
    title: 'formVersionDiff between versions in force is read by every signed-in role',
    covers: ['Query.formVersionDiff'],
    document: 'query($id: UUID!) { formVersionDiff(fromId: $id, toId: $id) { kind path label text } }',
    variables: (w) => ({ id: w.formVersions.published }),
    expect: { '*': allow([]) },
  },
  {
    title: 'formVersionDiff with a draft is for the administration only',
    covers: ['Query.formVersionDiff'],
    document: `query($from: UUID!, $to: UUID!) { formVersionDiff(fromId: $from, toId: $to) { kind } }`,
    variables: (w) => ({ from: w.formVersions.published, to: w.formVersions.draft }),
    pick: (data) => (Array.isArray(data.formVersionDiff) ? 'listed' : data.formVersionDiff),
    expect: { ADMIN: allow('listed'), '*': deny('NOT_FOUND') },
  },
  {
    title: 'formImpact is for the administration only',
    covers: [
      'Query.formImpact',
      'FormImpact.inForce',
      'FormImpact.groups',
      'FormImpact.reasons',
      'FormImpact.examples',
      'FormImpact.definitionErrors',
      'FormImpact.contractErrors',
      'FormImpactExample.errors',
    ],
    document: `query($id: UUID!) { formImpact(versionId: $id) {
      inForce { id } checked failing groups { kind checked failing } reasons { path message count }
      examples { kind label recordId errors { path message } } definitionErrors { path } contractErrors { path }
    } }`,
    variables: (w) => ({ id: w.formVersions.draft }),
    // The counts depend on what other cases stored; who may ask is the point here.
    pick: (data) => data.formImpact?.inForce,
    expect: {
      ADMIN: (w) => allow({ id: w.formVersions.published }),
      '*': deny('FORBIDDEN'),
    },
  },
  {
    title: 'archiveFormVersion is for the administration only',
    covers: ['Mutation.archiveFormVersion'],
    prepare: (w) => freshDraft(w, 'evaluation'),
    document: 'mutation($id: UUID!) { archiveFormVersion(id: $id) { formVersion { id status } errorCount } }',
    variables: (_w, draft) => ({ id: draft.id }),
    expect: {
      ADMIN: (_w, draft) => allow({ formVersion: { id: draft.id, status: 'ARCHIVED' }, errorCount: 0 }),
      '*': deny('FORBIDDEN'),
    },
    state: (w) => versionsOf(w, 'evaluation'),
  },
  {
    title: 'importFormDefinition is for the administration only',
    covers: ['Mutation.importFormDefinition'],
    prepare: (w) => freshDraft(w, 'evaluation'),
    document: `mutation($id: UUID!, $revision: Int!, $definition: JSON!) {
      importFormDefinition(draftId: $id, expectedRevision: $revision, definition: $definition) {
        formVersion { id revision } errorCount
      }
    }`,
    variables: (_w, draft) => ({
      id: draft.id,
      revision: draft.revision,
      definition: { schema: draft.schema, uischema: draft.uischema },
    }),
    expect: {
      ADMIN: (_w, draft) =>
        allow({ formVersion: { id: draft.id, revision: draft.revision + 1 }, errorCount: 0 }),
      '*': deny('FORBIDDEN'),
    },
    state: (w) => versionsOf(w, 'evaluation'),
  },
];
