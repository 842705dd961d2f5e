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
import { ApplicationState, type ProcessRole, transitionsFrom } from '../../../process-logic/index.js';
import { Application } from '../applications/application.entity.js';
import { applicationScopeOf, visibleApplications } from '../applications/application.policy.js';
import { runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { BadUserInput, Forbidden, NotFound } from '../common/errors.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { rolesAllowed } from '../needs/need.service.js';
import { isIsoDate } from './budget-split.js';
import { ApplicationDecision } from './decision.entity.js';
import { ApproveApplicationInput, RejectApplicationInput } from './decision.inputs.js';
import { decisionPolicy, isOffice } from './decision.policy.js';
import {
  approveApplication,
  budgetCheck,
  MAX_PERIOD_YEARS,
  MAX_PERIOD_YEARS_MESSAGE,
  rejectApplication,
} from './decision.service.js';

@ObjectType({ description: 'Ein Haushaltsjahr der Budgetprüfung (alle Beträge in Cent).' })
export class BudgetCheckYear {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Sozialraumbudget des Jahres; leer: keines gebucht (zählt als 0) bzw. kreisweit.',
  })
  allocation!: number | null;

  @Field(() => Float, {
    description:
      'Bisher gebunden (Bescheide) und bewilligt ohne Bescheid (andere Interessensbekundungen des Sozialraums).',
  })
  approvedSoFar!: number;

  @Field(() => Float, { description: 'Anteil dieses Betrags an dem Jahr.' })
  amount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Verbleibend nach dieser Bewilligung; leer: kreisweit.',
  })
  remaining!: number | null;

  @Field(() => Boolean, { description: 'Die Bewilligung überschreitet das Sozialraumbudget.' })
  exceeds!: boolean;
}

const APPLICATION_POPULATE = ['call.need.socialArea', 'provider'] as const;

/** Decisions (approve / reject) and the budget check. */
@Resolver(() => ApplicationDecision)
export class ApplicationDecisionResolver {
  @Query(() => [Application], {
    description:
      'Eingereichte Interessensbekundungen, über die noch zu entscheiden ist, in der Sicht der angemeldeten Person (nur Verwaltung).',
  })
  applicationsAwaitingDecision(@Ctx() context: GraphQLContext): Promise<Application[]> {
    const caller = requireCaller(context);
    if (!isOffice(caller)) throw Forbidden();
    return context.em.find(
      Application,
      { $and: [{ state: ApplicationState.SUBMITTED }, visibleApplications(caller)] },
      { populate: APPLICATION_POPULATE, orderBy: { submittedAt: 'asc', id: 'asc' }, limit: 500 },
    );
  }

