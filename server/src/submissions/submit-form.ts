import { randomUUID } from 'node:crypto';
import type { FieldError } from '../../../form-logic/index.js';
import { type CommandContext, runCommand } from '../common/command.js';
import { Conflict, FormVersionOutdated, NotFound } from '../common/errors.js';
import { canonicalHash } from '../common/hash.js';
import type { FormCatalog } from '../forms/form-catalog.js';
import type { FormEvaluator } from '../forms/evaluation/form-evaluator.js';
import type { FormVersionCache, FormVersionContent } from '../forms/form-version-cache.js';
import { Submission } from './submission.entity.js';

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
  | { submission: Submission; errors: []; errorCount: 0 }
  | { submission: null; errors: FieldError[]; errorCount: number };

interface InForce {
  id: string;
  content: FormVersionContent;
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
  if (input.formVersionId && input.formVersionId !== version.id) {
    return earlierSubmission(context, input, clientSubmissionId, () => FormVersionOutdated(version.id));
  }

  // Published content never changes, so its revision is always 0 for the evaluator's caches.
  const evaluated = await context.formEvaluator.evaluate(
    { id: version.id, revision: 0, schema: version.content.schema, schemaJson: version.content.schemaJson },
    input.data,
  );
  if (evaluated.errorCount > 0) {
    return { submission: null, errors: evaluated.errors, errorCount: evaluated.errorCount };
  }
  // Hashed only now: data over the limits was refused above without this work.
  const requestHash = requestHashOf(input);

  const stored = await runCommand(context, 'submitForm', async (cmd) => {
    const [row] = await cmd.sql<{ id: string; created_at: Date }>(
      `insert into "submission"
         ("id", "form_key", "form_version_id", "data", "client_submission_id", "request_hash", "provider_id", "created_by")
       select ?, ?, ?, ?::jsonb, ?, ?, ?, ?
        where exists (select 1 from "form_version" where "id" = ? and "status" = 'PUBLISHED')
       on conflict ("client_submission_id") do nothing
       returning "id", "created_at"`,
      [
        randomUUID(),
        input.formKey,
        version.id,
        JSON.stringify(evaluated.data),
        clientSubmissionId,
        requestHash,
        cmd.caller.providerId ?? null,
        cmd.caller.userId,
        version.id,
      ],
    );
    return row ?? null;
  });
  if (stored) {
    // Mapped after the commit: inside the transaction the entity would be compared again at its flush.
    const submission = context.em.map(Submission, {
      ...stored,
      form_key: input.formKey,
      form_version_id: version.id,
      data: evaluated.data,
      client_submission_id: clientSubmissionId,
      request_hash: requestHash,
      provider_id: context.caller?.providerId ?? null,
      created_by: context.caller?.userId,
    });
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
  return { id: entry.published.id, content };
}

/** sha256 of the data as sent (canonical JSON): tells a retry from another submission under the same id. */
function requestHashOf(input: SubmitFormInput): string {
  return canonicalHash({ formKey: input.formKey, data: input.data });
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
