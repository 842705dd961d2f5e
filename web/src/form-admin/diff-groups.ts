import type { builder } from '../../../form-logic/index.js';

/** One change as the API sends it (`FormChange`). */
export interface ChangeEntry {
  kind: string;
  path: string;
  label: string;
  text: string;
}

/** The German heading of each kind of change, in the order the diff page shows them. */
export const CHANGE_GROUP_LABELS: Readonly<Record<builder.ChangeKind, string>> = {
  formChanged: 'Formular',
  fieldAdded: 'Neue Felder',
  fieldRemoved: 'Entfernte Felder',
  fieldRenamed: 'Umbenannte Felder',
  fieldMoved: 'Verschobene Felder',
  kindChanged: 'Geänderte Feldarten',
  labelChanged: 'Geänderte Bezeichnungen',
  descriptionChanged: 'Geänderte Hilfetexte',
  requiredChanged: 'Pflichtangaben',
  constraintChanged: 'Geänderte Vorgaben',
  choicesChanged: 'Geänderte Auswahlmöglichkeiten',
  expressionChanged: 'Geänderte Berechnungen',
  weightChanged: 'Geänderte Gewichtungen',
  ruleChanged: 'Geänderte Regeln',
  elementMoved: 'Geänderte Anordnung',
  layoutAdded: 'Neue Abschnitte',
  layoutRemoved: 'Entfernte Abschnitte',
};

const ORDER = Object.keys(CHANGE_GROUP_LABELS);

/** One group of the diff: the changes of one kind, in the order the diff lists them. */
export interface ChangeGroup {
  kind: string;
  label: string;
  changes: ChangeEntry[];
}

/** Groups changes by kind in a fixed order; kinds the web does not know yet come last as „Weitere Änderungen“. */
export const groupChanges = (changes: readonly ChangeEntry[]): ChangeGroup[] => {
  const groups = new Map<string, ChangeGroup>();
  for (const change of changes) {
    const known = change.kind in CHANGE_GROUP_LABELS;
    const kind = known ? change.kind : 'other';
    let group = groups.get(kind);
    if (!group) {
      group = {
        kind,
        label: known ? CHANGE_GROUP_LABELS[change.kind as builder.ChangeKind] : 'Weitere Änderungen',
        changes: [],
      };
      groups.set(kind, group);
    }
    group.changes.push(change);
  }
  const rank = (kind: string) => (kind === 'other' ? ORDER.length : ORDER.indexOf(kind));
  return [...groups.values()].sort((a, b) => rank(a.kind) - rank(b.kind));
};

/** „3 Änderungen“, „1 Änderung“, „keine Änderungen“. */
export const countChanges = (count: number): string =>
  count === 0 ? 'keine Änderungen' : count === 1 ? '1 Änderung' : `${count} Änderungen`;
