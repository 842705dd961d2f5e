import { describe, expect, it } from 'vitest';
import { weightedScoreBasisPoints } from '../../server/src/scoring/score.service.js';
import { loadDefinition } from '../form-logic/definitions.js';
import {
  callArea,
  deadlineInstant,
  euros,
  FINANCING_LABELS,
  invitedText,
  latestRequestedAmount,
} from '../../web/src/applications/labels.js';
import { splitApplicationErrors } from '../../web/src/applications/documents.js';
import { formatPercent, liveWeightedScore } from '../../web/src/scoring/weighted-score.js';

const criteria = loadDefinition('criteria');

/** The criteria sheet's schema with other weights for the criteria (in schema order). */
const withWeights = (weights: number[]) => {
  const schema = structuredClone(criteria.schema);
  const scores = schema.properties!.scores!.properties!;
  Object.values(scores).forEach((criterion, index) => {
    (criterion as Record<string, unknown>)['x-weight'] = weights[index];
  });
  return schema;
};

const sheet = (values: number[]) => ({
  scores: Object.fromEntries(
    Object.keys(criteria.schema.properties!.scores!.properties!).map((key, index) => [
      key,
      values[index] === undefined ? {} : { score: values[index] },
    ]),
  ),
});

describe('the live weighted score of the scoring sheet', () => {
  it('equals a hand computation and the server’s figure for the sample sheet', () => {
    // (4·3 + 3·2 + 4·2 + 3·3 + 3·2 + 2·1 + 3·3) / (4 · 16) = 52 / 64 = 81,25 %
    const live = liveWeightedScore(criteria.sampleData, criteria.schema);
    expect(live.achieved).toBe(52);
    expect(live.possible).toBe(64);
    expect(live.percent).toBe(81.25);
    expect(live.percent! * 100).toBe(
      weightedScoreBasisPoints(criteria.sampleData!.scores, criteria.schema.properties!.scores),
    );
    expect(formatPercent(live.percent)).toBe('81,25 %');
  });

  it.each([
    // (4+0+2+3+1+4+2) / 28 = 16 / 28; 4·5 / (4·11) = 20 / 44; 4·3 / 64; (2+4+6+8+6+4+9) / (4·21) = 39 / 84
    { weights: [1, 1, 1, 1, 1, 1, 1], values: [4, 0, 2, 3, 1, 4, 2], percent: 57.14 },
    { weights: [5, 1, 1, 1, 1, 1, 1], values: [4, 0, 0, 0, 0, 0, 0], percent: 45.45 },
    { weights: [3, 2, 2, 3, 2, 1, 3], values: [4], percent: 18.75 },
    { weights: [2, 2, 2, 2, 2, 2, 9], values: [1, 2, 3, 4, 3, 2, 1], percent: 46.43 },
  ])(
    'follows the weights of the sheet’s own version: $weights → $percent %',
    ({ weights, values, percent }) => {
      const schema = withWeights(weights);
      const data = sheet(values);
      const live = liveWeightedScore(data, schema);
      expect(live.percent).toBe(percent);
      expect(Math.round(live.percent! * 100)).toBe(
        weightedScoreBasisPoints(data.scores, schema.properties!.scores),
      );
    },
  );

  it('is empty while no criterion is scored and clamps scores to the scale', () => {
    expect(liveWeightedScore({}, criteria.schema).percent).toBeUndefined();
    expect(formatPercent(undefined)).toBe('–');
    expect(liveWeightedScore(sheet([9]), criteria.schema).lines[0]).toMatchObject({ score: 4, points: 12 });
  });
});

describe('the application pages’ labels and helpers', () => {
  it('writes amounts, areas, invitations and financing kinds in German', () => {
    expect(euros(1152875)).toBe('11.528,75\u00a0€');
    expect(euros(null)).toBe('–');
    expect(callArea({ countyWide: true, socialArea: null })).toBe('Kreisweit');
    expect(callArea({ countyWide: false, socialArea: { name: 'Oyten' } })).toBe('Oyten');
    expect(invitedText({ openToAll: true, invitedProviders: [] })).toBe('Alle Träger');
    expect(invitedText({ openToAll: false, invitedProviders: [{ name: 'A' }, { name: 'B' }] })).toBe('A, B');
    expect(FINANCING_LABELS.GRANT).toBe('Kreiszuschuss (§ 74 SGB VIII)');
  });

  it('takes the requested amount of the latest revision', () => {
    expect(latestRequestedAmount([])).toBeNull();
    expect(
      latestRequestedAmount([
        { number: 2, requestedAmount: 500 },
        { number: 1, requestedAmount: 100 },
      ]),
    ).toBe(500);
  });

  it('reads a deadline typed as German date and time, and nothing else', () => {
    expect(deadlineInstant('31.12.2026', '23:59')).toBe(new Date(2026, 11, 31, 23, 59).toISOString());
    expect(deadlineInstant('31.02.2026', '12:00')).toBeUndefined();
    expect(deadlineInstant('2026-12-31', '12:00')).toBeUndefined();
    expect(deadlineInstant('31.12.2026', '24:00')).toBeUndefined();
  });

  it('splits the server’s field errors per Anlage', () => {
    expect(
      splitApplicationErrors([
        { path: '/offer-description/title', message: 'a' },
        { path: '/cost-calculation/professionalHours/hours', message: 'b' },
        { path: '/offer-description', message: 'c' },
      ]),
    ).toEqual({
      offerDescription: [
        { path: '/title', message: 'a' },
        { path: '', message: 'c' },
      ],
      costCalculation: [{ path: '/professionalHours/hours', message: 'b' }],
    });
  });
});
