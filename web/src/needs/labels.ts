import { findTransition, OPEN_NEED_STATES, STATE_LABELS, STATES } from '../../../process-logic/index.js';
import type {
  BodyInvolvementKind,
  NeedOutcome,
  NeedState,
  NeedTimelineEntryKind,
  Role,
} from '../gql/graphql.js';

/** The roles the process lets record a need (process-logic); the server checks the Sozialraum. */
export const NEED_RECORDER_ROLES: readonly Role[] = findTransition('need', null, 'record')?.roles ?? [];

/** The states of a need in the order of the process. */
export const NEED_STATES: readonly NeedState[] = STATES.need;

/** Open needs take part in the prioritisation of their Sozialraum. */
export const OPEN_STATES: readonly NeedState[] = OPEN_NEED_STATES;

/** „Angebot geplant“ */
export const needStateLabel = (state: NeedState): string => STATE_LABELS.need[state];

export const OUTCOME_LABELS: Readonly<Record<NeedOutcome, string>> = {
  COVERED_BY_RESOURCES: 'Mit Ressourcen im Sozialraum gedeckt',
  NO_OFFER: 'Kein Leistungsangebot',
  OFFER: 'Angebot',
};

export const INVOLVEMENT_LABELS: Readonly<Record<BodyInvolvementKind, string>> = {
  DECIDE: 'Entscheidung',
  PARTICIPATE: 'Beteiligung',
  INFORM: 'Information',
};

export const TIMELINE_LABELS: Readonly<Record<NeedTimelineEntryKind, string>> = {
  RECORDED: 'Bedarf erfasst',
  RESOURCES_DECIDED: 'Entscheidung 1: Deckung durch Ressourcen im Sozialraum',
  OFFER_DECIDED: 'Entscheidung 2: Deckung durch ein Angebot',
  BODY_INVOLVED: 'Gremium beteiligt',
};

export const RESOURCES_QUESTION = 'Kann der Bedarf mit den Ressourcen im Sozialraum gedeckt werden?';
export const OFFER_QUESTION = 'Soll der Bedarf durch ein Angebot gedeckt werden?';

/** „Ja“ / „Nein“ / „noch offen“ */
export const yesNo = (value: boolean | null | undefined): string =>
  value === true ? 'Ja' : value === false ? 'Nein' : 'noch offen';

/** The address part for the county-wide prioritisation. */
export const COUNTY_WIDE = 'kreisweit';

/** Where a need belongs: its Sozialraum or „Kreisweit“. */
export const areaName = (need: { countyWide: boolean; socialArea?: { name: string } | null }): string =>
  need.countyWide ? 'Kreisweit' : (need.socialArea?.name ?? '–');

const dateFormat = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });

/** „20.11.2026“ from „2026-11-20“. */
export const formatDate = (isoDate: string): string => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return dateFormat.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)));
};

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** „2026-11-20“ from „20.11.2026“; undefined for anything that is not a real date. */
export const isoDateOf = (value: string): string | undefined => {
  const match = GERMAN_DATE.exec(value.trim());
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
};
