import { describe, expect, it } from 'vitest';
import {
  builder,
  checkFormDefinition,
  compileFormValidator,
  deriveValues,
  type FormDefinition,
  listCriteria,
  weightedScore,
} from '../../form-logic/index.js';
import { loadDefinition } from './definitions.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function ok(definition: FormDefinition, op: builder.Op): FormDefinition {
  const result = builder.apply(definition, op);
  expect(result.problems).toEqual([]);
  return result.definition;
}

function refused(definition: FormDefinition, op: builder.Op): string[] {
  const result = builder.apply(definition, op);
  expect(result.definition).toBe(definition);
  return result.problems.map((problem) => problem.message);
}

async function isUsable(definition: FormDefinition) {
  expect(await checkFormDefinition(definition)).toEqual([]);
  const derived = await deriveValues(definition.schema, definition.sampleData);
  expect(derived.errors).toEqual([]);
  expect(compileFormValidator(definition.schema)(derived.data)).toEqual([]);
  return derived.data;
}

describe('renaming a key', () => {
  it('rewrites sibling expressions, scopes and sample data, and never changes its input', async () => {
    const cost = deepFreeze(loadDefinition('cost-calculation'));
    const renamed = ok(cost, {
      op: 'renameKey',
      field: '/properties/professionalHours/properties/hours',
      key: 'stunden',
    });
    const hours = renamed.schema.properties!.professionalHours!;
    expect(Object.keys(hours.properties!)).toEqual(['stunden', 'hourlyRate', 'agreement', 'amount']);
    expect(hours.required).toEqual(['stunden', 'hourlyRate']);
    expect(hours.properties!.amount!['x-derived']).toBe('stunden * hourlyRate');
    expect(JSON.stringify(renamed.uischema)).toContain('#/properties/professionalHours/properties/stunden');
    expect(renamed.sampleData.professionalHours).toHaveProperty('stunden');
    const data = await isUsable(renamed);
    expect(data.totalCost).toBe((await deriveValues(cost.schema, cost.sampleData)).data.totalCost);
  });

  it('rewrites `$sum(table.field)` for a table and for a field of its rows', async () => {
    const cost = loadDefinition('cost-calculation');
    const table = ok(cost, { op: 'renameKey', field: '/properties/materialCosts', key: 'sachkosten' });
    expect(table.schema.properties!.materialCostsTotal!['x-derived']).toBe('$sum(sachkosten.amount)');
    await isUsable(table);
    const row = ok(cost, {
      op: 'renameKey',
      field: '/properties/volunteers/items/properties/amount',
      key: 'betrag',
    });
    expect(row.schema.properties!.volunteersTotal!['x-derived']).toBe('$sum(volunteers.betrag)');
    expect(row.schema.properties!.keyPersonsTotal!['x-derived']).toBe('$sum(keyPersons.amount)');
    await isUsable(row);
  });

  it('rewrites rule conditions, conditional required and `elementLabelProp`', async () => {
    const evaluation = loadDefinition('evaluation');
    const changed = ok(evaluation, {
      op: 'renameKey',
      field: '/properties/adjustment/properties/changed',
      key: 'angepasst',
    });
    const text = JSON.stringify(changed);
    expect(text).not.toContain('"changed"');
    expect(text).toContain('"#/properties/adjustment/properties/angepasst"');
    expect(changed.schema.properties!.adjustment!.if).toEqual({
      properties: { angepasst: { const: true } },
      required: ['angepasst'],
    });
    await isUsable(changed);
    const goal = ok(evaluation, {
      op: 'renameKey',
      field: '/properties/goals/items/properties/goal',
      key: 'ziel',
    });
    expect(JSON.stringify(goal.uischema)).toContain('"elementLabelProp":"ziel"');
    await isUsable(goal);
  });

  it('rewrites `$schema.properties.<key>` and keeps the weighted score', async () => {
    const criteria = loadDefinition('criteria');
    const renamed = ok(criteria, { op: 'renameKey', field: '/properties/scores', key: 'bewertung' });
    expect(renamed.schema.properties!.weightedScorePercent!['x-derived']).toContain(
      '$schema.properties.bewertung',
    );
    const data = await isUsable(renamed);
    const original = await deriveValues(criteria.schema, criteria.sampleData);
    expect(data.weightedScorePercent).toBe(original.data.weightedScorePercent);
    expect(
      refused(criteria, {
        op: 'renameKey',
        field: '/properties/scores/properties/needFit/properties/score',
        key: 'x',
      }),
    ).toEqual(['Die Bewertung „score“ gehört zu jedem Kriterium und lässt sich nicht umbenennen.']);
  });

  it('refuses a taken or malformed key', () => {
    const cost = loadDefinition('cost-calculation');
    expect(refused(cost, { op: 'renameKey', field: '/properties/periodStart', key: 'periodEnd' })).toEqual([
      'Es gibt schon ein Feld „periodEnd“.',
    ]);
    expect(refused(cost, { op: 'renameKey', field: '/properties/periodStart', key: '1 Start' })[0]).toMatch(
      /Buchstaben/,
    );
  });
});

