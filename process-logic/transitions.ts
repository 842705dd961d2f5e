/**
 * The process as data: which transitions the need, the application, the offer and the evaluation allow,
 * from which state, by which role. No I/O, so the server (which checks every command against it) and the
 * web (which shows only the actions that are possible) read the same table.
 *
 * A transition whose `to` equals its `from` is an action that keeps the state (editing, recording a
 * body's involvement, reordering priorities); a transition with `from: null` creates the record.
 */

/** The roles of the platform (the server's `Role` enum has the same values). */
export type ProcessRole = 'ADMIN' | 'TEAM_LEAD' | 'REGIONAL_TEAM' | 'FINANCE' | 'PROVIDER' | 'COMMITTEE';

/** States of a need (Bedarf), steps 1–7 and the call for interest. */
export const NeedState = {
  /** Step 1: the situation is described and the need recorded. */
  RECORDED: 'RECORDED',
  /** Step 2 answered no: the resources in the Sozialraum do not cover it; decision 2 is next. */
  RESOURCES_INSUFFICIENT: 'RESOURCES_INSUFFICIENT',
  /** Step 2 answered yes: covered by the resources in the Sozialraum (end). */
  COVERED_BY_RESOURCES: 'COVERED_BY_RESOURCES',
  /** Step 3 answered no: no offer (Kein Leistungsangebot, end). */
  NO_OFFER: 'NO_OFFER',
  /** Step 3 answered yes: an offer is planned (steps 4–7: contact, funding programmes, bodies, justification, priority). */
  OFFER_PLANNED: 'OFFER_PLANNED',
  /** Step 8: the call for interest is open; providers may apply. */
  OPEN_FOR_APPLICATIONS: 'OPEN_FOR_APPLICATIONS',
  /** The call for interest is closed; the applications are scored and decided. */
  CLOSED: 'CLOSED',
} as const;
export type NeedState = (typeof NeedState)[keyof typeof NeedState];

