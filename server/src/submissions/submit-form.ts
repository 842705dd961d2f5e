import { randomUUID } from 'node:crypto';
import type { FieldError } from '../../../form-logic/index.js';
import { type CommandContext, runStatement } from '../common/command.js';
import { Conflict, Forbidden, FormVersionOutdated, NotFound } from '../common/errors.js';
import { allowingRole } from '../common/policy.js';
import { canonicalHash } from '../common/hash.js';
import type { Form } from '../forms/form.entity.js';
import type { FormCatalog } from '../forms/form-catalog.js';
import type { FormEvaluator } from '../forms/evaluation/form-evaluator.js';
import type { FormVersionCache, FormVersionContent } from '../forms/form-version-cache.js';
import { Submission, type SubmissionRecord } from './submission.entity.js';
import { formSubmissionPolicy } from './submission.policy.js';

/** What submitting needs besides the command context: the process-wide caches. */
export interface SubmitContext extends CommandContext {
  formCatalog: FormCatalog;
  formVersions: FormVersionCache;
  formEvaluator: FormEvaluator;
}

export interface SubmitFormInput {
  formKey: string;
  data: Record<string, unknown>;
  clientSubmissionId: string;
  /** The version the client rendered; when given it must still be the one in force. */
  formVersionId?: string | null;
}

export type SubmitFormResult =
  | { submission: SubmissionRecord; errors: []; errorCount: 0 }
  | { submission: null; errors: FieldError[]; errorCount: number };

interface InForce {
  id: string;
  content: FormVersionContent;
  form: Form;
}

/**
 * Validates a filled-in form against the version in force and stores it. Derived values (totals,
 * scores) are recomputed here: the client's numbers are never trusted. On field errors nothing is
 * stored. A retry with the same `clientSubmissionId` and the same data returns the stored submission;
 * the same id with other data is a CONFLICT.
 *
 * The calculation runs before the transaction, so no connection waits on it; the insert then checks
 * in the same statement that the version is still in force.
 */
export async function submitForm(context: SubmitContext, input: SubmitFormInput): Promise<SubmitFormResult> {
  // Length and shape of the arguments are checked by `SubmitFormArgs` before this runs.
  const clientSubmissionId = input.clientSubmissionId.trim();

  const version = await versionInForce(context, input.formKey);
  // Checked before any work: an office form such as the scoring sheet is not for providers.
  const role = allowingRole(formSubmissionPolicy, context.caller, 'submit', version.form);
  if (!role) throw Forbidden('Dieses Formular können Sie nicht einreichen.');
  if (input.formVersionId && input.formVersionId !== version.id) {
    return earlierSubmission(context, input, clientSubmissionId, () => FormVersionOutdated(version.id));
  }

  // Published content never changes, so its revision is always 0 for the evaluator's caches. The worker
  // also hashes the data as sent and serialises the result, so this thread only passes them on.
  const evaluated = await context.formEvaluator.evaluate(
    { id: version.id, revision: 0, schema: version.content.schema, schemaJson: version.content.schemaJson },
    input.data,
    { fingerprint: fingerprintOf(input) },
  );
  if (evaluated.errorCount > 0) {
    return { submission: null, errors: evaluated.errors, errorCount: evaluated.errorCount };
  }
  const requestHash = evaluated.fingerprint!;

  // One statement, so one round trip: it checks that the version is still in force, stores the row and
  // its audit event.
  const [stored] = await runStatement<{ id: string; created_ms: number }>(context, 'submitForm', (cmd) => ({
    text: `insert into "submission"
             ("id", "form_key", "form_version_id", "data", "client_submission_id", "request_hash", "provider_id", "created_by")
           select $1, $2, $3, $4::jsonb, $5, $6, $7, $8
            where exists (select 1 from "form_version" where "id" = $3 and "status" = 'PUBLISHED')
           on conflict ("client_submission_id") do nothing
           returning "id", (extract(epoch from "created_at") * 1000)::float8 as "created_ms"`,
    values: [
      randomUUID(),
      input.formKey,
      version.id,
      evaluated.dataJson,
      clientSubmissionId,
      requestHash,
      cmd.caller.providerId ?? null,
      cmd.caller.userId,
    ],
    role,
    audit: { entityType: 'Submission', details: { formKey: input.formKey, formVersionId: version.id } },
  }));
  if (stored) {
    const submission: SubmissionRecord = {
      id: stored.id,
      createdAt: new Date(stored.created_ms),
      createdBy: context.caller!.userId,
      form: { key: input.formKey },
      formVersion: { id: version.id },
      data: evaluated.data,
      clientSubmissionId,
      requestHash,
      providerId: context.caller!.providerId ?? null,
    };
    return { submission, errors: [], errorCount: 0 };
  }
  // Nothing inserted: this id was stored before (a retry or a reused id), or the version was replaced meanwhile.
  return earlierSubmission(context, input, clientSubmissionId, () => FormVersionOutdated(null));
}

async function versionInForce(context: SubmitContext, formKey: string): Promise<InForce> {
  const entry = await context.formCatalog.entry(formKey);
  if (!entry) throw NotFound(`Das Formular „${formKey}“`);
  const content = entry.published && (await context.formVersions.content(context.em, entry.published.id));
  if (!entry.published || !content) throw NotFound(`Eine veröffentlichte Fassung des Formulars „${formKey}“`);
  return { id: entry.published.id, content, form: entry.form };
}

/** What the request hash covers besides the data as sent. */
function fingerprintOf(input: SubmitFormInput): Record<string, unknown> {
  return { formKey: input.formKey };
}

/** sha256 of the data as sent (canonical JSON): tells a retry from another submission under the same id. */
function requestHashOf(input: SubmitFormInput): string {
  return canonicalHash({ ...fingerprintOf(input), data: input.data });
}

/** The submission stored earlier under this id (same caller, form and data), or `otherwise()` to throw. */
async function earlierSubmission(
  context: SubmitContext,
  input: SubmitFormInput,
  clientSubmissionId: string,
  otherwise: () => Error,
): Promise<SubmitFormResult> {
  const stored = await context.em.findOne(Submission, { clientSubmissionId });
  if (!stored) throw otherwise();
  const sameRequest =
    stored.form.key === input.formKey &&
    stored.requestHash === requestHashOf(input) &&
    stored.createdBy === context.caller?.userId;
  if (!sameRequest) {
    throw Conflict('Diese Einreichung wurde bereits mit anderen Daten gespeichert.', {
      reason: 'DUPLICATE_SUBMISSION',
      submissionId: stored.id,
    });
  }
  return { submission: stored, errors: [], errorCount: 0 };
}