describe('removing a field', () => {
  it('is refused while an expression or a rule uses it, naming them', () => {
    const cost = loadDefinition('cost-calculation');
    expect(refused(cost, { op: 'removeField', field: '/properties/totalCost' })).toEqual([
      'Das Feld wird noch verwendet: die Berechnung von „Beantragter Betrag aus dem Sozialraumbudget“. Bitte zuerst dort entfernen.',
    ]);
    const evaluation = loadDefinition('evaluation');
    const [message] = refused(evaluation, {
      op: 'removeField',
      field: '/properties/adjustment/properties/changed',
    });
    expect(message).toContain('die Regel von „Was wird angepasst und warum?“');
    expect(message).toContain('eine Bedingung im Schema');
  });

  it('removes the property, its controls, the required entry and the sample value', async () => {
    const evaluation = loadDefinition('evaluation');
    const removed = ok(evaluation, { op: 'removeField', field: '/properties/offerTitle' });
    expect(removed.schema.properties).not.toHaveProperty('offerTitle');
    expect(removed.schema.required).not.toContain('offerTitle');
    expect(JSON.stringify(removed.uischema)).not.toContain('offerTitle');
    expect(removed.sampleData).not.toHaveProperty('offerTitle');
    await isUsable(removed);
  });
});

describe('moving an element', () => {
  it('changes only the UI schema; up and down are moves by index', () => {
    const cost = loadDefinition('cost-calculation');
    const group = '/elements/2';
    const down = ok(cost, { op: 'moveElement', element: `${group}/elements/0`, container: group, index: 1 });
    expect(down.schema).toStrictEqual(cost.schema);
    const scopes = (definition: FormDefinition) =>
      (definition.uischema.elements as { elements: { scope: string }[] }[])[2]!.elements.map((e) => e.scope);
    expect(scopes(down).slice(0, 2)).toEqual(['#/properties/volunteersTotal', '#/properties/volunteers']);
    const up = ok(down, { op: 'moveElement', element: `${group}/elements/1`, container: group, index: 0 });
    expect(JSON.stringify(up)).toBe(JSON.stringify(cost));
  });

  it('moves into another section and refuses moves that would break scopes', () => {
    const cost = loadDefinition('cost-calculation');
    const moved = ok(cost, {
      op: 'moveElement',
      element: '/elements/4/elements/0',
      container: '/elements/3',
      index: 2,
    });
    expect((moved.uischema.elements as unknown[]).length).toBe(7);
    expect(
      refused(cost, {
        op: 'moveElement',
        element: '/elements/1',
        container: '/elements/1/elements/0',
        index: 0,
      }),
    ).toEqual(['Ein Bereich lässt sich nicht in sich selbst verschieben.']);
    const detailControl = '/elements/3/elements/0/options/detail/elements/0';
    const offer = loadDefinition('offer-description');
    expect(
      refused(offer, { op: 'moveElement', element: detailControl, container: '/elements/3', index: 0 }),
    ).toEqual(['Ein Feld lässt sich nicht in eine andere Tabelle oder aus ihr heraus verschieben.']);
  });
});

