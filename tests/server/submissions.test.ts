import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../server/src/common/context.js';
import { costCalculation, newClientSubmissionId, sampleDataOf } from '../support/factories.js';
import {
  CREATE_DRAFT,
  FORM,
  PUBLISH,
  SUBMISSION,
  SUBMISSIONS,
  SUBMIT,
  UPDATE_DRAFT,
} from '../support/operations.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

async function submissionCount(): Promise<number> {
  const [row] = await api.orm.em.getConnection().execute('select count(*)::int as n from submission');
  return row.n;
}

function submit(formKey: string, data: unknown, options: { clientSubmissionId?: string; caller?: any } = {}) {
  const variables = {
    formKey,
    data,
    clientSubmissionId: options.clientSubmissionId ?? newClientSubmissionId(),
  };
  return api.gql(SUBMIT, variables, 'caller' in options ? { caller: options.caller } : undefined);
}

const formKeys = readdirSync('form-definitions').map((file) => file.replace(/\.json$/, ''));

describe('submitting forms', () => {
  it.each(formKeys)('stores the sample data of %s, bound to the published version', async (formKey) => {
    const { data, errors } = await submit(formKey, sampleDataOf(formKey));
    expect(errors).toBeUndefined();
    expect(data!.submitForm.errors).toEqual([]);
    const published = (await api.gql(FORM, { key: formKey })).data!.form.published;
    expect(data!.submitForm.submission.formVersion).toMatchObject({ id: published.id, status: 'PUBLISHED' });
    // The answer is built from the inserted row without reading it back: it must equal a later read.
    const read = await api.gql(SUBMISSION, { id: data!.submitForm.submission.id });
    expect(read.data!.submission).toEqual(data!.submitForm.submission);
  });

  it('recomputes the Kalkulationsbogen in cents and ignores a tampered total', async () => {
    const tampered = costCalculation({ totalCost: 1, requestedAmount: 1, materialCostsTotal: 99_999_999 });
    const { data } = await submit('cost-calculation', tampered);
    const stored = data!.submitForm.submission.data;
    expect(stored.professionalHours.amount).toBe(60_000);
    expect(stored.materialCosts[0].amount).toBe(2_500);
    expect(stored.materialCostsTotal).toBe(2_500);
    expect(stored.totalCost).toBe(62_500);
    expect(stored.thirdPartyFundsTotal).toBe(10_000);
    expect(stored.requestedAmount).toBe(47_500);
  });

  it('rejects invalid data with German messages at the fields and stores nothing', async () => {
    const before = await submissionCount();
    const invalid = costCalculation({
      offerTitle: undefined,
      materialCosts: [{ description: 'Miete', category: 'MATERIAL', quantity: 'viel', unitPrice: 1250 }],
    });
    const { data } = await submit('cost-calculation', invalid);
    expect(data!.submitForm.submission).toBeNull();
    expect(data!.submitForm.errors).toEqual(
      expect.arrayContaining([
        { path: '/offerTitle', message: 'Pflichtfeld' },
        { path: '/materialCosts/0/quantity', message: expect.stringMatching(/muss .*Zahl/) },
      ]),
    );
    expect(await submissionCount()).toBe(before);
  });

  it('rejects a requested amount below zero', async () => {
    const { data } = await submit('cost-calculation', costCalculation({ ownContribution: 10_000_000 }));
    expect(data!.submitForm.errors.map((error: { path: string }) => error.path)).toContain(
      '/requestedAmount',
    );
  });

  it('returns the same submission when a submit is retried, and never stores it twice', async () => {
    const clientSubmissionId = newClientSubmissionId();
    const first = await submit('cost-calculation', costCalculation(), { clientSubmissionId });
    const before = await submissionCount();
    const retry = await submit('cost-calculation', costCalculation(), { clientSubmissionId });
    expect(retry.data!.submitForm.submission.id).toBe(first.data!.submitForm.submission.id);
    expect(await submissionCount()).toBe(before);
  });

  it('stores only one of two identical submits sent at the same time', async () => {
    const clientSubmissionId = newClientSubmissionId();
    const before = await submissionCount();
    const results = await Promise.all(
      [1, 2, 3].map(() => submit('cost-calculation', costCalculation(), { clientSubmissionId })),
    );
    const ids = new Set(results.map((result) => result.data!.submitForm.submission.id));
    expect(ids.size).toBe(1);
    expect(await submissionCount()).toBe(before + 1);
  });

  it('refuses the same client submission id with different data', async () => {
    const clientSubmissionId = newClientSubmissionId();
    await submit('cost-calculation', costCalculation(), { clientSubmissionId });
    const before = await submissionCount();
    const other = await submit('cost-calculation', costCalculation({ ownContribution: 0 }), {
      clientSubmissionId,
    });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'DUPLICATE_SUBMISSION' });
    expect(await submissionCount()).toBe(before);
  });

  it('keeps showing a submission with the schema of its own version after a newer one is published', async () => {
    const { data } = await submit('evaluation', sampleDataOf('evaluation'));
    const submission = data!.submitForm.submission;
    const oldSchema = submission.formVersion.schema;

    const draft = (await api.gql(CREATE_DRAFT, { formKey: 'evaluation' })).data!.createDraft;
    const newSchema = { ...draft.schema, title: 'Evaluationsbogen (neue Fassung)' };
    await api.gql(UPDATE_DRAFT, {
      id: draft.id,
      schema: newSchema,
      uischema: draft.uischema,
      expectedRevision: 1,
    });
    expect((await api.gql(PUBLISH, { id: draft.id })).errors).toBeUndefined();

    const reread = (await api.gql(SUBMISSION, { id: submission.id })).data!.submission;
    expect(reread.formVersion).toMatchObject({ id: submission.formVersion.id, status: 'ARCHIVED' });
    expect(reread.formVersion.schema).toEqual(oldSchema);
    expect(reread.formVersion.schema.title).not.toBe('Evaluationsbogen (neue Fassung)');
  });

  it('refuses data filled in an outdated version, so the user can reload without losing input', async () => {
    const published = (await api.gql(FORM, { key: 'criteria' })).data!.form.published;
    const draft = (await api.gql(CREATE_DRAFT, { formKey: 'criteria' })).data!.createDraft;
    await api.gql(PUBLISH, { id: draft.id });
    const { errors } = await api.gql(SUBMIT, {
      formKey: 'criteria',
      data: sampleDataOf('criteria'),
      clientSubmissionId: newClientSubmissionId(),
      formVersionId: published.id,
    });
    expect(errors?.[0].extensions).toMatchObject({
      code: 'FORM_VERSION_OUTDATED',
      publishedVersionId: draft.id,
    });
  });

  it('answers NOT_FOUND for an unknown form and BAD_USER_INPUT for data that is not an object', async () => {
    expect((await submit('gibt-es-nicht', {})).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await submit('cost-calculation', [1, 2])).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses malformed arguments with German messages naming them, before storing anything', async () => {
    const before = await submissionCount();
    const tooLong = await submit('cost-calculation', costCalculation(), {
      clientSubmissionId: 'x'.repeat(101),
    });
    expect(tooLong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { argument: 'clientSubmissionId', message: 'clientSubmissionId muss 1 bis 100 Zeichen lang sein.' },
      ],
    });
    const blank = await submit('cost-calculation', costCalculation(), { clientSubmissionId: '   ' });
    expect(blank.errors?.[0].extensions?.fields).toEqual([
      { argument: 'clientSubmissionId', message: 'clientSubmissionId darf nicht leer sein.' },
    ]);
    const badKey = await submit('Kosten; drop table submission', {});
    expect(badKey.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(badKey.errors?.[0].message).toBe('formKey ist kein gültiger Formularschlüssel.');
    expect(await submissionCount()).toBe(before);
  });
});

