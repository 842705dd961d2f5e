import { sampleDataOf } from '../../support/factories.js';
import {
  allow,
  type AuthorizationCase,
  deny,
  type ExpectationTable,
  insertRow,
  type Persona,
  sorted,
  type World,
} from './matrix.js';

const versionIds: Record<string, string> = {};

/** The published version of `formKey` (looked up once). */
async function publishedVersion(w: World, formKey: string): Promise<string> {
  if (!versionIds[formKey]) {
    const [row] = await w.sql<{ id: string }>(
      `select id from form_version where form_key = ? and status = 'PUBLISHED'`,
      [formKey],
    );
    versionIds[formKey] = row!.id;
  }
  return versionIds[formKey]!;
}

/** A need of the own Sozialraum open for applications, its call, and a submitted application of the own Träger with one revision. */
async function freshSubmittedApplication(w: World, state: 'SUBMITTED' | 'DRAFT' = 'SUBMITTED') {
  const [row] = await w.sql<{ max: number | null }>(
    `select max(priority) as max from need where social_area_id = ? and state in ('OFFER_PLANNED', 'OPEN_FOR_APPLICATIONS')`,
    [w.socialAreas.own],
  );
  const needId = await insertRow(w, 'need', {
    social_area_id: w.socialAreas.own,
    title: w.unique('Matrix Bewertung'),
    situation_description: 'Matrix Lage',
    created_by_name: 'Matrix',
    state: 'OPEN_FOR_APPLICATIONS',
    outcome: 'OFFER',
    priority: (row?.max ?? 0) + 1,
  });
  const callId = await insertRow(w, 'call_for_interest', {
    need_id: needId,
    title: w.unique('Matrix Bewertung'),
    deadline: new Date(Date.now() + 24 * 3_600_000),
    open_to_all: true,
    invited_provider_ids: '{}',
    offer_category_id: w.offerCategories.active,
    opened_by_name: 'Matrix',
  });
  const applicationId = await insertRow(w, 'application', {
    call_id: callId,
    provider_id: w.providers.own,
    state,
    offer_description_version_id: await publishedVersion(w, 'offer-description'),
    cost_calculation_version_id: await publishedVersion(w, 'cost-calculation'),
    offer_description_data: JSON.stringify({ title: 'Matrix' }),
    cost_calculation_data: JSON.stringify({}),
    created_by_name: 'Matrix',
    submitted_at: state === 'SUBMITTED' ? new Date() : null,
  });
  if (state === 'SUBMITTED') {
    await insertRow(w, 'application_revision', {
      application_id: applicationId,
      number: 1,
      offer_description_data: JSON.stringify({ title: 'Matrix' }),
      cost_calculation_data: JSON.stringify({}),
      requested_amount: 250_000,
      submitted_at: new Date(),
      submitted_by_name: 'Matrix',
    });
  }
  return { needId, callId, applicationId };
}

/** A score of `scorerId` for the application: a draft, or submitted with one revision of `basisPoints`. */
async function freshScore(
  w: World,
  applicationId: string,
  scorerId: string,
  options: { submitted?: boolean; basisPoints?: number; data?: Record<string, unknown> } = {},
) {
  const criteriaVersionId = await publishedVersion(w, 'criteria');
  const data = JSON.stringify(options.data ?? { notes: 'Matrix' });
  const id = await insertRow(w, 'score', {
    application_id: applicationId,
    scorer_id: scorerId,
    scorer_name: 'Matrix',
    criteria_version_id: criteriaVersionId,
    data,
    submitted_at: options.submitted ? new Date() : null,
  });
  if (options.submitted) {
    await insertRow(w, 'score_revision', {
      score_id: id,
      number: 1,
      criteria_version_id: criteriaVersionId,
      data,
      weighted_score_basis_points: options.basisPoints ?? 7500,
      submitted_at: new Date(),
      submitted_by_name: 'Matrix',
    });
  }
  return id;
}

const scorerOf = (persona: Persona) => persona.caller?.userId ?? 'matrix-nobody';

const scoreState = async (w: World, p: { applicationId: string }) => ({
  scores: await w.sql(`select * from score where application_id = ? order by id`, [p.applicationId]),
  revisions: await w.sql(
    `select r.* from score_revision r join score s on s.id = r.score_id where s.application_id = ? order by r.id`,
    [p.applicationId],
  ),
});

