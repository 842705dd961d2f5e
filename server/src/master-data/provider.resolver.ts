import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { type Command, runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { NotFound } from '../common/errors.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { CreateProviderInput, UpdateProviderInput } from './master-data.inputs.js';
import { providerPolicy, visibleProviders } from './master-data.policy.js';
import {
  applyChanges,
  assertRevision,
  assertUnique,
  flushUnique,
  loadForChange,
} from './master-data.service.js';
import { Provider } from './provider.entity.js';

@ObjectType({ description: 'Was die angemeldete Person mit diesem Träger tun darf.' })
export class ProviderViewerCan {
  @Field(() => Boolean, { description: 'Anschrift und Kontakt ändern (updateProvider).' })
  update!: boolean;

  @Field(() => Boolean, { description: 'Auch Namen und aktiv ändern (nur die Verwaltung).' })
  changeNameOrStatus!: boolean;
}

const nameTaken = (name: string) => `Es gibt bereits einen Träger mit dem Namen „${name}“.`;

const CONTACT_FIELDS = [
  'street',
  'postalCode',
  'city',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;

function contactOf(input: Partial<Pick<Provider, (typeof CONTACT_FIELDS)[number]>>) {
  return Object.fromEntries(CONTACT_FIELDS.map((field) => [field, input[field]]));
}

/** Creates a Träger with its address and contact. */
export async function createProvider(cmd: Command, input: CreateProviderInput): Promise<Provider> {
  const provider = cmd.tx.create(Provider, { name: input.name.trim(), createdBy: cmd.caller.userId });
  cmd.authorize(providerPolicy, 'create', provider);
  await assertUnique(cmd, 'provider', 'name', provider.name, null, nameTaken(provider.name));
  const contact = applyChanges(provider, contactOf(input));
  await flushUnique(cmd, nameTaken(provider.name));
  cmd.audit({
    entityType: 'Provider',
    entityId: provider.id,
    details: { after: { name: provider.name, active: provider.active, ...contact.after } },
  });
  return provider;
}

/**
 * Changes a Träger. Its own staff may change address and contact; name and active only the
 * administration. A Träger outside the caller's view is not found.
 */
export async function updateProvider(cmd: Command, input: UpdateProviderInput): Promise<Provider> {
  const provider = await loadForChange(cmd, Provider, input.id, 'Der Träger', visibleProviders(cmd.caller));
  const renamesOrToggles =
    (input.name !== undefined && input.name.trim() !== provider.name) ||
    (input.active !== undefined && input.active !== provider.active);
  cmd.authorize(providerPolicy, renamesOrToggles ? 'update' : 'updateContact', provider);
  await assertRevision(cmd, provider, input.revision);
  const changes = applyChanges(provider, { name: input.name, active: input.active, ...contactOf(input) });
  if ('name' in changes.after) {
    await assertUnique(cmd, 'provider', 'name', provider.name, provider.id, nameTaken(provider.name));
  }
  await flushUnique(cmd, nameTaken(provider.name));
  cmd.audit({ entityType: 'Provider', entityId: provider.id, details: { ...changes } });
  return provider;
}

@Resolver(() => Provider)
export class ProviderResolver {
  @Query(() => [Provider], {
    description: 'Die Träger nach Namen, die die angemeldete Person sehen darf; deaktivierte nur auf Wunsch.',
  })
  async providers(
    @Arg('includeInactive', () => Boolean, { nullable: true, defaultValue: false })
    includeInactive: boolean | null,
    @Ctx() context: GraphQLContext,
  ): Promise<Provider[]> {
    const caller = requireCaller(context);
    const providers = await context.em.find(
      Provider,
      { $and: [visibleProviders(caller), includeInactive ? {} : { active: true }] },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
    return providers.filter((provider) => can(providerPolicy, caller, 'read', provider));
  }

  @Query(() => Provider, {
    description: 'Ein Träger; einer außerhalb der eigenen Sicht wird nicht gefunden.',
  })
  async provider(@Arg('id', () => UUIDScalar) id: string, @Ctx() context: GraphQLContext): Promise<Provider> {
    const caller = requireCaller(context);
    const provider = await context.em.findOne(Provider, { $and: [{ id }, visibleProviders(caller)] });
    if (!provider || !can(providerPolicy, caller, 'read', provider)) throw NotFound('Der Träger');
    return provider;
  }

  @FieldResolver(() => ProviderViewerCan)
  viewerCan(@Root() provider: Provider, @Ctx() context: GraphQLContext): ProviderViewerCan {
    const changeNameOrStatus = can(providerPolicy, context.caller, 'update', provider);
    return {
      update: changeNameOrStatus || can(providerPolicy, context.caller, 'updateContact', provider),
      changeNameOrStatus,
    };
  }

  @Mutation(() => Provider, { description: 'Legt einen Träger an.' })
  createProvider(
    @Arg('input', () => CreateProviderInput) input: CreateProviderInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Provider> {
    return runCommand(context, 'createProvider', (cmd) => createProvider(cmd, input));
  }

  @Mutation(() => Provider, {
    description:
      'Ändert einen Träger (optimistische Sperre über revision). Mitarbeitende des Trägers ändern Anschrift und Kontakt; Name und aktiv nur die Verwaltung.',
  })
  updateProvider(
    @Arg('input', () => UpdateProviderInput) input: UpdateProviderInput,
    @Ctx() context: GraphQLContext,
  ): Promise<Provider> {
    return runCommand(context, 'updateProvider', (cmd) => updateProvider(cmd, input));
  }
}
