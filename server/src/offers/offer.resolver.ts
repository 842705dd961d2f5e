import {
  Arg,
  Args,
  Ctx,
  Field,
  FieldResolver,
  Float,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Application } from '../applications/application.entity.js';
import { applicationPolicy } from '../applications/application.policy.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { NotFound } from '../common/errors.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { masterDataLoaders } from '../master-data/master-data.loaders.js';
import { providerPolicy } from '../master-data/master-data.policy.js';
import { OfferCategory } from '../master-data/offer-category.entity.js';
import { Provider } from '../master-data/provider.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Need } from '../needs/need.entity.js';
import { needPolicy, type NeedScope } from '../needs/need.policy.js';
import { Offer } from './offer.entity.js';
import { OfferFilter, OfferPageArgs, OfferSort } from './offer.inputs.js';
import { offerLoaders } from './offer.loaders.js';
import { visibleOffers } from './offer.policy.js';
import { todayInVerden } from '../common/local-date.js';
import { findOfferPage } from './offer-query.js';

@ObjectType({ description: 'Was die angemeldete Person zu diesem Angebot sehen darf.' })
export class OfferViewerCan {
  @Field(() => Boolean, { description: 'Den Bedarf lesen, aus dem das Angebot hervorging.' })
  readNeed!: boolean;

  @Field(() => Boolean, { description: 'Die bewilligte Interessensbekundung lesen.' })
  readApplication!: boolean;
}

@ObjectType({ description: 'Eine Seite der Angebotsübersicht.' })
export class OfferPage {
  @Field(() => [Offer])
  nodes!: Offer[];

  @Field(() => Int, { description: 'Wie viele Angebote zum Filter passen (alle Seiten).' })
  totalCount!: number;
}

async function needOf(context: GraphQLContext, offer: Offer): Promise<Need | null> {
  const need = await offerLoaders(context).needById.load(offer.need.id);
  if (!need) return null;
  const scope: NeedScope = {
    socialAreaId: need.socialArea?.id ?? null,
    regionalTeamId: need.socialArea?.regionalTeam?.id ?? null,
    createdBy: need.createdBy,
  };
  return can(needPolicy, context.caller, 'read', scope) ? need : null;
}

async function applicationOf(context: GraphQLContext, offer: Offer): Promise<Application | null> {
  const application = await offerLoaders(context).applicationById.load(offer.application.id);
  if (!application) return null;
  const need = application.call.need;
  const scope = {
    providerId: application.provider.id,
    socialAreaId: need.socialArea?.id ?? null,
    regionalTeamId: need.socialArea?.regionalTeam?.id ?? null,
    createdBy: need.createdBy,
    submitted: !!application.submittedAt,
  };
  return can(applicationPolicy, context.caller, 'read', scope) ? application : null;
}

@Resolver(() => Offer)
export class OfferResolver {
  @Query(() => OfferPage, {
    description:
      'Die Angebotsübersicht: die Angebote, die die angemeldete Person sehen darf (Träger: nur die eigenen), gefiltert und sortiert.',
  })
  async offers(
    @Arg('filter', () => OfferFilter, { nullable: true }) filter: OfferFilter | null,
    @Arg('sort', () => OfferSort, { nullable: true }) sort: OfferSort | null,
    @Args(() => OfferPageArgs) page: OfferPageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<OfferPage> {
    const caller = requireCaller(context);
    const { ids, totalCount } = await findOfferPage(context.em, caller, filter, sort, page);
    const offers = ids.length > 0 ? await context.em.find(Offer, { id: { $in: ids } }) : [];
    const byId = new Map(offers.map((offer) => [offer.id, offer]));
    return { nodes: ids.map((id) => byId.get(id)).filter((offer) => !!offer), totalCount };
  }

  @Query(() => Offer, { description: 'Ein Angebot; außerhalb der eigenen Sicht: NOT_FOUND.' })
  async offer(@Arg('id', () => UUIDScalar) id: string, @Ctx() context: GraphQLContext): Promise<Offer> {
    const caller = requireCaller(context);
    const offer = await context.em.findOne(Offer, { $and: [{ id }, visibleOffers(caller)] });
    if (!offer) throw NotFound('Das Angebot');
    return offer;
  }

  @FieldResolver(() => SocialArea, { nullable: true, description: 'Der Sozialraum; leer: kreisweit.' })
  socialArea(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<SocialArea | null> | null {
    return offer.socialArea ? offerLoaders(context).socialAreaById.load(offer.socialArea.id) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Kreisweites Angebot (keinem Sozialraum zugeordnet).' })
  countyWide(@Root() offer: Offer): boolean {
    return !offer.socialArea;
  }

  @FieldResolver(() => Provider, { nullable: true, description: 'Der Träger, der das Angebot durchführt.' })
  async provider(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<Provider | null> {
    const provider = await masterDataLoaders(context).providerById.load(offer.provider.id);
    return provider && can(providerPolicy, context.caller, 'read', provider) ? provider : null;
  }

  @FieldResolver(() => OfferCategory, { description: 'Die Angebotsart.' })
  async offerCategory(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<OfferCategory> {
    const category = await offerLoaders(context).offerCategoryById.load(offer.offerCategory.id);
    if (!category) throw new Error(`offer category ${offer.offerCategory.id} is missing`);
    return category;
  }

  @FieldResolver(() => Need, {
    nullable: true,
    description:
      'Der Bedarf, aus dem das Angebot hervorging; leer ohne Leserecht am Bedarf (z. B. für Träger).',
  })
  need(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<Need | null> {
    return needOf(context, offer);
  }

  @FieldResolver(() => Application, {
    nullable: true,
    description: 'Die bewilligte Interessensbekundung; leer ohne Leserecht an ihr.',
  })
  application(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<Application | null> {
    return applicationOf(context, offer);
  }

  @FieldResolver(() => Float, { description: 'Bewilligter Betrag in Cent.' })
  approvedAmount(@Root() offer: Offer): number {
    return Number(offer.approvedAmount);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Bewilligte Fachleistungsstunden im Zeitraum (§ 77); leer bei Kreiszuschuss.',
  })
  feeHours(@Root() offer: Offer): number | null {
    return offer.feeHours == null ? null : Number(offer.feeHours);
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: 'Vereinbarter Stundensatz in Cent (§ 77); leer bei Kreiszuschuss.',
  })
  hourlyRate(@Root() offer: Offer): number | null {
    return offer.hourlyRate == null ? null : Number(offer.hourlyRate);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Fälligkeit (ISO-Datum) der frühesten Evaluation, die noch nicht eingereicht bzw. angenommen ist; leer, wenn keine offen ist.',
  })
  nextEvaluationDue(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<string | null> {
    return offerLoaders(context).nextEvaluationDueByOffer.load(offer.id);
  }

  @FieldResolver(() => Boolean, {
    description: 'Die nächste Evaluation ist überfällig (ihre Fälligkeit liegt vor dem heutigen Tag).',
  })
  async nextEvaluationOverdue(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<boolean> {
    const due = await offerLoaders(context).nextEvaluationDueByOffer.load(offer.id);
    return due !== null && due < todayInVerden();
  }

  @FieldResolver(() => OfferViewerCan)
  async viewerCan(@Root() offer: Offer, @Ctx() context: GraphQLContext): Promise<OfferViewerCan> {
    const [need, application] = await Promise.all([needOf(context, offer), applicationOf(context, offer)]);
    return { readNeed: !!need, readApplication: !!application };
  }
}
