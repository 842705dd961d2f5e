import { type EntityManager, LockMode, OptimisticLockError } from '@mikro-orm/postgresql';
import { checkFormDefinition, MAX_DEFINITION_BYTES } from '../../../form-logic/index.js';
import type { Caller } from '../common/context.js';
import { Conflict, NotFound, ValidationFailed } from '../common/errors.js';
import { canonicalHash } from '../common/hash.js';
import { Form } from './form.entity.js';
import { FormVersion, FormVersionSource, FormVersionStatus } from './form-version.entity.js';

/** The parts of a version that make up its content (and its hash). */
export interface FormContent {
  title: string;
  description?: string | null;
  schema: Record<string, unknown>;
  uischema: Record<string, unknown>;
  sampleData?: Record<string, unknown> | null;
}

export function formContentHash(content: FormContent): string {
  return canonicalHash({
    title: content.title,
    description: content.description ?? null,
    schema: content.schema,
    uischema: content.uischema,
    sampleData: content.sampleData ?? null,
  });
}

export async function findFormOrFail(em: EntityManager, key: string): Promise<Form> {
  const form = await em.findOne(Form, { key });
  if (!form) throw NotFound(`Das Formular „${key}“`);
  return form;
}

/** The version in force, or null when none has been published yet. */
export function findPublishedVersion(em: EntityManager, formKey: string): Promise<FormVersion | null> {
  return em.findOne(FormVersion, { form: formKey, status: FormVersionStatus.PUBLISHED });
}

export async function nextFormVersionNumber(em: EntityManager, formKey: string): Promise<number> {
  const [row] = await em
    .getConnection()
    .execute<{ max: number | null }[]>(
      'select max("number") as "max" from "form_version" where "form_key" = ?',
      [formKey],
    );
  return (row?.max ?? 0) + 1;
}

/** Serialises version changes of one form across app processes for the rest of the transaction. */
async function lockForm(em: EntityManager, formKey: string): Promise<void> {
  await em.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`form:${formKey}`]);
}

/** Runs `work` in a transaction that holds the form's version lock. */
export function withFormLock<T>(em: EntityManager, formKey: string, work: (tx: EntityManager) => Promise<T>) {
  return em.transactional(async (tx) => {
    await lockForm(tx, formKey);
    return work(tx);
  });
}

/**
 * Creates version n+1 of a form as a draft, copied from `fromVersionId` (default: the published version).
 * A form has at most one draft at a time.
 */
export async function createDraft(
  em: EntityManager,
  input: { caller: Caller; formKey: string; fromVersionId?: string | null },
): Promise<FormVersion> {
  return withFormLock(em, input.formKey, async (tx) => {
    const form = await findFormOrFail(tx, input.formKey);
    const existingDraft = await tx.findOne(FormVersion, { form, status: FormVersionStatus.DRAFT });
    if (existingDraft) {
      throw Conflict(`Für dieses Formular gibt es bereits einen Entwurf (Version ${existingDraft.number}).`, {
        reason: 'DRAFT_EXISTS',
        draftId: existingDraft.id,
      });
    }
    const source = input.fromVersionId
      ? await tx.findOne(FormVersion, { id: input.fromVersionId, form })
      : await findPublishedVersion(tx, form.key);
    if (!source) throw NotFound('Die Ausgangsfassung');
    const draft = tx.create(FormVersion, {
      form,
      number: await nextFormVersionNumber(tx, form.key),
      status: FormVersionStatus.DRAFT,
      source: FormVersionSource.EDITOR,
      title: source.title,
      description: source.description,
      schema: source.schema,
      uischema: source.uischema,
      sampleData: source.sampleData,
      contentHash: source.contentHash,
      createdBy: input.caller.userId,
    });
    await tx.flush();
    return draft;
  });
}

/**
 * Saves a draft's schema and UI schema. `expectedRevision` is the revision the editor loaded: when
 * someone saved in between, the save fails with CONFLICT and nothing is written.
 */
export async function updateDraft(
  em: EntityManager,
  input: {
    caller: Caller;
    id: string;
    schema: unknown;
    uischema: unknown;
    expectedRevision: number;
  },
): Promise<FormVersion> {
  const schema = requireJsonObject(input.schema, '/schema', 'Das Schema');
  const uischema = requireJsonObject(input.uischema, '/uischema', 'Das UI-Schema');
  try {
    return await em.transactional(async (tx) => {
      const version = await tx.findOne(FormVersion, { id: input.id });
      if (!version) throw NotFound('Die Formularfassung');
      if (version.status !== FormVersionStatus.DRAFT) {
        throw Conflict('Veröffentlichte und archivierte Fassungen können nicht geändert werden.', {
          reason: 'NOT_DRAFT',
        });
      }
      await tx.lock(version, LockMode.OPTIMISTIC, input.expectedRevision);
      version.schema = schema;
      version.uischema = uischema;
      version.contentHash = formContentHash({ ...version, schema, uischema });
      await tx.flush();
      return version;
    });
  } catch (error) {
    if (error instanceof OptimisticLockError) {
      throw Conflict(
        'Der Entwurf wurde inzwischen von jemand anderem gespeichert. Bitte laden Sie ihn neu; Ihre Änderungen wurden nicht gespeichert.',
        { reason: 'STALE_REVISION' },
      );
    }
    throw error;
  }
}

/**
 * Puts a draft in force: checks the definition (schema compiles, expressions parse, regexes are safe,
 * UI schema points at existing fields), archives the version in force and publishes the draft.
 */
export async function publishFormVersion(
  em: EntityManager,
  input: { caller: Caller; id: string },
): Promise<FormVersion> {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(FormVersion, { id: input.id });
    if (!found) throw NotFound('Die Formularfassung');
    await lockForm(tx, found.form.key);
    const version = await tx.findOneOrFail(FormVersion, { id: input.id }, { refresh: true });
    if (version.status !== FormVersionStatus.DRAFT) {
      throw Conflict('Nur Entwürfe können veröffentlicht werden.', { reason: 'NOT_DRAFT' });
    }
    const problems = checkFormDefinition({ schema: version.schema, uischema: version.uischema });
    if (problems.length > 0) {
      throw ValidationFailed(
        'Die Formulardefinition ist fehlerhaft und kann nicht veröffentlicht werden.',
        problems,
      );
    }
    await putInForce(tx, version, input.caller.userId);
    await tx.flush();
    return version;
  });
}

/** Archives the form's current version and publishes `version` (inside the caller's transaction). */
export async function putInForce(tx: EntityManager, version: FormVersion, userId: string): Promise<void> {
  await tx.nativeUpdate(
    FormVersion,
    { form: version.form.key, status: FormVersionStatus.PUBLISHED },
    { status: FormVersionStatus.ARCHIVED },
  );
  version.status = FormVersionStatus.PUBLISHED;
  version.publishedAt = new Date();
  version.publishedBy = userId;
  const form = await tx.findOneOrFail(Form, { key: version.form.key });
  form.title = version.title;
  form.description = version.description;
}

function requireJsonObject(value: unknown, path: string, label: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw ValidationFailed(`${label} muss ein JSON-Objekt sein.`, [{ path, message: 'Kein JSON-Objekt' }]);
  }
  if (JSON.stringify(value).length > MAX_DEFINITION_BYTES) {
    throw ValidationFailed(`${label} ist zu groß (höchstens ${MAX_DEFINITION_BYTES / 1024} KiB).`, [
      { path, message: 'Zu groß' },
    ]);
  }
  return value as Record<string, unknown>;
}
