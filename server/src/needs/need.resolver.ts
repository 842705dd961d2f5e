import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
  registerEnumType,
} from 'type-graphql';
import { IsOptional } from 'class-validator';
import DataLoader from 'dataloader';
import { NeedState, type ProcessRole, transitionsFrom } from '../../../process-logic/index.js';
import { runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { NotFound } from '../common/errors.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { masterDataLoaders } from '../master-data/master-data.loaders.js';
import { Provider } from '../master-data/provider.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Offer } from '../offers/offer.entity.js';
import { visibleOffers } from '../offers/offer.policy.js';
import { BodyInvolvementKind, Need, NeedBodyInvolvement, NeedOutcome } from './need.entity.js';
import {
  DecideNeedOfferInput,
  DecideNeedResourcesInput,
  PrioritiseNeedsInput,
  RecordNeedBodyInvolvementInput,
  RecordNeedInput,
  UpdateNeedInput,
} from './need.inputs.js';
import { needPolicy, scopeOf, visibleNeeds } from './need.policy.js';
import {
  decideNeedOffer,
  decideNeedResources,
  prioritiseNeeds,
  recordNeed,
  recordNeedBodyInvolvement,
  rolesAllowed,
  updateNeed,
} from './need.service.js';

@ObjectType({
  description:
    'Was die angemeldete Person mit diesem Bedarf jetzt tun darf (Rolle, Zuständigkeit und Zustand).',
})
export class NeedViewerCan {
  @Field(() => Boolean, { description: 'Kurzbezeichnung und Situationsbeschreibung ändern.' })
  update!: boolean;

  @Field(() => Boolean, {
    description: 'Kontakte, Förderprogramme und fachliche Begründung festhalten (Schritte 4 und 6).',
  })
  planOffer!: boolean;

  @Field(() => Boolean, { description: 'Entscheidung 1 treffen.' })
  decideResources!: boolean;

  @Field(() => Boolean, { description: 'Entscheidung 2 treffen.' })
  decideOffer!: boolean;

  @Field(() => Boolean, { description: 'Die Beteiligung eines Gremiums festhalten.' })
  recordBodyInvolvement!: boolean;

  @Field(() => Boolean, { description: 'In der Priorisierung des Sozialraums verschieben.' })
  prioritise!: boolean;

  @Field(() => Boolean, { description: 'Die Interessensbekundung eröffnen (Aufruf).' })
  openCallForInterest!: boolean;

  @Field(() => Boolean, { description: 'Die Interessensbekundung schließen.' })
  closeCallForInterest!: boolean;
}

export enum NeedTimelineEntryKind {
  RECORDED = 'RECORDED',
  RESOURCES_DECIDED = 'RESOURCES_DECIDED',
  OFFER_DECIDED = 'OFFER_DECIDED',
  BODY_INVOLVED = 'BODY_INVOLVED',
}
registerEnumType(NeedTimelineEntryKind, {
  name: 'NeedTimelineEntryKind',
  description:
    'RECORDED erfasst; RESOURCES_DECIDED Entscheidung 1; OFFER_DECIDED Entscheidung 2; BODY_INVOLVED Beteiligung eines Gremiums.',
});

@ObjectType({
  description: 'Ein Eintrag im Verlauf eines Bedarfs: eine Entscheidung oder die Beteiligung eines Gremiums.',
})
export class NeedTimelineEntry {
  @Field(() => NeedTimelineEntryKind)
  kind!: NeedTimelineEntryKind;

  @Field(() => Date, { description: 'Wann es festgehalten wurde.' })
  at!: Date;

  @Field(() => String, { description: 'Wer es festgehalten bzw. entschieden hat.' })
  byName!: string;

  @Field(() => Boolean, { nullable: true, description: 'Die Ja/Nein-Entscheidung (Entscheidungen 1 und 2).' })
  decision?: boolean | null;

  @Field(() => String, { nullable: true })
  justification?: string | null;

  @Field(() => String, { nullable: true })
  bodyName?: string | null;

  @Field(() => BodyInvolvementKind, { nullable: true })
  involvement?: BodyInvolvementKind | null;

  @Field(() => String, { nullable: true, description: 'Datum der Befassung des Gremiums.' })
  date?: string | null;

  @Field(() => String, { nullable: true, description: 'Ergebnis der Befassung des Gremiums.' })
  outcome?: string | null;

  @Field(() => [Offer], {
    description:
      'Entscheidung 1: die betrachteten laufenden Angebote, soweit die angemeldete Person sie sehen darf; sonst leer.',
  })
  offers!: Offer[];
}

@InputType({ description: 'Filter der Bedarfsliste; weggelassene Felder filtern nicht.' })
export class NeedFilter {
  @Field(() => UUIDScalar, { nullable: true })
  socialAreaId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: nur kreisweite; false: nur die von Sozialräumen.',
  })
  @IsOptional()
  countyWide?: boolean | null;

  @Field(() => [NeedState], { nullable: true })
  @IsOptional()
  states?: NeedState[] | null;

  @Field(() => NeedOutcome, { nullable: true })
  @IsOptional()
  outcome?: NeedOutcome | null;
}

