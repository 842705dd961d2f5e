import { runCommand } from '../../../server/src/common/command.js';
import { Role } from '../../../server/src/common/context.js';
import { startOfferFollowUp } from '../../../server/src/evaluations/offer-follow-up.js';
import { Offer } from '../../../server/src/offers/offer.entity.js';
import { sampleDataOf } from '../../support/factories.js';
import {
  allow,
  type AuthorizationCase,
  deny,
  type ExpectationTable,
  insertRow,
  knownIds,
  type World,
} from './matrix.js';

const GOALS = [{ goal: 'Matrix Ziel', indicator: 'Matrix Indikator', targetValue: 'Matrix Wert' }];

interface Prepared {
  offerId: string;
  evaluations: string[];
}

/**
 * A running offer of the own Träger in the own Sozialraum (need, call, approved application, offer),
 * started as a notice starts one: goal revision 1 and its evaluations (DUE).
 */
async function freshOffer(
  w: World,
  period: [string, string] = ['2030-01-01', '2030-12-31'],
  providerId = w.providers.own,
): Promise<Prepared> {
  const needId = await insertRow(w, 'need', {
    social_area_id: w.socialAreas.own,
    title: w.unique('Matrix Angebot'),
    situation_description: 'Matrix Lage',
    created_by_name: 'Matrix',
    state: 'CLOSED',
    outcome: 'OFFER',
  });
  const callId = await insertRow(w, 'call_for_interest', {
    need_id: needId,
    title: w.unique('Matrix Angebot'),
    deadline: new Date(Date.now() - 86_400_000),
    open_to_all: true,
    invited_provider_ids: '{}',
    offer_category_id: w.offerCategories.active,
    opened_by_name: 'Matrix',
  });
  const applicationId = await insertRow(w, 'application', {
    call_id: callId,
    provider_id: providerId,
    state: 'APPROVED',
    offer_description_version_id: w.formVersions.published,
    cost_calculation_version_id: w.formVersions.published,
    offer_description_data: JSON.stringify({ goals: GOALS }),
    cost_calculation_data: JSON.stringify({}),
    created_by_name: 'Matrix',
  });
  const offerId = await insertRow(w, 'offer', {
    application_id: applicationId,
    need_id: needId,
    social_area_id: w.socialAreas.own,
    provider_id: providerId,
    offer_category_id: w.offerCategories.active,
    financing_kind: 'FEE',
    title: w.unique('Matrix Angebot'),
    period_start: period[0],
    period_end: period[1],
    approved_amount: 1_000_000,
  });
  await runCommand(
    {
      em: w.api.orm.em.fork(),
      caller: { userId: 'matrix-finance-setup', displayName: 'Finanzen', roles: [Role.FINANCE] },
      requestId: 'matrix-offer',
    },
    'issueNotice',
    async (cmd) => {
      const offer = await cmd.tx.findOneOrFail(Offer, { id: offerId });
      await startOfferFollowUp(cmd, offer, { goals: GOALS });
    },
  );
  const rows = await w.sql<{ id: string }>(
    `select id from evaluation where offer_id = ? order by period_number`,
    [offerId],
  );
  return { offerId, evaluations: rows.map((row) => row.id) };
}

