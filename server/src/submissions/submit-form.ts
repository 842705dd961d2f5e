import { type EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { deriveValues, type FieldError } from '../../../form-logic/index.js';
import type { Caller } from '../common/context.js';
import { BadUserInput, Conflict, FormVersionOutdated, NotFound } from '../common/errors.js';
import { canonicalHash } from '../common/hash.js';
import { findFormOrFail, findPublishedVersion } from '../forms/form.service.js';
import type { FormValidatorCache } from '../forms/form-validator-cache.js';
import { Submission } from './submission.entity.js';

export interface SubmitFormInput {
  caller: Caller;
  validators: FormValidatorCache;
  formKey: string;
  data: unknown;
  clientSubmissionId: string;
  /** The version the client rendered; when given it must still be the one in force. */
  formVersionId?: string | null;
}

export type SubmitFormResult =
  { submission: Submission; errors: [] } | { submission: null; errors: FieldError[] };

/**
 * Validates a filled-in form against the version in force and stores it. Derived values (totals,
 * scores) are recomputed here: the client's numbers are never trusted. On field errors nothing is
 * stored. A retry with the same `clientSubmissionId` and the same data returns the stored submission;
 * the same id with other data is a CONFLICT.
 */
export async function submitForm(em: EntityManager, input: SubmitFormInput): Promise<SubmitFormResult> {
  const clientSubmissionId = input.clientSubmissionId.trim();
  if (clientSubmissionId.length === 0 || clientSubmissionId.length > 100) {
    throw BadUserInput('clientSubmissionId muss 1 bis 100 Zeichen lang sein.');
  }
  if (typeof input.data !== 'object' || input.data === null || Array.isArray(input.data)) {
    throw BadUserInput('Die Formulardaten müssen ein JSON-Objekt sein.');
  }
  const requestHash = canonicalHash({ formKey: input.formKey, data: input.data });

  const earlier = await em.findOne(Submission, { clientSubmissionId });
  if (earlier) return { submission: sameSubmissionOrConflict(earlier, input, requestHash), errors: [] };

  const form = await findFormOrFail(em, input.formKey);
  const version = await findPublishedVersion(em, form.key);
  if (!version) throw NotFound(`Eine veröffentlichte Fassung des Formulars „${form.key}“`);
  if (input.formVersionId && input.formVersionId !== version.id) throw FormVersionOutdated(version.id);

  const derived = await deriveValues(version.schema, input.data as Record<string, unknown>);
  const errors = [...derived.errors, ...input.validators.get(version)(derived.data)];
  if (errors.length > 0) return { submission: null, errors };

  const submission = em.create(Submission, {
    form,
    formVersion: version,
    data: derived.data as Record<string, unknown>,
    clientSubmissionId,
    requestHash,
    providerId: input.caller.providerId ?? null,
    createdBy: input.caller.userId,
  });
  try {
    await em.flush();
  } catch (error) {
    // Two requests with the same id raced; the first one stored it.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    em.clear();
    const stored = await em.findOneOrFail(Submission, { clientSubmissionId });
    return { submission: sameSubmissionOrConflict(stored, input, requestHash), errors: [] };
  }
  return { submission, errors: [] };
}

function sameSubmissionOrConflict(
  stored: Submission,
  input: SubmitFormInput,
  requestHash: string,
): Submission {
  const sameRequest =
    stored.form.key === input.formKey &&
    stored.requestHash === requestHash &&
    stored.createdBy === input.caller.userId;
  if (!sameRequest) {
    throw Conflict('Diese Einreichung wurde bereits mit anderen Daten gespeichert.', {
      reason: 'DUPLICATE_SUBMISSION',
      submissionId: stored.id,
    });
  }
  return stored;
}
