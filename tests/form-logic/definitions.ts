import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormDefinition } from '../../form-logic/index.js';

const definitionsDir = fileURLToPath(new URL('../../form-definitions/', import.meta.url));

/** File names of all form definitions, e.g. `cost-calculation.json`. */
export const definitionFiles = readdirSync(definitionsDir)
  .filter((name) => name.endsWith('.json'))
  .sort();

/** Reads one form definition by file name or key; a fresh object on every call. */
export function loadDefinition(nameOrKey: string): FormDefinition {
  const fileName = nameOrKey.endsWith('.json') ? nameOrKey : `${nameOrKey}.json`;
  return JSON.parse(readFileSync(definitionsDir + fileName, 'utf8')) as FormDefinition;
}
