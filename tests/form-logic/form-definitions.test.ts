import { describe, expect, it } from 'vitest';
import { checkFormDefinition, compileFormValidator, deriveValues } from '../../form-logic/index.js';
import { definitionFiles, loadDefinition } from './definitions.js';

/** Scopes of all controls outside array details, where JSON Forms derives element ids from them. */
function topLevelScopes(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(topLevelScopes);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as { scope?: unknown; elements?: unknown };
  return [...(typeof element.scope === 'string' ? [element.scope] : []), ...topLevelScopes(element.elements)];
}

describe('form definitions', () => {
  it('ships the four Anlagen', () => {
    expect(definitionFiles).toEqual([
      'cost-calculation.json',
      'criteria.json',
      'evaluation.json',
      'offer-description.json',
    ]);
  });

  describe.each(definitionFiles)('%s', (fileName) => {
    it('has a key equal to its file name and German titles', () => {
      const definition = loadDefinition(fileName);
      expect(`${definition.key}.json`).toBe(fileName);
      expect(definition.title).toMatch(/\S/);
      expect(definition.schema.title).toBe(definition.title);
      expect(Object.keys(definition).sort()).toEqual(
        ['description', 'key', 'sampleData', 'schema', 'submitterRoles', 'title', 'uischema'].sort(),
      );
    });

    it('passes the definition check', async () => {
      const definition = loadDefinition(fileName);
      expect(await checkFormDefinition(definition)).toEqual([]);
    });

    it('has sample data that is valid after deriving values', async () => {
      const definition = loadDefinition(fileName);
      const derived = await deriveValues(definition.schema, definition.sampleData);
      expect(derived.errors).toEqual([]);
      expect(compileFormValidator(definition.schema)(derived.data)).toEqual([]);
    });

    it('has sample data whose derived values, where given, are the computed ones', async () => {
      const definition = loadDefinition(fileName);
      const derived = await deriveValues(definition.schema, definition.sampleData);
      expect(derived.data).toMatchObject(definition.sampleData);
    });

    it('shows each field at most once, so element ids stay unique', () => {
      const scopes = topLevelScopes(loadDefinition(fileName).uischema);
      expect(scopes.length).toBeGreaterThan(0);
      expect(new Set(scopes).size).toBe(scopes.length);
    });
  });
});
