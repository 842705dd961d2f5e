import { describe, expect, it } from 'vitest';
import { DeriveBudgetExceeded, deriveValues, type JsonSchemaObject } from '../../form-logic/index.js';
import { loadDefinition } from './definitions.js';

const costSchema = loadDefinition('cost-calculation').schema;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** A small Kalkulationsbogen: every cost group has one or two lines. */
function costCalculation(): Record<string, unknown> {
  return {
    offerTitle: 'Soziales Kompetenztraining Klasse 5, Oberschule Achim',
    periodStart: '2026-08-01',
    periodEnd: '2027-07-31',
    professionalHours: { hours: 7.5, hourlyRate: 6250 },
    volunteers: [{ description: 'Begleitung', count: 2, hours: 12.5, allowancePerHour: 750 }],
    keyPersons: [{ name: 'Theaterpädagogin', engagements: 3, fee: 12_000 }],
    materialCosts: [
      { description: 'Arbeitsmaterial', category: 'MATERIAL', quantity: 3, unitPrice: 1999 },
      { description: 'Busfahrt', category: 'TRAVEL', quantity: 1, unitPrice: 8990 },
    ],
    ownContribution: 5000,
    thirdPartyFunds: [
      { funder: 'Förderverein der Oberschule', amount: 10_000, status: 'GRANTED' },
      { funder: 'Stiftung', amount: 2500, status: 'APPLIED' },
    ],
  };
}

describe('deriveValues on the Kalkulationsbogen (Anlage 2)', () => {
  it('computes line amounts exactly in cents', async () => {
    const { data, errors } = await deriveValues(costSchema, costCalculation());
    expect(errors).toEqual([]);
    expect(data.professionalHours).toMatchObject({ amount: 46_875 }); // 7.5 h × 62,50 €
    expect(data.volunteers).toEqual([expect.objectContaining({ amount: 18_750 })]); // 2 × 12.5 h × 7,50 €
    expect(data.keyPersons).toEqual([expect.objectContaining({ amount: 36_000 })]);
    expect(data.materialCosts).toEqual([
      expect.objectContaining({ amount: 5997 }),
      expect.objectContaining({ amount: 8990 }),
    ]);
  });

  it('computes group sums, total cost, third-party funds and the requested amount', async () => {
    const { data } = await deriveValues(costSchema, costCalculation());
    expect(data).toMatchObject({
      professionalHoursTotal: 46_875,
      volunteersTotal: 18_750,
      keyPersonsTotal: 36_000,
      materialCostsTotal: 14_987,
      totalCost: 116_612,
      thirdPartyFundsTotal: 12_500,
      requestedAmount: 116_612 - 5000 - 12_500,
    });
  });

  it('overwrites totals typed by the client with the computed ones', async () => {
    const tampered = {
      ...costCalculation(),
      professionalHours: { hours: 7.5, hourlyRate: 6250, amount: 1 },
      totalCost: 99_999_999,
      requestedAmount: 99_999_999,
    };
    const { data } = await deriveValues(costSchema, tampered);
    expect(data.professionalHours).toMatchObject({ amount: 46_875 });
    expect(data.totalCost).toBe(116_612);
    expect(data.requestedAmount).toBe(99_112);
  });

  it('does not mutate its input', async () => {
    const input = deepFreeze({ ...costCalculation(), totalCost: 1 });
    const before = structuredClone(input);
    const { data } = await deriveValues(costSchema, input);
    expect(input).toEqual(before);
    expect(data).not.toBe(input);
    expect(data.totalCost).toBe(116_612);
  });

  it('turns empty and missing tables into sums of 0', async () => {
    const { data, errors } = await deriveValues(costSchema, {
      professionalHours: { hours: 0, hourlyRate: 6250 },
      materialCosts: [],
    });
    expect(errors).toEqual([]);
    expect(data).toMatchObject({
      materialCostsTotal: 0,
      volunteersTotal: 0,
      keyPersonsTotal: 0,
      thirdPartyFundsTotal: 0,
      totalCost: 0,
      requestedAmount: 0,
    });
  });

  it('treats a missing own contribution as 0 in the requested amount', async () => {
    const { ownContribution: _omitted, ...withoutOwnContribution } = costCalculation();
    const { data } = await deriveValues(costSchema, withoutOwnContribution);
    expect(data.requestedAmount).toBe(116_612 - 12_500);
  });

  it('lets the requested amount become negative so that validation can reject it', async () => {
    const { data } = await deriveValues(costSchema, { ...costCalculation(), ownContribution: 200_000 });
    expect(data.requestedAmount).toBe(116_612 - 200_000 - 12_500);
  });
});

