import { describe, expect, it } from 'vitest';
import { formatCents, parseEuroToCents } from '../../form-logic/index.js';

const NBSP = '\u00a0';

describe('formatCents', () => {
  it.each([
    [123_456, `1.234,56${NBSP}€`],
    [0, `0,00${NBSP}€`],
    [5, `0,05${NBSP}€`],
    [100, `1,00${NBSP}€`],
    [-1999, `-19,99${NBSP}€`],
    [123_456_789_012_345, `1.234.567.890.123,45${NBSP}€`],
  ])('formats %d cents as %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });

  it('gives an empty text for a non-finite amount', () => {
    expect(formatCents(Number.NaN)).toBe('');
  });
});

describe('parseEuroToCents', () => {
  it.each([
    ['1.234,56', 123_456],
    ['1234,5', 123_450],
    ['1234', 123_400],
    ['12,00 €', 1200],
    ['€ 12,00', 1200],
    ['12 EUR', 1200],
    ['12,-', 1200],
    ['0,07', 7],
    [',5', 50],
    ['  1.000.000,01  ', 100_000_001],
    [`1.234,56${NBSP}€`, 123_456],
    ['-19,99', -1999],
    ['0,29', 29],
    ['1,10', 110],
  ])('parses %s as %d cents', (text, cents) => {
    expect(parseEuroToCents(text)).toBe(cents);
  });

  it.each([
    '',
    'abc',
    '12,345',
    '1.23',
    '1.2345,00',
    '12.5',
    '1,2,3',
    '12 34',
    ',',
    ',-',
    '--5',
    '1e3',
    '99999999999999999999',
  ])('rejects %j', (text) => {
    expect(parseEuroToCents(text)).toBeNull();
  });

  it('round-trips with formatCents', () => {
    for (const cents of [0, 1, 29, 110, 46_875, 123_456, 1_152_875, -1999, 9_007_199_254_740_991]) {
      expect(parseEuroToCents(formatCents(cents))).toBe(cents);
    }
  });
});