describe('rules', () => {
  it('make a hidden required field conditionally required and restore it when cleared', async () => {
    const evaluation = loadDefinition('evaluation');
    const element = '/elements/3/elements/2'; // cooperations
    const withRequired = ok(evaluation, {
      op: 'updateField',
      field: '/properties/cooperations',
      changes: { required: true },
    });
    const ruled = ok(withRequired, {
      op: 'setRule',
      element,
      effect: 'HIDE',
      when: { field: '/properties/participantsReached', test: 'equals', value: 0 },
    });
    expect(ruled.schema.required).not.toContain('cooperations');
    expect(ruled.schema.allOf).toEqual([
      {
        if: { properties: { participantsReached: { const: 0 } }, required: ['participantsReached'] },
        else: { required: ['cooperations'] },
      },
    ]);
    const data = await isUsable(ruled);
    const validate = compileFormValidator(ruled.schema);
    const { cooperations: _c, ...without } = data;
    expect(validate({ ...without, participantsReached: 0 })).toEqual([]);
    expect(validate(without)).toContainEqual({ path: '/cooperations', message: 'Pflichtfeld' });
    const cleared = ok(ruled, { op: 'clearRule', element });
    expect(JSON.stringify(cleared)).toBe(JSON.stringify(withRequired));
  });

  it('offers the four tests and refuses a rule on the own field', () => {
    const evaluation = loadDefinition('evaluation');
    const element = '/elements/3/elements/2';
    for (const [test, value, schema] of [
      ['notEquals', 0, { not: { const: 0 } }],
      ['filled', undefined, { not: { enum: [null, ''] } }],
      ['isOneOf', [1, 2], { enum: [1, 2] }],
    ] as const) {
      const ruled = ok(evaluation, {
        op: 'setRule',
        element,
        effect: 'DISABLE',
        when: { field: '/properties/participantsReached', test, value },
      });
      const rule = (
        ruled.uischema.elements as { elements: { rule: { condition: { schema: unknown } } }[] }[]
      )[3]!.elements[2]!.rule;
      expect(rule.condition.schema).toEqual(schema);
    }
    expect(
      refused(evaluation, {
        op: 'setRule',
        element,
        effect: 'SHOW',
        when: { field: '/properties/cooperations', test: 'filled' },
      }),
    ).toEqual(['Eine Regel kann nicht vom eigenen Feld abhängen.']);
  });
});

describe('field properties', () => {
  it('refuses contradictory or invalid settings in German', () => {
    const cost = loadDefinition('cost-calculation');
    const field = '/properties/professionalHours/properties/hours';
    expect(refused(cost, { op: 'updateField', field, changes: { minimum: 10, maximum: 5 } })).toEqual([
      'Der kleinste Wert ist größer als der größte.',
    ]);
    expect(
      refused(cost, { op: 'updateField', field: '/properties/offerTitle', changes: { pattern: '([a-z' } }),
    ).toEqual(['Ungültiger regulärer Ausdruck: ([a-z']);
    expect(refused(cost, { op: 'updateField', field, changes: { default: 'viele' } })[0]).toMatch(
      /^Der Vorgabewert passt nicht zum Feld/,
    );
    expect(refused(cost, { op: 'updateField', field, changes: { maxLength: 3 } })).toEqual([
      'Eine Länge gibt es nur bei Textfeldern.',
    ]);
  });

  it('sets and removes keywords in place, keeping the key order', () => {
    const cost = loadDefinition('cost-calculation');
    const field = '/properties/offerTitle';
    const changed = ok(cost, {
      op: 'updateField',
      field,
      changes: { title: 'Maßnahme', maxLength: 150, pattern: '^\\S' },
    });
    const before = Object.keys(cost.schema.properties!.offerTitle!);
    expect(Object.keys(changed.schema.properties!.offerTitle!)).toEqual([...before, 'pattern']);
    const back = ok(changed, {
      op: 'updateField',
      field,
      changes: { title: cost.schema.properties!.offerTitle!.title!, maxLength: 200, pattern: null },
    });
    expect(JSON.stringify(back)).toBe(JSON.stringify(cost));
  });
});