describe('deriveValues semantics', () => {
  const productSchema: JsonSchemaObject = {
    type: 'object',
    properties: {
      a: { type: 'number' },
      b: { type: 'number' },
      product: { type: 'integer', 'x-derived': 'a * b' },
      exact: { type: 'number', 'x-derived': 'a * b' },
    },
  };

  it.each([
    [0.5, 1, 1],
    [1.5, 1, 2],
    [2.5, 1, 3],
    [-0.5, 1, -1],
    [-2.5, 1, -3],
    [1.005, 100, 101],
    [2.675, 1000, 2675],
    [0.49, 1, 0],
  ])('rounds integer results half away from zero (%d × %d → %d)', async (a, b, expected) => {
    const { data } = await deriveValues(productSchema, { a, b });
    expect(data.product).toBe(expected);
    expect(Object.is(data.product, -0)).toBe(false);
  });

  it('keeps number results unrounded', async () => {
    const { data } = await deriveValues(productSchema, { a: 0.5, b: 3 });
    expect(data.exact).toBe(1.5);
  });

  it('evaluates nested objects first and offers $root and $schema', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: {
        rate: { type: 'integer' },
        lines: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              hours: { type: 'number' },
              amount: { type: 'integer', 'x-derived': 'hours * $root.rate' },
            },
          },
        },
        total: { type: 'integer', 'x-derived': '$sum(lines.amount)' },
        double: { type: 'integer', 'x-derived': 'total * 2' },
        label: { type: 'string', title: 'Summe', 'x-derived': '$schema.properties.total.type' },
      },
    };
    const { data, errors } = await deriveValues(schema, { rate: 100, lines: [{ hours: 1.5 }, { hours: 2 }] });
    expect(errors).toEqual([]);
    expect(data).toEqual({
      rate: 100,
      lines: [
        { hours: 1.5, amount: 150 },
        { hours: 2, amount: 200 },
      ],
      total: 350,
      double: 700,
      label: 'integer',
    });
  });

  it('follows local $ref to find derived properties', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      definitions: {
        line: {
          type: 'object',
          properties: { n: { type: 'integer' }, twice: { type: 'integer', 'x-derived': 'n * 2' } },
        },
      },
      properties: { lines: { type: 'array', items: { $ref: '#/definitions/line' } } },
    };
    const { data } = await deriveValues(schema, { lines: [{ n: 2 }] });
    expect(data.lines).toEqual([{ n: 2, twice: 4 }]);
  });

  it('reports a failing expression at the property and leaves it unset', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              broken: { type: 'integer', 'x-derived': 'name + 1' },
            },
          },
        },
        fine: { type: 'integer', 'x-derived': '1 + 1' },
      },
    };
    const { data, errors } = await deriveValues(schema, { items: [{ name: 'x', broken: 5 }] });
    expect(errors).toEqual([
      { path: '/items/0/broken', message: expect.stringMatching(/^Berechnung fehlgeschlagen: .+/) },
    ]);
    expect(data).toEqual({ items: [{ name: 'x' }], fine: 2 });
  });

  it('reports a non-numeric result for a numeric property', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: { total: { type: 'integer', 'x-derived': '"viel"' } },
    };
    const { data, errors } = await deriveValues(schema, {});
    expect(errors).toEqual([
      { path: '/total', message: 'Berechnung fehlgeschlagen: Das Ergebnis ist keine Zahl.' },
    ]);
    expect(data).toEqual({});
  });

  it('removes a non-numeric property whose expression yields nothing', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: { note: { type: 'string', 'x-derived': 'missing' } },
    };
    const { data } = await deriveValues(schema, { note: 'vom Client' });
    expect(data).toEqual({});
  });

  it('reports a syntax error in an expression', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: { total: { type: 'integer', 'x-derived': '$sum(' } },
    };
    const { errors } = await deriveValues(schema, {});
    expect(errors).toEqual([
      { path: '/total', message: expect.stringContaining('Berechnung fehlgeschlagen') },
    ]);
  });

  it('stops an expression that runs too long', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: { n: { type: 'integer', 'x-derived': '($f := function($n) { $f($n + 1) }; $f(0))' } },
    };
    const { errors } = await deriveValues(schema, {});
    expect(errors).toEqual([{ path: '/n', message: expect.stringContaining('Berechnung fehlgeschlagen') }]);
  });

  it('escapes property names in error paths as JSON Pointer', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: { 'a/b': { type: 'integer', 'x-derived': '"x"' } },
    };
    const { errors } = await deriveValues(schema, {});
    expect(errors.map((error) => error.path)).toEqual(['/a~1b']);
  });
});

