import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costCalculation, newClientSubmissionId } from '../support/factories.js';
import { CREATE_DRAFT, FORM, PUBLISH, SUBMIT, UPDATE_DRAFT } from '../support/operations.js';
import { type GraphQLResponse, startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const N = 10;

/** Sends `count` copies of an operation at once and, meanwhile, one health check; returns both. */
async function inParallel(count: number, send: (i: number) => Promise<GraphQLResponse>) {
  const answers = Array.from({ length: count }, (_, i) => send(i));
  const healthStarted = performance.now();
  const health = await api.app.http.inject({ method: 'GET', url: '/health' });
  const healthMs = performance.now() - healthStarted;
  return { results: await Promise.all(answers), health, healthMs };
}

function codesOf(results: GraphQLResponse[]) {
  return results.map((result) =>
    result.errors ? `${result.errors[0].extensions?.code}/${result.errors[0].extensions?.reason}` : 'OK',
  );
}

interface VersionRow {
  id: string;
  number: number;
  status: string;
  revision: number;
}

async function versionRows(formKey: string): Promise<VersionRow[]> {
  return api.orm.em
    .getConnection()
    .execute<VersionRow[]>(
      'select id, number, status, revision from form_version where form_key = ? order by number',
      [formKey],
    );
}

async function draftOf(formKey: string) {
  const { data, errors } = await api.gql(CREATE_DRAFT, { formKey });
  expect(errors).toBeUndefined();
  return data!.createDraft;
}

describe('concurrent commands on one form', () => {
  it(`lets exactly one of ${N} concurrent createDraft win; the others get CONFLICT/DRAFT_EXISTS`, async () => {
    const before = await versionRows('evaluation');
    const { results, health, healthMs } = await inParallel(N, () =>
      api.gql(CREATE_DRAFT, { formKey: 'evaluation' }),
    );
    const codes = codesOf(results);
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONFLICT/DRAFT_EXISTS')).toHaveLength(N - 1);
    expect(health.statusCode).toBe(200);
    expect(healthMs).toBeLessThan(1000);
    const after = await versionRows('evaluation');
    expect(after).toHaveLength(before.length + 1);
    expect(after.filter((row) => row.status === 'DRAFT')).toHaveLength(1);
  });

  it(`lets exactly one of ${N} concurrent publishFormVersion win; the others get CONFLICT/NOT_DRAFT`, async () => {
    const draft = await draftOf('criteria');
    const { results, health, healthMs } = await inParallel(N, () => api.gql(PUBLISH, { id: draft.id }));
    const codes = codesOf(results);
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONFLICT/NOT_DRAFT')).toHaveLength(N - 1);
    expect(health.statusCode).toBe(200);
    expect(healthMs).toBeLessThan(1000);
    const rows = await versionRows('criteria');
    expect(rows.filter((row) => row.status === 'PUBLISHED')).toEqual([
      expect.objectContaining({ id: draft.id }),
    ]);
  });

  it(`lets exactly one of ${N} concurrent updateDraft on one revision win; the others get CONFLICT/STALE_REVISION`, async () => {
    const draft = await draftOf('offer-description');
    const { results, health, healthMs } = await inParallel(N, (i) =>
      api.gql(UPDATE_DRAFT, {
        id: draft.id,
        schema: { ...draft.schema, title: `Fassung ${i}` },
        uischema: draft.uischema,
        expectedRevision: draft.revision,
      }),
    );
    const codes = codesOf(results);
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(codes.filter((code) => code === 'CONFLICT/STALE_REVISION')).toHaveLength(N - 1);
    expect(health.statusCode).toBe(200);
    expect(healthMs).toBeLessThan(1000);
    const winner = results.find((result) => !result.errors)!.data!.updateDraft.formVersion;
    const [row] = (await versionRows('offer-description')).filter((r) => r.id === draft.id);
    expect(row.revision).toBe(draft.revision + 1);
    const stored = await api.gql(FORM, { key: 'offer-description' });
    expect(stored.errors).toBeUndefined();
    expect(winner.schema.title).toMatch(/^Fassung \d$/);
  });

  it('stores one submission when the same submit arrives many times at once, and answers each with it', async () => {
    const clientSubmissionId = newClientSubmissionId();
    const { results } = await inParallel(N, () =>
      api.gql(SUBMIT, { formKey: 'cost-calculation', data: costCalculation(), clientSubmissionId }),
    );
    expect(codesOf(results)).toEqual(Array(N).fill('OK'));
    const ids = new Set(results.map((result) => result.data!.submitForm.submission.id));
    expect(ids.size).toBe(1);
    const [row] = await api.orm.em
      .getConnection()
      .execute('select count(*)::int as n from submission where client_submission_id = ?', [
        clientSubmissionId,
      ]);
    expect(row.n).toBe(1);
  });

  it('ends a command that waits too long for a lock with CONFLICT/LOCKED and changes nothing', async () => {
    const impatient = await startTestApi({ databaseUrl: api.databaseUrl, limits: { lockTimeoutMs: 300 } });
    const holder = new pg.Client({ connectionString: api.databaseUrl });
    await holder.connect();
    try {
      const before = await versionRows('cost-calculation');
      // Another process is in the middle of a version change of this form.
      await holder.query('begin');
      await holder.query('select pg_advisory_xact_lock(hashtext($1))', ['form:cost-calculation']);
      const { errors } = await impatient.gql(CREATE_DRAFT, { formKey: 'cost-calculation' });
      expect(errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LOCKED' });
      await holder.query('rollback');
      expect(await versionRows('cost-calculation')).toEqual(before);
    } finally {
      await holder.end();
      await impatient.close();
    }
  });
});
