import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { weightedScoreBasisPoints } from '../../server/src/scoring/score.service.js';
import { sampleDataOf } from '../support/factories.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { type GraphQLResponse, startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const areas = { achim: '', verden: '' };
const providers = { a: '', b: '' };
let categoryId = '';
let lead: Caller;
let foreignLead: Caller;
let regionalNorth: Caller;
let regionalSouth: Caller;
let providerA: Caller;
let providerB: Caller;
const admin: Caller = { userId: 'score-admin', displayName: 'Anna Adler', roles: [Role.ADMIN] };
const finance: Caller = { userId: 'score-finance', displayName: 'Frank Fehse', roles: [Role.FINANCE] };
const committee: Caller = { userId: 'score-committee', displayName: 'Greta Gerdes', roles: [Role.COMMITTEE] };

beforeAll(async () => {
  api = await startTestApi();
  const north = await insert('regional_team', { name: 'Bewertung Nord' });
  const south = await insert('regional_team', { name: 'Bewertung Süd' });
  areas.achim = await insert('social_area', { name: 'Bewertung Achim', regional_team_id: north });
  areas.verden = await insert('social_area', { name: 'Bewertung Verden', regional_team_id: south });
  providers.a = await insert('provider', { name: 'Bewertung Träger A' });
  providers.b = await insert('provider', { name: 'Bewertung Träger B' });
  categoryId = await insert('offer_category', { name: 'Bewertung Offenes Angebot', financing_kind: 'GRANT' });
  lead = {
    userId: 'score-lead',
    displayName: 'Tarek Thiel',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.achim],
  };
  foreignLead = {
    userId: 'score-lead-foreign',
    displayName: 'Vera Vogt',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.verden],
  };
  regionalNorth = {
    userId: 'score-rt-n',
    displayName: 'Rita Rolfs',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: north,
  };
  regionalSouth = {
    userId: 'score-rt-s',
    displayName: 'Sven Sander',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: south,
  };
  providerA = {
    userId: 'score-p-a',
    displayName: 'Fachkraft A',
    roles: [Role.PROVIDER],
    providerId: providers.a,
  };
  providerB = {
    userId: 'score-p-b',
    displayName: 'Fachkraft B',
    roles: [Role.PROVIDER],
    providerId: providers.b,
  };
});
afterAll(() => api?.close());

// --- Operations -------------------------------------------------------------------------------------

const NEED_MUTATION = (name: string, inputType: string) =>
  `mutation($input: ${inputType}!) { ${name}(input: $input) { id state revision } }`;
const OPEN_CALL = `mutation($input: OpenCallForInterestInput!) {
  openCallForInterest(input: $input) { id revision callForInterest { id } }
}`;
const CREATE_APPLICATION = `mutation($input: CreateApplicationInput!) { createApplication(input: $input) { id revision } }`;
const SUBMIT_APPLICATION = `mutation($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { errorCount application { id revision } }
}`;
const SCORE_FIELDS = /* GraphQL */ `
  id revision scorerName submittedAt weightedScore data criteriaVersion { id }
  application { id }
  revisions { number weightedScore submittedByName data }
  viewerCan { readData saveDraft submit }
`;
const START = `mutation($input: StartScoreInput!) { startScore(input: $input) { ${SCORE_FIELDS} } }`;
const SAVE = `mutation($input: SaveScoreDraftInput!) { saveScoreDraft(input: $input) { ${SCORE_FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitScoreInput!) {
  submitScore(input: $input) { errors { path message } errorCount score { ${SCORE_FIELDS} } }
}`;
const SCORE = `query($id: UUID!) { score(id: $id) { ${SCORE_FIELDS} } }`;
const APPLICATION_SCORES = `query($id: UUID!) {
  application(id: $id) { id viewerCan { score } scores { id weightedScore data } }
}`;
const RANKING = `query($needId: UUID!) {
  applicationRanking(needId: $needId) {
    application { id provider { id name } } requestedAmount averageWeightedScore scoreCount rank
  }
}`;
const FORM = `query { form(key: "criteria") { published { id } } }`;
const CREATE_DRAFT = `mutation($formKey: String!, $from: UUID) { createDraft(formKey: $formKey, fromVersionId: $from) { id revision schema uischema } }`;
const UPDATE_DRAFT = `mutation($id: UUID!, $schema: JSON!, $uischema: JSON!, $expectedRevision: Int!) {
  updateDraft(id: $id, schema: $schema, uischema: $uischema, expectedRevision: $expectedRevision) { errorCount errors { path message } formVersion { id } }
}`;
const PUBLISH = `mutation($id: UUID!) { publishFormVersion(id: $id) { errorCount errors { path message } formVersion { id } } }`;

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
): Promise<T> {
  const { data, errors } = await api.gql<T>(query, variables, { caller });
  expect(errors).toBeUndefined();
  return data!;
}

