import { Arg, Ctx, Field, FieldResolver, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { runCommand } from '../common/command.js';
import { type GraphQLContext, Role, requireRole } from '../common/context.js';
import { can } from '../common/policy.js';
import { UUIDScalar } from '../common/uuid.scalar.js';
import { Provider } from '../master-data/provider.entity.js';
import { RegionalTeam } from '../master-data/regional-team.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import type { AuthContext } from './resolve-caller.js';
import { USER_RELATIONS } from './sign-in.js';
import { User } from './user.entity.js';
import { CreateUserInput, UpdateUserInput } from './user.inputs.js';
import { userPolicy } from './user.policy.js';
import {
  createUser,
  deactivateUser,
  newInitialPassword,
  reactivateUser,
  resetPassword,
  updateUser,
} from './user.service.js';

@ObjectType({ description: 'Was die anfragende Person mit dieser Fachkraft tun darf.' })
export class UserViewerCan {
  @Field(() => Boolean)
  update!: boolean;

  @Field(() => Boolean)
  resetPassword!: boolean;

  @Field(() => Boolean)
  deactivate!: boolean;

  @Field(() => Boolean)
  reactivate!: boolean;
}

@ObjectType({ description: 'Eine Fachkraft mit ihrem Startpasswort, das nur dieses eine Mal gezeigt wird.' })
export class UserWithPasswordPayload {
  @Field(() => User)
  user!: User;

  /** Shown once; the user must replace it at the first sign-in. */
  @Field(() => String)
  initialPassword!: string;
}

/** Loads a user with its relations after a command committed, for the answer. */
function reload(context: GraphQLContext, id: string): Promise<User> {
  return context.em.findOneOrFail(User, { id }, { populate: USER_RELATIONS, refresh: true });
}

/** The users administration (ADMIN) and the fields of `User`. */
@Resolver(() => User)
export class UserResolver {
  @Query(() => [User], { description: 'Alle Fachkräfte, nach Name (nur Administration).' })
  users(@Ctx() context: GraphQLContext): Promise<User[]> {
    requireRole(context, Role.ADMIN);
    return context.em.find(
      User,
      {},
      { populate: USER_RELATIONS, orderBy: { displayName: 'asc', email: 'asc' }, limit: 5000 },
    );
  }

  @Query(() => User, { nullable: true, description: 'Eine Fachkraft (nur Administration).' })
  user(@Arg('id', () => UUIDScalar) id: string, @Ctx() context: GraphQLContext): Promise<User | null> {
    requireRole(context, Role.ADMIN);
    return context.em.findOne(User, { id }, { populate: USER_RELATIONS });
  }

  @Mutation(() => UserWithPasswordPayload, {
    description:
      'Legt eine Fachkraft mit einem Startpasswort an, das sie bei der ersten Anmeldung ändern muss.',
  })
  async createUser(
    @Arg('input', () => CreateUserInput) input: CreateUserInput,
    @Ctx() context: GraphQLContext,
  ): Promise<UserWithPasswordPayload> {
    requireRole(context, Role.ADMIN);
    const initial = await newInitialPassword();
    const created = await runCommand(context, 'createUser', (cmd) => createUser(cmd, input, initial.hash));
    return { user: await reload(context, created.id), initialPassword: initial.password };
  }

  @Mutation(() => User, {
    description: 'Ändert Name, Rollen und Zuständigkeiten (optimistische Sperre über revision).',
  })
  async updateUser(
    @Arg('input', () => UpdateUserInput) input: UpdateUserInput,
    @Ctx() context: AuthContext,
  ): Promise<User> {
    requireRole(context, Role.ADMIN);
    const updated = await runCommand(context, 'updateUser', (cmd) => updateUser(cmd, input));
    context.auth.sessions.forgetUser(updated.id);
    return reload(context, updated.id);
  }

  @Mutation(() => UserWithPasswordPayload, {
    description: 'Vergibt ein neues Startpasswort; die Sitzungen der Fachkraft enden.',
  })
  async resetPassword(
    @Arg('id', () => UUIDScalar) id: string,
    @Ctx() context: AuthContext,
  ): Promise<UserWithPasswordPayload> {
    requireRole(context, Role.ADMIN);
    const initial = await newInitialPassword();
    const user = await runCommand(context, 'resetPassword', (cmd) =>
      resetPassword(cmd, id, initial.hash, context.auth.sessions),
    );
    context.auth.sessions.forgetUser(user.id);
    return { user: await reload(context, user.id), initialPassword: initial.password };
  }

  @Mutation(() => User, { description: 'Deaktiviert eine Fachkraft; ihre Sitzungen enden sofort.' })
  async deactivateUser(@Arg('id', () => UUIDScalar) id: string, @Ctx() context: AuthContext): Promise<User> {
    requireRole(context, Role.ADMIN);
    const user = await runCommand(context, 'deactivateUser', (cmd) =>
      deactivateUser(cmd, id, context.auth.sessions),
    );
    context.auth.sessions.forgetUser(user.id);
    return reload(context, user.id);
  }

  @Mutation(() => User, { description: 'Lässt eine deaktivierte Fachkraft wieder zu.' })
  async reactivateUser(@Arg('id', () => UUIDScalar) id: string, @Ctx() context: AuthContext): Promise<User> {
    requireRole(context, Role.ADMIN);
    const user = await runCommand(context, 'reactivateUser', (cmd) => reactivateUser(cmd, id));
    context.auth.sessions.forgetUser(user.id);
    return reload(context, user.id);
  }

  @FieldResolver(() => Provider, { nullable: true, description: 'Der Träger (Rolle PROVIDER).' })
  provider(@Root() user: User, @Ctx() context: GraphQLContext): Promise<Provider | null> | null {
    return user.provider ? context.em.findOne(Provider, { id: user.provider.id }) : null;
  }

  @FieldResolver(() => RegionalTeam, {
    nullable: true,
    description: 'Das Regionalteam (Rolle REGIONAL_TEAM).',
  })
  regionalTeam(@Root() user: User, @Ctx() context: GraphQLContext): Promise<RegionalTeam | null> | null {
    return user.regionalTeam ? context.em.findOne(RegionalTeam, { id: user.regionalTeam.id }) : null;
  }

  @FieldResolver(() => [SocialArea], { description: 'Die Sozialräume (Rolle TEAM_LEAD), nach Name.' })
  async socialAreas(@Root() user: User): Promise<SocialArea[]> {
    const areas = await user.socialAreas.loadItems();
    return [...areas].sort((a, b) => a.name.localeCompare(b.name, 'de'));
  }

  /** Also asked for in the answer to `login`, while the request itself still has no caller: then nothing. */
  @FieldResolver(() => UserViewerCan)
  viewerCan(@Root() user: User, @Ctx() context: GraphQLContext): UserViewerCan {
    const caller = context.caller;
    return {
      update: can(userPolicy, caller, 'update', user),
      resetPassword: can(userPolicy, caller, 'resetPassword', user),
      deactivate: can(userPolicy, caller, 'deactivate', user),
      reactivate: can(userPolicy, caller, 'reactivate', user),
    };
  }
}