/** States of an application (Interessensbekundung). */
export const ApplicationState = {
  DRAFT: 'DRAFT',
  SUBMITTED: 'SUBMITTED',
  CHANGES_REQUESTED: 'CHANGES_REQUESTED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type ApplicationState = (typeof ApplicationState)[keyof typeof ApplicationState];

/** States of an offer (Gemeinwesenangebot), from the notice on. */
export const OfferState = {
  RUNNING: 'RUNNING',
  ENDED: 'ENDED',
} as const;
export type OfferState = (typeof OfferState)[keyof typeof OfferState];

/** States of a half-yearly evaluation. */
export const EvaluationState = {
  DUE: 'DUE',
  SUBMITTED: 'SUBMITTED',
  CHANGES_REQUESTED: 'CHANGES_REQUESTED',
  ACCEPTED: 'ACCEPTED',
} as const;
export type EvaluationState = (typeof EvaluationState)[keyof typeof EvaluationState];

export interface ProcessStates {
  need: NeedState;
  application: ApplicationState;
  offer: OfferState;
  evaluation: EvaluationState;
}
export type ProcessKind = keyof ProcessStates;

/** Every state of each kind of record, in the order of the process. */
export const STATES: { readonly [K in ProcessKind]: readonly ProcessStates[K][] } = {
  need: Object.values(NeedState),
  application: Object.values(ApplicationState),
  offer: Object.values(OfferState),
  evaluation: Object.values(EvaluationState),
};

export interface Transition<K extends ProcessKind = ProcessKind> {
  kind: K;
  /** The state the record must be in; null: the action creates the record. */
  from: ProcessStates[K] | null;
  /** The action's name, e.g. `decideOffer`; unique per kind and `from`. */
  action: string;
  to: ProcessStates[K];
  /** The roles that may take it (the feature's policy adds the scope: own Sozialraum, own Träger, …). */
  roles: readonly ProcessRole[];
  /** What the action is called in the user interface. */
  label: string;
}

const OFFICE_LEAD: readonly ProcessRole[] = ['TEAM_LEAD', 'ADMIN'];

/** Builds one kind's transitions; `stay` lists actions that keep the state. */
function transitionsOf<K extends ProcessKind>(
  kind: K,
  rows: readonly [
    from: ProcessStates[K] | null,
    action: string,
    to: ProcessStates[K],
    roles: readonly ProcessRole[],
    label: string,
  ][],
): Transition<K>[] {
  return rows.map(([from, action, to, roles, label]) => ({ kind, from, action, to, roles, label }));
}

const N = NeedState;
const A = ApplicationState;
const O = OfferState;
const E = EvaluationState;

/** The allowed transitions of every kind of record. */
export const TRANSITIONS: readonly Transition[] = [
  ...transitionsOf('need', [
    [null, 'record', N.RECORDED, OFFICE_LEAD, 'Bedarf erfassen'],
    [N.RECORDED, 'edit', N.RECORDED, OFFICE_LEAD, 'Bearbeiten'],
    [
      N.RECORDED,
      'coverByResources',
      N.COVERED_BY_RESOURCES,
      OFFICE_LEAD,
      'Mit Ressourcen im Sozialraum gedeckt',
    ],
    [
      N.RECORDED,
      'findResourcesInsufficient',
      N.RESOURCES_INSUFFICIENT,
      OFFICE_LEAD,
      'Ressourcen reichen nicht aus',
    ],
    [N.RESOURCES_INSUFFICIENT, 'edit', N.RESOURCES_INSUFFICIENT, OFFICE_LEAD, 'Bearbeiten'],
    [N.RESOURCES_INSUFFICIENT, 'decideOffer', N.OFFER_PLANNED, OFFICE_LEAD, 'Durch ein Angebot decken'],
    [N.RESOURCES_INSUFFICIENT, 'decideNoOffer', N.NO_OFFER, OFFICE_LEAD, 'Kein Leistungsangebot'],
    [N.OFFER_PLANNED, 'edit', N.OFFER_PLANNED, OFFICE_LEAD, 'Bearbeiten'],
    [
      N.OFFER_PLANNED,
      'planOffer',
      N.OFFER_PLANNED,
      OFFICE_LEAD,
      'Kontakte, Förderprogramme und Begründung festhalten',
    ],
    [
      N.OFFER_PLANNED,
      'recordBodyInvolvement',
      N.OFFER_PLANNED,
      OFFICE_LEAD,
      'Beteiligung eines Gremiums festhalten',
    ],
    [N.OFFER_PLANNED, 'prioritise', N.OFFER_PLANNED, OFFICE_LEAD, 'Priorisieren'],
    [
      N.OFFER_PLANNED,
      'openForApplications',
      N.OPEN_FOR_APPLICATIONS,
      OFFICE_LEAD,
      'Interessensbekundung eröffnen',
    ],
    [N.OPEN_FOR_APPLICATIONS, 'prioritise', N.OPEN_FOR_APPLICATIONS, OFFICE_LEAD, 'Priorisieren'],
    [N.OPEN_FOR_APPLICATIONS, 'closeApplications', N.CLOSED, OFFICE_LEAD, 'Interessensbekundung schließen'],
  ]),
  ...transitionsOf('application', [
    [null, 'create', A.DRAFT, ['PROVIDER'], 'Interessensbekundung anlegen'],
    [A.DRAFT, 'saveDraft', A.DRAFT, ['PROVIDER'], 'Entwurf speichern'],
    [A.DRAFT, 'submit', A.SUBMITTED, ['PROVIDER'], 'Einreichen'],
    [A.DRAFT, 'withdraw', A.WITHDRAWN, ['PROVIDER'], 'Zurückziehen'],
    [A.SUBMITTED, 'score', A.SUBMITTED, ['TEAM_LEAD'], 'Bewerten'],
    [A.SUBMITTED, 'requestChanges', A.CHANGES_REQUESTED, ['TEAM_LEAD'], 'Änderungen anfordern'],
    [A.SUBMITTED, 'approve', A.APPROVED, ['REGIONAL_TEAM'], 'Bewilligen'],
    [A.SUBMITTED, 'reject', A.REJECTED, ['REGIONAL_TEAM'], 'Ablehnen'],
    [A.SUBMITTED, 'withdraw', A.WITHDRAWN, ['PROVIDER'], 'Zurückziehen'],
    [A.CHANGES_REQUESTED, 'saveDraft', A.CHANGES_REQUESTED, ['PROVIDER'], 'Entwurf speichern'],
    [A.CHANGES_REQUESTED, 'resubmit', A.SUBMITTED, ['PROVIDER'], 'Erneut einreichen'],
    [A.CHANGES_REQUESTED, 'withdraw', A.WITHDRAWN, ['PROVIDER'], 'Zurückziehen'],
  ]),
  ...transitionsOf('offer', [
    [null, 'start', O.RUNNING, ['FINANCE'], 'Mit dem Bescheid beginnen'],
    [O.RUNNING, 'adjustGoals', O.RUNNING, OFFICE_LEAD, 'Ziele anpassen (Umsteuerung)'],
    [O.RUNNING, 'end', O.ENDED, ['FINANCE', 'ADMIN'], 'Beenden'],
  ]),
  ...transitionsOf('evaluation', [
    [null, 'schedule', E.DUE, ['FINANCE', 'ADMIN'], 'Evaluation fällig stellen'],
    [E.DUE, 'saveDraft', E.DUE, ['PROVIDER'], 'Entwurf speichern'],
    [E.DUE, 'submit', E.SUBMITTED, ['PROVIDER'], 'Einreichen'],
    [E.SUBMITTED, 'accept', E.ACCEPTED, ['TEAM_LEAD'], 'Annehmen'],
    [E.SUBMITTED, 'requestChanges', E.CHANGES_REQUESTED, ['TEAM_LEAD'], 'Änderungen anfordern'],
    [E.CHANGES_REQUESTED, 'saveDraft', E.CHANGES_REQUESTED, ['PROVIDER'], 'Entwurf speichern'],
    [E.CHANGES_REQUESTED, 'resubmit', E.SUBMITTED, ['PROVIDER'], 'Erneut einreichen'],
  ]),
];

/** Needs that take part in the prioritisation of their Sozialraum (an offer is planned or being called for). */
export const OPEN_NEED_STATES: readonly NeedState[] = [N.OFFER_PLANNED, N.OPEN_FOR_APPLICATIONS];

/** The stable codes of a refused transition. */
export const TransitionErrorCode = {
  /** The record's state has no such action. */
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  /** The action exists in this state, but none of the caller's roles may take it. */
  FORBIDDEN: 'FORBIDDEN',
} as const;
export type TransitionErrorCode = (typeof TransitionErrorCode)[keyof typeof TransitionErrorCode];

export type TransitionCheck<K extends ProcessKind> =
  { ok: true; transition: Transition<K> } | { ok: false; code: TransitionErrorCode };

function ofKind<K extends ProcessKind>(kind: K): Transition<K>[] {
  return TRANSITIONS.filter((transition): transition is Transition<K> => transition.kind === kind);
}

/** The transition `action` from `state` (null: creating the record), whoever takes it; undefined when there is none. */
export function findTransition<K extends ProcessKind>(
  kind: K,
  state: ProcessStates[K] | null,
  action: string,
): Transition<K> | undefined {
  return ofKind(kind).find((transition) => transition.from === state && transition.action === action);
}

/** The transitions from `state` that one of `roles` may take, in table order. */
export function transitionsFrom<K extends ProcessKind>(
  kind: K,
  state: ProcessStates[K] | null,
  roles: readonly ProcessRole[],
): Transition<K>[] {
  return ofKind(kind).filter(
    (transition) => transition.from === state && transition.roles.some((role) => roles.includes(role)),
  );
}

/** Whether one of `roles` may take `action` from `state`; if not, why (a stable code). */
export function checkTransition<K extends ProcessKind>(
  kind: K,
  state: ProcessStates[K] | null,
  action: string,
  roles: readonly ProcessRole[],
): TransitionCheck<K> {
  const transition = findTransition(kind, state, action);
  if (!transition) return { ok: false, code: TransitionErrorCode.INVALID_TRANSITION };
  if (!transition.roles.some((role) => roles.includes(role))) {
    return { ok: false, code: TransitionErrorCode.FORBIDDEN };
  }
  return { ok: true, transition };
}

/** States with no way out: the record's process has ended. */
export function isFinalState<K extends ProcessKind>(kind: K, state: ProcessStates[K]): boolean {
  return !ofKind(kind).some((transition) => transition.from === state && transition.to !== state);
}

/** What each state is called in the user interface. */
export const STATE_LABELS: { readonly [K in ProcessKind]: Readonly<Record<ProcessStates[K], string>> } = {
  need: {
    RECORDED: 'Erfasst',
    RESOURCES_INSUFFICIENT: 'Ressourcen reichen nicht aus',
    COVERED_BY_RESOURCES: 'Mit Ressourcen im Sozialraum gedeckt',
    NO_OFFER: 'Kein Leistungsangebot',
    OFFER_PLANNED: 'Angebot geplant',
    OPEN_FOR_APPLICATIONS: 'Interessensbekundung offen',
    CLOSED: 'Interessensbekundung geschlossen',
  },
  application: {
    DRAFT: 'Entwurf',
    SUBMITTED: 'Eingereicht',
    CHANGES_REQUESTED: 'Änderungen angefordert',
    APPROVED: 'Bewilligt',
    REJECTED: 'Abgelehnt',
    WITHDRAWN: 'Zurückgezogen',
  },
  offer: { RUNNING: 'Laufend', ENDED: 'Beendet' },
  evaluation: {
    DUE: 'Fällig',
    SUBMITTED: 'Eingereicht',
    CHANGES_REQUESTED: 'Änderungen angefordert',
    ACCEPTED: 'Angenommen',
  },
};