/** Puts the first evaluation of the offer into `state` as the provider's submit would (with revision 1). */
async function advance(w: World, p: Prepared, state: 'SUBMITTED' | 'ACCEPTED'): Promise<string> {
  const id = p.evaluations[0]!;
  const data = JSON.stringify(sampleDataOf('evaluation'));
  await w.sql(
    `update evaluation set state = ?, data = ?::jsonb, submitted_at = now(), change_request_comment = 'Matrix Kommentar',
            accepted_at = case when ? = 'ACCEPTED' then now() else null end where id = ?`,
    [state, data, state, id],
  );
  await insertRow(w, 'evaluation_revision', {
    evaluation_id: id,
    number: 1,
    data,
    submitted_at: new Date(),
    submitted_by_name: 'Matrix',
  });
  if (state === 'ACCEPTED') {
    const [offer] = await w.sql<{ social_area_id: string; provider_id: string }>(
      `select social_area_id, provider_id from offer where id = ?`,
      [p.offerId],
    );
    const common = {
      evaluation_id: id,
      offer_id: p.offerId,
      social_area_id: offer!.social_area_id,
      provider_id: offer!.provider_id,
      period_from: '2030-01-01',
      period_to: '2030-06-30',
    };
    await insertRow(w, 'evaluation_fact', {
      ...common,
      participants_reached: 34,
      sessions_held: 24,
      professional_hours_delivered: 90,
      expenses_in_period: 742050,
      accepted_at: new Date(),
    });
    await insertRow(w, 'evaluation_goal_fact', {
      ...common,
      goal_index: 0,
      goal: 'Matrix Ziel',
      achievement: 'MOSTLY',
      achievement_percent: 80,
      percent_given: true,
    });
  }
  return id;
}

const evaluationState = async (w: World, p: Prepared) => ({
  evaluations: await w.sql(`select * from evaluation where offer_id = ? order by id`, [p.offerId]),
  revisions: await w.sql(
    `select r.* from evaluation_revision r join evaluation e on e.id = r.evaluation_id where e.offer_id = ? order by r.id`,
    [p.offerId],
  ),
  facts: await w.sql(`select * from evaluation_fact where offer_id = ?`, [p.offerId]),
  goalFacts: await w.sql(`select * from evaluation_goal_fact where offer_id = ?`, [p.offerId]),
  goalRevisions: await w.sql(`select * from offer_goal_revision where offer_id = ? order by number`, [
    p.offerId,
  ]),
  offer: await w.sql(`select * from offer where id = ?`, [p.offerId]),
});

/** Reading: the office of the Sozialraum, finance, administration and the own Träger; the committee without content. */
function reads<P>(value: (w: World, p: P, content: boolean) => unknown): ExpectationTable<P> {
  const seen = (content: boolean) => (w: World, p: P) => allow(value(w, p, content));
  return {
    ADMIN: seen(true),
    FINANCE: seen(true),
    'TEAM_LEAD:own': seen(true),
    'REGIONAL_TEAM:own': seen(true),
    'PROVIDER:own': seen(true),
    COMMITTEE: seen(false),
    'TEAM_LEAD:foreign': deny('NOT_FOUND'),
    'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
    'PROVIDER:foreign': deny('NOT_FOUND'),
  };
}

/** A provider's change of its own Träger's evaluation: only the own Träger's staff. */
const providerEdits = <P>(value: (w: World, p: P) => unknown): ExpectationTable<P> => ({
  'PROVIDER:own': (w, p) => allow(value(w, p)),
  ADMIN: deny('FORBIDDEN'),
  FINANCE: deny('FORBIDDEN'),
  'TEAM_LEAD:own': deny('FORBIDDEN'),
  'REGIONAL_TEAM:own': deny('FORBIDDEN'),
  COMMITTEE: deny('FORBIDDEN'),
  'TEAM_LEAD:foreign': deny('NOT_FOUND'),
  'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
  'PROVIDER:foreign': deny('NOT_FOUND'),
});

/** The team lead's review and Umsteuerung: only the team lead of the offer's Sozialraum. */
const leadDecides = <P>(value: (w: World, p: P) => unknown): ExpectationTable<P> => ({
  'TEAM_LEAD:own': (w, p) => allow(value(w, p)),
  ADMIN: deny('FORBIDDEN'),
  FINANCE: deny('FORBIDDEN'),
  'REGIONAL_TEAM:own': deny('FORBIDDEN'),
  COMMITTEE: deny('FORBIDDEN'),
  'PROVIDER:own': deny('FORBIDDEN'),
  'TEAM_LEAD:foreign': deny('NOT_FOUND'),
  'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
  'PROVIDER:foreign': deny('NOT_FOUND'),
});

