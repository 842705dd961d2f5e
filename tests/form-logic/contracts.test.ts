import { describe, expect, it } from 'vitest';
import { checkProcessContract, hasProcessContract } from '../../form-logic/index.js';
import { loadDefinition } from './definitions.js';

type Json = Record<string, any>;

const messages = (formKey: string, schema: Json) =>
  checkProcessContract(formKey, { schema }).map((problem) => `${problem.path}: ${problem.message}`);

describe('process contracts', () => {
  it.each(['cost-calculation', 'criteria', 'evaluation', 'offer-description'])(
    'hold for the shipped definition of %s',
    (formKey) => {
      expect(hasProcessContract(formKey)).toBe(true);
      expect(checkProcessContract(formKey, loadDefinition(formKey))).toEqual([]);
    },
  );

  it('ask nothing of a form the process does not rely on', () => {
    expect(hasProcessContract('nachbarschaftsfest')).toBe(false);
    expect(checkProcessContract('nachbarschaftsfest', { schema: { type: 'object' } })).toEqual([]);
  });

  it('Anlage 2 must derive the requested amount as whole cents', () => {
    const { schema } = loadDefinition('cost-calculation');
    const amount = (schema.properties as Json).requestedAmount;
    expect(
      messages('cost-calculation', {
        ...schema,
        properties: {
          ...schema.properties,
          requestedAmount: { ...amount, type: 'number', 'x-derived': undefined },
        },
      }),
    ).toEqual([
      '/schema/properties/requestedAmount: Der beantragte Betrag „requestedAmount“ muss eine ganze Zahl (Cent, Geldbetrag) sein.',
      '/schema/properties/requestedAmount: Der beantragte Betrag „requestedAmount“ muss ein berechnetes Feld sein (mit Ausdruck), damit jeder Antrag ihn ergibt.',
    ]);
    const { requestedAmount: _gone, ...rest } = schema.properties as Json;
    expect(messages('cost-calculation', { ...schema, properties: rest })[0]).toMatch(
      /„requestedAmount“ .* fehlt/,
    );
  });

  it('Anlage 3 needs a weighted criterion', () => {
    const { schema } = loadDefinition('criteria');
    const scores = structuredClone((schema.properties as Json).scores);
    for (const criterion of Object.values<Json>(scores.properties)) criterion['x-weight'] = 0;
    expect(messages('criteria', { ...schema, properties: { ...schema.properties, scores } })).toEqual([
      expect.stringMatching(
        /^\/schema\/properties\/scores: Der Bewertungsbogen braucht mindestens ein gewichtetes Kriterium/,
      ),
    ]);
  });

  it('the evaluation form keeps the goals with their grades and the report figures, as required fields', () => {
    const { schema } = loadDefinition('evaluation');
    const changed = structuredClone(schema) as Json;
    changed.properties.goals.items.properties.achievement.oneOf.pop();
    changed.required = changed.required.filter((name: string) => name !== 'sessionsHeld');
    changed.properties.expensesInPeriod.type = 'string';
    expect(messages('evaluation', changed)).toEqual([
      '/schema/properties/goals/items/properties/achievement: Der Grad der Zielerreichung muss die Auswahlwerte NOT, PARTLY, MOSTLY, FULLY anbieten; es fehlt: FULLY.',
      '/schema/properties/sessionsHeld: Das Feld „sessionsHeld“ (Durchgeführte Termine) muss ein Pflichtfeld sein; der Ablauf braucht es.',
      '/schema/properties/expensesInPeriod: Das Feld „expensesInPeriod“ (Ausgaben im Zeitraum) muss ein Geldbetrag (ganze Cent) sein.',
    ]);
  });

  it('Anlage 1 keeps its title and the goals with indicator and target value', () => {
    const { schema } = loadDefinition('offer-description');
    const changed = structuredClone(schema) as Json;
    delete changed.properties.goals.items.properties.targetValue;
    changed.properties.title.type = 'integer';
    expect(messages('offer-description', changed)).toEqual([
      '/schema/properties/title: Das Feld „title“ (Titel des Angebots) muss ein Text sein.',
      '/schema/properties/goals/items: Das Feld „targetValue“ (Zielwert) fehlt; der Ablauf braucht es. Bitte fügen Sie es wieder hinzu.',
    ]);
  });
});
