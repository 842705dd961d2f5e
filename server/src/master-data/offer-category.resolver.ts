import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { type Command, runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { can } from '../common/policy.js';
import { CreateOfferCategoryInput, UpdateOfferCategoryInput } from './master-data.inputs.js';
import { offerCategoryPolicy } from './master-data.policy.js';
import {
  applyChanges,
  assertRevision,
  assertUnique,
  flushUnique,
  loadForChange,
} from './master-data.service.js';
import { OfferCategory } from './offer-category.entity.js';

@ObjectType({ description: 'Was die angemeldete Person mit dieser Angebotsart tun darf.' })
export class OfferCategoryViewerCan {
  @Field(() => Boolean)
  update!: boolean;
}

const nameTaken = (name: string) => `Es gibt bereits eine Angebotsart mit dem Namen „${name}“.`;

/** Creates an offer category with its financing kind. */
export async function createOfferCategory(
  cmd: Command,
  input: CreateOfferCategoryInput,
): Promise<OfferCategory> {
  const category = cmd.tx.create(OfferCategory, {
    name: input.name.trim(),
    financingKind: input.financingKind,
    createdBy: cmd.caller.userId,
  });
  cmd.authorize(offerCategoryPolicy, 'create', category);
  await assertUnique(cmd, 'offer_category', 'name', category.name, null, nameTaken(category.name));
  applyChanges(category, { description: input.description });
  await flushUnique(cmd, nameTaken(category.name));
  cmd.audit({
    entityType: 'OfferCategory',
    entityId: category.id,
    details: {
      after: {
        name: category.name,
        description: category.description ?? null,
        financingKind: category.financingKind,
        active: category.active,
      },
    },
  });
  return category;
}

/** Renames an offer category, changes its financing kind, deactivates or reactivates it. */
export async function updateOfferCategory(
  cmd: Command,
  input: UpdateOfferCategoryInput,
): Promise<OfferCategory> {
  const category = await loadForChange(cmd, OfferCategory, input.id, 'Die Angebotsart');
  cmd.authorize(offerCategoryPolicy, 'update', category);
  await assertRevision(cmd, category, input.revision);
  const changes = applyChanges(category, {
    name: input.name,
    description: input.description,
    financingKind: input.financingKind,
    active: input.active,
  });
  if ('name' in changes.after) {
    await assertUnique(cmd, 'offer_category', 'name', category.name, category.id, nameTaken(category.name));
  }
  await flushUnique(cmd, nameTaken(category.name));
  cmd.audit({ entityType: 'OfferCategory', entityId: category.id, details: { ...changes } });
  return category;
}

@Resolver(() => OfferCategory)
export class OfferCategoryResolver {
  @Query(() => [OfferCategory], { description: 'Die Angebotsarten nach Namen; deaktivierte nur auf Wunsch.' })
  async offerCategories(
    @Arg('includeInactive', () => Boolean, { nullable: true, defaultValue: false })
    includeInactive: boolean | null,
    @Ctx() context: GraphQLContext,
  ): Promise<OfferCategory[]> {
    const caller = requireCaller(context);
    const categories = await context.em.find(OfferCategory, includeInactive ? {} : { active: true }, {
      orderBy: { name: 'asc', id: 'asc' },
    });
    return categories.filter((category) => can(offerCategoryPolicy, caller, 'read', category));
  }

  @FieldResolver(() => OfferCategoryViewerCan)
  viewerCan(@Root() category: OfferCategory, @Ctx() context: GraphQLContext): OfferCategoryViewerCan {
    return { update: can(offerCategoryPolicy, context.caller, 'update', category) };
  }

  @Mutation(() => OfferCategory, { description: 'Legt eine Angebotsart an.' })
  createOfferCategory(
    @Arg('input', () => CreateOfferCategoryInput) input: CreateOfferCategoryInput,
    @Ctx() context: GraphQLContext,
  ): Promise<OfferCategory> {
    return runCommand(context, 'createOfferCategory', (cmd) => createOfferCategory(cmd, input));
  }

  @Mutation(() => OfferCategory, {
    description:
      'Ändert eine Angebotsart (optimistische Sperre über revision); active: false deaktiviert sie.',
  })
  updateOfferCategory(
    @Arg('input', () => UpdateOfferCategoryInput) input: UpdateOfferCategoryInput,
    @Ctx() context: GraphQLContext,
  ): Promise<OfferCategory> {
    return runCommand(context, 'updateOfferCategory', (cmd) => updateOfferCategory(cmd, input));
  }
}
