import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { checkFormDefinition, checkProcessContract } from '../../../form-logic/index.js';
import { runCommand, SYSTEM_CALLER } from '../common/command.js';
import { Role } from '../common/context.js';
import { Form } from './form.entity.js';
import { formContentHash, formLockKey, nextFormVersionNumber, putInForce } from './form.service.js';
import { FormVersion, FormVersionSource } from './form-version.entity.js';

const jsonObject = z.record(z.string(), z.unknown());

const definitionFile = z.object({
  key: z.string().regex(/^[a-z][a-z0-9-]{1,98}$/, 'nur Kleinbuchstaben, Ziffern und Bindestriche'),
  title: z.string().min(1),
  description: z.string().optional(),
  /** The roles that may submit the form (see `formSubmissionPolicy`). */
  submitterRoles: z.array(z.enum(Role)).default([]),
  schema: jsonObject,
  uischema: jsonObject,
  sampleData: jsonObject,
});

export type FormDefinitionFile = z.infer<typeof definitionFile>;

export class FormDefinitionError extends Error {
  override name = 'FormDefinitionError';
}

/**
 * Reads and checks every `*.json` in `dir` (the definition check and the form's process contract,
 * as at publish). All files are read and checked before anything is refused, and one error lists every problem of every file (file, path in the file, message).
 */
export async function readFormDefinitions(dir: string): Promise<FormDefinitionFile[]> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const checked = await Promise.all(files.map((name) => readFormDefinition(path.join(dir, name), name)));
  const problems = checked.flatMap((result) => ('problems' in result ? [result.problems] : []));
  if (problems.length > 0) {
    throw new FormDefinitionError(
      `${problems.length} von ${files.length} Formulardefinitionen sind fehlerhaft:\n${problems.join('\n')}`,
    );
  }
  return checked.map((result) => ('definition' in result ? result.definition : undefined)!);
}

async function readFormDefinition(
  file: string,
  name: string,
): Promise<{ definition: FormDefinitionFile } | { problems: string }> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return { problems: `${file}: kein gültiges JSON (${(error as Error).message})` };
  }
  const result = definitionFile.safeParse(parsed);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `/${issue.path.join('/')}: ${issue.message}`);
    return { problems: `${file}:\n  ${issues.join('\n  ')}` };
  }
  const definition = result.data;
  const reports: string[] = [];
  if (`${definition.key}.json` !== name) {
    reports.push(`${file}: der Schlüssel „${definition.key}“ passt nicht zum Dateinamen`);
  }
  const problems = [
    ...(await checkFormDefinition(definition)),
    ...checkProcessContract(definition.key, definition),
  ];
  if (problems.length > 0) {
    const lines = problems.map((problem) => `${problem.path}: ${problem.message}`);
    reports.push(`${file}:\n  ${lines.join('\n  ')}`);
  }
  return reports.length > 0 ? { problems: reports.join('\n') } : { definition };
}

/**
 * Makes each definition the version in force. Idempotent: a definition whose content already exists
 * as a version of its form (by content hash) creates nothing, so restarts do not pile up versions and
 * a version an administrator published in the browser stays in force until the file changes. Each form
 * is one command under the form's lock, so app processes starting together do not collide.
 * @returns the keys of the forms that got a new version.
 */
export async function loadFormDefinitions(
  em: EntityManager,
  definitions: FormDefinitionFile[],
): Promise<string[]> {
  const changed: string[] = [];
  const context = { em, caller: SYSTEM_CALLER, requestId: 'start' };
  for (const definition of definitions) {
    const created = await runCommand(context, 'loadFormDefinition', async (cmd) => {
      await cmd.lock(formLockKey(definition.key));
      const contentHash = formContentHash(definition);
      const form =
        (await cmd.tx.findOne(Form, { key: definition.key })) ??
        cmd.tx.create(Form, {
          key: definition.key,
          title: definition.title,
          description: definition.description,
        });
      const rolesChanged = !sameRoles(form.submitterRoles, definition.submitterRoles);
      if (rolesChanged) form.submitterRoles = definition.submitterRoles;
      await cmd.tx.flush();
      cmd.audit({ entityType: 'Form', entityId: form.key, details: { submitterRoles: form.submitterRoles } });
      if (await cmd.tx.count(FormVersion, { form, contentHash })) {
        if (!rolesChanged) cmd.unchanged();
        return rolesChanged;
      }
      const version = cmd.tx.create(FormVersion, {
        form,
        number: await nextFormVersionNumber(cmd, form.key),
        source: FormVersionSource.FILE,
        title: definition.title,
        description: definition.description ?? null,
        schema: definition.schema,
        uischema: definition.uischema,
        sampleData: definition.sampleData,
        contentHash,
        createdBy: cmd.caller.userId,
      });
      await cmd.tx.flush();
      await putInForce(cmd, version);
      await cmd.tx.flush();
      cmd.audit({
        entityType: 'FormVersion',
        entityId: version.id,
        details: { formKey: form.key, number: version.number, contentHash },
      });
      return true;
    });
    if (created) changed.push(definition.key);
  }
  return changed;
}

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}
