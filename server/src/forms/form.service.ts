import {
  capFieldErrors,
  checkFormDefinition,
  checkProcessContract,
  describesObject,
  type FieldError,
  MAX_DEFINITION_BYTES,
  ROOT_NOT_OBJECT_MESSAGE,
} from '../../../form-logic/index.js';
import type { Command } from '../common/command.js';
import { Conflict, NotFound } from '../common/errors.js';
import { canonicalHash } from '../common/hash.js';
import { Form } from './form.entity.js';
import { formPolicy, formVersionPolicy } from './form.policy.js';
import { announceFormChange } from './form-catalog.js';
import { FormVersion, FormVersionSource, FormVersionStatus } from './form-version.entity.js';

/** The parts of a version that make up its content (and its hash). */
export interface FormContent {
  title: string;
  description?: string | null;
  schema: Record<string, unknown>;
  uischema: Record<string, unknown>;
  sampleData?: Record<string, unknown> | null;
}

/** A version, or the field errors that kept it from being saved (then nothing changed). */
export type FormVersionResult =
  | { formVersion: FormVersion; errors: []; errorCount: 0 }
  | { formVersion: null; errors: FieldError[]; errorCount: number };

const CONTENT = ['schema', 'uischema', 'sampleData'] as const;

export function formContentHash(content: FormContent): string {
  return canonicalHash({
    title: content.title,
    description: content.description ?? null,
    schema: content.schema,
    uischema: content.uischema,
    sampleData: content.sampleData ?? null,
  });
}

/** The lock key that serialises all version changes of one form, across app processes. */
export const formLockKey = (formKey: string) => `form:${formKey}`;

async function findFormOrFail(cmd: Command, key: string): Promise<Form> {
  const form = await cmd.tx.findOne(Form, { key });
  if (!form) throw NotFound(`Das Formular „${key}“`);
  return form;
}

/** The next version number of a form; call it while holding the form's lock. */
export async function nextFormVersionNumber(cmd: Command, formKey: string): Promise<number> {
  const [row] = await cmd.sql<{ max: number | null }>(
    'select max("number") as "max" from "form_version" where "form_key" = ?',
    [formKey],
  );
  return (row?.max ?? 0) + 1;
}

/** Locks the form of version `id` and loads the version as it is now, with its content. */
export async function lockVersion(cmd: Command, id: string): Promise<FormVersion> {
  const [row] = await cmd.sql<{ form_key: string }>('select "form_key" from "form_version" where "id" = ?', [
    id,
  ]);
  if (!row) throw NotFound('Die Formularfassung');
  await cmd.lock(formLockKey(row.form_key));
  return cmd.tx.findOneOrFail(FormVersion, { id }, { populate: CONTENT, refresh: true });
}

/**
 * Creates version n+1 of a form as a draft, copied from `fromVersionId` (default: the published version).
 * A form has at most one draft at a time.
 */
export async function createDraft(
  cmd: Command,
  input: { formKey: string; fromVersionId?: string | null },
): Promise<FormVersion> {
  await cmd.lock(formLockKey(input.formKey));
  const form = await findFormOrFail(cmd, input.formKey);
  cmd.authorize(formPolicy, 'createDraft', form);
  const existingDraft = await cmd.tx.findOne(FormVersion, { form, status: FormVersionStatus.DRAFT });
  if (existingDraft) {
    throw Conflict(`Für dieses Formular gibt es bereits einen Entwurf (Version ${existingDraft.number}).`, {
      reason: 'DRAFT_EXISTS',
      draftId: existingDraft.id,
    });
  }
  const source = await cmd.tx.findOne(
    FormVersion,
    input.fromVersionId ? { id: input.fromVersionId, form } : { form, status: FormVersionStatus.PUBLISHED },
    { populate: CONTENT },
  );
  if (!source) throw NotFound('Die Ausgangsfassung');
  const draft = cmd.tx.create(FormVersion, {
    form,
    number: await nextFormVersionNumber(cmd, form.key),
    status: FormVersionStatus.DRAFT,
    source: FormVersionSource.EDITOR,
    title: source.title,
    description: source.description,
    schema: source.schema,
    uischema: source.uischema,
    sampleData: source.sampleData,
    contentHash: source.contentHash,
    createdBy: cmd.caller.userId,
    createdByName: cmd.caller.displayName,
  });
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'FormVersion',
    entityId: draft.id,
    details: { formKey: form.key, number: draft.number, fromVersionId: source.id },
  });
  return draft;
}

