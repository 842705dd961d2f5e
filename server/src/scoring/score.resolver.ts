import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { Application } from '../applications/application.entity.js';
import {
  applicationPolicy,
  applicationScopeOf,
  visibleApplications,
} from '../applications/application.policy.js';
import { CallForInterest } from '../applications/call-for-interest.entity.js';
import { runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { NotFound } from '../common/errors.js';
import { FieldErrorsPayload } from '../common/field-error.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { FormVersion } from '../forms/form-version.entity.js';
import { Need } from '../needs/need.entity.js';
import { scopeOf } from '../needs/need.policy.js';
import { Score, ScoreRevision } from './score.entity.js';
import { SaveScoreDraftInput, StartScoreInput, SubmitScoreInput } from './score.inputs.js';
import {
  rankingPolicy,
  SCORABLE_APPLICATION_STATES,
  scorePolicy,
  scoreScopeOf,
  visibleScores,
} from './score.policy.js';
import { percentOf, saveScoreDraft, startScore, submitScore } from './score.service.js';

@ObjectType({ description: 'Was die angemeldete Person mit dieser Bewertung jetzt tun darf.' })
export class ScoreViewerCan {
  @Field(() => Boolean, { description: 'Den Bewertungsbogen (Inhalt) lesen.' })
  readData!: boolean;

  @Field(() => Boolean, { description: 'Den Entwurf speichern.' })
  saveDraft!: boolean;

  @Field(() => Boolean, { description: 'Einreichen bzw. eine Korrektur einreichen.' })
  submit!: boolean;
}

@ObjectType({
  description: 'Entweder die eingereichte Bewertung oder Feldfehler (dann wurde nichts gespeichert).',
})
export class SubmitScorePayload extends FieldErrorsPayload {
  @Field(() => Score, { nullable: true })
  score!: Score | null;
}

@ObjectType({ description: 'Eine Interessensbekundung in der Rangfolge eines Aufrufs.' })
export class ApplicationRankingEntry {
  @Field(() => Application)
  application!: Application;

  @Field(() => Float, {
    nullable: true,
    description: 'Beantragter Betrag der neuesten Fassung in Cent; leer ohne Leserecht am Inhalt.',
  })
  requestedAmount!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Durchschnitt der gewichteten Bewertungen (neueste eingereichte Fassungen) in Prozent; leer ohne Bewertung.',
  })
  averageWeightedScore!: number | null;

  @Field(() => Int, { description: 'Wie viele eingereichte Bewertungen es gibt.' })
  scoreCount!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Rang nach der durchschnittlichen Bewertung (gleiche Werte teilen sich den Rang); leer ohne Bewertung.',
  })
  rank!: number | null;
}

const SCORE_POPULATE = ['application.call.need.socialArea', 'application.provider'] as const;
const readsData = (context: GraphQLContext, score: Score) =>
  can(scorePolicy, context.caller, 'readData', scoreScopeOf(score));

/** The latest submitted revision of each score of the given applications: application id → basis points. */
async function latestScores(
  context: GraphQLContext,
  applicationIds: string[],
): Promise<Map<string, number[]>> {
  const result = new Map<string, number[]>();
  if (applicationIds.length === 0) return result;
  const rows: { application_id: string; basis_points: number }[] = await context.em.getConnection().execute(
    `select distinct on (r.score_id) s.application_id, r.weighted_score_basis_points as basis_points
       from score_revision r join score s on s.id = r.score_id
      where s.application_id = any(?::uuid[])
      order by r.score_id, r.number desc`,
    [`{${applicationIds.join(',')}}`],
  );
  for (const row of rows) {
    const list = result.get(row.application_id) ?? [];
    list.push(row.basis_points);
    result.set(row.application_id, list);
  }
  return result;
}

