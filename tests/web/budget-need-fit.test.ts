import { describe, expect, it } from 'vitest';
import { needFits } from '../../web/src/budget/need-fit.js';

describe('which needs fit the remaining Sozialraumbudget', () => {
  it('takes each estimate from what the needs before it left; needs without an estimate take nothing', () => {
    const fits = needFits(
      [
        { id: 'a', estimatedCost: 400_000 },
        { id: 'b', estimatedCost: null },
        { id: 'c', estimatedCost: 300_000 },
        { id: 'd', estimatedCost: 100_000 },
      ],
      700_000,
      2026,
    );
    expect(fits.get('a')).toEqual({
      fits: true,
      text: 'passt ins verfügbare Budget 2026 (geschätzt 4.000,00 €)',
    });
    expect(fits.get('b')).toEqual({ fits: null, text: 'ohne Kostenschätzung' });
    expect(fits.get('c')?.fits).toBe(true);
    expect(fits.get('d')).toEqual({
      fits: false,
      text: 'passt nicht ins verfügbare Budget 2026 (geschätzt 1.000,00 €, es fehlen 1.000,00 €)',
    });
  });
});
