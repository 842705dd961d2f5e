import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ProcessRole } from '../../../process-logic/index.js';
import { transitionsFrom } from '../../../process-logic/index.js';
import { runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { NotFound } from '../common/errors.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { masterDataLoaders } from '../master-data/master-data.loaders.js';
import { providerPolicy } from '../master-data/master-data.policy.js';
import { FinancingKind, OfferCategory } from '../master-data/offer-category.entity.js';
import { Provider } from '../master-data/provider.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Need } from '../needs/need.entity.js';
import { needPolicy, scopeOf, visibleNeeds } from '../needs/need.policy.js';
import { rolesAllowed } from '../needs/need.service.js';
import { Application } from './application.entity.js';
import { CloseCallForInterestInput, OpenCallForInterestInput } from './application.inputs.js';
import {
  callPolicy,
  callScopeOf,
  isCallOpen,
  LIVE_APPLICATION_STATES,
  visibleApplications,
  visibleCalls,
} from './application.policy.js';
import { closeCallForInterest, openCallForInterest } from './application.service.js';
import { CallForInterest } from './call-for-interest.entity.js';

@ObjectType({ description: 'Was die angemeldete Person mit diesem Aufruf jetzt tun darf.' })
export class CallForInterestViewerCan {
  @Field(() => Boolean, {
    description:
      'Eine Interessensbekundung anlegen (Träger, solange der Aufruf offen ist und der Träger noch keine hat).',
  })
  apply!: boolean;

  @Field(() => Boolean, { description: 'Den Aufruf schließen.' })
  close!: boolean;
}

const CALL_POPULATE = ['need.socialArea', 'offerCategory'] as const;

@Resolver(() => CallForInterest)
export class CallForInterestResolver {
  @Query(() => [CallForInterest], {
    description:
      'Die Aufrufe zur Interessensbekundung, die die angemeldete Person sehen darf; Träger nur die offenen, die sich an ' +
      'alle oder an den eigenen Träger richten. Nach Frist.',
  })
  callsForInterest(@Ctx() context: GraphQLContext): Promise<CallForInterest[]> {
    const caller = requireCaller(context);
    return context.em.find(CallForInterest, visibleCalls(caller), {
      populate: CALL_POPULATE,
      orderBy: { deadline: 'asc', id: 'asc' },
      limit: 200,
    });
  }

  @Query(() => CallForInterest, { description: 'Ein Aufruf; außerhalb der eigenen Sicht: NOT_FOUND.' })
  async callForInterest(
    @Arg('id', () => UUIDScalar) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<CallForInterest> {
    const caller = requireCaller(context);
    const call = await context.em.findOne(
      CallForInterest,
      { $and: [{ id }, visibleCalls(caller)] },
      { populate: CALL_POPULATE },
    );
    if (!call) throw NotFound('Der Aufruf zur Interessensbekundung');
    return call;
  }

  @FieldResolver(() => SocialArea, {
    nullable: true,
    description: 'Der Sozialraum des Bedarfs; null: kreisweit.',
  })
  async socialArea(
    @Root() call: CallForInterest,
    @Ctx() context: GraphQLContext,
  ): Promise<SocialArea | null> {
    const id = call.need.socialArea?.id;
    return id ? context.em.findOne(SocialArea, { id }) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Kreisweit statt für einen Sozialraum.' })
  countyWide(@Root() call: CallForInterest): boolean {
    return !call.need.socialArea;
  }

  @FieldResolver(() => String, { description: 'Die Situationsbeschreibung des Bedarfs.' })
  situationDescription(@Root() call: CallForInterest): string {
    return call.need.situationDescription;
  }

  @FieldResolver(() => OfferCategory, { description: 'Die Angebotskategorie.' })
  async offerCategory(@Root() call: CallForInterest, @Ctx() context: GraphQLContext): Promise<OfferCategory> {
    return context.em.findOneOrFail(OfferCategory, { id: call.offerCategory.id });
  }

  @FieldResolver(() => FinancingKind, { description: 'Die Finanzierungsart (aus der Angebotskategorie).' })
  async financingKind(@Root() call: CallForInterest, @Ctx() context: GraphQLContext): Promise<FinancingKind> {
    return (await this.offerCategory(call, context)).financingKind;
  }

  @FieldResolver(() => Boolean, {
    description: 'Nimmt der Aufruf jetzt Interessensbekundungen an (Serverzeit)?',
  })
  isOpen(@Root() call: CallForInterest): boolean {
    return isCallOpen(call);
  }

  @FieldResolver(() => [Provider], {
    description: 'Die eingeladenen Träger (leer, wenn offen für alle); Träger sehen nur den eigenen.',
  })
  async invitedProviders(@Root() call: CallForInterest, @Ctx() context: GraphQLContext): Promise<Provider[]> {
    const providers = await masterDataLoaders(context).providerById.loadMany(call.invitedProviderIds);
    return providers.filter(
      (provider): provider is Provider =>
        provider instanceof Provider && can(providerPolicy, context.caller, 'read', provider),
    );
  }

  @FieldResolver(() => Need, {
    nullable: true,
    description: 'Der Bedarf (nur für die, die ihn sehen dürfen).',
  })
  need(@Root() call: CallForInterest, @Ctx() context: GraphQLContext): Need | null {
    return can(needPolicy, context.caller, 'read', scopeOf(call.need)) ? call.need : null;
  }

  @FieldResolver(() => [Application], {
    description: 'Die Interessensbekundungen zu diesem Aufruf, die die angemeldete Person sehen darf.',
  })
  applications(@Root() call: CallForInterest, @Ctx() context: GraphQLContext): Promise<Application[]> {
    const caller = requireCaller(context);
    return context.em.find(
      Application,
      { $and: [{ call: call.id }, visibleApplications(caller)] },
      { populate: ['call.need.socialArea', 'provider'], orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  @FieldResolver(() => CallForInterestViewerCan)
  async viewerCan(
    @Root() call: CallForInterest,
    @Ctx() context: GraphQLContext,
  ): Promise<CallForInterestViewerCan> {
    const roles = rolesAllowed(needPolicy, context.caller, 'change', scopeOf(call.need)) as ProcessRole[];
    let apply = can(callPolicy, context.caller, 'apply', callScopeOf(call));
    if (apply) {
      // One live application per Träger and call.
      apply =
        (await context.em.count(Application, {
          call: call.id,
          provider: context.caller!.providerId!,
          state: { $in: [...LIVE_APPLICATION_STATES] },
        })) === 0;
    }
    return {
      apply,
      close: transitionsFrom('need', call.need.state, roles).some((t) => t.action === 'closeApplications'),
    };
  }

  @Mutation(() => Need, {
    description:
      'Eröffnet die Interessensbekundung zu einem Bedarf mit geplantem Angebot (Frist, eingeladene Träger oder alle, Kategorie).',
  })
  openCallForInterest(
    @Arg('input', () => OpenCallForInterestInput) input: OpenCallForInterestInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Need> {
    return runCommand(context, 'openCallForInterest', (cmd) => openCallForInterest(cmd, input));
  }

  @Mutation(() => Need, { description: 'Schließt die Interessensbekundung zu einem Bedarf.' })
  closeCallForInterest(
    @Arg('input', () => CloseCallForInterestInput) input: CloseCallForInterestInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Need> {
    return runCommand(context, 'closeCallForInterest', (cmd) => closeCallForInterest(cmd, input));
  }
}

/** The call for interest of a need, on the need (for those who read the need). */
@Resolver(() => Need)
export class NeedCallForInterestResolver {
  @FieldResolver(() => CallForInterest, {
    nullable: true,
    description: 'Der Aufruf zur Interessensbekundung, wenn eröffnet.',
  })
  async callForInterest(@Root() need: Need, @Ctx() context: GraphQLContext): Promise<CallForInterest | null> {
    const caller = requireCaller(context);
    return context.em.findOne(
      CallForInterest,
      { $and: [{ need: need.id }, { need: visibleNeeds(caller) }] },
      { populate: CALL_POPULATE },
    );
  }
}
