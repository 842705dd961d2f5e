import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_DRAFT, FORM, PUBLISH } from '../support/operations.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/** Two app processes on one database: each keeps the forms in memory and learns of changes by NOTIFY. */
let first: TestApi;
let second: TestApi;
beforeAll(async () => {
  first = await startTestApi();
  second = await startTestApi({ databaseUrl: first.databaseUrl });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

async function publishedIdIn(api: TestApi, formKey: string): Promise<string> {
  const { data, errors } = await api.gql(FORM, { key: formKey });
  expect(errors).toBeUndefined();
  return data!.form.published.id;
}

async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  let last = await read();
  while (last !== expected && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

describe('the form catalog across app processes', () => {
  it('serves the version in force that another process just published', async () => {
    const before = await publishedIdIn(second, 'evaluation');
    const draft = (await first.gql(CREATE_DRAFT, { formKey: 'evaluation' })).data!.createDraft;
    const published = await first.gql(PUBLISH, { id: draft.id });
    expect(published.data!.publishFormVersion.formVersion.id).toBe(draft.id);

    // The publishing process reads its own write at once; the other one after the notification.
    expect(await publishedIdIn(first, 'evaluation')).toBe(draft.id);
    expect(await eventually(() => publishedIdIn(second, 'evaluation'), draft.id)).toBe(draft.id);
    expect(before).not.toBe(draft.id);
  });

  it('does not serve a version whose publication was rolled back', async () => {
    const inForce = await publishedIdIn(second, 'criteria');
    const draft = (await first.gql(CREATE_DRAFT, { formKey: 'criteria' })).data!.createDraft;
    // A broken definition: publishing answers field errors and commits nothing, so no notification goes out.
    await first.orm.em
      .getConnection()
      .execute(
        `update form_version set schema = '{"type":"object","properties":{"x":{"type":"nope"}}}' where id = ?`,
        [draft.id],
      );
    const answer = await first.gql(PUBLISH, { id: draft.id });
    expect(answer.data!.publishFormVersion.formVersion).toBeNull();
    expect(await publishedIdIn(first, 'criteria')).toBe(inForce);
    expect(await publishedIdIn(second, 'criteria')).toBe(inForce);
  });
});
