import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { type Command, runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { BadUserInput, NotFound } from '../common/errors.js';
import { can } from '../common/policy.js';
import { CreateSocialAreaInput, UpdateSocialAreaInput } from './master-data.inputs.js';
import { masterDataLoaders } from './master-data.loaders.js';
import { socialAreaPolicy } from './master-data.policy.js';
import {
  addChange,
  applyChanges,
  assertRevision,
  assertUnique,
  flushUnique,
  loadForChange,
} from './master-data.service.js';
import { RegionalTeam } from './regional-team.entity.js';
import { SocialArea } from './social-area.entity.js';

@ObjectType({ description: 'Was die angemeldete Person mit diesem Sozialraum tun darf.' })
export class SocialAreaViewerCan {
  @Field(() => Boolean)
  update!: boolean;
}

const nameTaken = (name: string) => `Es gibt bereits einen Sozialraum mit dem Namen „${name}“.`;

/** The Regionalteam a Sozialraum is assigned to: it must exist and be active. */
async function assignableTeam(cmd: Command, id: string | null | undefined): Promise<RegionalTeam | null> {
  if (!id) return null;
  const team = await cmd.tx.findOne(RegionalTeam, { id });
  if (!team) throw NotFound('Das Regionalteam');
  if (!team.active) {
    const message = `Das Regionalteam „${team.name}“ ist deaktiviert und kann keine Sozialräume aufnehmen.`;
    throw BadUserInput(message, { fields: [{ argument: 'regionalTeamId', message }] });
  }
  return team;
}

/** Creates a Sozialraum, optionally in a Regionalteam. */
export async function createSocialArea(cmd: Command, input: CreateSocialAreaInput): Promise<SocialArea> {
  const area = cmd.tx.create(SocialArea, { name: input.name.trim(), createdBy: cmd.caller.userId });
  cmd.authorize(socialAreaPolicy, 'create', area);
  await assertUnique(cmd, 'social_area', 'name', area.name, null, nameTaken(area.name));
  area.regionalTeam = await assignableTeam(cmd, input.regionalTeamId);
  await flushUnique(cmd, nameTaken(area.name));
  cmd.audit({
    entityType: 'SocialArea',
    entityId: area.id,
    details: {
      after: { name: area.name, regionalTeamId: area.regionalTeam?.id ?? null, active: area.active },
    },
  });
  return area;
}

/** Renames, reassigns, deactivates or reactivates a Sozialraum. */
export async function updateSocialArea(cmd: Command, input: UpdateSocialAreaInput): Promise<SocialArea> {
  const area = await loadForChange(cmd, SocialArea, input.id, 'Der Sozialraum');
  cmd.authorize(socialAreaPolicy, 'update', area);
  await assertRevision(cmd, area, input.revision);
  const changes = applyChanges(area, { name: input.name, active: input.active });
  if (input.regionalTeamId !== undefined && input.regionalTeamId !== (area.regionalTeam?.id ?? null)) {
    const before = area.regionalTeam?.id ?? null;
    area.regionalTeam = await assignableTeam(cmd, input.regionalTeamId);
    addChange(changes, 'regionalTeamId', before, area.regionalTeam?.id ?? null);
  }
  if ('name' in changes.after) {
    await assertUnique(cmd, 'social_area', 'name', area.name, area.id, nameTaken(area.name));
  }
  await flushUnique(cmd, nameTaken(area.name));
  cmd.audit({ entityType: 'SocialArea', entityId: area.id, details: { ...changes } });
  return area;
}

@Resolver(() => SocialArea)
export class SocialAreaResolver {
  @Query(() => [SocialArea], { description: 'Die Sozialräume nach Namen; deaktivierte nur auf Wunsch.' })
  async socialAreas(
    @Arg('includeInactive', () => Boolean, { nullable: true, defaultValue: false })
    includeInactive: boolean | null,
    @Ctx() context: GraphQLContext,
  ): Promise<SocialArea[]> {
    const caller = requireCaller(context);
    const areas = await context.em.find(SocialArea, includeInactive ? {} : { active: true }, {
      orderBy: { name: 'asc', id: 'asc' },
    });
    return areas.filter((area) => can(socialAreaPolicy, caller, 'read', area));
  }

  @FieldResolver(() => RegionalTeam, {
    nullable: true,
    description: 'Das Regionalteam, das für ihn entscheidet.',
  })
  async regionalTeam(@Root() area: SocialArea, @Ctx() context: GraphQLContext): Promise<RegionalTeam | null> {
    if (!area.regionalTeam) return null;
    return masterDataLoaders(context).regionalTeamById.load(area.regionalTeam.id);
  }

  @FieldResolver(() => SocialAreaViewerCan)
  viewerCan(@Root() area: SocialArea, @Ctx() context: GraphQLContext): SocialAreaViewerCan {
    return { update: can(socialAreaPolicy, context.caller, 'update', area) };
  }

  @Mutation(() => SocialArea, { description: 'Legt einen Sozialraum an.' })
  createSocialArea(
    @Arg('input', () => CreateSocialAreaInput) input: CreateSocialAreaInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SocialArea> {
    return runCommand(context, 'createSocialArea', (cmd) => createSocialArea(cmd, input));
  }

  @Mutation(() => SocialArea, {
    description:
      'Ändert einen Sozialraum (optimistische Sperre über revision); active: false deaktiviert ihn.',
  })
  updateSocialArea(
    @Arg('input', () => UpdateSocialAreaInput) input: UpdateSocialAreaInput,
    @Ctx() context: GraphQLContext,
  ): Promise<SocialArea> {
    return runCommand(context, 'updateSocialArea', (cmd) => updateSocialArea(cmd, input));
  }
}