/** A change of the persona's own score (application of the own Sozialraum): its team lead and the administration. */
const editsOwnScore = <P>(
  value: (w: World, p: P) => unknown,
  committee: 'NOT_FOUND' | 'FORBIDDEN',
): ExpectationTable<P> => ({
  ADMIN: (w, p) => allow(value(w, p)),
  'TEAM_LEAD:own': (w, p) => allow(value(w, p)),
  FINANCE: deny('FORBIDDEN'),
  'REGIONAL_TEAM:own': deny('FORBIDDEN'),
  COMMITTEE: deny(committee),
  'TEAM_LEAD:foreign': deny('NOT_FOUND'),
  'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
  'PROVIDER:own': deny('NOT_FOUND'),
  'PROVIDER:foreign': deny('NOT_FOUND'),
});

interface ScoredApplication {
  needId: string;
  applicationId: string;
  submitted: string;
  draft: string;
}

async function scoredApplication(w: World): Promise<ScoredApplication> {
  const { needId, applicationId } = await freshSubmittedApplication(w);
  return {
    needId,
    applicationId,
    submitted: await freshScore(w, applicationId, 'matrix-scorer-1', { submitted: true, basisPoints: 8125 }),
    draft: await freshScore(w, applicationId, 'matrix-scorer-2'),
  };
}

