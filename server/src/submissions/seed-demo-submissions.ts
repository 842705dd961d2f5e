import type { EntityManager } from '@mikro-orm/postgresql';
import { MAX_ARRAY_ITEMS_CEILING } from '../../../form-logic/index.js';
import { FormCatalog } from '../forms/form-catalog.js';
import { FormEvaluator } from '../forms/evaluation/form-evaluator.js';
import { FormVersionCache } from '../forms/form-version-cache.js';
import { FormVersion, FormVersionStatus } from '../forms/form-version.entity.js';
import { Role } from '../common/context.js';
import { DEMO_PROVIDER_USER, DEMO_TEAM_LEAD_USER } from '../users/demo-users.js';
import { callerOfUser, USER_RELATIONS } from '../users/sign-in.js';
import { User } from '../users/user.entity.js';
import { Submission } from './submission.entity.js';
import { submitForm } from './submit-form.js';

/**
 * Submits the sample data of every published form once, so a fresh platform has something to show:
 * provider forms as the demo Träger's user (the submissions belong to that Träger), office forms as the
 * demo team lead. Needs the demo users (seedDemoUsers). Idempotent through a fixed client submission id
 * per version.
 * @returns how many submissions were created.
 */
export async function seedDemoSubmissions(em: EntityManager): Promise<number> {
  const demoUser = async (email: string) => {
    const user = await em.findOne(User, { email }, { populate: USER_RELATIONS });
    return user ? callerOfUser(user) : null;
  };
  const provider = await demoUser(DEMO_PROVIDER_USER.email);
  const teamLead = await demoUser(DEMO_TEAM_LEAD_USER.email);
  const context = {
    em,
    requestId: 'start',
    formCatalog: new FormCatalog(em, { warn: () => {} }),
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
    { orderBy: { form: 'asc' }, populate: ['sampleData', 'form'] },
  );
  let created = 0;
  for (const version of versions) {
    if (!version.sampleData) continue;
    const clientSubmissionId = `demo:${version.form.key}:${version.contentHash.slice(0, 16)}`;
    if (await em.count(Submission, { clientSubmissionId })) continue;
    const roles = version.form.submitterRoles;
    const caller = roles.includes(Role.PROVIDER)
      ? provider
      : roles.includes(Role.TEAM_LEAD)
        ? teamLead
        : null;
    if (!caller) continue;
    const result = await submitForm(
      { ...context, caller },
      {
        formKey: version.form.key,
        data: version.sampleData,
        clientSubmissionId,
        formVersionId: version.id,
      },
    );
    if (result.submission) created += 1;
  }
  return created;
}
