import { describe, expect, it } from 'vitest';
import { diffFormData, type DiffSchema, formatValue } from '../../process-logic/index.js';

const schema: DiffSchema = {
  type: 'object',
  title: 'Anlage 2 – Kalkulationsbogen',
  properties: {
    offerTitle: { type: 'string', title: 'Titel der Maßnahme' },
    periodStart: { type: 'string', title: 'Kalkulationszeitraum von', format: 'date' },
    offerType: {
      type: 'string',
      title: 'Angebotsart',
      oneOf: [
        { const: 'CASE_GROUP', title: 'Gruppenangebot zu Themen aus laufenden Einzelfällen' },
        { const: 'OPEN', title: 'Offenes Angebot mit pädagogischer Zielsetzung' },
      ],
    },
    professionalHours: {
      type: 'object',
      title: 'Fachleistungsstunden',
      properties: {
        hours: { type: 'number', title: 'Anzahl Stunden' },
        hourlyRate: { type: 'integer', format: 'cents', title: 'Stundensatz' },
      },
    },
    materialCosts: {
      type: 'array',
      title: 'Sachkosten',
      items: {
        type: 'object',
        properties: {
          description: { type: 'string', title: 'Bezeichnung' },
          amount: { type: 'integer', format: 'cents', title: 'Betrag' },
        },
      },
    },
    withChildcare: { type: 'boolean', title: 'Mit Kinderbetreuung' },
  },
};

const before = {
  offerTitle: 'Elterncafé',
  periodStart: '2026-09-01',
  offerType: 'OPEN',
  professionalHours: { hours: 187.5, hourlyRate: 6250 },
  materialCosts: [{ description: 'Spielmaterial', amount: 25000 }],
  withChildcare: false,
};

describe('diffFormData', () => {
  it('is empty for equal data', () => {
    expect(diffFormData(schema, before, structuredClone(before))).toEqual([]);
  });

  it('names changed fields by their German labels, with old and new values as the user reads them', () => {
    const after = {
      ...before,
      periodStart: '2026-10-01',
      offerType: 'CASE_GROUP',
      professionalHours: { hours: 200, hourlyRate: 6500 },
      withChildcare: true,
    };
    expect(diffFormData(schema, before, after)).toEqual([
      {
        path: '/periodStart',
        label: 'Kalkulationszeitraum von',
        before: '01.09.2026',
        after: '01.10.2026',
      },
      {
        path: '/offerType',
        label: 'Angebotsart',
        before: 'Offenes Angebot mit pädagogischer Zielsetzung',
        after: 'Gruppenangebot zu Themen aus laufenden Einzelfällen',
      },
      {
        path: '/professionalHours/hours',
        label: 'Fachleistungsstunden › Anzahl Stunden',
        before: '187,5',
        after: '200',
      },
      {
        path: '/professionalHours/hourlyRate',
        label: 'Fachleistungsstunden › Stundensatz',
        before: expect.stringMatching(/^62,50\s€$/),
        after: expect.stringMatching(/^65,00\s€$/),
      },
      { path: '/withChildcare', label: 'Mit Kinderbetreuung', before: 'Nein', after: 'Ja' },
    ]);
  });

  it('shows each field of an added or removed list item, numbered from 1', () => {
    const added = {
      ...before,
      materialCosts: [...before.materialCosts, { description: 'Getränke', amount: 1250 }],
    };
    expect(diffFormData(schema, before, added)).toEqual([
      {
        path: '/materialCosts/1/description',
        label: 'Sachkosten › Nr. 2 › Bezeichnung',
        before: null,
        after: 'Getränke',
      },
      {
        path: '/materialCosts/1/amount',
        label: 'Sachkosten › Nr. 2 › Betrag',
        before: null,
        after: expect.stringMatching(/^12,50\s€$/),
      },
    ]);
    expect(diffFormData(schema, added, before).map((change) => [change.path, change.after])).toEqual([
      ['/materialCosts/1/description', null],
      ['/materialCosts/1/amount', null],
    ]);
  });

  it('treats a field that was filled and is cleared (or the reverse) as a change, and empty text as empty', () => {
    expect(diffFormData(schema, { offerTitle: 'A' }, { offerTitle: '' })).toEqual([
      { path: '/offerTitle', label: 'Titel der Maßnahme', before: 'A', after: null },
    ]);
    expect(diffFormData(schema, { offerTitle: '' }, {})).toEqual([]);
    expect(diffFormData(schema, null, { offerTitle: 'Neu' })).toEqual([
      { path: '/offerTitle', label: 'Titel der Maßnahme', before: null, after: 'Neu' },
    ]);
  });

  it('names fields the schema does not know by their key, after the known ones, and escapes the pointer', () => {
    expect(diffFormData(schema, { 'a/b': 1, offerTitle: 'X' }, { 'a/b': 2, offerTitle: 'Y' })).toEqual([
      { path: '/offerTitle', label: 'Titel der Maßnahme', before: 'X', after: 'Y' },
      { path: '/a~1b', label: 'a/b', before: '1', after: '2' },
    ]);
  });

  it('formats values: amounts in euro, German numbers and dates, choices by title, yes/no', () => {
    expect(formatValue(123456, { format: 'cents' })).toMatch(/^1\.234,56\s€$/);
    expect(formatValue(1234.5, {})).toBe('1.234,5');
    expect(formatValue('2027-01-31', { format: 'date' })).toBe('31.01.2027');
    expect(formatValue('2027-01-31', {})).toBe('2027-01-31');
    expect(formatValue(null, {})).toBeNull();
    expect(formatValue('', {})).toBeNull();
    expect(formatValue(true, undefined)).toBe('Ja');
  });
});