/** What a save of a draft may change; omitted parts stay as they are (`sampleData: null` clears it). */
export interface DraftChanges {
  id: string;
  expectedRevision: number;
  schema: unknown;
  uischema: unknown;
  title?: string | null;
  description?: string | null;
  sampleData?: unknown;
}

/**
 * Saves a draft's schema, UI schema and, when given, its title, description and sample data.
 * `expectedRevision` is the revision the editor loaded: when someone saved in between, the save fails
 * with CONFLICT/STALE_REVISION (`extensions.currentRevision` names the stored revision) and nothing is
 * written.
 */
export async function updateDraft(cmd: Command, input: DraftChanges): Promise<FormVersionResult> {
  const version = await lockVersion(cmd, input.id);
  cmd.authorize(formVersionPolicy, 'update', version);
  const errors = draftChangeErrors(input);
  if (errors.length > 0) return { formVersion: null, ...capFieldErrors(errors) };
  assertDraftAt(version, input.expectedRevision);
  const before = { contentHash: version.contentHash, revision: version.revision };
  version.schema = input.schema as Record<string, unknown>;
  version.uischema = input.uischema as Record<string, unknown>;
  if (input.title !== undefined && input.title !== null) version.title = input.title.trim();
  if (input.description !== undefined) version.description = input.description?.trim() || null;
  if (input.sampleData !== undefined) version.sampleData = input.sampleData as Record<string, unknown> | null;
  version.contentHash = formContentHash(version);
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'FormVersion',
    entityId: version.id,
    details: { before, after: { contentHash: version.contentHash, revision: version.revision } },
  });
  return { formVersion: version, errors: [], errorCount: 0 };
}

/** The field errors of a save's input itself (its shape and size, before the definition is judged). */
export function draftChangeErrors(input: Omit<DraftChanges, 'id' | 'expectedRevision'>): FieldError[] {
  const errors = [
    ...jsonObjectErrors(input.schema, '/schema', 'Das Schema'),
    ...jsonObjectErrors(input.uischema, '/uischema', 'Das UI-Schema'),
  ];
  if (errors.length === 0 && !describesObject(input.schema)) {
    errors.push({ path: '/schema', message: ROOT_NOT_OBJECT_MESSAGE });
  }
  if (input.title !== undefined) {
    const title = input.title?.trim() ?? '';
    if (!title) errors.push({ path: '/title', message: 'Bitte geben Sie einen Titel an.' });
    else if (title.length > MAX_TITLE_LENGTH) {
      errors.push({
        path: '/title',
        message: `Der Titel ist zu lang (höchstens ${MAX_TITLE_LENGTH} Zeichen).`,
      });
    }
  }
  if (input.description && input.description.length > MAX_DESCRIPTION_LENGTH) {
    errors.push({
      path: '/description',
      message: `Die Beschreibung ist zu lang (höchstens ${MAX_DESCRIPTION_LENGTH} Zeichen).`,
    });
  }
  if (input.sampleData !== undefined && input.sampleData !== null) {
    errors.push(...jsonObjectErrors(input.sampleData, '/sampleData', 'Die Beispieldaten', 'müssen'));
  }
  return errors;
}

const MAX_TITLE_LENGTH = 200;
const MAX_DESCRIPTION_LENGTH = 5000;

/**
 * Ends the command unless `version` is a draft at `expectedRevision`: CONFLICT/NOT_DRAFT, or
 * CONFLICT/STALE_REVISION with the stored revision (the editor then loads it to compare and reload).
 */
export function assertDraftAt(version: FormVersion, expectedRevision: number): void {
  if (version.status !== FormVersionStatus.DRAFT) {
    throw Conflict('Veröffentlichte und archivierte Fassungen können nicht geändert werden.', {
      reason: 'NOT_DRAFT',
    });
  }
  if (version.revision !== expectedRevision) {
    throw Conflict(
      `Der Entwurf wurde inzwischen von jemand anderem gespeichert (Stand ${version.revision}, Ihre Bearbeitung beruht auf Stand ${expectedRevision}). Ihre Änderungen wurden nicht gespeichert; Sie können beide Fassungen vergleichen und neu laden.`,
      { reason: 'STALE_REVISION', currentRevision: version.revision },
    );
  }
}