export const cases: AuthorizationCase[] = [
  {
    title:
      'score: the office of the Sozialraum reads it with the sheet, the committee the figures only, providers never',
    covers: [
      'Query.score',
      'Score.application',
      'Score.criteriaVersion',
      'Score.revisions',
      'Score.viewerCan',
    ],
    prepare: scoredApplication,
    document: `query($id: UUID!) {
      score(id: $id) {
        id data weightedScore application { id } criteriaVersion { id }
        revisions { number weightedScore data } viewerCan { readData saveDraft submit }
      }
    }`,
    variables: (_w, p: ScoredApplication) => ({ id: p.submitted }),
    pick: (data) =>
      data.score && {
        id: data.score.id,
        sheet: data.score.data !== null,
        weightedScore: data.score.weightedScore,
        application: data.score.application.id,
        criteriaVersion: !!data.score.criteriaVersion.id,
        revisions: data.score.revisions.map((r: any) => [r.number, r.weightedScore, r.data !== null]),
        viewerCan: data.score.viewerCan,
      },
    expect: (() => {
      const seen = (sheet: boolean) => (_w: World, p: ScoredApplication) =>
        allow({
          id: p.submitted,
          sheet,
          weightedScore: 81.25,
          application: p.applicationId,
          criteriaVersion: true,
          revisions: [[1, 81.25, sheet]],
          viewerCan: { readData: sheet, saveDraft: false, submit: false },
        });
      const table: ExpectationTable<ScoredApplication> = {
        ADMIN: seen(true),
        FINANCE: seen(true),
        'TEAM_LEAD:own': seen(true),
        'REGIONAL_TEAM:own': seen(true),
        COMMITTEE: seen(false),
        'TEAM_LEAD:foreign': deny('NOT_FOUND'),
        'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
        'PROVIDER:own': deny('NOT_FOUND'),
        'PROVIDER:foreign': deny('NOT_FOUND'),
      };
      return table;
    })(),
  },
  {
    title: 'score: a draft is for the office of the Sozialraum only (not the committee)',
    covers: ['Query.score'],
    prepare: scoredApplication,
    document: 'query($id: UUID!) { score(id: $id) { id weightedScore } }',
    variables: (_w, p: ScoredApplication) => ({ id: p.draft }),
    expect: {
      ADMIN: (_w, p: ScoredApplication) => allow({ id: p.draft, weightedScore: null }),
      FINANCE: (_w, p: ScoredApplication) => allow({ id: p.draft, weightedScore: null }),
      'TEAM_LEAD:own': (_w, p: ScoredApplication) => allow({ id: p.draft, weightedScore: null }),
      'REGIONAL_TEAM:own': (_w, p: ScoredApplication) => allow({ id: p.draft, weightedScore: null }),
      COMMITTEE: deny('NOT_FOUND'),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      'PROVIDER:own': deny('NOT_FOUND'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
  },
  {
    title:
      'Application.scores: never for providers (not of their own application); the committee no drafts and no sheet',
    covers: ['Application.scores'],
    prepare: scoredApplication,
    document: 'query($id: UUID!) { application(id: $id) { scores { id data } viewerCan { score } } }',
    variables: (_w, p: ScoredApplication) => ({ id: p.applicationId }),
    pick: (data) =>
      data.application && {
        scores: sorted(data.application.scores.map((s: any) => `${s.id}:${s.data !== null}`)),
        score: data.application.viewerCan.score,
      },
    expect: (() => {
      const both = (score: boolean) => (_w: World, p: ScoredApplication) =>
        allow({ scores: sorted([`${p.submitted}:true`, `${p.draft}:true`]), score });
      const table: ExpectationTable<ScoredApplication> = {
        ADMIN: both(true),
        'TEAM_LEAD:own': both(true),
        FINANCE: both(false),
        'REGIONAL_TEAM:own': both(false),
        COMMITTEE: (_w, p) => allow({ scores: [`${p.submitted}:false`], score: false }),
        'PROVIDER:own': allow({ scores: [], score: false }),
        'TEAM_LEAD:foreign': deny('NOT_FOUND'),
        'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
        'PROVIDER:foreign': deny('NOT_FOUND'),
      };
      return table;
    })(),
  },
  {
    title:
      'applicationRanking: the office of the Sozialraum and the committee (without amounts); providers never',
    covers: ['Query.applicationRanking', 'ApplicationRankingEntry.application'],
    prepare: scoredApplication,
    document: `query($needId: UUID!) {
      applicationRanking(needId: $needId) { application { id } requestedAmount averageWeightedScore scoreCount rank }
    }`,
    variables: (_w, p: ScoredApplication) => ({ needId: p.needId }),
    expect: (() => {
      const entry = (requestedAmount: number | null) => (_w: World, p: ScoredApplication) =>
        allow([
          {
            application: { id: p.applicationId },
            requestedAmount,
            averageWeightedScore: 81.25,
            scoreCount: 1,
            rank: 1,
          },
        ]);
      const table: ExpectationTable<ScoredApplication> = {
        ADMIN: entry(250_000),
        FINANCE: entry(250_000),
        'TEAM_LEAD:own': entry(250_000),
        'REGIONAL_TEAM:own': entry(250_000),
        COMMITTEE: entry(null),
        'TEAM_LEAD:foreign': deny('NOT_FOUND'),
        'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
        'PROVIDER:own': deny('NOT_FOUND'),
        'PROVIDER:foreign': deny('NOT_FOUND'),
      };
      return table;
    })(),
  },
  {
    title: 'startScore is for the team lead of the need’s Sozialraum and the administration',
    covers: ['Mutation.startScore'],
    prepare: (w) => freshSubmittedApplication(w),
    document:
      'mutation($input: StartScoreInput!) { startScore(input: $input) { submittedAt weightedScore } }',
    variables: (_w, p) => ({ input: { applicationId: p.applicationId } }),
    expect: {
      ADMIN: allow({ submittedAt: null, weightedScore: null }),
      'TEAM_LEAD:own': allow({ submittedAt: null, weightedScore: null }),
      FINANCE: deny('FORBIDDEN'),
      'REGIONAL_TEAM:own': deny('FORBIDDEN'),
      COMMITTEE: deny('FORBIDDEN'),
      'PROVIDER:own': deny('FORBIDDEN'),
      'TEAM_LEAD:foreign': deny('NOT_FOUND'),
      'REGIONAL_TEAM:foreign': deny('NOT_FOUND'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
    state: scoreState,
  },
  {
    title: 'saveScoreDraft is for the scorer only (team lead of the Sozialraum or administration)',
    covers: ['Mutation.saveScoreDraft'],
    prepare: async (w, persona) => {
      const { applicationId } = await freshSubmittedApplication(w);
      return { applicationId, id: await freshScore(w, applicationId, scorerOf(persona)) };
    },
    document: 'mutation($input: SaveScoreDraftInput!) { saveScoreDraft(input: $input) { id revision } }',
    variables: (_w, p) => ({ input: { id: p.id, revision: 1, data: { notes: 'Neu' } } }),
    expect: editsOwnScore((_w, p: { id: string }) => ({ id: p.id, revision: 2 }), 'NOT_FOUND'),
    state: scoreState,
  },
  {
    title: 'submitScore is for the scorer only (team lead of the Sozialraum or administration)',
    covers: ['Mutation.submitScore', 'SubmitScorePayload.score', 'SubmitScorePayload.errors'],
    prepare: async (w, persona) => {
      const { applicationId } = await freshSubmittedApplication(w);
      return {
        applicationId,
        id: await freshScore(w, applicationId, scorerOf(persona), { data: sampleDataOf('criteria') }),
      };
    },
    document: `mutation($input: SubmitScoreInput!) {
      submitScore(input: $input) { errors { path } errorCount score { id revisions { number } } }
    }`,
    variables: (_w, p) => ({ input: { id: p.id, revision: 1 } }),
    expect: editsOwnScore(
      (_w, p: { id: string }) => ({
        errors: [],
        errorCount: 0,
        score: { id: p.id, revisions: [{ number: 1 }] },
      }),
      'NOT_FOUND',
    ),
    state: scoreState,
  },
];
