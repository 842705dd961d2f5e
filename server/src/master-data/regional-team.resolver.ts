import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { type Command, runCommand } from '../common/command.js';
import { type GraphQLContext, requireCaller } from '../common/context.js';
import { can } from '../common/policy.js';
import { CreateRegionalTeamInput, UpdateRegionalTeamInput } from './master-data.inputs.js';
import { masterDataLoaders } from './master-data.loaders.js';
import { regionalTeamPolicy, socialAreaPolicy } from './master-data.policy.js';
import {
  applyChanges,
  assertRevision,
  assertUnique,
  flushUnique,
  loadForChange,
} from './master-data.service.js';
import { RegionalTeam } from './regional-team.entity.js';
import { SocialArea } from './social-area.entity.js';

@ObjectType({ description: 'Was die angemeldete Person mit diesem Regionalteam tun darf.' })
export class RegionalTeamViewerCan {
  @Field(() => Boolean)
  update!: boolean;
}

const nameTaken = (name: string) => `Es gibt bereits ein Regionalteam mit dem Namen „${name}“.`;

/** Creates a Regionalteam; Sozialräume are assigned to it from the Sozialraum. */
export async function createRegionalTeam(
  cmd: Command,
  input: CreateRegionalTeamInput,
): Promise<RegionalTeam> {
  const team = cmd.tx.create(RegionalTeam, { name: input.name.trim(), createdBy: cmd.caller.userId });
  cmd.authorize(regionalTeamPolicy, 'create', team);
  await assertUnique(cmd, 'regional_team', 'name', team.name, null, nameTaken(team.name));
  await flushUnique(cmd, nameTaken(team.name));
  cmd.audit({
    entityType: 'RegionalTeam',
    entityId: team.id,
    details: { after: { name: team.name, active: team.active } },
  });
  return team;
}

/** Renames, deactivates or reactivates a Regionalteam. */
export async function updateRegionalTeam(
  cmd: Command,
  input: UpdateRegionalTeamInput,
): Promise<RegionalTeam> {
  const team = await loadForChange(cmd, RegionalTeam, input.id, 'Das Regionalteam');
  cmd.authorize(regionalTeamPolicy, 'update', team);
  await assertRevision(cmd, team, input.revision);
  const changes = applyChanges(team, { name: input.name, active: input.active });
  if ('name' in changes.after) {
    await assertUnique(cmd, 'regional_team', 'name', team.name, team.id, nameTaken(team.name));
  }
  await flushUnique(cmd, nameTaken(team.name));
  cmd.audit({ entityType: 'RegionalTeam', entityId: team.id, details: { ...changes } });
  return team;
}

@Resolver(() => RegionalTeam)
export class RegionalTeamResolver {
  @Query(() => [RegionalTeam], { description: 'Die Regionalteams nach Namen; deaktivierte nur auf Wunsch.' })
  async regionalTeams(
    @Arg('includeInactive', () => Boolean, { nullable: true, defaultValue: false })
    includeInactive: boolean | null,
    @Ctx() context: GraphQLContext,
  ): Promise<RegionalTeam[]> {
    const caller = requireCaller(context);
    const teams = await context.em.find(RegionalTeam, includeInactive ? {} : { active: true }, {
      orderBy: { name: 'asc', id: 'asc' },
    });
    return teams.filter((team) => can(regionalTeamPolicy, caller, 'read', team));
  }

  @FieldResolver(() => [SocialArea], {
    description: 'Die Sozialräume der Region; deaktivierte nur auf Wunsch.',
  })
  async socialAreas(
    @Root() team: RegionalTeam,
    @Arg('includeInactive', () => Boolean, { nullable: true, defaultValue: false })
    includeInactive: boolean | null,
    @Ctx() context: GraphQLContext,
  ): Promise<SocialArea[]> {
    const areas = await masterDataLoaders(context).socialAreasByRegionalTeam.load(team.id);
    return areas.filter(
      (area) => (includeInactive || area.active) && can(socialAreaPolicy, context.caller, 'read', area),
    );
  }

  @FieldResolver(() => RegionalTeamViewerCan)
  viewerCan(@Root() team: RegionalTeam, @Ctx() context: GraphQLContext): RegionalTeamViewerCan {
    return { update: can(regionalTeamPolicy, context.caller, 'update', team) };
  }

  @Mutation(() => RegionalTeam, { description: 'Legt ein Regionalteam an.' })
  createRegionalTeam(
    @Arg('input', () => CreateRegionalTeamInput) input: CreateRegionalTeamInput,
    @Ctx() context: GraphQLContext,
  ): Promise<RegionalTeam> {
    return runCommand(context, 'createRegionalTeam', (cmd) => createRegionalTeam(cmd, input));
  }

  @Mutation(() => RegionalTeam, {
    description:
      'Ändert ein Regionalteam (optimistische Sperre über revision); active: false deaktiviert es.',
  })
  updateRegionalTeam(
    @Arg('input', () => UpdateRegionalTeamInput) input: UpdateRegionalTeamInput,
    @Ctx() context: GraphQLContext,
  ): Promise<RegionalTeam> {
    return runCommand(context, 'updateRegionalTeam', (cmd) => updateRegionalTeam(cmd, input));
  }
}