describe('what the database guarantees', () => {
  it('refuses a submission whose form is not the form of its version', async () => {
    const stored = (await submit('evaluation', sampleDataOf('evaluation'))).data!.submitForm.submission;
    const insert = (formKey: string) =>
      api.orm.em.getConnection().execute(
        `insert into submission (id, form_key, form_version_id, data, client_submission_id, request_hash, created_by)
         values (gen_random_uuid(), ?, ?, '{}', ?, 'x', 'test')`,
        [formKey, stored.formVersion.id, newClientSubmissionId()],
      );
    await expect(insert('criteria')).rejects.toThrow(/submission_form_version_foreign/);
    await expect(insert('evaluation')).resolves.toBeDefined();
  });
});

describe('who sees submissions', () => {
  const providerA = {
    userId: 'a-1',
    displayName: 'Träger A',
    roles: [Role.PROVIDER],
    providerId: 'provider-a',
  };
  const providerB = {
    userId: 'b-1',
    displayName: 'Träger B',
    roles: [Role.PROVIDER],
    providerId: 'provider-b',
  };
  const finance = { userId: 'wjh-1', displayName: 'WJH', roles: [Role.FINANCE] };

  it('shows provider staff only their own organisation’s submissions', async () => {
    const { data } = await submit('offer-description', sampleDataOf('offer-description'), {
      caller: providerA,
    });
    const id = data!.submitForm.submission.id;

    expect((await api.gql(SUBMISSION, { id }, { caller: providerA })).data!.submission.id).toBe(id);
    expect((await api.gql(SUBMISSION, { id }, { caller: providerB })).data!.submission).toBeNull();
    const listB = (await api.gql(SUBMISSIONS, { formKey: 'offer-description' }, { caller: providerB })).data!;
    expect(listB.submissions.map((s: { id: string }) => s.id)).not.toContain(id);
    const listFinance = (await api.gql(SUBMISSIONS, { formKey: 'offer-description' }, { caller: finance }))
      .data!;
    expect(listFinance.submissions.map((s: { id: string }) => s.id)).toContain(id);
  });

  it('requires a caller for reading and submitting', async () => {
    expect(
      (await api.gql(SUBMISSIONS, { formKey: 'criteria' }, { caller: null })).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    expect((await submit('criteria', {}, { caller: null })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
