import { describe, expect, it } from 'vitest';
import { builder, type FormDefinition } from '../../form-logic/index.js';
import {
  builderReducer,
  discardLocalCopy,
  elementForProblem,
  elementIdAt,
  elementLabel,
  initialBuilderState,
  insertionPoint,
  isDirty,
  keepLocalCopy,
  idAfterMove,
  keysInContainer,
  moveTargets,
  positionOf,
  readLocalCopy,
  removeEmptyElement,
  suggestKey,
} from '../../web/src/form-builder/builder-state.js';
import { formatPreviewValue, previewDerived, valuesAt } from '../../web/src/form-builder/derived-preview.js';
import {
  CONDITION_LABELS,
  conditionOf,
  conditionsFor,
  ruleFieldsFor,
} from '../../web/src/form-builder/rule-options.js';
import { locatePointer, parseProblem } from '../../web/src/form-builder/json-locate.js';
import { numberText, parseChoiceValue, parseNumberText } from '../../web/src/form-builder/value-format.js';

const base = (): FormDefinition => {
  const result = builder.applyAll(builder.emptyDefinition('probe', 'Probe'), [
    { op: 'addField', container: '', key: 'name', kind: 'shortText', title: 'Name' },
    { op: 'addLayout', container: '', kind: 'section', label: 'Kosten' },
    { op: 'addField', container: '/elements/1', key: 'costs', kind: 'table', title: 'Kosten' },
    {
      op: 'addField',
      container: '/elements/1/elements/0/options/detail',
      key: 'amount',
      kind: 'money',
      title: 'Betrag',
    },
  ]);
  expect(result.problems).toEqual([]);
  return result.definition;
};