@Resolver(() => Score)
export class ScoreResolver {
  @Query(() => Score, { description: 'Eine Bewertung; außerhalb der eigenen Sicht: NOT_FOUND.' })
  async score(@Arg('id', () => UUIDScalar) id: string, @Ctx() context: GraphQLContext): Promise<Score> {
    const caller = requireCaller(context);
    const score = await context.em.findOne(
      Score,
      { $and: [{ id }, visibleScores(caller)] },
      { populate: SCORE_POPULATE },
    );
    if (!score) throw NotFound('Die Bewertung');
    return score;
  }

  @Query(() => [ApplicationRankingEntry], {
    description:
      'Die konkurrierenden Interessensbekundungen zum Aufruf eines Bedarfs nebeneinander, nach Bewertung geordnet; für Träger: NOT_FOUND.',
  })
  async applicationRanking(
    @Arg('needId', () => UUIDScalar) needId: string,
    @Ctx() context: GraphQLContext,
  ): Promise<ApplicationRankingEntry[]> {
    const caller = requireCaller(context);
    const need = await context.em.findOne(Need, { id: needId }, { populate: ['socialArea'] });
    if (!need || !can(rankingPolicy, caller, 'read', scopeOf(need))) throw NotFound('Der Bedarf');
    const call = await context.em.findOne(CallForInterest, { need: need.id });
    if (!call) return [];
    const applications = await context.em.find(
      Application,
      {
        $and: [
          { call: call.id, state: { $in: [...SCORABLE_APPLICATION_STATES] } },
          visibleApplications(caller),
        ],
      },
      {
        populate: ['call.need.socialArea', 'provider'],
        orderBy: { createdAt: 'asc', id: 'asc' },
        limit: 50,
      },
    );
    const ids = applications.map((application) => application.id);
    const scores = await latestScores(context, ids);
    const amounts = new Map<string, number>();
    if (ids.length > 0) {
      const rows: { application_id: string; requested_amount: string }[] = await context.em
        .getConnection()
        .execute(
          `select distinct on (application_id) application_id, requested_amount from application_revision
            where application_id = any(?::uuid[]) order by application_id, number desc`,
          [`{${ids.join(',')}}`],
        );
      for (const row of rows) amounts.set(row.application_id, Number(row.requested_amount));
    }
    const entries = applications.map(
      (application): ApplicationRankingEntry & { basisPoints: number | null } => {
        const list = scores.get(application.id) ?? [];
        const basisPoints =
          list.length > 0 ? Math.round(list.reduce((sum, value) => sum + value, 0) / list.length) : null;
        return {
          application,
          requestedAmount: can(applicationPolicy, caller, 'readData', applicationScopeOf(application))
            ? (amounts.get(application.id) ?? null)
            : null,
          averageWeightedScore: basisPoints === null ? null : percentOf(basisPoints),
          scoreCount: list.length,
          rank: null,
          basisPoints,
        };
      },
    );
    entries.sort((a, b) => (b.basisPoints ?? -1) - (a.basisPoints ?? -1));
    entries.forEach((entry, index) => {
      if (entry.basisPoints === null) return;
      const previous = entries[index - 1];
      entry.rank = previous && previous.basisPoints === entry.basisPoints ? previous.rank : index + 1;
    });
    return entries.map(({ basisPoints: _basisPoints, ...entry }) => entry);
  }

  @FieldResolver(() => Application, { description: 'Die bewertete Interessensbekundung.' })
  application(@Root() score: Score): Application {
    return score.application;
  }

