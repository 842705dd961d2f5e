import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

  it('accepts the shipped definitions', async () => {
    const definitions = await readFormDefinitions('form-definitions');
    expect(definitions.find((definition) => definition.key === 'cost-calculation')?.sampleData).toEqual(
      sampleDataOf('cost-calculation'),
    );
  });
});
