import { describe, expect, it } from 'vitest';
import { builder, weightedScore } from '../../form-logic/index.js';
import {
  compareSampleScore,
  criterionKeyFor,
  formatScore,
  formatScoreDifference,
  hasCriteria,
  parseDecimal,
  readCriteria,
} from '../../web/src/form-builder/criteria-model.js';
import { loadDefinition } from '../form-logic/definitions.js';

const criteria = loadDefinition('criteria');

describe('the criteria editor’s view of Anlage 3', () => {
  it('lists the weighted criteria with texts, weights, shares and described scales', () => {
    const entries = readCriteria(criteria);
    expect(entries.map((entry) => entry.key)).toEqual([
      'needFit',
      'socialAreaOrientation',
      'accessibility',
      'conceptQuality',
      'costEffectiveness',
      'sustainability',
      'caseworkPrevention',
    ]);
    const needFit = entries[0]!;
    expect(needFit).toMatchObject({ title: 'Bedarfsgerechtigkeit', weight: 3, maxScore: 4 });
    expect(needFit.description).toContain('festgestellten Bedarf');
    expect(needFit.scale).toHaveLength(5);
    expect(needFit.scale[4]).toEqual({
      value: 4,
      title: '4 – Bedarf in vollem Umfang und passgenau abgedeckt',
    });
    // Weights 3+2+2+3+2+1+3 = 16 on the same scale: needFit holds 3/16 of the total.
    expect(needFit.share).toBeCloseTo(18.75, 5);
    expect(entries.reduce((sum, entry) => sum + entry.share, 0)).toBeCloseTo(100, 5);
    expect(hasCriteria(criteria)).toBe(true);
    expect(hasCriteria(loadDefinition('cost-calculation'))).toBe(false);
  });

  it('compares the sample application’s weighted score under the version in force and the draft', () => {
    const draft = builder.apply(criteria, { op: 'updateCriterion', key: 'sustainability', weight: 5 });
    expect(draft.problems).toEqual([]);
    const comparison = compareSampleScore(criteria, draft.definition, criteria.sampleData);
    expect(comparison.inForce).toBe(
      weightedScore(criteria.sampleData.scores, criteria.schema.properties!.scores),
    );
    expect(comparison.draft).toBe(
      weightedScore(criteria.sampleData.scores, draft.definition.schema.properties!.scores),
    );
    // The sample rates sustainability 2 of 4, below its average: more weight lowers the total.
    expect(comparison.draft!).toBeLessThan(comparison.inForce!);
    expect(comparison.difference).toBeCloseTo(comparison.draft! - comparison.inForce!, 1);
    expect(compareSampleScore(null, draft.definition, criteria.sampleData)).toMatchObject({
      inForce: undefined,
      difference: undefined,
    });
  });

  it('follows the criteria operations the editor sends', () => {
    const added = builder.apply(criteria, {
      op: 'addCriterion',
      key: criterionKeyFor(
        'Qualität der Elternarbeit',
        Object.keys(criteria.schema.properties!.scores!.properties!),
      ),
      title: 'Qualität der Elternarbeit',
      weight: 1.5,
    });
    expect(added.problems).toEqual([]);
    const entries = readCriteria(added.definition);
    expect(entries.at(-1)).toMatchObject({ key: 'qualitaetDerElternarbeit', weight: 1.5 });
    expect(entries.at(-1)!.scale).toEqual(readCriteria(criteria).at(-1)!.scale);

    const scaled = builder.apply(added.definition, {
      op: 'setScale',
      key: 'qualitaetDerElternarbeit',
      scale: [
        { value: 0, title: 'nicht erkennbar' },
        { value: 1, title: 'erkennbar' },
        { value: 2, title: 'überzeugend' },
      ],
    });
    expect(scaled.problems).toEqual([]);
    expect(readCriteria(scaled.definition).at(-1)).toMatchObject({ maxScore: 2 });

    const removed = builder.apply(scaled.definition, { op: 'removeCriterion', key: 'needFit' });
    expect(readCriteria(removed.definition).map((entry) => entry.key)).not.toContain('needFit');
  });

  it('derives keys for new criteria that are valid and unused', () => {
    expect(criterionKeyFor('Qualität der Elternarbeit', [])).toBe('qualitaetDerElternarbeit');
    expect(criterionKeyFor('Bedarfsgerechtigkeit', ['bedarfsgerechtigkeit'])).toBe('bedarfsgerechtigkeit2');
    expect(criterionKeyFor('2. Förderung', [])).toBe('kriterium2Foerderung');
    expect(criterionKeyFor('„“', [])).toBe('kriterium');
    for (const key of [criterionKeyFor('Größe & Maß', []), criterionKeyFor('x'.repeat(100), [])]) {
      expect(key).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
    }
  });

  it('writes scores, differences and typed numbers the German way', () => {
    expect(formatScore(81.3)).toBe('81,3 %');
    expect(formatScore(undefined)).toBe('–');
    expect(formatScoreDifference(2.5)).toBe('+2,5 Prozentpunkte');
    expect(formatScoreDifference(-1)).toBe('−1,0 Prozentpunkte');
    expect(formatScoreDifference(0)).toBe('unverändert');
    expect(parseDecimal('1,5')).toBe(1.5);
    expect(parseDecimal('2')).toBe(2);
    expect(parseDecimal('')).toBeNaN();
    expect(parseDecimal('zwei')).toBeNaN();
  });
});
