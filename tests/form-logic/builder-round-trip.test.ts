import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  builder,
  checkFormDefinition,
  compileFormValidator,
  createFormAjv,
  deriveValues,
  type FormDefinition,
  type FormValues,
} from '../../form-logic/index.js';
import { readFormDefinitions } from '../../server/src/forms/load-form-definitions.js';
import { registrationOps } from './builder-fixtures.js';
import { definitionFiles, loadDefinition } from './definitions.js';

function build(): FormDefinition {
  const result = builder.applyAll(
    builder.emptyDefinition('event-registration', 'Anmeldung einer Veranstaltung'),
    registrationOps,
  );
  expect(result.problems).toEqual([]);
  return result.definition;
}

async function errorsOf(definition: FormDefinition, data: FormValues) {
  const derived = await deriveValues(definition.schema, data);
  expect(derived.errors).toEqual([]);
  return compileFormValidator(definition.schema, createFormAjv())(derived.data);
}

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describe('a form built through the builder operations', () => {
  it('passes the definition check', async () => {
    expect(await checkFormDefinition(build())).toEqual([]);
  });

  it('accepts its sample data and computes the derived sum', async () => {
    const definition = build();
    expect(await errorsOf(definition, definition.sampleData)).toEqual([]);
    expect((await deriveValues(definition.schema, definition.sampleData)).data.total).toBe(16550);
  });

  it('requires the partner only while the partner field is shown', async () => {
    const definition = build();
    const { partnerName: _partner, ...withoutPartner } = definition.sampleData;
    expect(await errorsOf(definition, { ...withoutPartner, hasPartner: false })).toEqual([]);
    const { hasPartner: _has, ...withoutEither } = withoutPartner;
    expect(await errorsOf(definition, withoutEither)).toEqual([]);
    expect(await errorsOf(definition, { ...withoutPartner, hasPartner: true })).toContainEqual({
      path: '/partnerName',
      message: 'Pflichtfeld',
    });
  });

  it('rejects data that breaks the configured constraints', async () => {
    const definition = build();
    const sample = definition.sampleData;
    const paths = async (data: FormValues) => (await errorsOf(definition, data)).map((error) => error.path);
    expect(await paths({ ...sample, participants: 0 })).toEqual(['/participants']);
    expect(await paths({ ...sample, contact: 'keine-adresse' })).toEqual(['/contact']);
    expect(await paths({ ...sample, format: 'hybrid' })).toEqual(['/format']);
    expect(await paths({ ...sample, audiences: ['families', 'families'] })).toEqual(['/audiences']);
    expect(await paths({ ...sample, startDate: '2026-13-01' })).toEqual(['/startDate']);
    expect(await paths({ ...sample, organisation: 'A' })).toEqual(['/organisation']);
    const { organisation: _organisation, ...withoutOrganisation } = sample;
    expect(await paths(withoutOrganisation)).toEqual(['/organisation']);
    expect(await paths({ ...sample, costs: [{ label: 'Raummiete', amount: -5 }] })).toEqual([
      '/costs/0/amount',
      '/total',
    ]);
    expect(await paths({ ...sample, name: 'alter Schlüssel' })).toEqual(['/name']);
  });

  it('keeps the rename everywhere: properties, required, scopes', () => {
    const definition = build();
    const text = JSON.stringify(definition);
    expect(text).not.toContain('"name"');
    expect(definition.schema.required).toContain('organisation');
    expect(JSON.stringify(definition.uischema)).toContain('#/properties/organisation');
  });

  it('shows the rule and the layouts the operations made', () => {
    const model = builder.readModel(build());
    const steps = model.ui.children[0]!;
    expect(steps.layout).toBe('steps');
    expect(steps.children.map((step) => step.label)).toEqual(['Angaben', 'Kosten']);
    const section = steps.children[0]!.children[0]!;
    expect(section).toMatchObject({ layout: 'section', label: 'Kontakt' });
    expect(section.children[0]!.fieldId).toBe('/properties/contact');
    const partner = [...model.uiById.values()].find((node) => node.fieldId === '/properties/partnerName')!;
    expect(builder.describeRule(partner, model)).toBe(
      'wird nur angezeigt, wenn „Kooperationspartner vorhanden?“ = Ja',
    );
    expect(model.fieldsById.get('/properties/total')).toMatchObject({
      kind: 'derived',
      expression: '$sum(costs.amount)',
    });
    expect(model.fieldsById.get('/properties/costs/items/properties/amount')?.kind).toBe('money');
  });

  it('exports to the form-definitions file format and imports to the same definition', async () => {
    const definition = build();
    const directory = mkdtempSync(path.join(tmpdir(), 'builder-export-'));
    directories.push(directory);
    const file = { ...definition, description: 'Gebaut mit dem Formular-Baukasten', submitterRoles: [] };
    writeFileSync(path.join(directory, `${definition.key}.json`), `${JSON.stringify(file, null, 2)}\n`);
    const [imported] = await readFormDefinitions(directory);
    expect(imported).toStrictEqual(file);
    expect(JSON.stringify(imported!.schema)).toBe(JSON.stringify(definition.schema));
    expect(JSON.stringify(imported!.uischema)).toBe(JSON.stringify(definition.uischema));
    expect(JSON.stringify(imported!.sampleData)).toBe(JSON.stringify(definition.sampleData));
  });

  it('survives builder → JSON → builder unchanged', () => {
    const definition = build();
    const back = builder.toDefinition(builder.readModel(definition), definition.schema);
    expect(JSON.stringify(back)).toBe(
      JSON.stringify({ schema: definition.schema, uischema: definition.uischema }),
    );
  });
});