describe('derived fields', () => {
  it('reports syntax errors in German with their position', () => {
    const cost = loadDefinition('cost-calculation');
    expect(
      builder.apply(cost, {
        op: 'setDerived',
        field: '/properties/totalCost',
        expression: 'volunteersTotal + (',
      }).problems,
    ).toEqual([
      {
        path: '/schema/properties/totalCost/x-derived',
        message: 'Hier fehlt eine schließende Klammer „)“ bei Zeichen 19.',
      },
    ]);
    expect(builder.analyseExpression('"offen').problems[0]!.message).toMatch(
      /^Ein Text in Anführungszeichen/,
    );
  });

  it('warns when an expression reads a derived field computed after it', () => {
    const cost = loadDefinition('cost-calculation');
    const result = builder.apply(cost, {
      op: 'setDerived',
      field: '/properties/professionalHoursTotal',
      expression: 'totalCost',
    });
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((warning) => warning.message)).toEqual([
      '„totalCost“ wird erst nach diesem Feld berechnet; der Ausdruck sieht dort noch keinen Wert.',
    ]);
  });

  it('lists the fields an expression can use, with sums over table rows', () => {
    const cost = loadDefinition('cost-calculation');
    const fields = builder.availableFields(cost.schema, 'requestedAmount');
    expect(fields).toContainEqual({
      path: 'materialCosts.amount',
      title: 'Sachkosten › Betrag',
      kind: 'derived',
      derived: true,
      suggestion: '$sum(materialCosts.amount)',
    });
    expect(fields.find((field) => field.path === 'totalCost')).toMatchObject({
      kind: 'derived',
      derived: true,
    });
    expect(fields.some((field) => field.path === 'requestedAmount')).toBe(false);
  });
});

describe('adding fields and layouts', () => {
  it('refuses a taken key and fields directly in a tab bar', () => {
    const cost = loadDefinition('cost-calculation');
    expect(
      refused(cost, { op: 'addField', container: '', key: 'offerTitle', kind: 'shortText', title: 'X' }),
    ).toEqual(['Es gibt schon ein Feld „offerTitle“.']);
    const tabs = ok(cost, { op: 'addLayout', container: '', kind: 'tabs', index: 0 });
    expect(tabs.uischema.elements).toContainEqual({
      type: 'Categorization',
      elements: [{ type: 'Category', label: 'Reiter 1', elements: [] }],
    });
    expect(
      refused(tabs, { op: 'addField', container: '/elements/0', key: 'x', kind: 'date', title: 'X' })[0],
    ).toMatch(/Reiter oder Schritt/);
    const second = ok(tabs, { op: 'addLayout', container: '/elements/0', kind: 'section' });
    expect((second.uischema.elements as { elements: unknown[] }[])[0]!.elements[1]).toEqual({
      type: 'Category',
      label: 'Reiter 2',
      elements: [],
    });
  });

  it('gives every addable kind a shape the definition check accepts', async () => {
    let definition = builder.emptyDefinition('alle-arten', 'Alle Feldarten');
    for (const kind of builder.ADDABLE_FIELD_KINDS) {
      definition = ok(definition, {
        op: 'addField',
        container: '',
        key: kind,
        kind,
        title: builder.KIND_LABELS[kind],
      });
    }
    expect(await checkFormDefinition(definition)).toEqual([]);
    const model = builder.readModel(definition);
    expect(model.fields.map((field) => field.kind)).toEqual([...builder.ADDABLE_FIELD_KINDS]);
  });
});

describe('expanding an object shown as one control', () => {
  it('gives a section with one control per property, which the check accepts', async () => {
    const evaluation = loadDefinition('evaluation');
    const group = (evaluation.uischema.elements as { elements: unknown[] }[])[0]!;
    group.elements[1] = { type: 'Control', scope: '#/properties/reportingPeriod' };
    const model = builder.readModel(evaluation);
    expect(model.uiById.get('/elements/0/elements/1')!.fieldId).toBe('/properties/reportingPeriod');
    expect(model.fieldsById.get('/properties/reportingPeriod')!.kind).toBe('object');
    const expanded = ok(evaluation, { op: 'expandObjectControl', element: '/elements/0/elements/1' });
    expect((expanded.uischema.elements as { elements: unknown[] }[])[0]!.elements[1]).toEqual({
      type: 'Group',
      label: 'Berichtszeitraum',
      elements: [
        { type: 'Control', scope: '#/properties/reportingPeriod/properties/from' },
        { type: 'Control', scope: '#/properties/reportingPeriod/properties/to' },
      ],
    });
    await isUsable(expanded);
    expect(refused(expanded, { op: 'expandObjectControl', element: '/elements/0/elements/0' })[0]).toMatch(
      /^Nur ein Abschnitt/,
    );
  });
});