const CRITERIA = [
  'needFit',
  'socialAreaOrientation',
  'accessibility',
  'conceptQuality',
  'costEffectiveness',
  'sustainability',
  'caseworkPrevention',
] as const;

/** A complete scoring sheet with the scores in the order of CRITERIA. */
function sheet(scores: number[]): Record<string, unknown> {
  const sample = sampleDataOf('criteria');
  return {
    ...sample,
    scores: Object.fromEntries(CRITERIA.map((key, index) => [key, { score: scores[index] }])),
  };
}

/** Σ(score × weight) / Σ(4 × weight) in basis points, by hand. */
function byHand(scores: number[], weights: number[]): number {
  const achieved = scores.reduce((sum, score, index) => sum + score * weights[index]!, 0);
  const possible = weights.reduce((sum, weight) => sum + 4 * weight, 0);
  return Math.round((achieved / possible) * 10_000);
}

/** Publishes a new version of Anlage 3 with the given weights (ADMIN: createDraft, updateDraft, publish). */
async function publishWeights(weights: number[]): Promise<string> {
  const current = (await ok(FORM, {}, admin)).form.published.id as string;
  const draft = (await ok(CREATE_DRAFT, { formKey: 'criteria', from: current }, admin)).createDraft;
  const schema = structuredClone(draft.schema);
  CRITERIA.forEach((key, index) => {
    schema.properties.scores.properties[key]['x-weight'] = weights[index];
  });
  const updated = (
    await ok(
      UPDATE_DRAFT,
      { id: draft.id, schema, uischema: draft.uischema, expectedRevision: draft.revision },
      admin,
    )
  ).updateDraft;
  expect(updated.errors).toEqual([]);
  const published = (await ok(PUBLISH, { id: draft.id }, admin)).publishFormVersion;
  expect(published.errors).toEqual([]);
  return draft.id;
}

/** A need of `socialAreaId` with an open call (open to all). */
async function openCall(caller: Caller = lead, socialAreaId = areas.achim) {
  const need = (
    await ok(
      NEED_MUTATION('recordNeed', 'RecordNeedInput'),
      {
        input: {
          socialAreaId,
          countyWide: false,
          title: `Bewertung ${randomUUID().slice(0, 6)}`,
          situationDescription: 'Junge Familien ohne Netz vor Ort.',
        },
      },
      caller,
    )
  ).recordNeed;
  const insufficient = (
    await ok(
      NEED_MUTATION('decideNeedResources', 'DecideNeedResourcesInput'),
      { input: { id: need.id, revision: need.revision, covered: false, justification: 'Reicht nicht.' } },
      caller,
    )
  ).decideNeedResources;
  const planned = (
    await ok(
      NEED_MUTATION('decideNeedOffer', 'DecideNeedOfferInput'),
      {
        input: { id: need.id, revision: insufficient.revision, offer: true, justification: 'Angebot nötig.' },
      },
      caller,
    )
  ).decideNeedOffer;
  const opened = (
    await ok(
      OPEN_CALL,
      {
        input: {
          needId: need.id,
          revision: planned.revision,
          deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
          openToAll: true,
          offerCategoryId: categoryId,
        },
      },
      caller,
    )
  ).openCallForInterest;
  return { needId: need.id as string, callId: opened.callForInterest.id as string };
}

/** An application of `provider` for the call (submitted unless told), with the requested amount of Anlage 2. */
async function application(callId: string, provider: Caller, submit = true) {
  const created = (
    await ok(
      CREATE_APPLICATION,
      {
        input: {
          callId,
          offerDescriptionData: sampleDataOf('offer-description'),
          costCalculationData: sampleDataOf('cost-calculation'),
        },
      },
      provider,
    )
  ).createApplication;
  if (!submit) return created as { id: string; revision: number };
  const submitted = (
    await ok(SUBMIT_APPLICATION, { input: { id: created.id, revision: created.revision } }, provider)
  ).submitApplication;
  expect(submitted.errorCount).toBe(0);
  return submitted.application as { id: string; revision: number };
}

async function start(applicationId: string, caller: Caller, data?: Record<string, unknown>) {
  return (await ok(START, { input: { applicationId, data } }, caller)).startScore;
}

