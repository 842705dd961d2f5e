import {
  checkTransition,
  findTransition,
  NeedState,
  OfferState,
  OPEN_NEED_STATES,
  type ProcessRole,
  STATE_LABELS,
  type Transition,
} from '../../../process-logic/index.js';
import type { Command } from '../common/command.js';
import type { Caller, Role } from '../common/context.js';
import { BadUserInput, Conflict, Forbidden, NotFound } from '../common/errors.js';
import type { Policy } from '../common/policy.js';
import { Provider } from '../master-data/provider.entity.js';
import { applyChanges, assertRevision, type FieldChanges } from '../master-data/master-data.service.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Offer } from '../offers/offer.entity.js';
import { visibleOffers } from '../offers/offer.policy.js';
import { Body } from './body.entity.js';
import { Need, NeedBodyInvolvement, NeedOutcome } from './need.entity.js';
import type {
  DecideNeedOfferInput,
  DecideNeedResourcesInput,
  PrioritiseNeedsInput,
  RecordNeedBodyInvolvementInput,
  RecordNeedInput,
  UpdateNeedInput,
} from './need.inputs.js';
import { type NeedAction, needPolicy, type NeedScope, scopeOf, visibleNeeds } from './need.policy.js';

/** The caller's roles under which `policy` allows `action` on `record` (the roles the state machine may use). */
export function rolesAllowed<A extends string, R>(
  policy: Policy<A, R>,
  caller: Caller | null,
  action: A,
  record: R,
): Role[] {
  if (!caller) return [];
  return caller.roles.filter((role) => {
    const grant = policy[action][role];
    return grant === true || (!!grant && grant(caller, record));
  });
}

/** A refused transition: CONFLICT with reason INVALID_TRANSITION (nothing changed). */
export const InvalidTransition = (state: NeedState, action: string) =>
  Conflict(`Das ist im Zustand „${STATE_LABELS.need[state]}“ des Bedarfs nicht möglich.`, {
    reason: 'INVALID_TRANSITION',
    state,
    action,
  });

/**
 * Checks that the caller may take `action` on `need` now: the policy (scope; FORBIDDEN) and then the state
 * machine of `process-logic` (INVALID_TRANSITION, or FORBIDDEN when the action is not for these roles).
 */
export function authorizeTransition(
  cmd: Command,
  scope: NeedScope,
  state: NeedState | null,
  action: string,
  policyAction: NeedAction = 'change',
): Transition<'need'> {
  cmd.authorize(needPolicy, policyAction, scope);
  const check = checkTransition(
    'need',
    state,
    action,
    rolesAllowed(needPolicy, cmd.caller, policyAction, scope) as ProcessRole[],
  );
  if (check.ok) return check.transition;
  if (check.code === 'FORBIDDEN')
    throw Forbidden(undefined, { entityType: 'Need', reason: 'TRANSITION_ROLE' });
  throw InvalidTransition(state ?? NeedState.RECORDED, action);
}

/** Loads a need the caller may read, with its Sozialraum; others are not found (their ids do not leak). */
export async function loadNeed(cmd: Command, id: string): Promise<Need> {
  const need = await cmd.tx.findOne(
    Need,
    { $and: [{ id }, visibleNeeds(cmd.caller)] },
    { populate: ['socialArea'] },
  );
  if (!need) throw NotFound('Der Bedarf');
  return need;
}

const fieldError = (argument: string, message: string) =>
  BadUserInput(message, { fields: [{ argument, message }] });

/** The open needs of a Sozialraum (null: county-wide), in priority order. */
async function openNeeds(cmd: Command, socialAreaId: string | null): Promise<Need[]> {
  return cmd.tx.find(
    Need,
    { socialArea: socialAreaId, state: { $in: [...OPEN_NEED_STATES] } },
    { populate: ['socialArea'], orderBy: { priority: 'asc nulls last', createdAt: 'asc', id: 'asc' } },
  );
}

