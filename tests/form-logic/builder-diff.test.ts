import { describe, expect, it } from 'vitest';
import { builder, type FormDefinition } from '../../form-logic/index.js';
import { definitionFiles, loadDefinition } from './definitions.js';

function change(definition: FormDefinition, ops: builder.Op[]): FormDefinition {
  const result = builder.applyAll(definition, ops);
  expect(result.problems).toEqual([]);
  return result.definition;
}

const texts = (changes: builder.Change[]) => changes.map((entry) => `${entry.label}: ${entry.text}`);

describe('diffVersions', () => {
  it.each(definitionFiles)('finds no change between %s and itself', (fileName) => {
    expect(builder.diffVersions(loadDefinition(fileName), loadDefinition(fileName))).toEqual([]);
  });

  it('names added, removed, renamed and moved fields, labels, constraints, rules and expressions in German', () => {
    const before = loadDefinition('cost-calculation');
    const after = change(before, [
      { op: 'renameKey', field: '/properties/offerTitle', key: 'title' },
      {
        op: 'updateField',
        field: '/properties/professionalHours/properties/hours',
        changes: { title: 'Fachleistungsstunden', maximum: 2000 },
      },
      { op: 'addField', container: '/elements/0', key: 'remarks', kind: 'longText', title: 'Bemerkungen' },
      { op: 'removeField', field: '/properties/ownContributionDescription' },
      { op: 'moveElement', element: '/elements/4/elements/0', container: '/elements/3', index: 2 },
      {
        op: 'setDerived',
        field: '/properties/requestedAmount',
        expression: 'totalCost - thirdPartyFundsTotal',
      },
      {
        op: 'setRule',
        element: '/elements/1/elements/1',
        effect: 'SHOW',
        when: { field: '/properties/professionalHours/properties/hours', test: 'filled' },
      },
      { op: 'updateField', field: '/properties/periodStart', changes: { required: false } },
    ]);
    const result = texts(builder.diffVersions(before, after));
    expect(result).toEqual([
      'Titel der Maßnahme: Schlüssel umbenannt: „offerTitle“ → „title“',
      'Art der Eigenleistungen: Feld entfernt (Langer Text)',
      'Bemerkungen: Feld hinzugefügt (Langer Text)',
      'Kalkulationszeitraum von: Kein Pflichtfeld mehr',
      'Beantragter Betrag aus dem Sozialraumbudget: Berechnung geändert: totalCost - ($exists(ownContribution) ? ownContribution : 0) - thirdPartyFundsTotal → totalCost - thirdPartyFundsTotal',
      'Fachleistungsstunden › Fachleistungsstunden: Beschriftung geändert: „Anzahl Stunden“ → „Fachleistungsstunden“',
      'Fachleistungsstunden › Fachleistungsstunden: Größter Wert geändert: 100.000 → 2.000',
      'Gesamtkosten: Verschoben: von „4. Gesamtkosten“ nach „3. Sachkosten“',
      'Fachleistungsstunden › Leistungs- und Entgeltvereinbarung: Neue Regel: wird nur angezeigt, wenn „Fachleistungsstunden › Fachleistungsstunden“ ausgefüllt ist',
    ]);
  });

  it('names a field whose key moved into another object, and moves within a section', () => {
    const before = loadDefinition('evaluation');
    const after = structuredClone(before);
    const { volunteerHours, ...rest } = after.schema.properties!;
    after.schema.properties = rest;
    after.schema.properties.socialAreaTeamAssessment!.properties!.volunteerHours = volunteerHours!;
    const group = (after.uischema.elements as { elements: { elements: { scope: string }[] }[] }[])[2]!;
    group.elements[1]!.elements[1]!.scope = '#/properties/socialAreaTeamAssessment/properties/volunteerHours';
    const reordered = change(after, [
      { op: 'moveElement', element: '/elements/0/elements/0', container: '/elements/0', index: 1 },
    ]);
    expect(texts(builder.diffVersions(before, reordered))).toEqual([
      'Einschätzung des Sozialraumteams › Geleistete Ehrenamtsstunden: In andere Daten verschoben: von „oberste Ebene“ nach „Einschätzung des Sozialraumteams“',
      'Titel der Maßnahme: Position geändert (jetzt Nr. 2 in „Maßnahme und Berichtszeitraum“)',
    ]);
  });

  it('names a rule that makes a required field conditionally required', () => {
    const before = loadDefinition('evaluation');
    const withRequired = change(before, [
      { op: 'updateField', field: '/properties/cooperations', changes: { required: true } },
    ]);
    const after = change(withRequired, [
      {
        op: 'setRule',
        element: '/elements/3/elements/2',
        effect: 'HIDE',
        when: { field: '/properties/participantsReached', test: 'equals', value: 0 },
      },
    ]);
    expect(texts(builder.diffVersions(before, withRequired))).toEqual([
      'Kooperationen im Berichtszeitraum: Jetzt Pflichtfeld',
    ]);
    expect(texts(builder.diffVersions(withRequired, after))).toEqual([
      'Kooperationen im Berichtszeitraum: Jetzt Pflichtfeld, solange es angezeigt wird (unter einer Bedingung)',
      'Kooperationen im Berichtszeitraum: Neue Regel: wird ausgeblendet, wenn „Erreichte Teilnehmende“ = 0',
    ]);
  });

  it('names changed weights, scales and criteria of a scoring sheet', () => {
    const before = loadDefinition('criteria');
    const after = change(before, [
      { op: 'updateCriterion', key: 'needFit', weight: 4 },
      {
        op: 'setScale',
        key: 'needFit',
        scale: [
          { value: 0, title: '0 – kein Bezug zum festgestellten Bedarf erkennbar' },
          { value: 1, title: '1 – Bedarf nur am Rande aufgegriffen' },
          { value: 2, title: '2 – Bedarf teilweise abgedeckt' },
          { value: 3, title: '3 – Bedarf weitgehend abgedeckt' },
          { value: 4, title: '4 – Bedarf vollständig abgedeckt' },
        ],
      },
      { op: 'addCriterion', key: 'participation', title: 'Beteiligung der Zielgruppe', weight: 1 },
    ]);
    expect(texts(builder.diffVersions(before, after))).toEqual([
      'Bewertung nach Kriterien › Beteiligung der Zielgruppe: Feld hinzugefügt (Abschnitt (automatisch))',
      'Bewertung nach Kriterien › Bedarfsgerechtigkeit: Gewichtung geändert: 3 → 4',
      'Bewertung nach Kriterien › Bedarfsgerechtigkeit › Bewertung: Auswahlmöglichkeit umbenannt: „4 – Bedarf in vollem Umfang und passgenau abgedeckt“ → „4 – Bedarf vollständig abgedeckt“',
      'Beteiligung der Zielgruppe: Abschnitt hinzugefügt',
    ]);
  });
});
