import { describe, expect, it } from 'vitest';
import {
  compileFormValidator,
  createFormAjv,
  deriveValues,
  type JsonSchemaObject,
  toFieldErrors,
} from '../../form-logic/index.js';
import { loadDefinition } from './definitions.js';

describe('createFormAjv', () => {
  it('accepts the platform keywords x-derived and x-weight and the cents format', () => {
    const ajv = createFormAjv();
    const validate = ajv.compile({
      type: 'object',
      properties: {
        total: { type: 'integer', format: 'cents', readOnly: true, 'x-derived': '1 + 1' },
        criterion: { type: 'object', 'x-weight': 2, properties: { score: { type: 'integer', maximum: 4 } } },
      },
    });
    expect(validate({ total: 123 })).toBe(true);
    expect(validate({ total: 1.5 })).toBe(false);
  });

  it('rejects unknown keywords, unknown formats and invalid weights', () => {
    const ajv = createFormAjv();
    expect(() => ajv.compile({ type: 'object', properties: { a: { type: 'string', titel: 'A' } } })).toThrow(
      /unknown keyword: "titel"/,
    );
    expect(() => ajv.compile({ type: 'string', format: 'datum' })).toThrow(/unknown format "datum"/);
    expect(() => ajv.compile({ type: 'object', 'x-weight': 0 })).toThrow(/x-weight/);
    expect(() => ajv.compile({ type: 'object', 'x-derived': 5 })).toThrow(/x-derived/);
  });

  it('checks the formats of ajv-formats', () => {
    const validate = createFormAjv().compile({ type: 'string', format: 'date' });
    expect(validate('2026-09-01')).toBe(true);
    expect(validate('01.09.2026')).toBe(false);
  });

  it('gives every call a new instance', () => {
    expect(createFormAjv()).not.toBe(createFormAjv());
  });
});

describe('compileFormValidator', () => {
  it('throws a German error naming the reason when the schema does not compile', () => {
    expect(() => compileFormValidator({ type: 'object', properties: { a: { typ: 'string' } } })).toThrow(
      /^Das Formularschema ist ungültig: .*typ/,
    );
  });

  it('returns no errors for valid data', () => {
    const validate = compileFormValidator({ type: 'object', properties: { a: { type: 'string' } } });
    expect(validate({ a: 'x' })).toEqual([]);
  });
});

describe('toFieldErrors on the Kalkulationsbogen', () => {
  const { schema, sampleData } = loadDefinition('cost-calculation');
  const validate = compileFormValidator(schema);

  it('reports a missing required field at the field itself as "Pflichtfeld"', async () => {
    const { offerTitle: _omitted, ...data } = sampleData;
    const derived = await deriveValues(schema, data);
    expect(validate(derived.data)).toEqual([{ path: '/offerTitle', message: 'Pflichtfeld' }]);
  });

  it('reports a missing field inside a table row at that cell', async () => {
    const data = structuredClone(sampleData) as { materialCosts: Record<string, unknown>[] };
    delete data.materialCosts[1]!.description;
    const derived = await deriveValues(schema, data);
    expect(validate(derived.data)).toEqual([
      { path: '/materialCosts/1/description', message: 'Pflichtfeld' },
    ]);
  });

  it('reports a wrong type in a table row in German at the cell', () => {
    const data = structuredClone(sampleData) as { materialCosts: Record<string, unknown>[] };
    data.materialCosts[0]!.quantity = 'zwölf';
    expect(validate(data)).toEqual([{ path: '/materialCosts/0/quantity', message: 'muss eine Zahl sein' }]);
  });

  it('reports a negative requested amount at the requested amount', async () => {
    const derived = await deriveValues(schema, { ...sampleData, ownContribution: 2_000_000 });
    expect(validate(derived.data)).toEqual([{ path: '/requestedAmount', message: 'muss >= 0 sein' }]);
  });

  it('reports a value outside a labelled enum once, in German', () => {
    const data = structuredClone(sampleData) as { materialCosts: Record<string, unknown>[] };
    data.materialCosts[0]!.category = 'FOOD';
    expect(validate(data)).toEqual([
      { path: '/materialCosts/0/category', message: 'muss einem der vorgegebenen Werte entsprechen' },
    ]);
  });

  it('reports a property the form does not know at that property', () => {
    expect(validate({ ...sampleData, iban: 'DE00' })).toEqual([
      { path: '/iban', message: 'Dieses Feld ist im Formular nicht vorgesehen' },
    ]);
  });

  it('reports an amount with fractions of a cent', () => {
    expect(validate({ ...sampleData, ownContribution: 10.5 })).toEqual([
      { path: '/ownContribution', message: 'muss eine ganze Zahl sein' },
      { path: '/ownContribution', message: 'muss ein Betrag in ganzen Cent sein' },
    ]);
  });
});

describe('toFieldErrors', () => {
  it('drops the if summary when the then branch reports the missing field', () => {
    const { schema, sampleData } = loadDefinition('evaluation');
    const data = structuredClone(sampleData);
    data.adjustment = { changed: true };
    expect(compileFormValidator(schema)(data)).toEqual([
      { path: '/adjustment/description', message: 'Pflichtfeld' },
    ]);
  });

  it('keeps only the type error when a labelled enum value has the wrong type', () => {
    const { schema, sampleData } = loadDefinition('criteria');
    const data = structuredClone(sampleData) as { scores: Record<string, Record<string, unknown>> };
    data.scores.needFit!.score = 'sehr gut';
    expect(compileFormValidator(schema)(data)).toEqual([
      { path: '/scores/needFit/score', message: 'muss eine ganze Zahl sein' },
    ]);
  });

  it('judges each item of a list on its own', () => {
    const { schema, sampleData } = loadDefinition('cost-calculation');
    const data = structuredClone(sampleData) as { materialCosts: Record<string, unknown>[] };
    const line = data.materialCosts[0]!;
    data.materialCosts = [{ ...line, category: 'UNBEKANNT' }, line, { ...line, category: 'ANDERS' }];
    expect(compileFormValidator(schema)(data)).toEqual([
      { path: '/materialCosts/0/category', message: 'muss einem der vorgegebenen Werte entsprechen' },
      { path: '/materialCosts/2/category', message: 'muss einem der vorgegebenen Werte entsprechen' },
    ]);
  });

  it('reports identical path and message pairs once', () => {
    const schema: JsonSchemaObject = {
      type: 'object',
      allOf: [{ required: ['a'] }, { required: ['a'] }],
    };
    const validate = createFormAjv().compile(schema);
    validate({});
    expect(toFieldErrors(validate.errors ?? [])).toEqual([{ path: '/a', message: 'Pflichtfeld' }]);
  });

  it('escapes property names in paths and leaves the Ajv errors unchanged', () => {
    const validate = createFormAjv().compile({ type: 'object', required: ['a/b'] });
    validate({});
    const ajvErrors = validate.errors ?? [];
    const englishMessage = ajvErrors[0]!.message;
    expect(toFieldErrors(ajvErrors)).toEqual([{ path: '/a~1b', message: 'Pflichtfeld' }]);
    expect(ajvErrors[0]!.message).toBe(englishMessage);
  });

  it('uses "" as the path of the whole document', () => {
    const validate = createFormAjv().compile({ type: 'object' });
    validate([]);
    expect(toFieldErrors(validate.errors ?? [])).toEqual([{ path: '', message: 'muss ein Objekt sein' }]);
  });
});