describe.each(definitionFiles)('the shipped definition %s', (fileName) => {
  it('survives readModel → toDefinition unchanged (key order included)', () => {
    const definition = loadDefinition(fileName);
    const back = builder.toDefinition(builder.readModel(definition), definition.schema);
    expect(JSON.stringify(back.schema)).toBe(JSON.stringify(definition.schema));
    expect(JSON.stringify(back.uischema)).toBe(JSON.stringify(definition.uischema));
  });

  it('binds every control to a field the builder knows', () => {
    const model = builder.readModel(loadDefinition(fileName));
    const controls = [...model.uiById.values()].filter((node) => node.type === 'Control');
    expect(controls.length).toBeGreaterThan(0);
    expect(controls.filter((node) => node.fieldId === undefined)).toEqual([]);
  });

  it('stays valid, with valid sample data, after renaming any field', async () => {
    const definition = loadDefinition(fileName);
    for (const field of builder.readModel(definition).fieldsById.values()) {
      const renamed = builder.apply(definition, { op: 'renameKey', field: field.id, key: `${field.key}Neu` });
      if (field.key === 'score' && field.parentId.startsWith('/properties/scores/')) {
        expect(renamed.problems[0]!.message).toMatch(/lässt sich nicht umbenennen/);
        continue;
      }
      expect(renamed.problems).toEqual([]);
      expect(await checkFormDefinition(renamed.definition), field.id).toEqual([]);
      expect(await errorsOf(renamed.definition, renamed.definition.sampleData), field.id).toEqual([]);
    }
  }, 60_000);

  it('removes any unreferenced field and stays valid, or names what still uses it', async () => {
    const definition = loadDefinition(fileName);
    for (const field of builder.readModel(definition).fieldsById.values()) {
      const removed = builder.apply(definition, { op: 'removeField', field: field.id });
      if (removed.problems.length > 0) {
        expect(removed.problems[0]!.message, field.id).toMatch(/^Das Feld wird noch verwendet: /);
        continue;
      }
      expect(await checkFormDefinition(removed.definition), field.id).toEqual([]);
      expect(await errorsOf(removed.definition, removed.definition.sampleData), field.id).toEqual([]);
    }
  }, 60_000);

  it('is unchanged by renaming a field and renaming it back', () => {
    const definition = loadDefinition(fileName);
    const model = builder.readModel(definition);
    for (const field of model.fieldsById.values()) {
      if (field.key === 'score' && field.parentId.startsWith('/properties/scores/')) continue;
      const renamed = builder.apply(definition, { op: 'renameKey', field: field.id, key: `${field.key}Neu` });
      expect(renamed.problems).toEqual([]);
      const newId = field.id.replace(/[^/]+$/, `${field.key}Neu`);
      const back = builder.apply(renamed.definition, { op: 'renameKey', field: newId, key: field.key });
      expect(back.problems).toEqual([]);
      expect(JSON.stringify(back.definition)).toBe(JSON.stringify(definition));
    }
  }, 30_000);
});