  @Query(() => [BudgetCheckYear], {
    description:
      'Budgetprüfung eines vorgeschlagenen Betrags (Cent) und Zeitraums für eine Interessensbekundung, je Haushaltsjahr (nach Tagen aufgeteilt, Rest im letzten Jahr).',
  })
  async budgetCheck(
    @Arg('applicationId', () => UUIDScalar) applicationId: string,
    @Arg('amount', () => Float) amount: number,
    @Arg('periodStart', () => String) periodStart: string,
    @Arg('periodEnd', () => String) periodEnd: string,
    @Ctx() context: GraphQLContext,
  ): Promise<BudgetCheckYear[]> {
    const caller = requireCaller(context);
    const application = await context.em.findOne(
      Application,
      { $and: [{ id: applicationId }, visibleApplications(caller)] },
      { populate: APPLICATION_POPULATE },
    );
    if (!application) throw NotFound('Die Interessensbekundung');
    const scope = applicationScopeOf(application);
    if (!can(decisionPolicy, caller, 'readBudget', scope)) throw Forbidden();
    const fields: { argument: string; message: string }[] = [];
    if (!Number.isSafeInteger(amount) || amount < 0)
      fields.push({ argument: 'amount', message: 'Der Betrag wird in ganzen Cent ab 0 angegeben.' });
    if (!isIsoDate(periodStart))
      fields.push({ argument: 'periodStart', message: 'Der Beginn ist ungültig.' });
    if (!isIsoDate(periodEnd)) fields.push({ argument: 'periodEnd', message: 'Das Ende ist ungültig.' });
    else if (isIsoDate(periodStart) && periodStart > periodEnd)
      fields.push({ argument: 'periodEnd', message: 'Das Ende darf nicht vor dem Beginn liegen.' });
    else if (
      isIsoDate(periodStart) &&
      Number(periodEnd.slice(0, 4)) - Number(periodStart.slice(0, 4)) + 1 > MAX_PERIOD_YEARS
    )
      fields.push({ argument: 'periodEnd', message: MAX_PERIOD_YEARS_MESSAGE });
    if (fields.length > 0) throw BadUserInput(fields.map((field) => field.message).join(' '), { fields });
    return budgetCheck(
      (query, params = []) => context.em.getConnection().execute(query, [...params]),
      scope.socialAreaId,
      application.id,
      amount,
      periodStart,
      periodEnd,
    );
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Bewilligter Betrag in Cent; leer bei Ablehnung.',
  })
  approvedAmount(@Root() decision: ApplicationDecision): number | null {
    return decision.approvedAmount ?? null;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Nur § 77: Fachleistungsstunden.' })
  feeHours(@Root() decision: ApplicationDecision): number | null {
    return decision.feeHours == null ? null : Number(decision.feeHours);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Nur § 77: Stundensatz in Cent.' })
  hourlyRate(@Root() decision: ApplicationDecision): number | null {
    return decision.hourlyRate ?? null;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Die Bewilligung überschritt das Verbleibende der Zuweisung (Warnung); leer für Träger.',
  })
  budgetWarning(@Root() decision: ApplicationDecision, @Ctx() context: GraphQLContext): boolean | null {
    return can(decisionPolicy, context.caller, 'readBudget', applicationScopeOf(decision.application))
      ? decision.budgetWarning
      : null;
  }

  @FieldResolver(() => Application, { description: 'Die Interessensbekundung, über die entschieden wurde.' })
  application(@Root() decision: ApplicationDecision): Application {
    return decision.application;
  }

  @Mutation(() => ApplicationDecision, {
    description:
      'Bewilligt eine eingereichte Interessensbekundung (Regionalteam): Betrag, Zeitraum, Finanzierungsart, bei § 77 Stunden und Stundensatz, Begründung.',
  })
  approveApplication(
    @Arg('input', () => ApproveApplicationInput) input: ApproveApplicationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ApplicationDecision> {
    return runCommand(context, 'approveApplication', (cmd) => approveApplication(cmd, input));
  }

  @Mutation(() => ApplicationDecision, {
    description: 'Lehnt eine eingereichte Interessensbekundung mit Begründung ab (Regionalteam).',
  })
  rejectApplication(
    @Arg('input', () => RejectApplicationInput) input: RejectApplicationInput,
    @Ctx() context: GraphQLContext,
  ): Promise<ApplicationDecision> {
    return runCommand(context, 'rejectApplication', (cmd) => rejectApplication(cmd, input));
  }
}

/** The decision fields of an application. */
@Resolver(() => Application)
export class ApplicationDecisionFieldsResolver {
  @FieldResolver(() => ApplicationDecision, {
    nullable: true,
    description: 'Die Entscheidung des Regionalteams; leer, solange nicht entschieden ist.',
  })
  async decision(
    @Root() application: Application,
    @Ctx() context: GraphQLContext,
  ): Promise<ApplicationDecision | null> {
    if (!can(decisionPolicy, context.caller, 'read', applicationScopeOf(application))) return null;
    const decision = await context.em.findOne(ApplicationDecision, { application: application.id });
    if (decision) decision.application = application;
    return decision;
  }

  @FieldResolver(() => Boolean, {
    description: 'Ob die angemeldete Person jetzt bewilligen bzw. ablehnen darf (Regionalteam).',
  })
  viewerCanDecide(@Root() application: Application, @Ctx() context: GraphQLContext): boolean {
    const roles = rolesAllowed(
      decisionPolicy,
      context.caller,
      'decide',
      applicationScopeOf(application),
    ) as ProcessRole[];
    const actions = transitionsFrom('application', application.state, roles).map((t) => t.action);
    return actions.includes('approve') && actions.includes('reject');
  }
}