/** Serialises the prioritisation of one Sozialraum's needs across app processes. */
const priorityLock = (cmd: Command, socialAreaId: string | null) =>
  cmd.lock(`need-priority:${socialAreaId ?? 'county-wide'}`);

function touch(need: Need): void {
  need.updatedAt = new Date();
}

/** Step 1: records a need for a Sozialraum of the caller, or county-wide. */
export async function recordNeed(cmd: Command, input: RecordNeedInput): Promise<Need> {
  let area: SocialArea | null = null;
  if (input.countyWide) {
    if (input.socialAreaId) throw fieldError('socialAreaId', 'Ein kreisweiter Bedarf hat keinen Sozialraum.');
  } else {
    if (!input.socialAreaId)
      throw fieldError('socialAreaId', 'Bitte wählen Sie einen Sozialraum oder „kreisweit“.');
    area = await cmd.tx.findOne(SocialArea, { id: input.socialAreaId });
    if (!area) throw NotFound('Der Sozialraum');
  }
  authorizeTransition(
    cmd,
    {
      socialAreaId: area?.id ?? null,
      regionalTeamId: area?.regionalTeam?.id ?? null,
      createdBy: cmd.caller.userId,
    },
    null,
    'record',
    'record',
  );
  if (area && !area.active)
    throw fieldError('socialAreaId', `Der Sozialraum „${area.name}“ ist deaktiviert.`);
  const need = cmd.tx.create(Need, {
    socialArea: area,
    title: input.title.trim(),
    situationDescription: input.situationDescription.trim(),
    createdBy: cmd.caller.userId,
    createdByName: cmd.caller.displayName,
  });
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Need',
    entityId: need.id,
    details: {
      after: {
        socialAreaId: area?.id ?? null,
        title: need.title,
        situationDescription: need.situationDescription,
        state: need.state,
      },
    },
  });
  return need;
}

const PLANNING_FIELDS = [
  'contactYouthOffice',
  'contactProviders',
  'fundingProgrammes',
  'professionalJustification',
  'resourcesWeighed',
  'developmentWithoutOffer',
] as const;

/** Edits the description (steps 1) and, once an offer is planned, the notes of steps 4 and 6. */
export async function updateNeed(cmd: Command, input: UpdateNeedInput): Promise<Need> {
  const need = await loadNeed(cmd, input.id);
  const planning = PLANNING_FIELDS.some((field) => input[field] !== undefined);
  const editing = input.title !== undefined || input.situationDescription !== undefined || !planning;
  if (editing) authorizeTransition(cmd, scopeOf(need), need.state, 'edit');
  if (planning) authorizeTransition(cmd, scopeOf(need), need.state, 'planOffer');
  await assertRevision(cmd, need, input.revision);
  const changes = applyChanges(need, {
    title: input.title,
    situationDescription: input.situationDescription,
    ...Object.fromEntries(PLANNING_FIELDS.map((field) => [field, input[field]])),
  });
  if (Object.keys(changes.after).length > 0) touch(need);
  await cmd.tx.flush();
  cmd.audit({ entityType: 'Need', entityId: need.id, details: { ...changes } });
  return need;
}

function decisionChanges(need: Need, fields: (keyof Need)[], apply: () => void): FieldChanges {
  const read = () => Object.fromEntries(fields.map((field) => [field, need[field] ?? null]));
  const before = read();
  apply();
  return { before, after: read() };
}

/**
 * The running offers named for decision 1, in the order given (duplicates once). Each must be an offer
 * the caller may read and still running; otherwise BAD_USER_INPUT on `consideredOfferIds` (an offer the
 * caller may not read reads like an unknown one).
 */
