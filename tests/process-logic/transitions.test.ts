import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  findTransition,
  isFinalState,
  NeedState,
  OPEN_NEED_STATES,
  type ProcessKind,
  type ProcessRole,
  STATE_LABELS,
  STATES,
  TRANSITIONS,
  transitionsFrom,
} from '../../process-logic/index.js';

const KINDS: ProcessKind[] = ['need', 'application', 'offer', 'evaluation'];
const ROLES: ProcessRole[] = ['ADMIN', 'TEAM_LEAD', 'REGIONAL_TEAM', 'FINANCE', 'PROVIDER', 'COMMITTEE'];

/** The states reachable from creation, following every transition of the table. */
function reachable(kind: ProcessKind): Set<string> {
  const seen = new Set<string>();
  const queue = TRANSITIONS.filter((t) => t.kind === kind && t.from === null).map((t) => t.to as string);
  while (queue.length > 0) {
    const state = queue.shift()!;
    if (seen.has(state)) continue;
    seen.add(state);
    for (const t of TRANSITIONS) if (t.kind === kind && t.from === state) queue.push(t.to);
  }
  return seen;
}

describe('the transition table', () => {
  it.each(KINDS)('%s: every state is reachable from creation, and every transition starts in one', (kind) => {
    const states = reachable(kind);
    expect([...states].sort()).toEqual([...STATES[kind]].sort());
    for (const t of TRANSITIONS.filter((t) => t.kind === kind)) {
      expect(t.from === null || states.has(t.from)).toBe(true);
      expect(STATES[kind]).toContain(t.to);
    }
  });

  it('names each action once per kind and state, with roles and a German label', () => {
    const keys = TRANSITIONS.map((t) => `${t.kind}:${t.from}:${t.action}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const t of TRANSITIONS) {
      expect(t.roles.length).toBeGreaterThan(0);
      expect(t.label.trim()).not.toBe('');
    }
  });

  it('takes every transition of the table with each of its roles, and refuses every other role', () => {
    for (const t of TRANSITIONS) {
      for (const role of ROLES) {
        const check = checkTransition(t.kind, t.from, t.action, [role]);
        if (t.roles.includes(role)) expect(check).toEqual({ ok: true, transition: t });
        else expect(check).toEqual({ ok: false, code: 'FORBIDDEN' });
      }
    }
  });

  it('refuses an action the state does not have with INVALID_TRANSITION, whatever the role', () => {
    const actions = new Set(TRANSITIONS.map((t) => t.action));
    for (const kind of KINDS) {
      for (const state of [null, ...STATES[kind]]) {
        for (const action of actions) {
          if (findTransition(kind, state, action)) continue;
          expect(checkTransition(kind, state, action, ROLES)).toEqual({
            ok: false,
            code: 'INVALID_TRANSITION',
          });
        }
      }
    }
  });

  it('the committee takes no step of the process, and providers none of a need', () => {
    for (const kind of KINDS) {
      for (const state of [null, ...STATES[kind]]) {
        expect(transitionsFrom(kind, state, ['COMMITTEE'])).toEqual([]);
      }
    }
    for (const state of [null, ...STATES.need])
      expect(transitionsFrom('need', state, ['PROVIDER'])).toEqual([]);
  });
});

describe('the need (steps 1–7)', () => {
  it('walks the flowchart: recorded → decision 1 → decision 2 → offer planned → call → closed', () => {
    const lead: ProcessRole[] = ['TEAM_LEAD'];
    const step = (state: NeedState, action: string) => {
      const check = checkTransition('need', state, action, lead);
      if (!check.ok) throw new Error(`${state} ${action}: ${check.code}`);
      return check.transition.to;
    };
    expect(checkTransition('need', null, 'record', lead)).toMatchObject({ ok: true });
    expect(step('RECORDED', 'coverByResources')).toBe('COVERED_BY_RESOURCES');
    expect(step('RECORDED', 'findResourcesInsufficient')).toBe('RESOURCES_INSUFFICIENT');
    expect(step('RESOURCES_INSUFFICIENT', 'decideNoOffer')).toBe('NO_OFFER');
    expect(step('RESOURCES_INSUFFICIENT', 'decideOffer')).toBe('OFFER_PLANNED');
    expect(step('OFFER_PLANNED', 'recordBodyInvolvement')).toBe('OFFER_PLANNED');
    expect(step('OFFER_PLANNED', 'openForApplications')).toBe('OPEN_FOR_APPLICATIONS');
    expect(step('OPEN_FOR_APPLICATIONS', 'closeApplications')).toBe('CLOSED');
  });

  it('refuses decision 2 before decision 1, a second decision 1, and changes to an ended need', () => {
    expect(checkTransition('need', 'RECORDED', 'decideOffer', ['TEAM_LEAD'])).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    expect(checkTransition('need', 'OFFER_PLANNED', 'coverByResources', ['ADMIN'])).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    for (const state of ['COVERED_BY_RESOURCES', 'NO_OFFER', 'CLOSED'] as const) {
      expect(isFinalState('need', state)).toBe(true);
      expect(transitionsFrom('need', state, ROLES)).toEqual([]);
    }
    expect(isFinalState('need', 'OFFER_PLANNED')).toBe(false);
  });

  it('offers the team lead in RECORDED exactly editing and decision 1, and the Regionalteam nothing', () => {
    expect(transitionsFrom('need', 'RECORDED', ['TEAM_LEAD']).map((t) => t.action)).toEqual([
      'edit',
      'coverByResources',
      'findResourcesInsufficient',
    ]);
    expect(transitionsFrom('need', 'RECORDED', ['REGIONAL_TEAM', 'FINANCE'])).toEqual([]);
  });

  it('prioritises exactly the open needs', () => {
    const prioritisable = STATES.need.filter((state) => findTransition('need', state, 'prioritise'));
    expect(prioritisable).toEqual([...OPEN_NEED_STATES]);
  });
});

describe('application, offer and evaluation', () => {
  it('an application: only the provider submits and withdraws, the team lead requests changes, the Regionalteam decides', () => {
    expect(checkTransition('application', 'DRAFT', 'submit', ['PROVIDER'])).toMatchObject({ ok: true });
    expect(checkTransition('application', 'DRAFT', 'submit', ['TEAM_LEAD'])).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(checkTransition('application', 'SUBMITTED', 'requestChanges', ['TEAM_LEAD'])).toMatchObject({
      ok: true,
      transition: { to: 'CHANGES_REQUESTED' },
    });
    expect(checkTransition('application', 'CHANGES_REQUESTED', 'resubmit', ['PROVIDER'])).toMatchObject({
      ok: true,
      transition: { to: 'SUBMITTED' },
    });
    expect(checkTransition('application', 'SUBMITTED', 'approve', ['TEAM_LEAD'])).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(checkTransition('application', 'APPROVED', 'withdraw', ['PROVIDER'])).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    for (const state of ['APPROVED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(isFinalState('application', state)).toBe(true);
    }
  });

  it('an offer runs until it ends; an evaluation is due, submitted, then accepted or sent back', () => {
    expect(checkTransition('offer', 'RUNNING', 'end', ['FINANCE'])).toMatchObject({ ok: true });
    expect(checkTransition('offer', 'ENDED', 'adjustGoals', ['TEAM_LEAD'])).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    expect(checkTransition('evaluation', 'DUE', 'submit', ['PROVIDER'])).toMatchObject({ ok: true });
    expect(checkTransition('evaluation', 'SUBMITTED', 'accept', ['PROVIDER'])).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(checkTransition('evaluation', 'ACCEPTED', 'requestChanges', ['TEAM_LEAD'])).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    expect(isFinalState('evaluation', 'ACCEPTED')).toBe(true);
  });

  it('combines several roles of one caller', () => {
    expect(
      transitionsFrom('application', 'SUBMITTED', ['TEAM_LEAD', 'REGIONAL_TEAM']).map((t) => t.action),
    ).toEqual(['score', 'requestChanges', 'approve', 'reject']);
  });
});

describe('state labels', () => {
  it.each(KINDS)('%s: every state has a German label', (kind) => {
    const labels = STATE_LABELS[kind] as Record<string, string>;
    expect(Object.keys(labels).sort()).toEqual([...STATES[kind]].sort());
    for (const label of Object.values(labels)) expect(label.trim()).not.toBe('');
  });
});
