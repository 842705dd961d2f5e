import { describe, expect, it } from 'vitest';
import { deriveValues, listCriteria, weightedScore } from '../../form-logic/index.js';
import { loadDefinition } from './definitions.js';

const { schema, sampleData } = loadDefinition('criteria');
const scoresSchema = schema.properties!.scores!;

describe('listCriteria', () => {
  it('lists the criteria of Anlage 3 with weights and scale', () => {
    expect(listCriteria(scoresSchema)).toEqual([
      { key: 'needFit', title: 'Bedarfsgerechtigkeit', weight: 3, maxScore: 4 },
      {
        key: 'socialAreaOrientation',
        title: 'Sozialraumorientierung und Vernetzung',
        weight: 2,
        maxScore: 4,
      },
      { key: 'accessibility', title: 'Erreichbarkeit und Niedrigschwelligkeit', weight: 2, maxScore: 4 },
      { key: 'conceptQuality', title: 'Fachliche Qualität des Konzepts', weight: 3, maxScore: 4 },
      { key: 'costEffectiveness', title: 'Wirtschaftlichkeit', weight: 2, maxScore: 4 },
      { key: 'sustainability', title: 'Nachhaltigkeit', weight: 1, maxScore: 4 },
      {
        key: 'caseworkPrevention',
        title: 'Beitrag zur Vermeidung oder Verkürzung von Einzelfallhilfen',
        weight: 3,
        maxScore: 4,
      },
    ]);
  });

  it('ignores properties without a weight and returns nothing for a non-schema', () => {
    expect(listCriteria({ properties: { note: { type: 'string' } } })).toEqual([]);
    expect(listCriteria(undefined)).toEqual([]);
  });
});

describe('weightedScore', () => {
  it('matches the hand-computed score of the sample sheet', () => {
    // (4·3 + 3·2 + 4·2 + 3·3 + 3·2 + 2·1 + 3·3) / (4 · 16) = 52 / 64 = 81.25 % → 81.3 %
    expect(weightedScore(sampleData.scores, scoresSchema)).toBe(81.3);
  });

  it('counts unscored criteria as 0 against the full scale', () => {
    // 4·3 / 64 = 18.75 % → 18.8 %
    expect(weightedScore({ needFit: { score: 4 } }, scoresSchema)).toBe(18.8);
  });

  it('gives 100 for full marks and 0 for zero marks', () => {
    const all = (score: number) =>
      Object.fromEntries(listCriteria(scoresSchema).map((criterion) => [criterion.key, { score }]));
    expect(weightedScore(all(4), scoresSchema)).toBe(100);
    expect(weightedScore(all(0), scoresSchema)).toBe(0);
  });

  it('is undefined while no criterion is scored', () => {
    expect(weightedScore({}, scoresSchema)).toBeUndefined();
    expect(weightedScore(undefined, scoresSchema)).toBeUndefined();
  });

  it('is computed into weightedScorePercent by deriveValues', async () => {
    const { weightedScorePercent: _omitted, ...unscored } = sampleData;
    const { data, errors } = await deriveValues(schema, unscored);
    expect(errors).toEqual([]);
    expect(data.weightedScorePercent).toBe(81.3);
  });

  it('follows a changed weight without code changes', async () => {
    const changed = structuredClone(schema);
    changed.properties!.scores!.properties!.sustainability!['x-weight'] = 5;
    // (52 - 2 + 2·5) / (4 · 20) = 60 / 80 = 75 %
    const { data } = await deriveValues(changed, sampleData);
    expect(data.weightedScorePercent).toBe(75);
  });
});
