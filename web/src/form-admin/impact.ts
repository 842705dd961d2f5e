/** The parts of an impact check that decide whether a draft may be published. */
export interface ImpactVerdict {
  definitionErrors: readonly unknown[];
  contractErrors: readonly unknown[];
}

/** What stands in the way of publishing, in German („die Probleme der Definition“ …); empty when nothing does. */
export const publishBlockers = (impact: ImpactVerdict): string[] => [
  ...(impact.definitionErrors.length > 0 ? ['die Probleme der Definition'] : []),
  ...(impact.contractErrors.length > 0 ? ['die Anforderungen des Ablaufs'] : []),
];

/** „1 Datensatz“, „12 Datensätze“, „kein Datensatz“. */
export const countRecords = (count: number): string =>
  count === 0 ? 'kein Datensatz' : count === 1 ? '1 Datensatz' : `${count} Datensätze`;
