import { afterEach, describe, expect, it } from 'vitest';
import {
  analysePattern,
  checkFormDefinition,
  type JsonSchemaObject,
  resolveScope,
  ROOT_NOT_OBJECT_MESSAGE,
} from '../../form-logic/index.js';

function definition(properties: Record<string, unknown>, elements: unknown[] = [], extra = {}) {
  return {
    schema: { type: 'object', properties, ...extra } as JsonSchemaObject,
    uischema: { type: 'VerticalLayout', elements },
  };
}
const control = (scope: string, more = {}) => ({ type: 'Control', scope, ...more });

describe('pattern safety by analysis (recheck), not by a heuristic', () => {
  const backend = process.env.RECHECK_BACKEND;
  afterEach(() => {
    if (backend === undefined) delete process.env.RECHECK_BACKEND;
    else process.env.RECHECK_BACKEND = backend;
  });

  it.each(['^[0-9]{5}$', '^([0-9]{5})?$', '^(?:[A-Z]{2}){1,3}$', '^\\d{1,3}(\\.\\d{3})*(,\\d{2})?$'])(
    'accepts the safe pattern %s',
    async (pattern) => {
      expect(await checkFormDefinition(definition({ a: { type: 'string', pattern } }))).toEqual([]);
    },
  );

  it.each([
    ['(a+)+$', '„a“ (Zeichen 2)', 'exponentiell'],
    ['^(\\w+\\s?)*$', '„\\w“ (Zeichen 3–4)', 'exponentiell'],
    ['^.*a.*b$', 'Die Stellen „.“ (Zeichen 2) und „a.“ (Zeichen 4–5)', 'polynomiell (Grad 2)'],
  ])('refuses %s and names the place', async (pattern, place, growth) => {
    const errors = await checkFormDefinition(definition({ a: { type: 'string', pattern } }));
    expect(errors).toEqual([{ path: '/schema/properties/a/pattern', message: expect.any(String) }]);
    expect(errors[0]!.message).toContain('Unsicherer regulärer Ausdruck');
    expect(errors[0]!.message).toContain(place);
    expect(errors[0]!.message).toContain(growth);
  });

  it('gives the same verdicts with the pure JavaScript backend (no native binary)', async () => {
    process.env.RECHECK_BACKEND = 'pure';
    // Fresh sources, so the verdicts do not come from the cache.
    expect(await analysePattern('^[0-9]{4}$')).toEqual({ safe: true });
    expect(await analysePattern('^([0-9]{4})?$')).toEqual({ safe: true });
    expect(await analysePattern('(b+)+$')).toEqual({ safe: false, message: expect.stringContaining('„b“') });
    expect(await analysePattern('^.*b.*c$')).toEqual({
      safe: false,
      message: expect.stringContaining('polynomiell'),
    });
  });

  it('refuses a pattern that cannot be judged in time', async () => {
    expect(await analysePattern('^\\+?[0-9 ()/-]{3,31}$', 'u', 1)).toEqual({
      safe: false,
      message: expect.stringMatching(
        /^Der reguläre Ausdruck konnte nicht rechtzeitig .* bitte vereinfachen\.$/,
      ),
    });
    // With the usual time the same pattern is judged safe (the short timeout was not cached for it).
    expect(await analysePattern('^\\+?[0-9 ()/-]{3,31}$')).toEqual({ safe: true });
  });

  it('checks regular expression literals inside JSONata expressions', async () => {
    const checked = definition({
      ok: { type: 'boolean', 'x-derived': '$contains(name, /^[0-9]{5}$/)' },
      bad: { type: 'boolean', 'x-derived': '$contains(name, /^.*x.*y$/)' },
    });
    expect(await checkFormDefinition(checked)).toEqual([
      {
        path: '/schema/properties/bad/x-derived',
        message: expect.stringMatching(/^Der JSONata-Ausdruck enthält den regulären Ausdruck .*polynomiell/),
      },
    ]);
  });
});

describe('the definition check reports every problem', () => {
  it('reports an unsafe pattern, several unknown keywords, a bad expression and a dangling scope together', async () => {
    const checked = definition(
      {
        plz: { type: 'string', pattern: '(a+)+$' },
        name: { type: 'string', titel: 'Name' },
        city: { type: 'string', beschreibung: 'Ort' },
        when: { type: 'string', format: 'datum' },
        total: { type: 'integer', 'x-derived': '$sum(lines.amount' },
      },
      [control('#/properties/name'), control('#/properties/zz')],
    );
    const errors = await checkFormDefinition(checked);
    expect(errors.map((error) => error.path).sort()).toEqual([
      '/schema/properties/city/beschreibung',
      '/schema/properties/name/titel',
      '/schema/properties/plz/pattern',
      '/schema/properties/total/x-derived',
      '/schema/properties/when/format',
      '/uischema/elements/1/scope',
    ]);
  });

  it('reports the meta-schema errors of several properties and the compile errors after them', async () => {
    const errors = await checkFormDefinition(
      definition({
        a: { type: 'strin' },
        b: { type: 'string', minLength: -1 },
        c: { type: 'string', titel: 'C' },
      }),
    );
    const paths = new Set(errors.map((error) => error.path));
    expect(paths).toEqual(
      new Set(['/schema/properties/a/type', '/schema/properties/b/minLength', '/schema/properties/c/titel']),
    );
  });
});