  @FieldResolver(() => FormVersion, {
    description: 'Die Fassung der Anlage 3, an die die Bewertung gebunden ist.',
  })
  async criteriaVersion(@Root() score: Score, @Ctx() context: GraphQLContext): Promise<FormVersion> {
    const version = await context.loaders.versionById.load(score.criteriaVersionId);
    if (!version) throw new Error(`form version ${score.criteriaVersionId} is missing`);
    return version;
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'Der Bewertungsbogen in der Arbeitsfassung; leer ohne `viewerCan.readData`.',
  })
  data(@Root() score: Score, @Ctx() context: GraphQLContext): Record<string, unknown> | null {
    return readsData(context, score) ? score.data : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      'Gewichtete Gesamtbewertung der neuesten eingereichten Fassung in Prozent; leer als Entwurf.',
  })
  async weightedScore(@Root() score: Score, @Ctx() context: GraphQLContext): Promise<number | null> {
    const latest = await context.em.findOne(
      ScoreRevision,
      { score: score.id },
      { orderBy: { number: 'desc' } },
    );
    return latest ? percentOf(latest.weightedScoreBasisPoints) : null;
  }

  @FieldResolver(() => [ScoreRevision], { description: 'Die eingereichten Fassungen, die erste zuerst.' })
  async revisions(@Root() score: Score, @Ctx() context: GraphQLContext): Promise<ScoreRevision[]> {
    const revisions = await context.em.find(
      ScoreRevision,
      { score: score.id },
      { orderBy: { number: 'asc' } },
    );
    for (const revision of revisions) revision.score = score;
    return revisions;
  }

  @FieldResolver(() => ScoreViewerCan)
  viewerCan(@Root() score: Score, @Ctx() context: GraphQLContext): ScoreViewerCan {
    const scores =
      can(scorePolicy, context.caller, 'score', scoreScopeOf(score)) &&
      SCORABLE_APPLICATION_STATES.includes(score.application.state);
    return { readData: readsData(context, score), saveDraft: scores, submit: scores };
  }

  @Mutation(() => Score, {
    description:
      'Beginnt die eigene Bewertung einer eingereichten Interessensbekundung (Entwurf, Anlage 3 in der geltenden Fassung).',
  })
  startScore(
    @Arg('input', () => StartScoreInput) input: StartScoreInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Score> {
    return runCommand(context, 'startScore', (cmd) => startScore(cmd, context, input));
  }

  @Mutation(() => Score, {
    description: 'Speichert den Entwurf der eigenen Bewertung (optimistische Sperre über revision).',
  })
  saveScoreDraft(
    @Arg('input', () => SaveScoreDraftInput) input: SaveScoreDraftInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Score> {
    return runCommand(context, 'saveScoreDraft', (cmd) => saveScoreDraft(cmd, input));
  }

  @Mutation(() => SubmitScorePayload, {
    description:
      'Reicht die eigene Bewertung ein (eine Korrektur als neue Fassung); prüft sie gegen ihre Fassung der Anlage 3 und berechnet die gewichtete Bewertung.',
  })
  submitScore(
    @Arg('input', () => SubmitScoreInput) input: SubmitScoreInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SubmitScorePayload> {
    return runCommand(context, 'submitScore', (cmd) => submitScore(cmd, context, input));
  }
}

@Resolver(() => ScoreRevision)
export class ScoreRevisionResolver {
  @FieldResolver(() => Float, { description: 'Gewichtete Gesamtbewertung dieser Fassung in Prozent.' })
  weightedScore(@Root() revision: ScoreRevision): number {
    return percentOf(revision.weightedScoreBasisPoints);
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'Der Bewertungsbogen dieser Fassung; leer ohne Leserecht am Inhalt.',
  })
  data(@Root() revision: ScoreRevision, @Ctx() context: GraphQLContext): Record<string, unknown> | null {
    return readsData(context, revision.score) ? revision.data : null;
  }
}

@Resolver(() => Application)
export class ApplicationScoresResolver {
  @FieldResolver(() => [Score], {
    description: 'Die Bewertungen (Anlage 3), die die angemeldete Person sehen darf; für Träger immer leer.',
  })
  async scores(@Root() application: Application, @Ctx() context: GraphQLContext): Promise<Score[]> {
    if (!context.caller) return [];
    const scores = await context.em.find(
      Score,
      { $and: [{ application: application.id }, visibleScores(context.caller)] },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit: 20 },
    );
    for (const score of scores) score.application = application;
    return scores;
  }
}
