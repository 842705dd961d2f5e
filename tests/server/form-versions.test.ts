import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_NOT_OBJECT_MESSAGE } from '../../form-logic/index.js';
import { Role } from '../../server/src/common/context.js';
import { CREATE_DRAFT, FORM, FORM_VERSION, PUBLISH, UPDATE_DRAFT } from '../support/operations.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const teamLead = { userId: 'lead-1', displayName: 'Team', roles: [Role.TEAM_LEAD] };

async function publishedVersion(formKey: string) {
  const result = await api.gql(FORM, { key: formKey });
  return result.data!.form.published;
}

async function rowOf(id: string) {
  const [row] = await api.orm.em.getConnection().execute('select * from form_version where id = ?', [id]);
  return row;
}

describe('form versions', () => {
  it('keeps the property order of stored definitions (it decides rendering and derivation order)', async () => {
    const file = JSON.parse(readFileSync('form-definitions/cost-calculation.json', 'utf8'));
    const published = await publishedVersion('cost-calculation');
    expect(Object.keys(published.schema.properties)).toEqual(Object.keys(file.schema.properties));
    expect(published.schema).toEqual(file.schema);
  });

  it('creates a draft as the next version number, copied from the published version', async () => {
    const published = await publishedVersion('evaluation');
    const { data, errors } = await api.gql(CREATE_DRAFT, { formKey: 'evaluation' });
    expect(errors).toBeUndefined();
    expect(data!.createDraft).toMatchObject({
      formKey: 'evaluation',
      number: published.number + 1,
      status: 'DRAFT',
      schema: published.schema,
      revision: 1,
    });
  });

  it('refuses a second draft of the same form', async () => {
    const { errors } = await api.gql(CREATE_DRAFT, { formKey: 'evaluation' });
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DRAFT_EXISTS' });
  });

  it('saves a draft and rejects a stale save without changing anything', async () => {
    const { data } = await api.gql(CREATE_DRAFT, { formKey: 'criteria' });
    const draft = data!.createDraft;
    const schema = { ...draft.schema, title: 'Geänderter Titel' };

    const first = await api.gql(UPDATE_DRAFT, {
      id: draft.id,
      schema,
      uischema: draft.uischema,
      expectedRevision: 1,
    });
    expect(first.errors).toBeUndefined();
    expect(first.data!.updateDraft.formVersion.revision).toBe(2);
    expect(first.data!.updateDraft.formVersion.schema.title).toBe('Geänderter Titel');

    const before = await rowOf(draft.id);
    const stale = await api.gql(UPDATE_DRAFT, {
      id: draft.id,
      schema: { ...draft.schema, title: 'Überschreibt fremde Änderungen' },
      uischema: draft.uischema,
      expectedRevision: 1,
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVISION' });
    expect(await rowOf(draft.id)).toEqual(before);
  });

  it('refuses a save that names no valid revision', async () => {
    const { data } = await api.gql(FORM, { key: 'evaluation' });
    const draftId = data!.form.versions.find((v: { status: string }) => v.status === 'DRAFT')?.id;
    const id = draftId ?? (await api.gql(CREATE_DRAFT, { formKey: 'evaluation' })).data!.createDraft.id;
    const { errors } = await api.gql(UPDATE_DRAFT, {
      id,
      schema: { type: 'object', properties: {} },
      uischema: { type: 'VerticalLayout', elements: [] },
      expectedRevision: 0,
    });
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ argument: 'expectedRevision', message: 'expectedRevision muss mindestens 1 sein.' }],
    });
  });

  it('never changes a published version, neither through the API nor in the database', async () => {
    const published = await publishedVersion('offer-description');
    const before = await rowOf(published.id);
    const { errors } = await api.gql(UPDATE_DRAFT, {
      id: published.id,
      schema: { type: 'object', properties: {} },
      uischema: { type: 'VerticalLayout', elements: [] },
      expectedRevision: published.revision,
    });
    expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_DRAFT' });
    await expect(
      api.orm.em
        .getConnection()
        .execute(`update form_version set schema = '{}'::json where id = ?`, [published.id]),
    ).rejects.toThrow(/cannot be changed/);
    expect(await rowOf(published.id)).toEqual(before);
  });

  it('publishes a draft and archives the version in force', async () => {
    const old = await publishedVersion('cost-calculation');
    const { data } = await api.gql(CREATE_DRAFT, { formKey: 'cost-calculation' });
    const published = await api.gql(PUBLISH, { id: data!.createDraft.id });
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishFormVersion.formVersion).toMatchObject({
      status: 'PUBLISHED',
      number: old.number + 1,
    });
    expect(published.data!.publishFormVersion.formVersion.publishedAt).toBeTruthy();
    const archived = await api.gql(FORM_VERSION, { id: old.id });
    expect(archived.data!.formVersion.status).toBe('ARCHIVED');
    expect((await publishedVersion('cost-calculation')).id).toBe(data!.createDraft.id);
  });

  it('refuses to publish a broken definition and keeps it as a draft', async () => {
    const { data } = await api.gql(CREATE_DRAFT, { formKey: 'offer-description' });
    const draft = data!.createDraft;
    const broken = {
      ...draft.schema,
      properties: { ...draft.schema.properties, code: { type: 'string', pattern: '(a+)+$' } },
    };
    await api.gql(UPDATE_DRAFT, {
      id: draft.id,
      schema: broken,
      uischema: draft.uischema,
      expectedRevision: 1,
    });
    const { data: answer, errors } = await api.gql(PUBLISH, { id: draft.id });
    expect(errors).toBeUndefined();
    expect(answer!.publishFormVersion.formVersion).toBeNull();
    expect(answer!.publishFormVersion.errorCount).toBe(answer!.publishFormVersion.errors.length);
    expect(answer!.publishFormVersion.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringContaining('/properties/code') }),
      ]),
    );
    expect((await rowOf(draft.id)).status).toBe('DRAFT');
  });

  it('refuses to save a draft whose schema root is not an object, with the one message', async () => {
    const { data } = await api.gql(FORM, { key: 'offer-description' });
    const draft = data!.form.versions.find((version: { status: string }) => version.status === 'DRAFT');
    const before = await rowOf(draft.id);
    const { data: answer, errors } = await api.gql(UPDATE_DRAFT, {
      id: draft.id,
      schema: { type: 'array', items: { type: 'string' } },
      uischema: { type: 'Control', scope: '#' },
      expectedRevision: before.revision,
    });
    expect(errors).toBeUndefined();
    expect(answer!.updateDraft).toMatchObject({
      formVersion: null,
      errors: [{ path: '/schema', message: ROOT_NOT_OBJECT_MESSAGE }],
    });
    expect(await rowOf(draft.id)).toEqual(before);
  });

  it('lets only administrators change forms', async () => {
    const forbidden = await api.gql(CREATE_DRAFT, { formKey: 'offer-description' }, { caller: teamLead });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await api.gql(CREATE_DRAFT, { formKey: 'offer-description' }, { caller: null });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('hides drafts from callers who are not administrators', async () => {
    const { data } = await api.gql(FORM, { key: 'offer-description' }, { caller: teamLead });
    expect(data!.form.versions.map((v: { status: string }) => v.status)).not.toContain('DRAFT');
  });

  it('answers NOT_FOUND for an unknown form', async () => {
    const { errors } = await api.gql(CREATE_DRAFT, { formKey: 'gibt-es-nicht' });
    expect(errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});
