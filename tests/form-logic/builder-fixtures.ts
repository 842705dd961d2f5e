import type { builder } from '../../form-logic/index.js';

type Op = builder.Op;

/** UI pointers of the fixture's containers. */
export const STEP_1 = '/elements/0/elements/0';
export const STEP_2 = '/elements/0/elements/1';
export const COST_ROWS = `${STEP_2}/elements/0/options/detail`;

/**
 * A registration form for a Sozialraum event, built only through the builder's operations: steps,
 * a section, every field kind, a conditional field, a table of rows, a derived sum, a rename.
 */
export const registrationOps: Op[] = [
  { op: 'addLayout', container: '', kind: 'steps', label: 'Angaben' },
  { op: 'addLayout', container: '/elements/0', kind: 'category', label: 'Kosten' },
  { op: 'addField', container: STEP_1, key: 'name', kind: 'shortText', title: 'Name der Einrichtung' },
  { op: 'updateField', field: '/properties/name', changes: { required: true, minLength: 2 } },
  { op: 'addField', container: STEP_1, key: 'contact', kind: 'email', title: 'E-Mail für Rückfragen' },
  {
    op: 'updateField',
    field: '/properties/contact',
    changes: { required: true, description: 'Wir antworten innerhalb einer Woche.' },
  },
  { op: 'addField', container: STEP_1, key: 'startDate', kind: 'date', title: 'Beginn' },
  { op: 'updateField', field: '/properties/startDate', changes: { required: true } },
  {
    op: 'addField',
    container: STEP_1,
    key: 'hasPartner',
    kind: 'yesNo',
    title: 'Kooperationspartner vorhanden?',
  },
  {
    op: 'addField',
    container: STEP_1,
    key: 'partnerName',
    kind: 'shortText',
    title: 'Name des Kooperationspartners',
  },
  { op: 'updateField', field: '/properties/partnerName', changes: { required: true } },
  {
    op: 'setRule',
    element: `${STEP_1}/elements/4`,
    effect: 'SHOW',
    when: { field: '/properties/hasPartner', test: 'equals', value: true },
  },
  { op: 'addField', container: STEP_1, key: 'format', kind: 'singleChoice', title: 'Form der Veranstaltung' },
  {
    op: 'setChoices',
    field: '/properties/format',
    choices: [
      { value: 'onsite', title: 'Vor Ort' },
      { value: 'online', title: 'Online' },
    ],
  },
  { op: 'updateField', field: '/properties/format', changes: { default: 'onsite' } },
  { op: 'addField', container: STEP_1, key: 'audiences', kind: 'multipleChoice', title: 'Zielgruppen' },
  {
    op: 'setChoices',
    field: '/properties/audiences',
    choices: [
      { value: 'families', title: 'Familien' },
      { value: 'youth', title: 'Jugendliche' },
      { value: 'seniors', title: 'Ältere Menschen' },
    ],
  },
  { op: 'addField', container: STEP_1, key: 'notes', kind: 'longText', title: 'Anmerkungen' },
  {
    op: 'addField',
    container: STEP_1,
    key: 'participants',
    kind: 'integer',
    title: 'Erwartete Teilnehmende',
    index: 3,
  },
  {
    op: 'updateField',
    field: '/properties/participants',
    changes: { minimum: 1, maximum: 500, required: true },
  },
  { op: 'addField', container: STEP_2, key: 'costs', kind: 'table', title: 'Kostenpositionen' },
  { op: 'updateField', field: '/properties/costs', changes: { maxItems: 20 } },
  { op: 'addField', container: COST_ROWS, key: 'label', kind: 'shortText', title: 'Bezeichnung' },
  { op: 'updateField', field: '/properties/costs/items/properties/label', changes: { required: true } },
  { op: 'addField', container: COST_ROWS, key: 'amount', kind: 'money', title: 'Betrag' },
  { op: 'updateField', field: '/properties/costs/items/properties/amount', changes: { required: true } },
  { op: 'addField', container: STEP_2, key: 'total', kind: 'money', title: 'Summe' },
  { op: 'setDerived', field: '/properties/total', expression: '$sum(costs.amount)' },
  { op: 'updateField', field: '/properties/total', changes: { readOnly: true } },
  { op: 'addLayout', container: STEP_1, kind: 'section', label: 'Kontakt', index: 0 },
  // The e-mail control is now the third element of step 1 (after the section and „name“).
  { op: 'moveElement', element: `${STEP_1}/elements/2`, container: `${STEP_1}/elements/0`, index: 0 },
  { op: 'renameKey', field: '/properties/name', key: 'organisation' },
  {
    op: 'setSampleData',
    data: {
      organisation: 'Familienzentrum Achim',
      contact: 'kontakt@familienzentrum-achim.de',
      participants: 40,
      startDate: '2026-09-01',
      hasPartner: true,
      partnerName: 'Stadtbibliothek Achim',
      format: 'onsite',
      audiences: ['families', 'youth'],
      costs: [
        { label: 'Raummiete', amount: 12000 },
        { label: 'Material', amount: 4550 },
      ],
    },
  },
];
