import { Arg, Ctx, FieldResolver, Float, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApplicationState, checkTransition, type ProcessRole } from '../../../process-logic/index.js';
import { Application } from '../applications/application.entity.js';
import { applicationScopeOf, visibleApplications } from '../applications/application.policy.js';
import { runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { Forbidden, NotFound } from '../common/errors.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { isOffice } from '../decisions/decision.policy.js';
import { rolesAllowed } from '../needs/need.service.js';
import { Offer } from '../offers/offer.entity.js';
import { DecisionNotice, DecisionNoticeShare } from './notice.entity.js';
import { noticePolicy, visibleNotices } from './notice.policy.js';
import { noticePdfPath } from './notice-pdf.js';
import { issueNotice } from './notice.service.js';

const NOTICE_POPULATE = [
  'application.call.need.socialArea',
  'provider',
  'socialArea',
  'offerCategory',
  'offer',
] as const;

/** Notices (Bescheide): issue, list, read. */
@Resolver(() => DecisionNotice)
export class DecisionNoticeResolver {
  @Query(() => [Application], {
    description:
      'Bewilligte Interessensbekundungen ohne Bescheid (zu bescheiden), in der Sicht der angemeldeten Person (nur Verwaltung).',
  })
  async applicationsAwaitingNotice(@Ctx() context: GraphQLContext): Promise<Application[]> {
    const caller = requireCaller(context);
    if (!isOffice(caller)) throw Forbidden();
    const approved = await context.em.find(
      Application,
      { $and: [{ state: ApplicationState.APPROVED }, visibleApplications(caller)] },
      {
        populate: ['call.need.socialArea', 'provider'],
        orderBy: { updatedAt: 'asc', id: 'asc' },
        limit: 500,
      },
    );
    if (approved.length === 0) return [];
    const issued = await context.em.find(
      DecisionNotice,
      { application: { $in: approved.map((application) => application.id) } },
      { fields: ['application'] },
    );
    const withNotice = new Set(issued.map((notice) => notice.application.id));
    return approved.filter((application) => !withNotice.has(application.id));
  }

  @Query(() => [DecisionNotice], {
    description:
      'Die Bescheide, die die angemeldete Person lesen darf (Träger: die an ihn gerichteten), neueste zuerst.',
  })
  decisionNotices(@Ctx() context: GraphQLContext): Promise<DecisionNotice[]> {
    const caller = requireCaller(context);
    return context.em.find(DecisionNotice, visibleNotices(caller), {
      populate: NOTICE_POPULATE,
      orderBy: { year: 'desc', sequence: 'desc' },
      limit: 500,
    });
  }

  @Query(() => DecisionNotice, { description: 'Ein Bescheid; außerhalb der eigenen Sicht: NOT_FOUND.' })
  async decisionNotice(
    @Arg('id', () => UUIDScalar) id: string,
    @Ctx() context: GraphQLContext,
  ): Promise<DecisionNotice> {
    const caller = requireCaller(context);
    const notice = await context.em.findOne(
      DecisionNotice,
      { $and: [{ id }, visibleNotices(caller)] },
      { populate: NOTICE_POPULATE },
    );
    if (!notice) throw NotFound('Der Bescheid');
    return notice;
  }

  @FieldResolver(() => Float, { description: 'Bewilligter Betrag in Cent.' })
  amount(@Root() notice: DecisionNotice): number {
    return notice.amount;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Nur § 77: Fachleistungsstunden.' })
  feeHours(@Root() notice: DecisionNotice): number | null {
    return notice.feeHours == null ? null : Number(notice.feeHours);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Nur § 77: Stundensatz in Cent.' })
  hourlyRate(@Root() notice: DecisionNotice): number | null {
    return notice.hourlyRate ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Sozialraum; leer: kreisweit.' })
  socialAreaName(@Root() notice: DecisionNotice): string | null {
    return notice.socialArea?.name ?? null;
  }

  @FieldResolver(() => String, { description: 'Angebotskategorie.' })
  offerCategoryName(@Root() notice: DecisionNotice): string {
    return notice.offerCategory.name;
  }

  @FieldResolver(() => String, { description: 'Adresse des Bescheids als PDF (mit der Sitzung abrufbar).' })
  pdfUrl(@Root() notice: DecisionNotice): string {
    return noticePdfPath(notice.id);
  }

  @FieldResolver(() => [DecisionNoticeShare], {
    description: 'Die Anteile je Haushaltsjahr, das früheste zuerst.',
  })
  async shares(
    @Root() notice: DecisionNotice,
    @Ctx() context: GraphQLContext,
  ): Promise<DecisionNoticeShare[]> {
    return context.em.find(DecisionNoticeShare, { notice: notice.id }, { orderBy: { budgetYear: 'asc' } });
  }

  @FieldResolver(() => Application, { description: 'Die bewilligte Interessensbekundung.' })
  application(@Root() notice: DecisionNotice): Application {
    return notice.application;
  }

  @FieldResolver(() => Offer, { description: 'Das laufende Angebot, das mit dem Bescheid begann.' })
  async offer(@Root() notice: DecisionNotice, @Ctx() context: GraphQLContext): Promise<Offer> {
    const offer = await context.em.findOne(Offer, { id: notice.offer.id });
    if (!offer) throw new Error(`offer ${notice.offer.id} is missing`);
    return offer;
  }

  @Mutation(() => DecisionNotice, {
    description:
      'Erlässt den Bescheid zu einer bewilligten Interessensbekundung (Wirtschaftliche Jugendhilfe); daraus wird ein laufendes Angebot.',
  })
  async issueNotice(
    @Arg('applicationId', () => UUIDScalar) applicationId: string,
    @Arg('noticeDate', () => String, {
      nullable: true,
      description: 'Datum des Bescheids (ISO-Datum); weggelassen: heute.',
    })
    noticeDate: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<DecisionNotice> {
    const notice = await runCommand(context, 'issueNotice', (cmd) =>
      issueNotice(cmd, { applicationId, noticeDate }),
    );
    const loaded = await context.em
      .fork()
      .findOne(DecisionNotice, { id: notice.id }, { populate: NOTICE_POPULATE });
    return loaded ?? notice;
  }
}

@Resolver(() => DecisionNoticeShare)
export class DecisionNoticeShareResolver {
  @FieldResolver(() => Float, { description: 'Anteil in Cent.' })
  amount(@Root() share: DecisionNoticeShare): number {
    return share.amount;
  }
}

/** The notice fields of an application. */
@Resolver(() => Application)
export class ApplicationNoticeResolver {
  @FieldResolver(() => DecisionNotice, {
    nullable: true,
    description: 'Der Bescheid; leer, solange keiner erlassen ist oder ohne Leserecht.',
  })
  async decisionNotice(
    @Root() application: Application,
    @Ctx() context: GraphQLContext,
  ): Promise<DecisionNotice | null> {
    if (!context.caller) return null;
    return context.em.findOne(
      DecisionNotice,
      { $and: [{ application: application.id }, visibleNotices(context.caller)] },
      { populate: NOTICE_POPULATE },
    );
  }

  @FieldResolver(() => Boolean, {
    description:
      'Ob die angemeldete Person jetzt den Bescheid erlassen darf (bewilligt, noch ohne Bescheid).',
  })
  async viewerCanIssueNotice(
    @Root() application: Application,
    @Ctx() context: GraphQLContext,
  ): Promise<boolean> {
    if (application.state !== ApplicationState.APPROVED) return false;
    const scope = applicationScopeOf(application);
    const roles = rolesAllowed(noticePolicy, context.caller, 'issue', {
      providerId: scope.providerId,
      socialAreaId: scope.socialAreaId,
      regionalTeamId: scope.regionalTeamId,
    }) as ProcessRole[];
    if (!checkTransition('offer', null, 'start', roles).ok) return false;
    return (await context.em.count(DecisionNotice, { application: application.id })) === 0;
  }
}