describe('UI schema scopes resolve as JSON Forms resolves them', () => {
  const schema = {
    type: 'object',
    allOf: [{ properties: { extra: { type: 'string' } } }],
    properties: {
      pay: {
        oneOf: [
          { type: 'object', properties: { iban: { type: 'string' } } },
          { type: 'object', properties: { cash: { type: 'boolean' } } },
        ],
      },
      ref: { $ref: '#/definitions/address' },
      list: { type: 'array', items: { $ref: '#/definitions/address' } },
    },
    definitions: { address: { type: 'object', properties: { street: { type: 'string' } } } },
  } as JsonSchemaObject;

  it.each([
    '#',
    '#/properties/extra',
    '#/properties/pay/properties/iban',
    '#/properties/pay/oneOf/1/properties/cash',
    '#/properties/ref/properties/street',
  ])('resolves %s', async (scope) => {
    expect(resolveScope(scope, schema, schema)).toBeDefined();
    expect(await checkFormDefinition({ schema, uischema: control(scope) })).toEqual([]);
  });

  it('refuses scopes that lead nowhere or not to a schema', async () => {
    const uischema = {
      type: 'VerticalLayout',
      elements: [control('#/properties/zz'), control('properties/extra'), control('#/properties/ref/$ref')],
    };
    expect((await checkFormDefinition({ schema, uischema })).map((error) => error.path)).toEqual([
      '/uischema/elements/0/scope',
      '/uischema/elements/1/scope',
      '/uischema/elements/2/scope',
    ]);
  });

  it('resolves detail scopes against the items, also through a $ref', async () => {
    const uischema = control('#/properties/list', {
      options: { detail: { type: 'VerticalLayout', elements: [control('#/properties/street')] } },
    });
    expect(await checkFormDefinition({ schema, uischema })).toEqual([]);
  });
});

describe('the root of a form is an object', () => {
  it.each([{ type: 'string' }, { type: 'array', items: { type: 'string' } }, { properties: {} }])(
    'refuses %j with the one message',
    async (schema) => {
      expect(await checkFormDefinition({ schema, uischema: control('#') })).toContainEqual({
        path: '/schema',
        message: ROOT_NOT_OBJECT_MESSAGE,
      });
    },
  );
});

describe('a required field that no control shows', () => {
  it('is reported with its title', async () => {
    const checked = definition(
      { a: { type: 'string', title: 'Name' }, b: { type: 'string', title: 'Ort' } },
      [control('#/properties/a')],
      { required: ['a', 'b'] },
    );
    expect(await checkFormDefinition(checked)).toEqual([
      {
        path: '/schema/required/1',
        message:
          'Das Pflichtfeld „Ort“ (b) wird von keinem Steuerelement im UI-Schema angezeigt, so dass das Formular nie abgeschickt werden könnte.',
      },
    ]);
  });

  it('counts a field as shown inside a shown object or list, by a part of it, or in a detail layout', async () => {
    const properties = {
      person: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
      address: { type: 'object', required: ['street'], properties: { street: { type: 'string' } } },
      lines: {
        type: 'array',
        items: { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' } } },
      },
      goals: {
        type: 'array',
        items: {
          type: 'object',
          required: ['goal', 'indicator'],
          properties: { goal: { type: 'string' }, indicator: { type: 'string' } },
        },
      },
      total: { type: 'integer', 'x-derived': '$sum(lines.amount)' },
    };
    const elements = [
      control('#/properties/person'),
      control('#/properties/address/properties/street'),
      control('#/properties/lines'),
      control('#/properties/goals', {
        options: { detail: { type: 'VerticalLayout', elements: [control('#/properties/goal')] } },
      }),
    ];
    const checked = definition(properties, elements, {
      required: ['person', 'address', 'lines', 'goals', 'total'],
    });
    expect(await checkFormDefinition(checked)).toEqual([
      {
        path: '/schema/properties/goals/items/required/1',
        message: expect.stringContaining('„indicator“'),
      },
    ]);
  });

  it('finds required fields in conditional branches', async () => {
    const checked = definition(
      { partner: { type: 'boolean' }, partnerName: { type: 'string', title: 'Name des Partners' } },
      [control('#/properties/partner')],
      {
        allOf: [
          {
            if: { properties: { partner: { const: true } }, required: ['partner'] },
            then: { required: ['partnerName'] },
          },
        ],
      },
    );
    expect(await checkFormDefinition(checked)).toEqual([
      { path: '/schema/allOf/0/then/required/0', message: expect.stringContaining('„Name des Partners“') },
    ]);
  });
});
