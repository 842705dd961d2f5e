import { describe, expect, it } from 'vitest';
import { checkFormDefinition, type JsonSchemaObject } from '../../form-logic/index.js';

function definition(properties: Record<string, unknown>, elements: unknown[] = []) {
  return {
    schema: { type: 'object', properties } as JsonSchemaObject,
    uischema: { type: 'VerticalLayout', elements },
  };
}

describe('checkFormDefinition', () => {
  it('accepts a small, correct definition', async () => {
    const checked = definition(
      {
        name: { type: 'string', pattern: '^[A-Za-zÄÖÜäöüß .-]+$' },
        total: { type: 'integer', format: 'cents', readOnly: true, 'x-derived': '$sum(lines.amount)' },
      },
      [{ type: 'Control', scope: '#/properties/name' }],
    );
    expect(await checkFormDefinition(checked)).toEqual([]);
  });

  it('rejects $data references', async () => {
    const checked = definition({ a: { type: 'integer', minimum: { $data: '1/b' } }, b: { type: 'integer' } });
    expect(await checkFormDefinition(checked)).toContainEqual({
      path: '/schema/properties/a/minimum/$data',
      message: expect.stringContaining('$data'),
    });
  });

  it('rejects a catastrophic regular expression', async () => {
    const checked = definition({ a: { type: 'string', pattern: '(a+)+$' } });
    expect(await checkFormDefinition(checked)).toEqual([
      {
        path: '/schema/properties/a/pattern',
        message: expect.stringContaining('Unsicherer regulärer Ausdruck'),
      },
    ]);
  });

  it('rejects an unsafe or invalid patternProperties key and an invalid pattern', async () => {
    const checked = definition({
      a: { type: 'object', patternProperties: { '^(x|y+)+$': { type: 'string' } } },
      b: { type: 'string', pattern: '([a-z]' },
    });
    expect(await checkFormDefinition(checked)).toEqual([
      {
        path: '/schema/properties/b/pattern',
        message: expect.stringContaining('Ungültiger regulärer Ausdruck'),
      },
      {
        path: '/schema/properties/a/patternProperties/^(x|y+)+$',
        message: expect.stringContaining('Unsicherer'),
      },
    ]);
  });

  it('rejects a typo in a keyword and points at it', async () => {
    const checked = definition({ a: { type: 'string', titel: 'Name' } });
    expect(await checkFormDefinition(checked)).toEqual([
      { path: '/schema/properties/a/titel', message: 'Unbekanntes Schlüsselwort „titel“ (Tippfehler?).' },
    ]);
  });

  it('rejects an invalid type name with the meta-schema errors in German', async () => {
    const errors = await checkFormDefinition(definition({ a: { type: 'strin' } }));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.path === '/schema/properties/a/type')).toBe(true);
  });

  it('rejects an unknown format', async () => {
    expect(await checkFormDefinition(definition({ a: { type: 'string', format: 'datum' } }))).toEqual([
      { path: '/schema/properties/a/format', message: 'Unbekanntes Format „datum“.' },
    ]);
  });

  it('rejects a broken JSONata expression', async () => {
    const checked = definition({ total: { type: 'integer', 'x-derived': '$sum(lines.amount' } });
    expect(await checkFormDefinition(checked)).toEqual([
      {
        path: '/schema/properties/total/x-derived',
        message: expect.stringMatching(/^Ungültiger JSONata-Ausdruck: /),
      },
    ]);
  });

  it('rejects an unsafe regular expression inside a JSONata expression', async () => {
    const checked = definition({ ok: { type: 'boolean', 'x-derived': '$contains(name, /(a+)+$/)' } });
    expect(await checkFormDefinition(checked)).toEqual([
      {
        path: '/schema/properties/ok/x-derived',
        message: expect.stringMatching(
          /^Der JSONata-Ausdruck enthält den regulären Ausdruck \/\(a\+\)\+\$\/: Unsicherer/,
        ),
      },
    ]);
  });

  it('rejects an x-weight that is not positive or has no scale', async () => {
    const errors = await checkFormDefinition(
      definition({
        zero: { type: 'object', 'x-weight': 0, properties: { score: { type: 'integer', maximum: 4 } } },
        noScale: { type: 'object', 'x-weight': 2, properties: { score: { type: 'integer' } } },
      }),
    );
    expect(errors.map((error) => error.path).sort()).toEqual([
      '/schema/properties/noScale/x-weight',
      '/schema/properties/zero/x-weight',
    ]);
    const zero = await checkFormDefinition(
      definition({
        zero: { type: 'object', 'x-weight': 0, properties: { score: { type: 'integer', maximum: 4 } } },
      }),
    );
    expect(zero).toEqual([
      { path: '/schema/properties/zero/x-weight', message: expect.stringContaining('größer als 0') },
    ]);
  });

  it('rejects a UI schema scope to a missing property', async () => {
    const checked = definition({ name: { type: 'string' } }, [
      { type: 'Control', scope: '#/properties/name' },
      { type: 'HorizontalLayout', elements: [{ type: 'Control', scope: '#/properties/nmae' }] },
    ]);
    expect(await checkFormDefinition(checked)).toEqual([
      {
        path: '/uischema/elements/1/elements/0/scope',
        message: 'Der Verweis „#/properties/nmae“ zeigt auf kein Feld im Schema.',
      },
    ]);
  });

  it('resolves detail scopes against the array items', async () => {
    const properties = {
      goals: { type: 'array', items: { type: 'object', properties: { goal: { type: 'string' } } } },
    };
    const detail = (scope: string) => [
      {
        type: 'Control',
        scope: '#/properties/goals',
        options: { detail: { type: 'VerticalLayout', elements: [{ type: 'Control', scope }] } },
      },
    ];
    expect(await checkFormDefinition(definition(properties, detail('#/properties/goal')))).toEqual([]);
    expect(await checkFormDefinition(definition(properties, detail('#/properties/goals')))).toEqual([
      {
        path: '/uischema/elements/0/options/detail/elements/0/scope',
        message: expect.stringContaining('#/properties/goals'),
      },
    ]);
  });

  it('checks the schemas of rule conditions', async () => {
    const checked = definition({ a: { type: 'string' } }, [
      {
        type: 'Control',
        scope: '#/properties/a',
        rule: { effect: 'SHOW', condition: { scope: '#/properties/a', schema: { pattern: '(a*)*b' } } },
      },
    ]);
    expect(await checkFormDefinition(checked)).toEqual([
      {
        path: '/uischema/elements/0/rule/condition/schema/pattern',
        message: expect.stringContaining('Unsicherer'),
      },
    ]);
  });

  it('reports a $data inside a rule condition once', async () => {
    const checked = definition({ a: { type: 'integer' } }, [
      {
        type: 'Control',
        scope: '#/properties/a',
        rule: { effect: 'HIDE', condition: { scope: '#/properties/a', schema: { minimum: { $data: '0' } } } },
      },
    ]);
    expect(await checkFormDefinition(checked)).toEqual([
      {
        path: '/uischema/elements/0/rule/condition/schema/minimum/$data',
        message: expect.stringContaining('$data'),
      },
    ]);
  });

  it('allows local references and rejects remote ones', async () => {
    const local = {
      schema: {
        type: 'object',
        definitions: { name: { type: 'string' } },
        properties: { a: { $ref: '#/definitions/name' } },
      },
      uischema: { type: 'Control', scope: '#/properties/a' },
    };
    expect(await checkFormDefinition(local)).toEqual([]);
    const remote = definition({ a: { $ref: 'https://example.org/schema.json' } });
    expect(await checkFormDefinition(remote)).toEqual([
      { path: '/schema/properties/a/$ref', message: 'Nur lokale Verweise („#/…“) sind erlaubt.' },
    ]);
    const missing = definition({ a: { $ref: '#/definitions/missing' } });
    expect(await checkFormDefinition(missing)).toEqual([
      { path: '/schema/properties/a/$ref', message: expect.stringContaining('#/definitions/missing') },
    ]);
  });

  it('rejects a definition larger than 256 KiB', async () => {
    const checked = definition({ a: { type: 'string', description: 'x'.repeat(256 * 1024) } });
    expect(await checkFormDefinition(checked)).toEqual([
      { path: '', message: expect.stringContaining('zu groß') },
    ]);
  });

  it('rejects nesting deeper than 32 levels', async () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let level = 0; level < 20; level += 1) schema = { type: 'object', properties: { a: schema } };
    expect(await checkFormDefinition({ schema, uischema: { type: 'VerticalLayout', elements: [] } })).toEqual(
      [{ path: '/schema', message: 'Zu tief verschachtelt (höchstens 32 Ebenen).' }],
    );
  });

  it('accepts a list limit for the whole form and rejects a bad or misplaced one', async () => {
    const limited = definition({ lines: { type: 'array', items: { type: 'string' } } });
    expect(
      await checkFormDefinition({ ...limited, schema: { ...limited.schema, 'x-maxArrayItems': 50 } }),
    ).toEqual([]);
    expect(
      await checkFormDefinition({ ...limited, schema: { ...limited.schema, 'x-maxArrayItems': 0 } }),
    ).toEqual([
      { path: '/schema/x-maxArrayItems', message: expect.stringContaining('ganze Zahl von 1 bis 100000') },
    ]);
    const nested = definition({ lines: { type: 'array', 'x-maxArrayItems': 5, items: { type: 'string' } } });
    expect(await checkFormDefinition(nested)).toEqual([
      {
        path: '/schema/properties/lines/x-maxArrayItems',
        message: expect.stringContaining('oberster Ebene'),
      },
    ]);
  });

  it('rejects a schema or UI schema that is not an object', async () => {
    expect(await checkFormDefinition({ schema: [], uischema: null })).toEqual([
      { path: '/schema', message: expect.any(String) },
      { path: '/uischema', message: expect.any(String) },
    ]);
  });
});