async function consideredRunningOffers(cmd: Command, requested: readonly string[]): Promise<Offer[]> {
  const ids = [...new Set(requested.map((id) => id.toLowerCase()))];
  if (ids.length === 0) return [];
  const found = await cmd.tx.find(Offer, { $and: [{ id: { $in: ids } }, visibleOffers(cmd.caller)] });
  const byId = new Map(found.map((offer) => [offer.id, offer]));
  if (ids.some((id) => !byId.has(id)))
    throw fieldError('consideredOfferIds', 'Ein genanntes Angebot existiert nicht.');
  const ended = found.find((offer) => offer.state !== OfferState.RUNNING);
  if (ended)
    throw fieldError(
      'consideredOfferIds',
      `Das Angebot „${ended.title}“ läuft nicht mehr; betrachtet werden laufende Angebote.`,
    );
  return ids.map((id) => byId.get(id)!);
}

/** Decision 1 (step 2): can the resources in the Sozialraum cover the need? */
export async function decideNeedResources(cmd: Command, input: DecideNeedResourcesInput): Promise<Need> {
  const need = await loadNeed(cmd, input.id);
  const transition = authorizeTransition(
    cmd,
    scopeOf(need),
    need.state,
    input.covered ? 'coverByResources' : 'findResourcesInsufficient',
  );
  await assertRevision(cmd, need, input.revision);
  const providerIds = [...new Set(input.consideredProviderIds ?? [])];
  if (providerIds.length > 0) {
    const found = await cmd.tx.count(Provider, { id: { $in: providerIds } });
    if (found !== providerIds.length)
      throw fieldError('consideredProviderIds', 'Ein genannter Träger existiert nicht.');
  }
  const offers = await consideredRunningOffers(cmd, input.consideredOfferIds ?? []);
  const changes = decisionChanges(
    need,
    [
      'state',
      'outcome',
      'coveredByResources',
      'consideredOffers',
      'consideredProviderIds',
      'consideredOfferIds',
    ],
    () => {
      need.state = transition.to;
      need.outcome = input.covered ? NeedOutcome.COVERED_BY_RESOURCES : null;
      need.coveredByResources = input.covered;
      need.resourcesJustification = input.justification.trim();
      need.consideredOffers = input.consideredOffers?.trim() || null;
      need.consideredProviderIds = providerIds;
      need.consideredOfferIds = offers.map((offer) => offer.id);
      need.resourcesDecidedBy = cmd.caller.userId;
      need.resourcesDecidedByName = cmd.caller.displayName;
      need.resourcesDecidedAt = new Date();
      touch(need);
    },
  );
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Need',
    entityId: need.id,
    details: {
      before: changes.before,
      after: {
        ...changes.after,
        consideredRunningOffers: offers.map((offer) => ({ id: offer.id, title: offer.title })),
      },
    },
    justification: need.resourcesJustification,
  });
  return need;
}

/** Decision 2 (step 3): shall an offer cover the need? Yes puts it last among the Sozialraum's open needs. */
export async function decideNeedOffer(cmd: Command, input: DecideNeedOfferInput): Promise<Need> {
  const need = await loadNeed(cmd, input.id);
  const transition = authorizeTransition(
    cmd,
    scopeOf(need),
    need.state,
    input.offer ? 'decideOffer' : 'decideNoOffer',
  );
  await assertRevision(cmd, need, input.revision);
  let priority: number | null = null;
  if (input.offer) {
    const areaId = need.socialArea?.id ?? null;
    await priorityLock(cmd, areaId);
    const open = await openNeeds(cmd, areaId);
    priority = open.reduce((max, other) => Math.max(max, other.priority ?? 0), 0) + 1;
  }
  const changes = decisionChanges(need, ['state', 'outcome', 'offerWanted', 'priority'], () => {
    need.state = transition.to;
    need.outcome = input.offer ? NeedOutcome.OFFER : NeedOutcome.NO_OFFER;
    need.offerWanted = input.offer;
    need.offerJustification = input.justification.trim();
    need.offerDecidedBy = cmd.caller.userId;
    need.offerDecidedByName = cmd.caller.displayName;
    need.offerDecidedAt = new Date();
    need.priority = priority;
    touch(need);
  });
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Need',
    entityId: need.id,
    details: { ...changes },
    justification: need.offerJustification,
  });
  return need;
}

