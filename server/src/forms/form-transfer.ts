import type { EntityManager } from '@mikro-orm/postgresql';
import type { FastifyInstance } from 'fastify';
import {
  capFieldErrors,
  type FieldError,
  importDefinition,
  MAX_DEFINITION_BYTES,
} from '../../../form-logic/index.js';
import { isPlainObject } from '../../../form-logic/json-pointer.js';
import type { Command } from '../common/command.js';
import { NotFound } from '../common/errors.js';
import { type CallerOf, downloadCaller, sendDownloadError } from '../http/download.js';
import { can } from '../common/policy.js';
import { Form } from './form.entity.js';
import { formVersionPolicy } from './form.policy.js';
import { assertDraftAt, formContentHash, type FormVersionResult, lockVersion } from './form.service.js';
import { FormVersion } from './form-version.entity.js';
import type { FormVersionCache } from './form-version-cache.js';
import { isUuid } from '../common/uuid.scalar.js';

/** A version as a file in the `form-definitions/` format (key order as in those files). */
export interface FormDefinitionExport {
  key: string;
  title: string;
  description?: string;
  submitterRoles: string[];
  schema: Record<string, unknown>;
  uischema: Record<string, unknown>;
  sampleData: Record<string, unknown>;
}

/** The file name of an exported version: `<key>-v<number>.json`. */
export const exportFileName = (version: Pick<FormVersion, 'number' | 'form'>) =>
  `${version.form.key}-v${version.number}.json`;

/** Where a version's definition file answers. */
export const formVersionExportPath = (id: string) => `/api/form-versions/${id}/export`;

/** A version as a `form-definitions/` file; importing it into a draft yields the same definition. */
export function exportFormDefinition(
  version: Pick<FormVersion, 'title' | 'description'>,
  form: Pick<Form, 'key' | 'submitterRoles'>,
  content: { schema: Record<string, unknown>; uischema: Record<string, unknown>; sampleData: unknown },
): FormDefinitionExport {
  return {
    key: form.key,
    title: version.title,
    ...(version.description ? { description: version.description } : {}),
    submitterRoles: [...form.submitterRoles],
    schema: content.schema,
    uischema: content.uischema,
    sampleData: isPlainObject(content.sampleData) ? content.sampleData : {},
  };
}

/**
 * Replaces a draft's title, description, schema, UI schema and sample data with an imported file:
 * either the `form-definitions/` format (`{ key, title, description, submitterRoles, schema, uischema,
 * sampleData }`; a different key is a field error) or any `{ schema, uischema? }` pair (without UI
 * schema the one JSON Forms generates; title and description stay). Every problem of the definition
 * (`importDefinition`, the check of publish) is answered as field errors and nothing is stored.
 */
export async function importFormDefinition(
  cmd: Command,
  input: { draftId: string; expectedRevision: number; definition: unknown },
): Promise<FormVersionResult> {
  const version = await lockVersion(cmd, input.draftId);
  cmd.authorize(formVersionPolicy, 'update', version);
  assertDraftAt(version, input.expectedRevision);
  const file = input.definition;
  if (!isPlainObject(file)) {
    return refused([{ path: '', message: 'Die importierte Datei muss ein JSON-Objekt sein.' }]);
  }
  if (JSON.stringify(file).length > 2 * MAX_DEFINITION_BYTES) {
    return refused([{ path: '', message: 'Die importierte Datei ist zu groß.' }]);
  }
  const errors: FieldError[] = [];
  const fileFormat = 'key' in file || 'title' in file;
  if (fileFormat) {
    if (file.key !== undefined && file.key !== version.form.key) {
      errors.push({
        path: '/key',
        message: `Die Datei gehört zum Formular „${String(file.key)}“, nicht zu „${version.form.key}“.`,
      });
    }
    if (typeof file.title !== 'string' || file.title.trim() === '') {
      errors.push({ path: '/title', message: 'Die Datei braucht einen Titel.' });
    }
    if (file.description !== undefined && file.description !== null && typeof file.description !== 'string') {
      errors.push({ path: '/description', message: 'Die Beschreibung muss ein Text sein.' });
    }
  }
  if (file.sampleData !== undefined && file.sampleData !== null && !isPlainObject(file.sampleData)) {
    errors.push({ path: '/sampleData', message: 'Die Beispieldaten müssen ein JSON-Objekt sein.' });
  }
  if (file.schema === undefined) {
    errors.push({ path: '/schema', message: 'Die Datei enthält kein Schema („schema“).' });
  }
  if (errors.length > 0) return refused(errors);
  const imported = await importDefinition({ schema: file.schema, uischema: file.uischema });
  if (imported.problems.length > 0) return refused(imported.problems);

  const before = { contentHash: version.contentHash, revision: version.revision };
  if (fileFormat) {
    version.title = (file.title as string).trim();
    version.description = typeof file.description === 'string' ? file.description : null;
  }
  version.schema = imported.schema;
  version.uischema = imported.uischema;
  version.sampleData = isPlainObject(file.sampleData) ? file.sampleData : null;
  version.contentHash = formContentHash(version);
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'FormVersion',
    entityId: version.id,
    details: {
      formKey: version.form.key,
      format: fileFormat ? 'FILE' : 'SCHEMA',
      generatedUiSchema: imported.generatedUiSchema,
      before,
      after: { contentHash: version.contentHash, revision: version.revision },
    },
  });
  return { formVersion: version, errors: [], errorCount: 0 };
}

const refused = (errors: FieldError[]): FormVersionResult => ({
  formVersion: null,
  ...capFieldErrors(errors),
});

export interface FormExportOptions {
  /** The ORM's entity manager; each download forks its own. */
  em: EntityManager;
  formVersions: FormVersionCache;
  /** Works out who sends the request, exactly as for GraphQL. */
  callerOf: CallerOf;
}

/**
 * `GET /api/form-versions/:id/export`: the version as a `form-definitions/` file (attachment
 * `<key>-v<number>.json`), for whoever may read the version (drafts: the administration); anyone else
 * gets 404, as if there were none. Reading needs no audit event.
 */
export function registerFormExport(http: FastifyInstance, options: FormExportOptions): void {
  http.get<{ Params: { id: string } }>('/api/form-versions/:id/export', async (request, reply) => {
    const caller = await downloadCaller(request, reply, options.callerOf);
    if (!caller) return reply;
    const id = request.params.id;
    const notFound = () => sendDownloadError(reply, 404, NotFound('Die Formularfassung'));
    if (!isUuid(id)) return notFound();
    const em = options.em.fork();
    const version = await em.findOne(FormVersion, { id: id.toLowerCase() });
    if (!version || !can(formVersionPolicy, caller, 'read', version)) return notFound();
    const [form, content] = await Promise.all([
      em.findOneOrFail(Form, { key: version.form.key }),
      options.formVersions.content(em, version.id),
    ]);
    if (!content) return notFound();
    const file = exportFormDefinition(version, form, content);
    return reply
      .header('Cache-Control', 'no-store')
      .header('Content-Disposition', `attachment; filename="${exportFileName(version)}"`)
      .type('application/json; charset=utf-8')
      .send(`${JSON.stringify(file, null, 2)}\n`);
  });
}