export const cases: AuthorizationCase[] = [
  {
    title:
      'evaluation: the office of the Sozialraum, finance and the own Träger read it with its content, the committee the figures only, other Träger never',
    covers: [
      'Query.evaluation',
      'Evaluation.offer',
      'Evaluation.formVersion',
      'Evaluation.revisions',
      'Evaluation.fact',
      'Evaluation.goalFacts',
      'Evaluation.viewerCan',
    ],
    prepare: async (w) => {
      const p = await freshOffer(w);
      await advance(w, p, 'ACCEPTED');
      return p;
    },
    document: `query($id: UUID!) {
      evaluation(id: $id) {
        id state data changeRequestComment offer { id } formVersion { id }
        revisions { number data } fact { participantsReached expensesInPeriod }
        goalFacts { goal achievementPercent }
        viewerCan { readData saveDraft submit accept requestChanges }
      }
    }`,
    variables: (_w, p: Prepared) => ({ id: p.evaluations[0] }),
    pick: (data) =>
      data.evaluation && {
        id: data.evaluation.id,
        state: data.evaluation.state,
        content: [data.evaluation.data !== null, data.evaluation.changeRequestComment !== null],
        offer: data.evaluation.offer.id,
        formVersion: !!data.evaluation.formVersion.id,
        revisions: data.evaluation.revisions.map((r: any) => [r.number, r.data !== null]),
        fact: data.evaluation.fact,
        goalFacts: data.evaluation.goalFacts,
        viewerCan: data.evaluation.viewerCan,
      },
    expect: reads((_w, p: Prepared, content) => ({
      id: p.evaluations[0],
      state: 'ACCEPTED',
      content: [content, content],
      offer: p.offerId,
      formVersion: true,
      revisions: [[1, content]],
      fact: { participantsReached: 34, expensesInPeriod: 742050 },
      goalFacts: [{ goal: content ? 'Matrix Ziel' : null, achievementPercent: 80 }],
      viewerCan: { readData: content, saveDraft: false, submit: false, accept: false, requestChanges: false },
    })),
  },
  {
    title: 'evaluation: what each may do with a submitted one (the own team lead reviews, nobody else)',
    covers: ['Query.evaluation', 'Evaluation.viewerCan'],
    prepare: async (w) => {
      const p = await freshOffer(w);
      await advance(w, p, 'SUBMITTED');
      return p;
    },
    document: `query($id: UUID!) { evaluation(id: $id) { viewerCan { readData saveDraft submit accept requestChanges } } }`,
    variables: (_w, p: Prepared) => ({ id: p.evaluations[0] }),
    pick: (data) => data.evaluation?.viewerCan,
    expect: (() => {
      const can = (readData: boolean, review = false) =>
        allow({ readData, saveDraft: false, submit: false, accept: review, requestChanges: review });
      const table: ExpectationTable<Prepared> = {
        ADMIN: can(true),
        FINANCE: can(true),
        'TEAM_LEAD:own': can(true, true),
        'REGIONAL_TEAM:own': can(true),
        'PROVIDER:own': can(true),
        COMMITTEE: can(false),
        'TEAM_LEAD:foreign': deny('NOT_FOUND'),
        'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
        'PROVIDER:foreign': deny('NOT_FOUND'),
      };
      return table;
    })(),
  },
  {
    title: 'evaluations: a Träger lists only its own; the office its scope',
    covers: ['Query.evaluations'],
    prepare: async (w) => freshOffer(w, ['2030-01-01', '2030-12-31']),
    document: 'query($offerId: UUID) { evaluations(filter: { offerId: $offerId }) { id } }',
    variables: (_w, p: Prepared) => ({ offerId: p.offerId }),
    pick: (data, _w, p: Prepared) => knownIds(data.evaluations, p.evaluations),
    expect: {
      ADMIN: (_w, p: Prepared) => allow([...p.evaluations].sort()),
      FINANCE: (_w, p: Prepared) => allow([...p.evaluations].sort()),
      COMMITTEE: (_w, p: Prepared) => allow([...p.evaluations].sort()),
      'TEAM_LEAD:own': (_w, p: Prepared) => allow([...p.evaluations].sort()),
      'REGIONAL_TEAM:own': (_w, p: Prepared) => allow([...p.evaluations].sort()),
      'PROVIDER:own': (_w, p: Prepared) => allow([...p.evaluations].sort()),
      'TEAM_LEAD:foreign': allow([]),
      'REGIONAL_TEAM:foreign': allow([]),
      'PROVIDER:foreign': allow([]),
    },
  },
  {
    title: 'evaluationsAwaitingReview: the submitted ones in the caller’s view',
    covers: ['Query.evaluationsAwaitingReview'],
    prepare: async (w) => {
      const p = await freshOffer(w);
      await advance(w, p, 'SUBMITTED');
      return p;
    },
    document: 'query { evaluationsAwaitingReview { id } }',
    pick: (data, _w, p: Prepared) => knownIds(data.evaluationsAwaitingReview, p.evaluations),
    expect: {
      ADMIN: (_w, p: Prepared) => allow([p.evaluations[0]]),
      FINANCE: (_w, p: Prepared) => allow([p.evaluations[0]]),
      COMMITTEE: (_w, p: Prepared) => allow([p.evaluations[0]]),
      'TEAM_LEAD:own': (_w, p: Prepared) => allow([p.evaluations[0]]),
      'REGIONAL_TEAM:own': (_w, p: Prepared) => allow([p.evaluations[0]]),
      'PROVIDER:own': (_w, p: Prepared) => allow([p.evaluations[0]]),
      'TEAM_LEAD:foreign': allow([]),
      'REGIONAL_TEAM:foreign': allow([]),
      'PROVIDER:foreign': allow([]),
    },
  },
  {
    title: 'overdueEvaluations: the team lead (its Sozialräume), finance and the administration; nobody else',
    covers: ['Query.overdueEvaluations'],
    prepare: async (w) => freshOffer(w, ['2024-01-01', '2024-12-31']),
    document: 'query { overdueEvaluations { id } }',
    pick: (data, _w, p: Prepared) => knownIds(data.overdueEvaluations, p.evaluations),
    expect: {
      ADMIN: (_w, p: Prepared) => allow([...p.evaluations].sort()),
      FINANCE: (_w, p: Prepared) => allow([...p.evaluations].sort()),
      'TEAM_LEAD:own': (_w, p: Prepared) => allow([...p.evaluations].sort()),
      'TEAM_LEAD:foreign': allow([]),
      REGIONAL_TEAM: deny('FORBIDDEN'),
      COMMITTEE: deny('FORBIDDEN'),
      PROVIDER: deny('FORBIDDEN'),
    },
  },
  {
    title:
      'Offer.goalRevisions and Offer.evaluations: the goals are content (not for the committee); canAdjustGoals only for the own team lead',
    covers: ['Offer.goalRevisions', 'Offer.evaluations', 'OfferGoalRevision.goals'],
    prepare: (w) => freshOffer(w),
    document: `query($id: UUID!) {
      evaluation(id: $id) {
        offer { canAdjustGoals goalRevisions { number reason goals { goal indicator targetValue } } evaluations { id } }
      }
    }`,
    variables: (_w, p: Prepared) => ({ id: p.evaluations[0] }),
    pick: (data) => data.evaluation?.offer,
    expect: (() => {
      const seen =
        (content: boolean, canAdjustGoals = false) =>
        (_w: World, p: Prepared) =>
          allow({
            canAdjustGoals,
            goalRevisions: [{ number: 1, reason: null, goals: content ? GOALS : null }],
            evaluations: p.evaluations.map((id) => ({ id })),
          });
      const table: ExpectationTable<Prepared> = {
        ADMIN: seen(true),
        FINANCE: seen(true),
        'TEAM_LEAD:own': seen(true, true),
        'REGIONAL_TEAM:own': seen(true),
        'PROVIDER:own': seen(true),
        COMMITTEE: seen(false),
        'TEAM_LEAD:foreign': deny('NOT_FOUND'),
        'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
        'PROVIDER:foreign': deny('NOT_FOUND'),
      };
      return table;
    })(),
  },
  {
    title: 'saveEvaluationDraft: only staff of the offer’s Träger',
    covers: ['Mutation.saveEvaluationDraft'],
    prepare: (w) => freshOffer(w),
    document:
      'mutation($input: SaveEvaluationDraftInput!) { saveEvaluationDraft(input: $input) { id revision } }',
    variables: (_w, p: Prepared) => ({
      input: { id: p.evaluations[0], revision: 1, data: { participantsReached: 3 } },
    }),
    expect: providerEdits((_w, p: Prepared) => ({ id: p.evaluations[0], revision: 2 })),
    state: evaluationState,
  },
  {
    title: 'submitEvaluation: only staff of the offer’s Träger',
    covers: [
      'Mutation.submitEvaluation',
      'SubmitEvaluationPayload.evaluation',
      'SubmitEvaluationPayload.errors',
    ],
    prepare: (w) => freshOffer(w),
    document: `mutation($input: SubmitEvaluationInput!) {
      submitEvaluation(input: $input) { errors { path } errorCount evaluation { id state } }
    }`,
    variables: (_w, p: Prepared) => ({
      input: { id: p.evaluations[0], revision: 1, data: sampleDataOf('evaluation') },
    }),
    expect: providerEdits((_w, p: Prepared) => ({
      errors: [],
      errorCount: 0,
      evaluation: { id: p.evaluations[0], state: 'SUBMITTED' },
    })),
    state: evaluationState,
  },
  {
    title: 'acceptEvaluation: only the team lead of the offer’s Sozialraum',
    covers: ['Mutation.acceptEvaluation'],
    prepare: async (w) => {
      const p = await freshOffer(w);
      await advance(w, p, 'SUBMITTED');
      return p;
    },
    document: 'mutation($input: AcceptEvaluationInput!) { acceptEvaluation(input: $input) { id state } }',
    variables: (_w, p: Prepared) => ({ input: { id: p.evaluations[0], revision: 1 } }),
    expect: leadDecides((_w, p: Prepared) => ({ id: p.evaluations[0], state: 'ACCEPTED' })),
    state: evaluationState,
  },
  {
    title: 'requestEvaluationChanges: only the team lead of the offer’s Sozialraum',
    covers: ['Mutation.requestEvaluationChanges'],
    prepare: async (w) => {
      const p = await freshOffer(w);
      await advance(w, p, 'SUBMITTED');
      return p;
    },
    document:
      'mutation($input: RequestEvaluationChangesInput!) { requestEvaluationChanges(input: $input) { id state } }',
    variables: (_w, p: Prepared) => ({
      input: { id: p.evaluations[0], revision: 1, comment: 'Bitte ergänzen.' },
    }),
    expect: leadDecides((_w, p: Prepared) => ({ id: p.evaluations[0], state: 'CHANGES_REQUESTED' })),
    state: evaluationState,
  },
  {
    title: 'adjustOfferGoals (Umsteuerung): only the team lead of the offer’s Sozialraum',
    covers: ['Mutation.adjustOfferGoals'],
    prepare: (w) => freshOffer(w),
    document: `mutation($input: AdjustOfferGoalsInput!) {
      adjustOfferGoals(input: $input) { id goalRevisions { number } }
    }`,
    variables: (_w, p: Prepared) => ({
      input: {
        offerId: p.offerId,
        revision: 1,
        goals: [{ goal: 'Neues Ziel', indicator: 'Indikator', targetValue: 'Wert' }],
        reason: 'Matrix Umsteuerung',
      },
    }),
    expect: leadDecides((_w, p: Prepared) => ({
      id: p.offerId,
      goalRevisions: [{ number: 1 }, { number: 2 }],
    })),
    state: evaluationState,
  },
];
