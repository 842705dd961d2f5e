import { describe, expect, it } from 'vitest';
import {
  capFieldErrors,
  findDataLimitViolation,
  MAX_DATA_DEPTH,
  MAX_FIELD_ERRORS,
  maxArrayItemsOf,
} from '../../form-logic/index.js';

describe('findDataLimitViolation', () => {
  it('accepts lists up to the limit', () => {
    expect(findDataLimitViolation({ lines: [{}, {}, {}], nested: { more: [1, 2, 3] } }, 3)).toBeNull();
  });

  it('names the first list that is too long, with its path', () => {
    const data = { materialCosts: [{ notes: ['a', 'b'] }, { notes: ['a', 'b', 'c', 'd'] }] };
    expect(findDataLimitViolation(data, 3)).toEqual({
      limit: 'MAX_ARRAY_ITEMS',
      path: '/materialCosts/1/notes',
      items: 4,
      maxItems: 3,
    });
  });

  it('escapes property names in the path', () => {
    expect(findDataLimitViolation({ 'a/b': { '~c': [1, 2] } }, 1)).toMatchObject({ path: '/a~1b/~0c' });
  });

  it('refuses a 100,000-item list by its length without visiting the items', () => {
    const items = Array.from({ length: 100_000 }, () => ({}));
    // A getter on the last item would throw if the walk touched it.
    Object.defineProperty(items, 99_999, {
      get() {
        throw new Error('item visited');
      },
    });
    expect(findDataLimitViolation({ lines: items }, 1000)).toEqual({
      limit: 'MAX_ARRAY_ITEMS',
      path: '/lines',
      items: 100_000,
      maxItems: 1000,
    });
  });

  it('refuses data nested deeper than the limit without overflowing the stack', () => {
    let deep: unknown = {};
    for (let level = 0; level < 100_000; level += 1) deep = { a: deep };
    const violation = findDataLimitViolation(deep, 1000);
    expect(violation).toMatchObject({ limit: 'MAX_DATA_DEPTH', maxDepth: MAX_DATA_DEPTH });
    expect(violation?.path).toBe('/a'.repeat(MAX_DATA_DEPTH));
  });

  it('accepts data exactly as deep as the limit', () => {
    let deep: unknown = 'leaf';
    for (let level = 0; level < MAX_DATA_DEPTH; level += 1) deep = [deep];
    expect(findDataLimitViolation(deep, 10)).toBeNull();
  });
});

describe('maxArrayItemsOf', () => {
  it("takes the form's own limit, else the platform default", () => {
    expect(maxArrayItemsOf({ type: 'object', 'x-maxArrayItems': 20 }, 1000)).toBe(20);
    expect(maxArrayItemsOf({ type: 'object' }, 1000)).toBe(1000);
    expect(maxArrayItemsOf({ type: 'object', 'x-maxArrayItems': 'viele' }, 1000)).toBe(1000);
  });
});

describe('capFieldErrors', () => {
  it('keeps the first 100 errors and counts all', () => {
    const errors = Array.from({ length: 250 }, (_, index) => ({
      path: `/lines/${index}`,
      message: 'Pflichtfeld',
    }));
    const capped = capFieldErrors(errors);
    expect(capped.errorCount).toBe(250);
    expect(capped.errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(capped.errors[99]).toEqual({ path: '/lines/99', message: 'Pflichtfeld' });
  });
});
