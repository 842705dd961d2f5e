import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT_NOT_OBJECT_MESSAGE } from '../../form-logic/index.js';
import { readFormDefinitions } from '../../server/src/forms/load-form-definitions.js';
import { sampleDataOf } from '../support/factories.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'definitions-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const valid = {
  key: 'short-form',
  title: 'Kurzformular',
  schema: { type: 'object', properties: { name: { type: 'string', title: 'Name' } } },
  uischema: { type: 'VerticalLayout', elements: [{ type: 'Control', scope: '#/properties/name' }] },
  sampleData: { name: 'Achim' },
};

describe('reading form definition files at start', () => {
  it('reads a valid file', async () => {
    await writeFile(path.join(dir, 'short-form.json'), JSON.stringify(valid));
    expect((await readFormDefinitions(dir)).map((definition) => definition.key)).toEqual(['short-form']);
  });

  it('stops with the file name when a file is not JSON', async () => {
    await writeFile(path.join(dir, 'short-form.json'), '{ "key": ');
    await expect(readFormDefinitions(dir)).rejects.toThrow(/short-form\.json: kein gültiges JSON/);
  });

  it('stops when the key does not match the file name', async () => {
    await writeFile(path.join(dir, 'other.json'), JSON.stringify(valid));
    await expect(readFormDefinitions(dir)).rejects.toThrow(/other\.json: der Schlüssel „short-form“/);
  });

  it('stops naming the place of a broken schema', async () => {
    const broken = {
      ...valid,
      schema: { ...valid.schema, properties: { name: { type: 'string', titel: 'Name' } } },
    };
    await writeFile(path.join(dir, 'short-form.json'), JSON.stringify(broken));
    await expect(readFormDefinitions(dir)).rejects.toThrow(
      /short-form\.json:[\s\S]*\/schema\/properties\/name/,
    );
  });

  it('reports the problems of every file at once, each with file, path and message', async () => {
    const unsafe = {
      ...valid,
      schema: {
        type: 'object',
        required: ['plz'],
        properties: { name: { type: 'string', titel: 'Name' }, plz: { type: 'string', pattern: '^.*a.*b$' } },
      },
    };
    const notAnObject = { ...valid, key: 'list-form', schema: { type: 'array', items: { type: 'string' } } };
    await writeFile(path.join(dir, 'short-form.json'), JSON.stringify(unsafe));
    await writeFile(path.join(dir, 'list-form.json'), JSON.stringify(notAnObject));
    await writeFile(path.join(dir, 'broken.json'), '{');
    await writeFile(path.join(dir, 'fine.json'), JSON.stringify({ ...valid, key: 'fine' }));
    const failure = await readFormDefinitions(dir).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/^3 von 4 Formulardefinitionen sind fehlerhaft:/);
    expect(failure).toMatch(/broken\.json: kein gültiges JSON/);
    expect(failure).toContain(`list-form.json:\n  /schema: ${ROOT_NOT_OBJECT_MESSAGE}`);
    expect(failure).toContain('/uischema/elements/0/scope: Der Verweis „#/properties/name“');
    expect(failure).toMatch(
      /short-form\.json:\n[\s\S]*\/schema\/properties\/name\/titel: Unbekanntes Schlüsselwort/,
    );
    expect(failure).toMatch(/\/schema\/properties\/plz\/pattern: Unsicherer regulärer Ausdruck/);
    expect(failure).toMatch(/\/schema\/required\/0: Das Pflichtfeld „plz“ wird von keinem Steuerelement/);
    expect(failure).not.toContain('fine.json');
  });

  it('accepts the shipped definitions', async () => {
    const definitions = await readFormDefinitions('form-definitions');
    expect(definitions.find((definition) => definition.key === 'cost-calculation')?.sampleData).toEqual(
      sampleDataOf('cost-calculation'),
    );
  });
});