/** Starts and submits a score of `caller` with the given scores. */
async function scored(applicationId: string, caller: Caller, scores: number[]) {
  const started = await start(applicationId, caller);
  const submitted = (
    await ok(SUBMIT, { input: { id: started.id, revision: started.revision, data: sheet(scores) } }, caller)
  ).submitScore;
  expect(submitted.errors).toEqual([]);
  return submitted.score;
}

async function snapshot() {
  return {
    scores: await sql('select * from score order by id'),
    revisions: await sql('select * from score_revision order by id'),
    events: (
      await sql<{ n: number }>(`select count(*)::int as n from audit_event where outcome = 'SUCCESS'`)
    )[0]!.n,
  };
}

/** Runs a call that must be refused with `code` (and `reason`) and checks that nothing changed. */
async function refused(run: () => Promise<GraphQLResponse>, code: string, reason?: string) {
  const before = await snapshot();
  const { data, errors } = await run();
  expect(data ?? null).toBeNull();
  expect(errors?.[0]?.extensions?.code).toBe(code);
  if (reason) expect(errors?.[0]?.extensions?.reason).toBe(reason);
  expect(await snapshot()).toEqual(before);
}

const eventsFor = (entityId: string) =>
  sql<{ operation: string; role: string; details: any }>(
    `select * from audit_event where entity_id = ? and outcome = 'SUCCESS' order by id`,
    [entityId],
  );

const DEFAULT_WEIGHTS = [3, 2, 2, 3, 2, 1, 3];

// --- Tests ----------------------------------------------------------------------------------------------

describe('weightedScoreBasisPoints', () => {
  it('is Σ(score × weight) / Σ(max × weight) in basis points, unscored criteria counting 0', () => {
    const schema = {
      properties: {
        a: { 'x-weight': 3, properties: { score: { maximum: 4 } } },
        b: { 'x-weight': 1, properties: { score: { maximum: 4 } } },
      },
    };
    expect(weightedScoreBasisPoints({ a: { score: 4 }, b: { score: 0 } }, schema)).toBe(7500);
    expect(weightedScoreBasisPoints({ a: { score: 1 }, b: { score: 3 } }, schema)).toBe(3750);
    expect(weightedScoreBasisPoints({ a: { score: 2 } }, schema)).toBe(3750);
    // 1/3 → 3333.33… → 3333 (whole basis points, no float drift in the stored figure).
    expect(
      weightedScoreBasisPoints(
        { a: { score: 1 }, b: { score: 1 } },
        {
          properties: { a: schema.properties.a, b: { 'x-weight': 2, properties: { score: { maximum: 1 } } } },
        },
      ),
    ).toBe(Math.round((5 / 14) * 10_000));
  });
});