/**
 * Sets a draft aside: it becomes ARCHIVED and stays in the history, and a new draft may be started.
 * The version in force is archived only by publishing another one (CONFLICT/NOT_DRAFT).
 */
export async function archiveFormVersion(cmd: Command, input: { id: string }): Promise<FormVersionResult> {
  const version = await lockVersion(cmd, input.id);
  cmd.authorize(formVersionPolicy, 'archive', version);
  if (version.status !== FormVersionStatus.DRAFT) {
    throw Conflict(
      version.status === FormVersionStatus.PUBLISHED
        ? 'Die Fassung in Kraft kann nicht archiviert werden; sie wird archiviert, wenn eine andere Fassung in Kraft gesetzt wird.'
        : 'Diese Fassung ist bereits archiviert.',
      { reason: 'NOT_DRAFT' },
    );
  }
  version.status = FormVersionStatus.ARCHIVED;
  version.archivedAt = new Date();
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'FormVersion',
    entityId: version.id,
    details: {
      formKey: version.form.key,
      number: version.number,
      before: { status: 'DRAFT' },
      after: { status: 'ARCHIVED' },
    },
  });
  return { formVersion: version, errors: [], errorCount: 0 };
}

/**
 * Puts a draft in force: checks the definition (schema compiles, expressions parse, regexes are safe,
 * UI schema points at existing fields) and what the process relies on in the form
 * (`checkProcessContract`), archives the version in force and publishes the draft. A broken
 * definition is answered with field errors and changes nothing.
 */
export async function publishFormVersion(cmd: Command, input: { id: string }): Promise<FormVersionResult> {
  const version = await lockVersion(cmd, input.id);
  cmd.authorize(formVersionPolicy, 'publish', version);
  if (version.status !== FormVersionStatus.DRAFT) {
    throw Conflict('Nur Entwürfe können veröffentlicht werden.', { reason: 'NOT_DRAFT' });
  }
  const problems = [
    ...(await checkFormDefinition({ schema: version.schema, uischema: version.uischema })),
    ...checkProcessContract(version.form.key, version),
  ];
  if (problems.length > 0) return { formVersion: null, ...capFieldErrors(problems) };
  await putInForce(cmd, version);
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'FormVersion',
    entityId: version.id,
    details: {
      formKey: version.form.key,
      number: version.number,
      before: { status: 'DRAFT' },
      after: { status: 'PUBLISHED' },
    },
  });
  return { formVersion: version, errors: [], errorCount: 0 };
}

/** Archives the form's current version and publishes `version`; call it while holding the form's lock. */
export async function putInForce(cmd: Command, version: FormVersion): Promise<void> {
  const now = new Date();
  await cmd.tx.nativeUpdate(
    FormVersion,
    { form: version.form.key, status: FormVersionStatus.PUBLISHED },
    { status: FormVersionStatus.ARCHIVED, archivedAt: now },
  );
  version.status = FormVersionStatus.PUBLISHED;
  version.publishedAt = now;
  version.publishedBy = cmd.caller.userId;
  // Versions loaded from files are put in force by the platform itself, not by a person.
  version.publishedByName = version.source === FormVersionSource.FILE ? null : cmd.caller.displayName;
  const form = await cmd.tx.findOneOrFail(Form, { key: version.form.key });
  form.title = version.title;
  form.description = version.description;
  await announceFormChange(cmd, form.key);
}

function jsonObjectErrors(value: unknown, path: string, label: string, must = 'muss'): FieldError[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ path, message: `${label} ${must} ein JSON-Objekt sein.` }];
  }
  if (JSON.stringify(value).length > MAX_DEFINITION_BYTES) {
    const are = must === 'muss' ? 'ist' : 'sind';
    return [{ path, message: `${label} ${are} zu groß (höchstens ${MAX_DEFINITION_BYTES / 1024} KiB).` }];
  }
  return [];
}