/** Step 5: records that a body was involved (decides, participates or is informed), when, and with what outcome. */
export async function recordNeedBodyInvolvement(
  cmd: Command,
  input: RecordNeedBodyInvolvementInput,
): Promise<Need> {
  const need = await loadNeed(cmd, input.needId);
  authorizeTransition(cmd, scopeOf(need), need.state, 'recordBodyInvolvement');
  await assertRevision(cmd, need, input.revision);
  const body = await cmd.tx.findOne(Body, { id: input.bodyId });
  if (!body) throw NotFound('Das Gremium');
  if (!body.active) throw fieldError('bodyId', `Das Gremium „${body.name}“ ist deaktiviert.`);
  if (Number.isNaN(Date.parse(`${input.date}T00:00:00Z`)))
    throw fieldError('date', 'Das Datum ist ungültig.');
  const involvement = cmd.tx.create(NeedBodyInvolvement, {
    need,
    body,
    involvement: input.involvement,
    date: input.date,
    outcome: input.outcome.trim(),
    createdBy: cmd.caller.userId,
    createdByName: cmd.caller.displayName,
  });
  touch(need);
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'Need',
    entityId: need.id,
    details: {
      after: {
        bodyInvolvementId: involvement.id,
        bodyId: body.id,
        bodyName: body.name,
        involvement: involvement.involvement,
        date: involvement.date,
        outcome: involvement.outcome,
      },
    },
  });
  return need;
}

/**
 * Step 7: sets the order of the open needs of one Sozialraum (or the county-wide ones). The list must name
 * exactly the open needs as they are now; the command holds the Sozialraum's priority lock, so concurrent
 * reorders and decisions run one after another and the priorities stay 1…n.
 */
export async function prioritiseNeeds(cmd: Command, input: PrioritiseNeedsInput): Promise<Need[]> {
  const areaId = input.socialAreaId ?? null;
  // Only the roles the state machine lets prioritise get further (also when there is nothing to reorder).
  const prioritising = findTransition('need', NeedState.OFFER_PLANNED, 'prioritise')?.roles ?? [];
  if (!cmd.caller.roles.some((role) => prioritising.includes(role))) throw Forbidden();
  if (areaId) {
    const area = await cmd.tx.findOne(SocialArea, { id: areaId });
    if (!area) throw NotFound('Der Sozialraum');
    cmd.authorize(needPolicy, 'change', {
      socialAreaId: area.id,
      regionalTeamId: area.regionalTeam?.id ?? null,
      createdBy: '',
    });
  }
  const ids = input.needIds.map((id) => id.toLowerCase());
  if (new Set(ids).size !== ids.length) throw fieldError('needIds', 'Ein Bedarf ist mehrfach genannt.');
  await priorityLock(cmd, areaId);
  const open = await openNeeds(cmd, areaId);
  for (const need of open) authorizeTransition(cmd, scopeOf(need), need.state, 'prioritise');
  const openIds = open.map((need) => need.id);
  if (ids.length !== openIds.length || ids.some((id) => !openIds.includes(id))) {
    throw Conflict(
      'Die offenen Bedarfe haben sich inzwischen geändert. Bitte laden Sie die Liste neu und priorisieren Sie erneut.',
      { reason: 'STALE_PRIORITISATION' },
    );
  }
  const byId = new Map(open.map((need) => [need.id, need]));
  const ordered = ids.map((id) => byId.get(id)!);
  ordered.forEach((need, index) => {
    if (need.priority !== index + 1) {
      need.priority = index + 1;
      touch(need);
    }
  });
  await cmd.tx.flush();
  cmd.audit({
    entityType: 'NeedPrioritisation',
    entityId: areaId ?? 'county-wide',
    details: { before: { needIds: openIds }, after: { needIds: ids } },
    justification: input.justification?.trim() || null,
  });
  return ordered;
}
