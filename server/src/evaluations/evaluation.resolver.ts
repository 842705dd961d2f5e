import { IsOptional } from 'class-validator';
import { GraphQLJSON } from 'graphql-scalars';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  Float,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { EvaluationState, type ProcessRole, transitionsFrom } from '../../../process-logic/index.js';
import { runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { Forbidden, NotFound } from '../common/errors.js';
import { FieldErrorsPayload } from '../common/field-error.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { FormVersion } from '../forms/form-version.entity.js';
import { todayIso } from './evaluation-schedule.js';
import { rolesAllowed } from '../needs/need.service.js';
import { Offer } from '../offers/offer.entity.js';
import {
  Evaluation,
  EvaluationFact,
  EvaluationGoalFact,
  EvaluationRevision,
  OfferGoalRevision,
} from './evaluation.entity.js';
import {
  AcceptEvaluationInput,
  AdjustOfferGoalsInput,
  RequestEvaluationChangesInput,
  SaveEvaluationDraftInput,
  SubmitEvaluationInput,
} from './evaluation.inputs.js';
import {
  evaluationPolicy,
  evaluationScopeOf,
  evaluationScopeOfOffer,
  OPEN_EVALUATION_STATES,
  OVERDUE_LIST_ROLES,
  visibleEvaluations,
} from './evaluation.policy.js';
import {
  acceptEvaluation,
  adjustOfferGoals,
  dataOrPrefill,
  EVALUATION_POPULATE,
  requestEvaluationChanges,
  saveEvaluationDraft,
  submitEvaluation,
} from './evaluation.service.js';

@ObjectType({ description: 'Was die angemeldete Person mit dieser Evaluation jetzt tun darf.' })
export class EvaluationViewerCan {
  @Field(() => Boolean, { description: 'Den Inhalt (Evaluationsbogen, Kommentare) lesen.' })
  readData!: boolean;

  @Field(() => Boolean, { description: 'Den Entwurf speichern.' })
  saveDraft!: boolean;

  @Field(() => Boolean, { description: 'Einreichen bzw. erneut einreichen.' })
  submit!: boolean;

  @Field(() => Boolean, { description: 'Annehmen.' })
  accept!: boolean;

  @Field(() => Boolean, { description: 'Änderungen anfordern.' })
  requestChanges!: boolean;
}

@ObjectType({ description: 'Ein Ziel eines Angebots.' })
export class OfferGoalItem {
  @Field(() => String, { description: 'Ziel.' })
  goal!: string;

  @Field(() => String, { description: 'Indikator der Zielerreichung.' })
  indicator!: string;

  @Field(() => String, { description: 'Zielwert.' })
  targetValue!: string;
}

@ObjectType({
  description: 'Entweder die eingereichte Evaluation oder Feldfehler (dann wurde nichts gespeichert).',
})
export class SubmitEvaluationPayload extends FieldErrorsPayload {
  @Field(() => Evaluation, { nullable: true })
  evaluation!: Evaluation | null;
}

@InputType({ description: 'Filter der Evaluationen; weggelassene Felder filtern nicht.' })
export class EvaluationFilter {
  @Field(() => UUIDScalar, { nullable: true })
  offerId?: string | null;

  @Field(() => [EvaluationState], { nullable: true })
  @IsOptional()
  states?: EvaluationState[] | null;
}

const readsData = (context: GraphQLContext, evaluation: Evaluation) =>
  can(evaluationPolicy, context.caller, 'readData', evaluationScopeOf(evaluation));

const LIST_LIMIT = 500;
const LIST_ORDER = { dueDate: 'asc', periodNumber: 'asc', id: 'asc' } as const;

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Query(() => Evaluation, { description: 'Eine Evaluation; außerhalb der eigenen Sicht: NOT_FOUND.' })
  async evaluation(
    @Arg('id', () => UUIDScalar) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<Evaluation> {
    const caller = requireCaller(context);
    const evaluation = await context.em.findOne(
      Evaluation,
      { $and: [{ id }, visibleEvaluations(caller)] },
      { populate: EVALUATION_POPULATE },
    );
    if (!evaluation) throw NotFound('Die Evaluation');
    return evaluation;
  }

  @Query(() => [Evaluation], {
    description:
      'Die Evaluationen, die die angemeldete Person sehen darf (Träger: nur die eigenen), nach Fälligkeit.',
  })
  evaluations(
    @Arg('filter', () => EvaluationFilter, { nullable: true }) filter: EvaluationFilter | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Evaluation[]> {
    const caller = requireCaller(context);
    const conditions: object[] = [visibleEvaluations(caller)];
    if (filter?.offerId) conditions.push({ offer: filter.offerId });
    if (filter?.states?.length) conditions.push({ state: { $in: filter.states } });
    return context.em.find(
      Evaluation,
      { $and: conditions },
      { populate: EVALUATION_POPULATE, orderBy: LIST_ORDER, limit: LIST_LIMIT },
    );
  }

  @Query(() => [Evaluation], {
    description: 'Eingereichte Evaluationen, die auf die Auswertung warten (in der eigenen Sicht).',
  })
  evaluationsAwaitingReview(@Ctx() context: GraphQLContext): Promise<Evaluation[]> {
    const caller = requireCaller(context);
    return context.em.find(
      Evaluation,
      { $and: [visibleEvaluations(caller), { state: EvaluationState.SUBMITTED }] },
      { populate: EVALUATION_POPULATE, orderBy: { submittedAt: 'asc', id: 'asc' }, limit: LIST_LIMIT },
    );
  }

  @Query(() => [Evaluation], {
    description:
      'Überfällige Evaluationen (Fälligkeit vorbei, nicht eingereicht): Teamleitung für ihre Sozialräume, Finanzen und Administration alle.',
  })
  overdueEvaluations(@Ctx() context: GraphQLContext): Promise<Evaluation[]> {
    const caller = requireCaller(context);
    const roles = caller.roles.filter((role) => OVERDUE_LIST_ROLES.includes(role));
    if (roles.length === 0) throw Forbidden();
    return context.em.find(
      Evaluation,
      {
        $and: [
          visibleEvaluations({ ...caller, roles }),
          { dueDate: { $lt: todayIso() }, state: { $in: [...OPEN_EVALUATION_STATES] } },
        ],
      },
      { populate: EVALUATION_POPULATE, orderBy: LIST_ORDER, limit: LIST_LIMIT },
    );
  }

  @FieldResolver(() => Offer, { description: 'Das Angebot.' })
  offer(@Root() evaluation: Evaluation): Offer {
    return evaluation.offer;
  }

  @FieldResolver(() => FormVersion, {
    description: 'Die Fassung des Evaluationsbogens, an die die Evaluation gebunden ist.',
  })
  async formVersion(@Root() evaluation: Evaluation, @Ctx() context: GraphQLContext): Promise<FormVersion> {
    const version = await context.loaders.versionById.load(evaluation.formVersionId);
    if (!version) throw new Error(`form version ${evaluation.formVersionId} is missing`);
    return version;
  }

  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description:
      'Der Evaluationsbogen in der Arbeitsfassung; solange nichts gespeichert ist, vorbelegt mit Titel, Berichtszeitraum und den aktuellen Zielen des Angebots. Leer ohne `viewerCan.readData`.',
  })
  async data(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
  ): Promise<Record<string, unknown> | null> {
    if (!readsData(context, evaluation)) return null;
    return dataOrPrefill(context.em, evaluation);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Der Kommentar der letzten Änderungsanforderung; leer ohne `viewerCan.readData`.',
  })
  changeRequestComment(@Root() evaluation: Evaluation, @Ctx() context: GraphQLContext): string | null {
    return readsData(context, evaluation) ? (evaluation.changeRequestComment ?? null) : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Ob die Fälligkeit vorbei ist und die Evaluation noch nicht eingereicht wurde.',
  })
  overdue(@Root() evaluation: Evaluation): boolean {
    return OPEN_EVALUATION_STATES.includes(evaluation.state) && evaluation.dueDate < todayIso();
  }

  @FieldResolver(() => [EvaluationRevision], {
    description: 'Die eingereichten Fassungen, die erste zuerst.',
  })
  async revisions(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
  ): Promise<EvaluationRevision[]> {
    const revisions = await context.em.find(
      EvaluationRevision,
      { evaluation: evaluation.id },
      { orderBy: { number: 'asc' } },
    );
    for (const revision of revisions) revision.evaluation = evaluation;
    return revisions;
  }

  @FieldResolver(() => EvaluationFact, {
    nullable: true,
    description: 'Die Kennzahlen (nur angenommene Evaluationen).',
  })
  async fact(@Root() evaluation: Evaluation, @Ctx() context: GraphQLContext): Promise<EvaluationFact | null> {
    return context.em.findOne(EvaluationFact, { evaluation: evaluation.id });
  }

  @FieldResolver(() => [EvaluationGoalFact], {
    description: 'Die Zielerreichung je Ziel (nur angenommene Evaluationen).',
  })
  async goalFacts(
    @Root() evaluation: Evaluation,
    @Ctx() context: GraphQLContext,
  ): Promise<EvaluationGoalFact[]> {
    const facts = await context.em.find(
      EvaluationGoalFact,
      { evaluation: evaluation.id },
      { orderBy: { goalIndex: 'asc' } },
    );
    for (const fact of facts) fact.evaluation = evaluation;
    return facts;
  }

  @FieldResolver(() => EvaluationViewerCan)
  viewerCan(@Root() evaluation: Evaluation, @Ctx() context: GraphQLContext): EvaluationViewerCan {
    const scope = evaluationScopeOf(evaluation);
    const actions = (policyAction: 'edit' | 'review') =>
      new Set(
        transitionsFrom(
          'evaluation',
          evaluation.state,
          rolesAllowed(evaluationPolicy, context.caller, policyAction, scope) as ProcessRole[],
        ).map((transition) => transition.action),
      );
    const edit = actions('edit');
    const review = actions('review');
    return {
      readData: readsData(context, evaluation),
      saveDraft: edit.has('saveDraft'),
      submit: edit.has('submit') || edit.has('resubmit'),
      accept: review.has('accept'),
      requestChanges: review.has('requestChanges'),
    };
  }

  @Mutation(() => Evaluation, {
    description: 'Speichert den Entwurf einer Evaluation (Träger; optimistische Sperre über revision).',
  })
  saveEvaluationDraft(
    @Arg('input', () => SaveEvaluationDraftInput) input: SaveEvaluationDraftInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Evaluation> {
    return runCommand(context, 'saveEvaluationDraft', (cmd) => saveEvaluationDraft(cmd, context, input));
  }

  @Mutation(() => SubmitEvaluationPayload, {
    description:
      'Reicht eine Evaluation ein bzw. nach einer Änderungsanforderung erneut; prüft den Bogen gegen seine Fassung und legt eine neue Fassung an.',
  })
  submitEvaluation(
    @Arg('input', () => SubmitEvaluationInput) input: SubmitEvaluationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SubmitEvaluationPayload> {
    return runCommand(context, 'submitEvaluation', (cmd) => submitEvaluation(cmd, context, input));
  }

  @Mutation(() => Evaluation, {
    description: 'Nimmt eine eingereichte Evaluation an (Teamleitung) und hält ihre Kennzahlen fest.',
  })
  acceptEvaluation(
    @Arg('input', () => AcceptEvaluationInput) input: AcceptEvaluationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Evaluation> {
    return runCommand(context, 'acceptEvaluation', (cmd) => acceptEvaluation(cmd, input));
  }

  @Mutation(() => Evaluation, {
    description: 'Fordert Änderungen an einer eingereichten Evaluation an (Teamleitung).',
  })
  requestEvaluationChanges(
    @Arg('input', () => RequestEvaluationChangesInput) input: RequestEvaluationChangesInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Evaluation> {
    return runCommand(context, 'requestEvaluationChanges', (cmd) => requestEvaluationChanges(cmd, input));
  }
}

@Resolver(() => EvaluationRevision)
export class EvaluationRevisionResolver {
  @FieldResolver(() => GraphQLJSON, {
    nullable: true,
    description: 'Der Evaluationsbogen dieser Fassung; leer ohne Leserecht am Inhalt.',
  })
  data(@Root() revision: EvaluationRevision, @Ctx() context: GraphQLContext): Record<string, unknown> | null {
    return readsData(context, revision.evaluation) ? revision.data : null;
  }
}

@Resolver(() => EvaluationFact)
export class EvaluationFactResolver {
  @FieldResolver(() => Float, { description: 'Geleistete Fachleistungsstunden.' })
  professionalHoursDelivered(@Root() fact: EvaluationFact): number {
    return Number(fact.professionalHoursDelivered);
  }

  @FieldResolver(() => Float, { description: 'Ausgaben im Berichtszeitraum in Cent.' })
  expensesInPeriod(@Root() fact: EvaluationFact): number {
    return fact.expensesInPeriod;
  }
}

@Resolver(() => EvaluationGoalFact)
export class EvaluationGoalFactResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Das Ziel; leer ohne Leserecht am Inhalt.' })
  goal(@Root() fact: EvaluationGoalFact, @Ctx() context: GraphQLContext): string | null {
    return readsData(context, fact.evaluation) ? fact.goal : null;
  }
}

/** Loads what the evaluation policy needs of an offer that came from elsewhere (its need and Sozialraum). */
async function withScope(context: GraphQLContext, offer: Offer): Promise<Offer> {
  await context.em.populate(offer, ['need', 'socialArea', 'provider']);
  return offer;
}

@Resolver(() => OfferGoalRevision)
export class OfferGoalRevisionResolver {
  @FieldResolver(() => [OfferGoalItem], {
    nullable: true,
    description: 'Die Ziele dieser Fassung; leer ohne Leserecht am Inhalt.',
  })
  goals(@Root() revision: OfferGoalRevision, @Ctx() context: GraphQLContext): OfferGoalItem[] | null {
    return can(evaluationPolicy, context.caller, 'readData', evaluationScopeOfOffer(revision.offer))
      ? revision.goals
      : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Die Begründung der Umsteuerung (leer bei Fassung 1 und ohne Leserecht am Inhalt).',
  })
  reason(@Root() revision: OfferGoalRevision, @Ctx() context: GraphQLContext): string | null {
    return can(evaluationPolicy, context.caller, 'readData', evaluationScopeOfOffer(revision.offer))
      ? (revision.reason ?? null)
      : null;
  }
}

/** The evaluation side of an offer: its goal revisions, its evaluations and whether its goals may be adjusted. */
@Resolver(() => Offer)
export class OfferEvaluationsResolver {
  @FieldResolver(() => [OfferGoalRevision], {
    description: 'Die Fassungen der Ziele (1: aus Anlage 1; weitere: Umsteuerung), die erste zuerst.',
  })
  async goalRevisions(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<OfferGoalRevision[]> {
    await withScope(context, offer);
    const revisions = await context.em.find(
      OfferGoalRevision,
      { offer: offer.id },
      { orderBy: { number: 'asc' } },
    );
    for (const revision of revisions) revision.offer = offer;
    return revisions;
  }

  @FieldResolver(() => [Evaluation], { description: 'Die Evaluationen des Angebots, nach Berichtszeitraum.' })
  async evaluations(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<Evaluation[]> {
    const caller = requireCaller(context);
    return context.em.find(
      Evaluation,
      { $and: [{ offer: offer.id }, visibleEvaluations(caller)] },
      { populate: EVALUATION_POPULATE, orderBy: { periodNumber: 'asc' } },
    );
  }

  @FieldResolver(() => Boolean, {
    description: 'Ob die angemeldete Person die Ziele jetzt anpassen darf (Umsteuerung).',
  })
  async canAdjustGoals(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<boolean> {
    await withScope(context, offer);
    const scope = evaluationScopeOfOffer(offer);
    const roles = rolesAllowed(evaluationPolicy, context.caller, 'adjustGoals', scope) as ProcessRole[];
    return transitionsFrom('offer', offer.state, roles).some((t) => t.action === 'adjustGoals');
  }

  @Mutation(() => Offer, {
    description:
      'Passt die Ziele eines laufenden Angebots an (Umsteuerung, Teamleitung des Sozialraums): neue Fassung der Ziele mit Begründung.',
  })
  async adjustOfferGoals(
    @Arg('input', () => AdjustOfferGoalsInput) input: AdjustOfferGoalsInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Offer> {
    return runCommand(context, 'adjustOfferGoals', (cmd) => adjustOfferGoals(cmd, input));
  }
}
