import { Arg, Args, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { Forbidden } from '../common/errors.js';
import { can } from '../common/policy.js';
import { AuditEvent } from './audit-event.entity.js';
import { AuditEventFilter, AuditEventPageArgs, checkAuditFilter, EntityHistoryArgs } from './audit.inputs.js';
import { auditPolicy } from './audit.policy.js';
import {
  countAuditEvents,
  decodeCursor,
  entityHistory,
  findAuditEvents,
  MAX_HISTORY_EVENTS,
} from './audit-query.js';

@ObjectType({ description: 'Eine Seite des Protokolls, neueste Einträge zuerst.' })
export class AuditEventPage {
  @Field(() => [AuditEvent])
  nodes!: AuditEvent[];

  @Field(() => Int, { description: 'Wie viele Einträge zum Filter passen (alle Seiten).' })
  totalCount!: number;

  @Field(() => String, { nullable: true, description: 'Für die nächste Seite als after angeben.' })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventPage, {
    description:
      'Das Protokoll (wer hat wann was getan), gefiltert, neueste Einträge zuerst. Nur Administration.',
  })
  async auditEvents(
    @Arg('filter', () => AuditEventFilter, { nullable: true }) filter: AuditEventFilter | null,
    @Args(() => AuditEventPageArgs) page: AuditEventPageArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<AuditEventPage> {
    const caller = requireCaller(context);
    if (!can(auditPolicy, caller, 'read', null)) throw Forbidden();
    const criteria = filter ?? {};
    checkAuditFilter(criteria);
    const after = page.after ? decodeCursor(page.after) : null;
    const [found, totalCount] = await Promise.all([
      findAuditEvents(context.em, criteria, { first: page.first, after }),
      countAuditEvents(context.em, criteria),
    ]);
    return { ...found, totalCount };
  }

  @Query(() => [AuditEvent], {
    description: `Die Geschichte eines Datensatzes, älteste Einträge zuerst (höchstens ${MAX_HISTORY_EVENTS}). Nur Administration.`,
  })
  async entityHistory(
    @Args(() => EntityHistoryArgs) args: EntityHistoryArgs,
    @Ctx() context: GraphQLContext,
  ): Promise<AuditEvent[]> {
    const caller = requireCaller(context);
    if (!can(auditPolicy, caller, 'read', null)) {
      throw Forbidden(undefined, { entityType: args.entityType, entityId: args.entityId });
    }
    return entityHistory(context.em, args.entityType, args.entityId);
  }
}