describe('operations from a client', () => {
  it('refuses an unknown operation instead of throwing', () => {
    const cost = loadDefinition('cost-calculation');
    expect(refused(cost, { op: 'dropTable' } as unknown as builder.Op)).toEqual([
      'Unbekannte Änderung „dropTable“.',
    ]);
    expect(refused(cost, { op: 'removeField', field: 'properties' } as builder.Op)).toEqual([
      'Dieses Feld gibt es im Formular nicht (mehr).',
    ]);
  });
});

describe('criteria (Anlage 3)', () => {
  it('adds, rewords, weights and removes criteria, keeping the sheet usable', async () => {
    const criteria = loadDefinition('criteria');
    const count = listCriteria(criteria.schema.properties!.scores).length;
    const added = ok(criteria, {
      op: 'addCriterion',
      key: 'participation',
      title: 'Beteiligung der Zielgruppe',
      weight: 2,
    });
    const scores = () => added.schema.properties!.scores;
    expect(listCriteria(scores())).toHaveLength(count + 1);
    expect(listCriteria(scores()).at(-1)).toEqual({
      key: 'participation',
      title: 'Beteiligung der Zielgruppe',
      weight: 2,
      maxScore: 4,
    });
    expect(JSON.stringify(added.uischema)).toContain('"label":"Beteiligung der Zielgruppe"');
    await isUsable(added);

    const reworded = ok(added, {
      op: 'updateCriterion',
      key: 'participation',
      title: 'Beteiligung von Kindern und Eltern',
      weight: 3,
    });
    expect(JSON.stringify(reworded.uischema)).toContain('"label":"Beteiligung von Kindern und Eltern"');
    expect(listCriteria(reworded.schema.properties!.scores).at(-1)!.weight).toBe(3);
    expect(refused(reworded, { op: 'updateCriterion', key: 'participation', weight: 0 })).toEqual([
      'Die Gewichtung muss eine Zahl größer als 0 sein.',
    ]);
    const removed = ok(reworded, { op: 'removeCriterion', key: 'participation' });
    expect(JSON.stringify(removed)).toBe(JSON.stringify(criteria));
  });

  it('sets the scale with its anchors, keeping maximum and choices in step', async () => {
    const criteria = loadDefinition('criteria');
    const scale = [0, 1, 2, 3, 4, 5].map((value) => ({ value, title: `${value} – Stufe ${value}` }));
    const changed = ok(criteria, { op: 'setScale', scale });
    for (const criterion of listCriteria(changed.schema.properties!.scores))
      expect(criterion.maxScore).toBe(5);
    const score = changed.schema.properties!.scores!.properties!.needFit!.properties!.score!;
    expect(score).toMatchObject({ minimum: 0, maximum: 5 });
    expect(score.oneOf).toHaveLength(6);
    const data = await isUsable(changed);
    expect(weightedScore(data.scores, changed.schema.properties!.scores)).toBeLessThan(
      weightedScore(data.scores, criteria.schema.properties!.scores)!,
    );
    expect(
      refused(criteria, { op: 'setScale', key: 'needFit', scale: [{ value: 0, title: 'nur eine' }] }),
    ).toEqual(['Eine Skala braucht mindestens zwei Stufen.']);
  });

  it('refuses to remove the last criterion', () => {
    let criteria = loadDefinition('criteria');
    const keys = listCriteria(criteria.schema.properties!.scores).map((criterion) => criterion.key);
    for (const key of keys.slice(1)) criteria = ok(criteria, { op: 'removeCriterion', key });
    expect(refused(criteria, { op: 'removeCriterion', key: keys[0]! })).toEqual([
      'Ein Bewertungsbogen braucht mindestens ein Kriterium.',
    ]);
  });
});
