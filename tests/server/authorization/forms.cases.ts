import { Role } from '../../../server/src/common/context.js';
import { CREATE_DRAFT } from '../../support/operations.js';
import { allow, type AuthorizationCase, deny, ids, sorted, type World } from './matrix.js';

const FORM_KEYS = ['cost-calculation', 'criteria', 'evaluation', 'offer-description'];

/** The versions of a form, oldest first, as the database has them. */
const versionsOf = (w: World, formKey: string) =>
  w.sql(
    `select "id", "status", "revision", "content_hash" from "form_version" where "form_key" = ? order by "number"`,
    [formKey],
  );

/** A fresh draft of `formKey` (any earlier draft removed), made by the administration. */
async function freshDraft(w: World, formKey: string): Promise<string> {
  await w.sql(`delete from "form_version" where "form_key" = ? and "status" = 'DRAFT'`, [formKey]);
  const { data, errors } = await w.api.gql(CREATE_DRAFT, { formKey }, { caller: w.admin });
  if (errors) throw new Error(`prepare: createDraft ${formKey}: ${JSON.stringify(errors)}`);
  return data!.createDraft.id;
}

export const cases: AuthorizationCase[] = [
  {
    title: 'forms are read by every signed-in role',
    covers: ['Query.forms'],
    document: 'query { forms { key } }',
    pick: (data) => sorted(data.forms.map((form: { key: string }) => form.key)),
    expect: { '*': allow(FORM_KEYS) },
  },
  {
    title: 'form(key) and its version in force are read by every signed-in role',
    covers: ['Query.form', 'Form.published'],
    document: 'query { form(key: "offer-description") { key published { id status } } }',
    expect: {
      '*': (w) =>
        allow({ key: 'offer-description', published: { id: w.formVersions.published, status: 'PUBLISHED' } }),
    },
  },
  {
    title: 'Form.versions shows drafts to the administration only',
    covers: ['Form.versions'],
    document: 'query { form(key: "offer-description") { versions { id } } }',
    pick: (data) => ids(data.form.versions),
    expect: {
      ADMIN: (w) => allow(sorted([w.formVersions.published, w.formVersions.draft])),
      '*': (w) => allow([w.formVersions.published]),
    },
  },
  {
    title: 'formVersion(id) of the version in force is read by every signed-in role',
    covers: ['Query.formVersion', 'FormVersion.form'],
    document: 'query($id: UUID!) { formVersion(id: $id) { id form { key } } }',
    variables: (w) => ({ id: w.formVersions.published }),
    expect: { '*': (w) => allow({ id: w.formVersions.published, form: { key: 'offer-description' } }) },
  },
  {
    title: 'formVersion(id) of a draft is hidden from everyone but the administration',
    covers: ['Query.formVersion'],
    document: 'query($id: UUID!) { formVersion(id: $id) { id } }',
    variables: (w) => ({ id: w.formVersions.draft }),
    pick: (data) => data.formVersion?.id ?? null,
    expect: { ADMIN: (w) => allow(w.formVersions.draft), '*': allow(null) },
  },
  {
    title: 'Form.viewerCan: provider staff submit Anlage 1, the administration drafts',
    covers: ['Form.viewerCan'],
    document: 'query { form(key: "offer-description") { viewerCan { submit createDraft } } }',
    pick: (data) => data.form.viewerCan,
    expect: {
      ADMIN: allow({ submit: false, createDraft: true }),
      PROVIDER: allow({ submit: true, createDraft: false }),
      '*': allow({ submit: false, createDraft: false }),
    },
  },
  {
    title: 'Form.viewerCan: team leads submit the scoring sheet, provider staff do not',
    covers: ['Form.viewerCan'],
    document: 'query { form(key: "criteria") { viewerCan { submit createDraft } } }',
    pick: (data) => data.form.viewerCan,
    expect: {
      ADMIN: allow({ submit: false, createDraft: true }),
      [Role.TEAM_LEAD]: allow({ submit: true, createDraft: false }),
      '*': allow({ submit: false, createDraft: false }),
    },
  },
  {
    title: 'FormVersion.viewerCan: the administration edits and publishes drafts',
    covers: ['FormVersion.viewerCan'],
    document: 'query($id: UUID!) { formVersion(id: $id) { viewerCan { update publish } } }',
    variables: (w) => ({ id: w.formVersions.draft }),
    pick: (data) => data.formVersion?.viewerCan ?? null,
    expect: { ADMIN: allow({ update: true, publish: true }), '*': allow(null) },
  },
  {
    title: 'FormVersion.viewerCan: a version in force is changed by nobody',
    covers: ['FormVersion.viewerCan'],
    document: 'query($id: UUID!) { formVersion(id: $id) { viewerCan { update publish } } }',
    variables: (w) => ({ id: w.formVersions.published }),
    pick: (data) => data.formVersion.viewerCan,
    expect: { '*': allow({ update: false, publish: false }) },
  },
  {
    title: 'createDraft is for the administration only',
    covers: ['Mutation.createDraft'],
    prepare: async (w) => {
      await w.sql(`delete from "form_version" where "form_key" = 'evaluation' and "status" = 'DRAFT'`);
    },
    document: 'mutation { createDraft(formKey: "evaluation") { status } }',
    expect: { ADMIN: allow({ status: 'DRAFT' }), '*': deny('FORBIDDEN') },
    state: (w) => versionsOf(w, 'evaluation'),
  },
  {
    title: 'updateDraft is for the administration only',
    covers: ['Mutation.updateDraft', 'FormVersionPayload.formVersion', 'FormVersionPayload.errors'],
    prepare: async (w) => {
      const id = await freshDraft(w, 'cost-calculation');
      const [row] = await w.sql(
        `select "schema", "uischema", "revision" from "form_version" where "id" = ?`,
        [id],
      );
      return { id, ...row };
    },
    document: `mutation($id: UUID!, $schema: JSON!, $uischema: JSON!, $revision: Int!) {
      updateDraft(id: $id, schema: $schema, uischema: $uischema, expectedRevision: $revision) {
        formVersion { id } errors { path } errorCount
      }
    }`,
    variables: (_w, draft) => ({
      id: draft.id,
      schema: { ...draft.schema, title: 'Geänderter Kalkulationsbogen' },
      uischema: draft.uischema,
      revision: draft.revision,
    }),
    expect: {
      ADMIN: (_w, draft) => allow({ formVersion: { id: draft.id }, errors: [], errorCount: 0 }),
      '*': deny('FORBIDDEN'),
    },
    state: (w) => versionsOf(w, 'cost-calculation'),
  },
  {
    title: 'publishFormVersion is for the administration only',
    covers: ['Mutation.publishFormVersion'],
    prepare: async (w) => ({ id: await freshDraft(w, 'criteria') }),
    document: 'mutation($id: UUID!) { publishFormVersion(id: $id) { formVersion { id status } errorCount } }',
    variables: (_w, draft) => ({ id: draft.id }),
    expect: {
      ADMIN: (_w, draft) => allow({ formVersion: { id: draft.id, status: 'PUBLISHED' }, errorCount: 0 }),
      '*': deny('FORBIDDEN'),
    },
    state: (w) => versionsOf(w, 'criteria'),
  },
];
