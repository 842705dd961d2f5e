import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { costCalculation, newClientSubmissionId, sampleDataOf } from '../support/factories.js';
import { CREATE_DRAFT, FORM, FORMS, PUBLISH, SUBMIT, UPDATE_DRAFT } from '../support/operations.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const BUDGET_MS = 1000;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    formEvaluation: { formWorkers: 1, deriveBudgetMs: BUDGET_MS, maxArrayItems: 1000 },
  });
});
afterAll(() => api?.close());

function submit(formKey: string, data: unknown) {
  return api.gql(SUBMIT, { formKey, data, clientSubmissionId: newClientSubmissionId() });
}

async function submissionCount(): Promise<number> {
  const [row] = await api.orm.em.getConnection().execute('select count(*)::int as n from submission');
  return row.n;
}

/** Publishes a new version of `formKey` whose schema is the current one changed by `change`, as an admin would. */
async function publishChanged(formKey: string, change: (schema: Record<string, any>) => void): Promise<void> {
  const current = await api.gql(FORM, { key: formKey });
  const created = await api.gql(CREATE_DRAFT, { formKey, fromVersionId: current.data!.form.published.id });
  const draft = created.data!.createDraft;
  const schema = structuredClone(draft.schema);
  change(schema);
  const updated = await api.gql(UPDATE_DRAFT, {
    id: draft.id,
    schema,
    uischema: draft.uischema,
    expectedRevision: draft.revision,
  });
  expect(updated.data?.updateDraft.errors).toEqual([]);
  const published = await api.gql(PUBLISH, { id: draft.id });
  expect(published.data?.publishFormVersion.errors).toEqual([]);
}

function addDerived(expression: string) {
  return (schema: Record<string, any>) => {
    schema.properties.slow = { type: 'integer', readOnly: true, 'x-derived': expression };
  };
}

describe('a derived expression that runs for seconds', () => {
  beforeAll(async () => {
    // JSONata runs tail calls in a loop: this expression never ends on its own.
    await publishChanged('criteria', addDerived('($f := function($n) { $f($n + 1) }; $f(0))'));
    // One native step (a quadratic $distinct) that takes minutes and never reaches JSONata's own timeout check.
    await publishChanged('evaluation', addDerived('$count($distinct([1..20000].{"n": $}))'));
  });

  it('ends an endless calculation with LIMIT_EXCEEDED within its budget and stores nothing', async () => {
    const before = await submissionCount();
    const started = Date.now();
    const { data, errors } = await submit('criteria', sampleDataOf('criteria'));
    const elapsed = Date.now() - started;
    expect(data?.submitForm ?? null).toBeNull();
    expect(errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('Zeitbudget'),
        extensions: expect.objectContaining({
          code: 'LIMIT_EXCEEDED',
          limit: 'DERIVE_BUDGET',
          budgetMs: BUDGET_MS,
        }),
      }),
    ]);
    expect(elapsed).toBeGreaterThanOrEqual(BUDGET_MS - 50);
    // The budget plus a wide margin for a busy machine; the expression itself would run forever.
    expect(elapsed).toBeLessThan(BUDGET_MS + 3000);
    expect(await submissionCount()).toBe(before);
  });

  it('stops a calculation that blocks its thread, while a read sent at the same time is answered', async () => {
    const started = Date.now();
    let submitAnsweredAt: number | undefined;
    const slowSubmit = submit('evaluation', sampleDataOf('evaluation')).then((response) => {
      submitAnsweredAt = Date.now();
      return response;
    });
    const read = await api.gql(FORMS);
    const readAnsweredAt = Date.now();
    expect(read.errors).toBeUndefined();
    expect(read.data?.forms.length).toBeGreaterThan(0);
    // The read did not wait for the calculation: it was answered while the submit was still running.
    expect(submitAnsweredAt).toBeUndefined();

    const { errors } = await slowSubmit;
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'DERIVE_BUDGET' });
    expect(readAnsweredAt).toBeLessThan(submitAnsweredAt!);
    // The expression alone takes minutes; the worker running it is ended after the budget.
    expect(submitAnsweredAt! - started).toBeLessThan(BUDGET_MS + 3000);
  });

  it('keeps serving submissions after a worker was ended', async () => {
    const { data, errors } = await submit('cost-calculation', costCalculation());
    expect(errors).toBeUndefined();
    expect(data?.submitForm.submission.data.totalCost).toBe(62_500);
  });
});

describe('lists in submitted data', () => {
  it('refuses a 100,000-item list fast, with a clear code and a small answer, in bounded memory', async () => {
    const huge = costCalculation({ materialCosts: Array.from({ length: 100_000 }, () => ({})) });
    const before = await submissionCount();
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        api.app.http.inject({
          method: 'POST',
          url: '/graphql',
          headers: { 'content-type': 'application/json' },
          payload: {
            query: SUBMIT,
            variables: {
              formKey: 'cost-calculation',
              data: huge,
              clientSubmissionId: newClientSubmissionId(),
            },
          },
        }),
      ),
    );
    const elapsed = Date.now() - started;
    const rssGrowth = process.memoryUsage().rss - rssBefore;

    for (const response of responses) {
      // The old answer was 26 MB with 400,001 field errors.
      expect(response.body.length).toBeLessThan(2000);
      const { data, errors } = response.json();
      expect(data?.submitForm ?? null).toBeNull();
      expect(errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('höchstens 1000 Einträge'),
          extensions: expect.objectContaining({
            code: 'LIMIT_EXCEEDED',
            limit: 'MAX_ARRAY_ITEMS',
            path: '/materialCosts',
            maxItems: 1000,
          }),
        }),
      ]);
    }
    // Generous bounds: four such submits took 5.7 s each and hundreds of megabytes before the limit.
    expect(elapsed).toBeLessThan(5000);
    expect(rssGrowth).toBeLessThan(150 * 1024 * 1024);
    expect(await submissionCount()).toBe(before);
  });

  it("applies a form's own list limit", async () => {
    // The sample's longest list (cooperation partners) has four items.
    await publishChanged('offer-description', (schema) => {
      schema['x-maxArrayItems'] = 4;
    });
    const data = sampleDataOf('offer-description');
    const goals = [...data.goals, data.goals[0], data.goals[0]];
    const { errors } = await submit('offer-description', { ...data, goals });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'MAX_ARRAY_ITEMS',
      path: '/goals',
      maxItems: 4,
    });
    const { errors: none } = await submit('offer-description', { ...data, goals: goals.slice(0, 4) });
    expect(none).toBeUndefined();
  });
});

describe('field errors', () => {
  it('answers the first 100 field errors and the full count', async () => {
    // Each empty line lacks four required fields, and the form allows at most 100 lines: 4 × 150 + 1.
    const data = costCalculation({ materialCosts: Array.from({ length: 150 }, () => ({})) });
    const before = await submissionCount();
    const { data: answer, errors } = await submit('cost-calculation', data);
    expect(errors).toBeUndefined();
    const payload = answer!.submitForm;
    expect(payload.submission).toBeNull();
    expect(payload.errorCount).toBe(601);
    expect(payload.errors).toHaveLength(100);
    expect(payload.errors).toContainEqual({ path: '/materialCosts/0/description', message: 'Pflichtfeld' });
    expect(await submissionCount()).toBe(before);
  });
});