describe('scoring against Anlage 3 through GraphQL', () => {
  it('scores two competing applications, ranks them, keeps stored scores when the weights change, and corrects as a new revision', async () => {
    const { needId, callId } = await openCall();
    const a = await application(callId, providerA);
    const b = await application(callId, providerB);
    const version1 = (await ok(FORM, {}, admin)).form.published.id as string;

    // The team lead starts its score of A: a draft bound to the version in force, not validated strictly.
    expect((await ok(APPLICATION_SCORES, { id: a.id }, lead)).application.viewerCan.score).toBe(true);
    const started = await start(a.id, lead, { reviewer: 'Tarek Thiel' });
    expect(started.criteriaVersion.id).toBe(version1);
    expect(started.submittedAt).toBeNull();
    expect(started.weightedScore).toBeNull();
    const saved = (
      await ok(
        SAVE,
        { input: { id: started.id, revision: started.revision, data: { reviewer: 'T. Thiel', scores: {} } } },
        lead,
      )
    ).saveScoreDraft;
    expect(saved.revision).toBe(started.revision + 1);
    expect(saved.data).toEqual({ reviewer: 'T. Thiel', scores: {} });

    // An incomplete sheet is refused with field errors and nothing stored.
    const invalid = (await ok(SUBMIT, { input: { id: saved.id, revision: saved.revision } }, lead))
      .submitScore;
    expect(invalid.score).toBeNull();
    expect(invalid.errorCount).toBeGreaterThan(0);
    expect(await sql('select * from score_revision where score_id = ?', [saved.id])).toEqual([]);

    const leadScoresA = [4, 3, 4, 3, 3, 2, 3];
    const submitted = (
      await ok(SUBMIT, { input: { id: saved.id, revision: saved.revision, data: sheet(leadScoresA) } }, lead)
    ).submitScore;
    expect(submitted.errors).toEqual([]);
    expect(byHand(leadScoresA, DEFAULT_WEIGHTS)).toBe(8125);
    expect(submitted.score.weightedScore).toBe(81.25);
    expect(submitted.score.revisions).toEqual([
      expect.objectContaining({ number: 1, weightedScore: 81.25, submittedByName: 'Tarek Thiel' }),
    ]);
    const [stored] = await sql('select weighted_score_basis_points from score_revision where score_id = ?', [
      saved.id,
    ]);
    expect(stored!.weighted_score_basis_points).toBe(8125);

    // A second scorer (the administration) and the lead's score of B.
    const adminScoresA = [3, 3, 3, 3, 3, 3, 3];
    await scored(a.id, admin, adminScoresA);
    const leadScoresB = [2, 2, 1, 2, 3, 1, 2];
    const leadB = await scored(b.id, lead, leadScoresB);
    expect(leadB.weightedScore).toBe(byHand(leadScoresB, DEFAULT_WEIGHTS) / 100);

    // The ranking: A wins (average of two scores), B loses.
    const ranking = (await ok(RANKING, { needId }, regionalNorth)).applicationRanking;
    const averageA = Math.round((8125 + byHand(adminScoresA, DEFAULT_WEIGHTS)) / 2) / 100;
    expect(ranking).toEqual([
      {
        application: { id: a.id, provider: { id: providers.a, name: 'Bewertung Träger A' } },
        requestedAmount: expect.any(Number),
        averageWeightedScore: averageA,
        scoreCount: 2,
        rank: 1,
      },
      {
        application: { id: b.id, provider: { id: providers.b, name: 'Bewertung Träger B' } },
        requestedAmount: expect.any(Number),
        averageWeightedScore: byHand(leadScoresB, DEFAULT_WEIGHTS) / 100,
        scoreCount: 1,
        rank: 2,
      },
    ]);
    const [amountA] = await sql(
      'select requested_amount from application_revision where application_id = ? order by number desc limit 1',
      [a.id],
    );
    expect(ranking[0].requestedAmount).toBe(Number(amountA!.requested_amount));

    // New weights (a newly published Anlage 3) do not change stored scores ...
    const weights2 = [1, 1, 1, 1, 1, 1, 1];
    const version2 = await publishWeights(weights2);
    expect((await ok(SCORE, { id: saved.id }, lead)).score.weightedScore).toBe(81.25);
    expect((await ok(RANKING, { needId }, lead)).applicationRanking).toEqual(ranking);

    // ... a correction stays on the version the score was started with (revision 2; the latest counts) ...
    const current = (await ok(SCORE, { id: saved.id }, lead)).score;
    const correctedScores = [1, 1, 1, 1, 1, 1, 1];
    const corrected = (
      await ok(
        SUBMIT,
        { input: { id: current.id, revision: current.revision, data: sheet(correctedScores) } },
        lead,
      )
    ).submitScore.score;
    expect(corrected.criteriaVersion.id).toBe(version1);
    expect(corrected.revisions.map((r: any) => [r.number, r.weightedScore])).toEqual([
      [1, 81.25],
      [2, 25],
    ]);
    expect(corrected.weightedScore).toBe(25);

    // ... while a score started now is bound to and weighted by the new version; a third weight set too.
    const financeLike = { ...admin, userId: 'score-admin-2', displayName: 'Bernd Bode' };
    const newScores = [4, 3, 4, 3, 3, 2, 3];
    const second = await scored(b.id, financeLike, newScores);
    expect(second.criteriaVersion.id).toBe(version2);
    expect(second.weightedScore).toBe(byHand(newScores, weights2) / 100);
    expect(byHand(newScores, weights2)).toBe(7857);
    const weights3 = [5, 1, 1, 1, 1, 1, 4];
    await publishWeights(weights3);
    const third = await scored(
      b.id,
      { ...admin, userId: 'score-admin-3', displayName: 'Clara Cordes' },
      newScores,
    );
    expect(third.weightedScore).toBe(byHand(newScores, weights3) / 100);
    expect(byHand(newScores, weights3)).toBe(8393);
    expect((await ok(SCORE, { id: second.id }, admin)).score.weightedScore).toBe(78.57);

    // Now B wins: A (25,00 and 75,00 → 50,00) against B (lead, 78,57 and 83,93).
    const after = (await ok(RANKING, { needId }, finance)).applicationRanking;
    expect(after.map((entry: any) => [entry.application.id, entry.rank, entry.scoreCount])).toEqual([
      [b.id, 1, 3],
      [a.id, 2, 2],
    ]);
    const averageB = Math.round((byHand(leadScoresB, DEFAULT_WEIGHTS) + 7857 + 8393) / 3) / 100;
    expect(after[0].averageWeightedScore).toBe(averageB);

    // A submitted revision is immutable in the database.
    await expect(
      sql(`update score_revision set weighted_score_basis_points = 10000 where score_id = ?`, [saved.id]),
    ).rejects.toThrow(/immutable/);
    await expect(sql(`delete from score_revision where score_id = ?`, [saved.id])).rejects.toThrow(
      /immutable/,
    );

    // One audit event per mutation: start, save, submit, submit (the failed submit changed nothing).
    const events = await eventsFor(saved.id);
    expect(events.map((event) => [event.operation, event.role])).toEqual([
      ['startScore', 'TEAM_LEAD'],
      ['saveScoreDraft', 'TEAM_LEAD'],
      ['submitScore', 'TEAM_LEAD'],
      ['submitScore', 'TEAM_LEAD'],
    ]);
    expect(events[2]!.details).toEqual({ after: { revisionNumber: 1, weightedScoreBasisPoints: 8125 } });
    expect(events[3]!.details).toEqual({ after: { revisionNumber: 2, weightedScoreBasisPoints: 2500 } });
  });

  it('ranks ties on the same rank and applications without a score last without a rank', async () => {
    const { needId, callId } = await openCall();
    const a = await application(callId, providerA);
    const b = await application(callId, providerB);
    const scores = [2, 2, 2, 2, 2, 2, 2];
    await scored(a.id, lead, scores);
    await scored(b.id, lead, scores);
    const tied = (await ok(RANKING, { needId }, admin)).applicationRanking;
    expect(tied.map((entry: any) => [entry.averageWeightedScore, entry.rank])).toEqual([
      [50, 1],
      [50, 1],
    ]);
    const { needId: other, callId: otherCall } = await openCall();
    await application(otherCall, providerA);
    expect((await ok(RANKING, { needId: other }, admin)).applicationRanking).toEqual([
      expect.objectContaining({ averageWeightedScore: null, scoreCount: 0, rank: null }),
    ]);
  });

  it('refuses an illegal transition, a wrong role, a foreign Sozialraum, a stale save and another scorer, changing nothing', async () => {
    const { callId } = await openCall();
    const draft = await application(callId, providerA, false);
    const { callId: otherCall } = await openCall();
    const submitted = await application(otherCall, providerA);

    // A draft application is not scored yet.
    await refused(
      () => api.gql(START, { input: { applicationId: draft.id } }, { caller: lead }),
      'CONFLICT',
      'INVALID_TRANSITION',
    );
    // Providers, the Regionalteam, finance and the committee do not score.
    for (const caller of [providerA, regionalNorth, finance, committee]) {
      await refused(
        () => api.gql(START, { input: { applicationId: submitted.id } }, { caller }),
        'FORBIDDEN',
      );
    }
    // The team lead of another Sozialraum does not see the application.
    await refused(
      () => api.gql(START, { input: { applicationId: submitted.id } }, { caller: foreignLead }),
      'NOT_FOUND',
    );

    const score = await start(submitted.id, lead);
    // One live score per scorer and application.
    await refused(
      () => api.gql(START, { input: { applicationId: submitted.id } }, { caller: lead }),
      'CONFLICT',
      'SCORE_EXISTS',
    );
    // Stale save.
    const saved = (
      await ok(SAVE, { input: { id: score.id, revision: score.revision, data: { notes: 'x' } } }, lead)
    ).saveScoreDraft;
    await refused(
      () =>
        api.gql(
          SAVE,
          { input: { id: score.id, revision: score.revision, data: { notes: 'y' } } },
          { caller: lead },
        ),
      'CONFLICT',
      'STALE_REVISION',
    );
    await refused(
      () =>
        api.gql(
          SUBMIT,
          { input: { id: score.id, revision: score.revision, data: sheet([1, 1, 1, 1, 1, 1, 1]) } },
          { caller: lead },
        ),
      'CONFLICT',
      'STALE_REVISION',
    );
    // Only the scorer edits its score: another team lead of the same Sozialraum, the administration.
    const colleague = { ...lead, userId: 'score-lead-2', displayName: 'Kai Kramer' };
    for (const caller of [colleague, admin]) {
      await refused(
        () => api.gql(SAVE, { input: { id: score.id, revision: saved.revision, data: {} } }, { caller }),
        'FORBIDDEN',
      );
    }
    // Providers and the foreign Sozialraum do not see the score at all.
    for (const caller of [providerA, providerB, foreignLead, regionalSouth]) {
      await refused(
        () => api.gql(SAVE, { input: { id: score.id, revision: saved.revision, data: {} } }, { caller }),
        'NOT_FOUND',
      );
    }

    // A withdrawn application is no longer scored.
    const withdrawn = (
      await ok(
        `mutation($input: WithdrawApplicationInput!) { withdrawApplication(input: $input) { id revision } }`,
        { input: { id: submitted.id, revision: submitted.revision } },
        providerA,
      )
    ).withdrawApplication;
    expect(withdrawn.id).toBe(submitted.id);
    await refused(
      () =>
        api.gql(
          SUBMIT,
          { input: { id: score.id, revision: saved.revision, data: sheet([1, 1, 1, 1, 1, 1, 1]) } },
          { caller: lead },
        ),
      'CONFLICT',
      'INVALID_TRANSITION',
    );
  });

  it('shows scores and the ranking to the office, the figures only to the committee, and nothing to providers', async () => {
    const { needId, callId } = await openCall();
    const a = await application(callId, providerA);
    const submittedScore = await scored(a.id, lead, [4, 4, 4, 4, 4, 4, 4]);
    const draftScore = await start(a.id, admin, { notes: 'Entwurf' });

    for (const caller of [providerA, providerB]) {
      for (const id of [submittedScore.id, draftScore.id]) {
        const { data, errors } = await api.gql(SCORE, { id }, { caller });
        expect(data).toBeNull();
        expect(errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      }
      const ranking = await api.gql(RANKING, { needId }, { caller });
      expect(ranking.data).toBeNull();
      expect(ranking.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    // The provider's own application: no scores, no right to score.
    const own = (await ok(APPLICATION_SCORES, { id: a.id }, providerA)).application;
    expect(own).toEqual({ id: a.id, viewerCan: { score: false }, scores: [] });

    for (const caller of [lead, regionalNorth, finance, admin]) {
      const seen = (await ok(APPLICATION_SCORES, { id: a.id }, caller)).application;
      expect(seen.scores.map((s: any) => s.id).sort()).toEqual([submittedScore.id, draftScore.id].sort());
      expect(seen.scores.every((s: any) => s.data !== null)).toBe(true);
      expect((await ok(RANKING, { needId }, caller)).applicationRanking).toHaveLength(1);
    }
    // The committee: no drafts, the weighted figures but not the sheet.
    const forCommittee = (await ok(APPLICATION_SCORES, { id: a.id }, committee)).application;
    expect(forCommittee.scores).toEqual([{ id: submittedScore.id, weightedScore: 100, data: null }]);
    const read = (await ok(SCORE, { id: submittedScore.id }, committee)).score;
    expect(read.data).toBeNull();
    expect(read.revisions).toEqual([expect.objectContaining({ weightedScore: 100, data: null })]);
    expect(read.viewerCan).toEqual({ readData: false, saveDraft: false, submit: false });
    const committeeRanking = (await ok(RANKING, { needId }, committee)).applicationRanking;
    expect(committeeRanking).toEqual([
      expect.objectContaining({ averageWeightedScore: 100, requestedAmount: null, rank: 1 }),
    ]);
    expect(
      (await api.gql(SCORE, { id: draftScore.id }, { caller: committee })).errors?.[0]?.extensions?.code,
    ).toBe('NOT_FOUND');

    // The foreign Sozialraum sees neither.
    for (const caller of [foreignLead, regionalSouth]) {
      expect(
        (await api.gql(SCORE, { id: submittedScore.id }, { caller })).errors?.[0]?.extensions?.code,
      ).toBe('NOT_FOUND');
      expect((await api.gql(RANKING, { needId }, { caller })).errors?.[0]?.extensions?.code).toBe(
        'NOT_FOUND',
      );
    }
    // viewerCan: the scorer edits its own score only.
    expect((await ok(SCORE, { id: submittedScore.id }, lead)).score.viewerCan).toEqual({
      readData: true,
      saveDraft: true,
      submit: true,
    });
    expect((await ok(SCORE, { id: submittedScore.id }, admin)).score.viewerCan).toEqual({
      readData: true,
      saveDraft: false,
      submit: false,
    });
  });
});
