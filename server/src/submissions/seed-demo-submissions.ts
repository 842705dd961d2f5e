import type { EntityManager } from '@mikro-orm/postgresql';
import { MAX_ARRAY_ITEMS_CEILING } from '../../../form-logic/index.js';
import { FormCatalog } from '../forms/form-catalog.js';
import { FormEvaluator } from '../forms/evaluation/form-evaluator.js';
import { FormVersionCache } from '../forms/form-version-cache.js';
import { FormVersion, FormVersionStatus } from '../forms/form-version.entity.js';
import { DEMO_CALLER } from '../users/resolve-caller.js';
import { Submission } from './submission.entity.js';
import { submitForm } from './submit-form.js';

/**
 * Submits the sample data of every published form once, as the demo user, so a fresh platform has
 * something to show. Idempotent through a fixed client submission id per version.
 * @returns how many submissions were created.
 */
export async function seedDemoSubmissions(em: EntityManager): Promise<number> {
  const context = {
    em,
    caller: DEMO_CALLER,
    requestId: 'start',
    formCatalog: new FormCatalog(em, { warn: () => {}, info: () => {} }),
    formVersions: new FormVersionCache(),
    // The sample data comes from the definition files, not from a client: evaluated in this thread.
    formEvaluator: new FormEvaluator({
      workers: 0,
      budgetMs: 10_000,
      maxArrayItems: MAX_ARRAY_ITEMS_CEILING,
    }),
  };
  const versions = await em.find(
    FormVersion,
    { status: FormVersionStatus.PUBLISHED },
    { orderBy: { form: 'asc' }, populate: ['sampleData'] },
  );
  let created = 0;
  for (const version of versions) {
    if (!version.sampleData) continue;
    const clientSubmissionId = `demo:${version.form.key}:${version.contentHash.slice(0, 16)}`;
    if (await em.count(Submission, { clientSubmissionId })) continue;
    const result = await submitForm(context, {
      formKey: version.form.key,
      data: version.sampleData,
      clientSubmissionId,
      formVersionId: version.id,
    });
    if (result.submission) created += 1;
  }
  return created;
}
