import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { type Command, runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { can } from '../common/policy.js';
import {
  applyChanges,
  assertRevision,
  assertUnique,
  flushUnique,
  loadForChange,
} from '../master-data/master-data.service.js';
import { Body } from './body.entity.js';
import { CreateBodyInput, UpdateBodyInput } from './need.inputs.js';
import { bodyPolicy } from './need.policy.js';

@ObjectType({ description: 'Was die angemeldete Person mit diesem Gremium tun darf.' })
export class BodyViewerCan {
  @Field(() => Boolean)
  update!: boolean;
}

const nameTaken = (name: string) => `Es gibt bereits ein Gremium mit dem Namen „${name}“.`;

export async function createBody(cmd: Command, input: CreateBodyInput): Promise<Body> {
  const body = cmd.tx.create(Body, { name: input.name.trim(), createdBy: cmd.caller.userId });
  cmd.authorize(bodyPolicy, 'create', body);
  await assertUnique(cmd, 'body', 'name', body.name, null, nameTaken(body.name));
  await flushUnique(cmd, nameTaken(body.name));
  cmd.audit({
    entityType: 'Body',
    entityId: body.id,
    details: { after: { name: body.name, active: body.active } },
  });
  return body;
}

export async function updateBody(cmd: Command, input: UpdateBodyInput): Promise<Body> {
  const body = await loadForChange(cmd, Body, input.id, 'Das Gremium');
  cmd.authorize(bodyPolicy, 'update', body);
  await assertRevision(cmd, body, input.revision);
  const changes = applyChanges(body, { name: input.name, active: input.active });
  if ('name' in changes.after)
    await assertUnique(cmd, 'body', 'name', body.name, body.id, nameTaken(body.name));
  await flushUnique(cmd, nameTaken(body.name));
  cmd.audit({ entityType: 'Body', entityId: body.id, details: { ...changes } });
  return body;
}

@Resolver(() => Body)
export class BodyResolver {
  @Query(() => [Body], {
    description: 'Die Gremien nach Namen (für die Beteiligung an Bedarfen); deaktivierte nur auf Wunsch.',
  })
  async bodies(
    @Arg('includeInactive', () => Boolean, { nullable: true, defaultValue: false })
    includeInactive: boolean | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Body[]> {
    const caller = requireCaller(context);
    const bodies = await context.em.find(Body, includeInactive ? {} : { active: true }, {
      orderBy: { name: 'asc', id: 'asc' },
    });
    return bodies.filter((body) => can(bodyPolicy, caller, 'read', body));
  }

  @FieldResolver(() => BodyViewerCan)
  viewerCan(@Root() body: Body, @Ctx() context: GraphQLContext): BodyViewerCan {
    return { update: can(bodyPolicy, context.caller, 'update', body) };
  }

  @Mutation(() => Body, { description: 'Legt ein Gremium an.' })
  createBody(
    @Arg('input', () => CreateBodyInput) input: CreateBodyInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Body> {
    return runCommand(context, 'createBody', (cmd) => createBody(cmd, input));
  }

  @Mutation(() => Body, {
    description: 'Ändert ein Gremium (optimistische Sperre über revision); active: false deaktiviert es.',
  })
  updateBody(
    @Arg('input', () => UpdateBodyInput) input: UpdateBodyInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Body> {
    return runCommand(context, 'updateBody', (cmd) => updateBody(cmd, input));
  }
}