describe('deriveValues and memory', () => {
  it('pads as JSONata does, but refuses a width that would take gigabytes in one step', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: {
        right: { type: 'string', 'x-derived': '$pad("abc", 7, "xy")' },
        left: { type: 'string', 'x-derived': '"ab" ~> $pad(-4, "€")' },
        huge: { type: 'integer', 'x-derived': '$length($pad("", 50000000))' },
      },
    };
    const { data, errors } = await deriveValues(schema, {});
    expect(data).toEqual({ right: 'abcxyxy', left: '€€ab' });
    expect(errors).toEqual([{ path: '/huge', message: expect.stringContaining('höchstens 10000 Zeichen') }]);
  });
});

describe('deriveValues with a time budget', () => {
  // JSONata runs tail calls in a loop: this never ends on its own.
  const endless = '($f := function($n) { $f($n + 1) }; $f(0))';

  it('computes as usual when the budget suffices', async () => {
    const withBudget = await deriveValues(costSchema, costCalculation(), { deadline: Date.now() + 60_000 });
    expect(withBudget).toEqual(await deriveValues(costSchema, costCalculation()));
  });

  it('shares one budget across all expressions and ends with DeriveBudgetExceeded', async () => {
    const properties = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e'].map((key) => [key, { type: 'integer', 'x-derived': endless }]),
    );
    const started = Date.now();
    const run = deriveValues(
      { type: 'object', properties } as JsonSchemaObject,
      {},
      { deadline: started + 300 },
    );
    await expect(run).rejects.toBeInstanceOf(DeriveBudgetExceeded);
    // Five expressions of one second each would take five seconds; the shared budget ends at 0.3 s.
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('counts the time of earlier expressions against later ones', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: {
        lines: {
          type: 'array',
          items: { type: 'object', properties: { n: { type: 'integer', 'x-derived': endless } } },
        },
      },
    };
    const run = deriveValues(schema, { lines: [{}, {}, {}, {}] }, { deadline: Date.now() + 200 });
    await expect(run).rejects.toBeInstanceOf(DeriveBudgetExceeded);
  });

  it('starts no expression once the deadline has passed', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: { total: { type: 'integer', 'x-derived': '1 + 1' } },
    };
    await expect(deriveValues(schema, {}, { deadline: Date.now() - 1 })).rejects.toBeInstanceOf(
      DeriveBudgetExceeded,
    );
  });

  it('keeps a failing expression a field error while there is time left', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: {
        total: { type: 'integer', 'x-derived': '$sum(' },
        other: { type: 'integer', 'x-derived': '2' },
      },
    };
    const { data, errors } = await deriveValues(schema, {}, { deadline: Date.now() + 60_000 });
    expect(errors).toEqual([
      { path: '/total', message: expect.stringContaining('Berechnung fehlgeschlagen') },
    ]);
    expect(data).toEqual({ other: 2 });
  });

  it('computes into the given object only when asked to', async () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      properties: { two: { type: 'integer', 'x-derived': '2' } },
    };
    const kept: Record<string, unknown> = {};
    await deriveValues(schema, kept);
    expect(kept).toEqual({});
    const changed: Record<string, unknown> = {};
    const { data } = await deriveValues(schema, changed, { inPlace: true });
    expect(data).toBe(changed);
    expect(changed).toEqual({ two: 2 });
  });
});