const involvementLoaders = new WeakMap<GraphQLContext, DataLoader<string, NeedBodyInvolvement[]>>();

/** The body involvements of needs, batched per request (a list of needs with their timelines asks once). */
function involvementsOf(context: GraphQLContext): DataLoader<string, NeedBodyInvolvement[]> {
  let loader = involvementLoaders.get(context);
  if (!loader) {
    loader = new DataLoader(async (needIds) => {
      const rows = await context.em.find(
        NeedBodyInvolvement,
        { need: { $in: [...needIds] } },
        { populate: ['body'], orderBy: { createdAt: 'asc', id: 'asc' } },
      );
      return needIds.map((id) => rows.filter((row) => row.need.id === id));
    });
    involvementLoaders.set(context, loader);
  }
  return loader;
}

const offerLoaders = new WeakMap<GraphQLContext, DataLoader<string, Offer | null>>();

/** Offers by id as far as the caller may read them (others: null), batched per request. */
function visibleOfferById(context: GraphQLContext): DataLoader<string, Offer | null> {
  let loader = offerLoaders.get(context);
  if (!loader) {
    const caller = requireCaller(context);
    loader = new DataLoader(async (offerIds) => {
      const rows = await context.em.find(Offer, {
        $and: [{ id: { $in: [...offerIds] } }, visibleOffers(caller)],
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return offerIds.map((id) => byId.get(id) ?? null);
    });
    offerLoaders.set(context, loader);
  }
  return loader;
}

/** The offers considered in decision 1 that the caller may read, in the order they were named. */
async function consideredOffersOf(need: Need, context: GraphQLContext): Promise<Offer[]> {
  if (need.consideredOfferIds.length === 0) return [];
  const offers = await visibleOfferById(context).loadMany(need.consideredOfferIds);
  return offers.filter((offer): offer is Offer => offer instanceof Offer);
}

@Resolver(() => Need)
export class NeedResolver {
  @Query(() => [Need], {
    description:
      'Die Bedarfe, die die angemeldete Person sehen darf: nach Sozialraum, Priorität und Erfassung.',
  })
  async needs(
    @Arg('filter', () => NeedFilter, { nullable: true }) filter: NeedFilter | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Need[]> {
    const caller = requireCaller(context);
    const conditions: object[] = [visibleNeeds(caller)];
    if (filter?.socialAreaId) conditions.push({ socialArea: filter.socialAreaId });
    if (filter?.countyWide != null) conditions.push({ socialArea: filter.countyWide ? null : { $ne: null } });
    if (filter?.states?.length) conditions.push({ state: { $in: filter.states } });
    if (filter?.outcome) conditions.push({ outcome: filter.outcome });
    return context.em.find(
      Need,
      { $and: conditions },
      {
        populate: ['socialArea'],
        orderBy: {
          socialArea: { name: 'asc nulls first' },
          priority: 'asc nulls last',
          createdAt: 'desc',
          id: 'asc',
        },
      },
    );
  }

  @Query(() => Need, { description: 'Ein Bedarf; außerhalb der eigenen Zuständigkeit: NOT_FOUND.' })
  async need(@Arg('id', () => UUIDScalar) id: string, @Ctx() context: GraphQLContext): Promise<Need> {
    const caller = requireCaller(context);
    const need = await context.em.findOne(
      Need,
      { $and: [{ id }, visibleNeeds(caller)] },
      { populate: ['socialArea'] },
    );
    if (!need) throw NotFound('Der Bedarf');
    return need;
  }

  @FieldResolver(() => SocialArea, { nullable: true, description: 'Der Sozialraum; null: kreisweit.' })
  async socialArea(@Root() need: Need, @Ctx() context: GraphQLContext): Promise<SocialArea | null> {
    if (!need.socialArea) return null;
    return context.em.findOne(SocialArea, { id: need.socialArea.id });
  }

  @FieldResolver(() => Boolean, { description: 'Kreisweit statt für einen Sozialraum.' })
  countyWide(@Root() need: Need): boolean {
    return !need.socialArea;
  }

  @FieldResolver(() => [Provider], { description: 'Die in Entscheidung 1 betrachteten Träger.' })
  async consideredProviders(@Root() need: Need, @Ctx() context: GraphQLContext): Promise<Provider[]> {
    const providers = await masterDataLoaders(context).providerById.loadMany(need.consideredProviderIds);
    return providers.filter((provider): provider is Provider => provider instanceof Provider);
  }

  @FieldResolver(() => [Offer], {
    description:
      'Die in Entscheidung 1 betrachteten laufenden Angebote, soweit die angemeldete Person sie sehen darf.',
  })
  consideredRunningOffers(@Root() need: Need, @Ctx() context: GraphQLContext): Promise<Offer[]> {
    return consideredOffersOf(need, context);
  }

  @FieldResolver(() => NeedViewerCan)
  viewerCan(@Root() need: Need, @Ctx() context: GraphQLContext): NeedViewerCan {
    const roles = rolesAllowed(needPolicy, context.caller, 'change', scopeOf(need)) as ProcessRole[];
    const actions = new Set(
      transitionsFrom('need', need.state, roles).map((transition) => transition.action),
    );
    return {
      update: actions.has('edit'),
      planOffer: actions.has('planOffer'),
      decideResources: actions.has('coverByResources') || actions.has('findResourcesInsufficient'),
      decideOffer: actions.has('decideOffer') || actions.has('decideNoOffer'),
      recordBodyInvolvement: actions.has('recordBodyInvolvement'),
      prioritise: actions.has('prioritise'),
      openCallForInterest: actions.has('openForApplications'),
      closeCallForInterest: actions.has('closeApplications'),
    };
  }

  @FieldResolver(() => [NeedTimelineEntry], {
    description: 'Der Verlauf: Erfassung, Entscheidungen und Beteiligung der Gremien, in zeitlicher Folge.',
  })
  async timeline(@Root() need: Need, @Ctx() context: GraphQLContext): Promise<NeedTimelineEntry[]> {
    const entries: NeedTimelineEntry[] = [
      { kind: NeedTimelineEntryKind.RECORDED, at: need.createdAt, byName: need.createdByName, offers: [] },
    ];
    if (need.resourcesDecidedAt) {
      entries.push({
        kind: NeedTimelineEntryKind.RESOURCES_DECIDED,
        at: need.resourcesDecidedAt,
        byName: need.resourcesDecidedByName ?? '',
        decision: need.coveredByResources ?? null,
        justification: need.resourcesJustification ?? null,
        offers: await consideredOffersOf(need, context),
      });
    }
    if (need.offerDecidedAt) {
      entries.push({
        kind: NeedTimelineEntryKind.OFFER_DECIDED,
        at: need.offerDecidedAt,
        byName: need.offerDecidedByName ?? '',
        decision: need.offerWanted ?? null,
        justification: need.offerJustification ?? null,
        offers: [],
      });
    }
    const involvements = await involvementsOf(context).load(need.id);
    for (const involvement of involvements) {
      entries.push({
        kind: NeedTimelineEntryKind.BODY_INVOLVED,
        at: involvement.createdAt,
        byName: involvement.createdByName,
        bodyName: involvement.body.name,
        involvement: involvement.involvement,
        date: involvement.date,
        outcome: involvement.outcome,
        offers: [],
      });
    }
    // Stable: entries recorded at the same moment keep the order of the process.
    return entries
      .map((entry, index) => ({ entry, index }))
      .sort((a, b) => a.entry.at.getTime() - b.entry.at.getTime() || a.index - b.index)
      .map(({ entry }) => entry);
  }

  @Mutation(() => Need, {
    description: 'Erfasst einen Bedarf für einen Sozialraum oder kreisweit (Schritt 1).',
  })
  recordNeed(
    @Arg('input', () => RecordNeedInput) input: RecordNeedInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Need> {
    return runCommand(context, 'recordNeed', (cmd) => recordNeed(cmd, input));
  }

  @Mutation(() => Need, {
    description:
      'Ändert einen Bedarf (optimistische Sperre über revision); Schritte 4 und 6 erst nach Entscheidung 2.',
  })
  updateNeed(
    @Arg('input', () => UpdateNeedInput) input: UpdateNeedInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Need> {
    return runCommand(context, 'updateNeed', (cmd) => updateNeed(cmd, input));
  }

  @Mutation(() => Need, {
    description:
      'Entscheidung 1: Kann der Bedarf mit den Ressourcen im Sozialraum gedeckt werden? (Schritt 2)',
  })
  decideNeedResources(
    @Arg('input', () => DecideNeedResourcesInput) input: DecideNeedResourcesInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Need> {
    return runCommand(context, 'decideNeedResources', (cmd) => decideNeedResources(cmd, input));
  }

  @Mutation(() => Need, {
    description: 'Entscheidung 2: Soll der Bedarf durch ein Angebot gedeckt werden? (Schritt 3)',
  })
  decideNeedOffer(
    @Arg('input', () => DecideNeedOfferInput) input: DecideNeedOfferInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Need> {
    return runCommand(context, 'decideNeedOffer', (cmd) => decideNeedOffer(cmd, input));
  }

  @Mutation(() => Need, { description: 'Hält die Beteiligung eines Gremiums fest (Schritt 5).' })
  recordNeedBodyInvolvement(
    @Arg('input', () => RecordNeedBodyInvolvementInput) input: RecordNeedBodyInvolvementInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Need> {
    return runCommand(context, 'recordNeedBodyInvolvement', (cmd) => recordNeedBodyInvolvement(cmd, input));
  }

  @Mutation(() => [Need], {
    description:
      'Legt die Reihenfolge der offenen Bedarfe eines Sozialraums fest (Schritt 7); die Liste muss alle nennen.',
  })
  prioritiseNeeds(
    @Arg('input', () => PrioritiseNeedsInput) input: PrioritiseNeedsInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Need[]> {
    return runCommand(context, 'prioritiseNeeds', (cmd) => prioritiseNeeds(cmd, input));
  }
}