class MemoryStorage {
  items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

describe('the form builder page’s state', () => {
  it('undoes and redoes changes and knows whether anything is unsaved', () => {
    const first = base();
    const changed = builder.apply(first, {
      op: 'updateField',
      field: '/properties/name',
      changes: { required: true },
    }).definition;
    let state = initialBuilderState(first);
    expect(isDirty(state)).toBe(false);
    state = builderReducer(state, { type: 'change', definition: changed });
    expect(isDirty(state)).toBe(true);
    state = builderReducer(state, { type: 'undo' });
    expect(state.definition).toBe(first);
    expect(isDirty(state)).toBe(false);
    state = builderReducer(state, { type: 'redo' });
    expect(state.definition).toBe(changed);
    state = builderReducer(state, { type: 'saved', definition: changed });
    expect(isDirty(state)).toBe(false);
    state = builderReducer(state, { type: 'load', definition: first });
    expect(state.past).toEqual([]);
    expect(isDirty(state)).toBe(false);
  });

  it('suggests a unique camelCase key from a German label', () => {
    expect(suggestKey('Anzahl der Teilnehmenden')).toBe('anzahlDerTeilnehmenden');
    expect(suggestKey('Größe & Maße')).toBe('groesseMasse');
    expect(suggestKey('2. Kooperation?')).toBe('kooperation');
    expect(suggestKey('!!!')).toBe('feld');
    expect(suggestKey('Name', ['name', 'name2'])).toBe('name3');
  });

  it('finds positions, insertion points and keys of the UI tree', () => {
    const model = builder.readModel(base());
    expect(positionOf('/elements/1/elements/0')).toEqual({ container: '/elements/1', index: 0 });
    expect(positionOf('')).toBeUndefined();
    expect(elementIdAt('/elements/1', 2)).toBe('/elements/1/elements/2');
    expect(insertionPoint(model, '/elements/0')).toEqual({ container: '', index: 1 });
    expect(insertionPoint(model, '/elements/1')).toEqual({ container: '/elements/1' });
    expect(insertionPoint(model, '/elements/1/elements/0')).toEqual({
      container: '/elements/1/elements/0/options/detail',
    });
    expect(keysInContainer(model, '')).toEqual(['name', 'costs']);
    expect(keysInContainer(model, '/elements/1/elements/0/options/detail')).toEqual(['amount']);
    expect(elementLabel(model.uiById.get('/elements/1')!, model)).toBe('Kosten');
    expect(elementLabel(model.uiById.get('/elements/1/elements/0/options/detail')!, model)).toBe(
      'Zeilen der Tabelle',
    );
  });

  it('removes only empty sections', () => {
    const definition = base();
    expect(removeEmptyElement(definition, '/elements/1').problem).toMatch(/zuerst die Felder/);
    const withEmpty = builder.apply(definition, {
      op: 'addLayout',
      container: '',
      kind: 'section',
    }).definition;
    const result = removeEmptyElement(withEmpty, '/elements/2');
    expect(result.problem).toBeUndefined();
    expect(result.definition.uischema).toEqual(definition.uischema);
    expect(removeEmptyElement(definition, '').problem).toMatch(/oberste Bereich/);
  });

  it('keeps a local copy of a draft until it is discarded', () => {
    const storage = new MemoryStorage();
    const definition = base();
    expect(readLocalCopy('v1', storage)).toBeNull();
    expect(keepLocalCopy('v1', definition, storage)).toBe(true);
    expect(readLocalCopy('v1', storage)?.definition).toEqual(definition);
    discardLocalCopy('v1', storage);
    expect(readLocalCopy('v1', storage)).toBeNull();
    storage.setItem('sozialraum-plattform:formular-entwurf:v2', '{"definition": 3}');
    expect(readLocalCopy('v2', storage)).toBeNull();
  });
});

describe('the form builder’s value helpers', () => {
  it('shows cents as euros and reads German numbers', () => {
    expect(numberText(12345, true)).toBe('123,45');
    expect(numberText(1.5, false)).toBe('1,5');
    expect(numberText(undefined, false)).toBe('');
    expect(parseNumberText('1.234,5', true)).toBe(123450);
    expect(parseNumberText('2.5', false)).toBe(2.5);
    expect(parseNumberText('', false)).toBeNull();
    expect(parseNumberText('zwei', false)).toBeUndefined();
    expect(parseChoiceValue('3', 'integer')).toBe(3);
    expect(parseChoiceValue('drei', 'string')).toBe('drei');
  });

  it('computes a derived field on the sample data, per table row', async () => {
    const definition = base();
    const data = { name: 'A', costs: [{ amount: 100 }, { amount: 250 }] };
    expect(valuesAt(data, '/properties/costs/items/properties/amount')).toEqual([100, 250]);
    const withTotal = builder.apply(definition, {
      op: 'addField',
      container: '',
      key: 'total',
      kind: 'money',
      title: 'Summe',
    }).definition;
    expect(await previewDerived(withTotal.schema, '/properties/total', '$sum(costs.amount)', data)).toEqual({
      values: [350],
    });
    const failing = await previewDerived(withTotal.schema, '/properties/total', '$unknown(1)', data);
    expect(failing.error).toBeTruthy();
    expect(formatPreviewValue(undefined)).toBe('leer');
    expect(formatPreviewValue([1, 2])).toBe('[1,2]');
    expect(formatPreviewValue(1152875, true)).toBe('11.528,75\u00a0€');
    expect(formatPreviewValue(1234.5)).toBe('1.234,5');
    expect(formatPreviewValue(true)).toBe('Ja');
  });

  it('locates a JSON Pointer in JSON text and explains a parse failure in German', () => {
    const text = JSON.stringify({ properties: { name: { type: 'string', pattern: '(a+)+$' } } }, null, 2);
    const at = locatePointer(text, '/properties/name/pattern');
    expect(text.slice(at.from, at.to)).toBe('"pattern"');
    const missing = locatePointer(text, '/properties/other/type');
    expect(text.slice(missing.from, missing.to)).toBe('"properties"');
    expect(parseProblem(text)).toBeUndefined();
    const broken = parseProblem('{"a": }');
    expect(broken?.message).toMatch(/^Kein gültiges JSON/);
    expect(broken?.from).toBe(6);
  });
});

describe('moving an element into another section', () => {
  it('names the containers it may go to and its id afterwards', () => {
    const definition = builder.apply(base(), {
      op: 'addLayout',
      container: '',
      index: 0,
      kind: 'section',
      label: 'Vorne',
    }).definition;
    const model = builder.readModel(definition);
    // name is /elements/1, „Kosten“ is /elements/2, the table's rows are their own data area.
    expect(moveTargets(model, '/elements/1').map((target) => target.label)).toEqual([
      'Formular (oberste Ebene)',
      'Vorne (Abschnitt)',
      'Kosten (Abschnitt)',
    ]);
    expect(moveTargets(model, '/elements/2').map((target) => target.id)).toEqual(['', '/elements/0']);
    expect(idAfterMove('/elements/1', '/elements/2', 1)).toBe('/elements/1/elements/1');
    expect(idAfterMove('/elements/1', '/elements/0', 0)).toBe('/elements/0/elements/0');
    const moved = builder.apply(definition, {
      op: 'moveElement',
      element: '/elements/1',
      container: '/elements/2',
      index: 1,
    }).definition;
    expect(builder.readModel(moved).uiById.get('/elements/1/elements/1')?.fieldId).toBe('/properties/name');
  });
});

describe('the rule picker', () => {
  it('offers conditions by the kind of the field and only fields of the same data area', () => {
    expect(conditionsFor('yesNo')).toEqual(['isTrue', 'isFalse', 'filled']);
    expect(conditionsFor('singleChoice')).toContain('isOneOf');
    expect(conditionsFor('money')).not.toContain('isOneOf');
    expect(conditionsFor('yesNo').map((condition) => CONDITION_LABELS[condition])).toEqual([
      'ist Ja',
      'ist Nein',
      'ist ausgefüllt',
    ]);
    const definition = builder.applyAll(base(), [
      { op: 'addField', container: '', key: 'agreed', kind: 'yesNo', title: 'Vereinbart' },
      {
        op: 'setRule',
        element: '/elements/0',
        effect: 'HIDE',
        when: { field: '/properties/agreed', test: 'equals', value: false },
      },
    ]).definition;
    const model = builder.readModel(definition);
    const name = model.uiById.get('/elements/0')!;
    // Not the field itself, not the table; the table's rows are another data area.
    expect(ruleFieldsFor(name, model).map((field) => field.key)).toEqual(['agreed']);
    const amount = model.uiById.get('/elements/1/elements/0/options/detail/elements/0')!;
    expect(ruleFieldsFor(amount, model)).toEqual([]);
    expect(conditionOf(builder.readRule(name.element.rule, name.context))).toBe('isFalse');
    expect(conditionOf(undefined)).toBe('isTrue');
  });
});

describe('problems of the definition check', () => {
  it('lead to the element they concern', () => {
    const model = builder.readModel(base());
    expect(elementForProblem(model, '/schema/properties/name/pattern')).toBe('/elements/0');
    expect(elementForProblem(model, '/schema/properties/costs/items/properties/amount/minimum')).toBe(
      '/elements/1/elements/0/options/detail/elements/0',
    );
    expect(elementForProblem(model, '/uischema/elements/1/rule/condition')).toBe('/elements/1');
    expect(elementForProblem(model, '/schema/required')).toBeUndefined();
    expect(elementForProblem(model, '')).toBeUndefined();
  });
});
