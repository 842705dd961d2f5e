import { Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireCaller } from '../common/context.js';
import { Unauthenticated } from '../common/errors.js';
import type { AuthContext } from './resolve-caller.js';
import { changeOwnPassword, signIn, signOut, USER_RELATIONS } from './sign-in.js';
import { User } from './user.entity.js';
import { ChangePasswordArgs, LoginArgs } from './user.inputs.js';
import { isUuid } from '../common/uuid.scalar.js';

/** Sign-in, sign-out, the signed-in user and their password. */
@Resolver()
export class AuthResolver {
  @Mutation(() => User, {
    description:
      'Meldet an und setzt das Sitzungs-Cookie (sr_session). Falsche Angaben: UNAUTHENTICATED/INVALID_CREDENTIALS; ' +
      'zu viele Fehlversuche: LIMIT_EXCEEDED/LOGIN_THROTTLE mit retryAfterSeconds.',
  })
  login(@Args(() => LoginArgs) args: LoginArgs, @Ctx() context: AuthContext): Promise<User> {
    return signIn(context, args);
  }

  @Mutation(() => Boolean, { description: 'Meldet ab: beendet die Sitzung und löscht das Cookie.' })
  logout(@Ctx() context: AuthContext): Promise<boolean> {
    return signOut(context, requireCaller(context));
  }

  @Query(() => User, { description: 'Die angemeldete Fachkraft.' })
  async me(@Ctx() context: AuthContext): Promise<User> {
    const caller = requireCaller(context);
    const user = isUuid(caller.userId)
      ? await context.em.findOne(User, { id: caller.userId, active: true }, { populate: USER_RELATIONS })
      : null;
    if (!user) throw Unauthenticated();
    return user;
  }

  @Mutation(() => User, {
    description: 'Ändert das eigene Passwort; andere Sitzungen der Fachkraft enden, die aktuelle bleibt.',
  })
  changePassword(
    @Args(() => ChangePasswordArgs) args: ChangePasswordArgs,
    @Ctx() context: AuthContext,
  ): Promise<User> {
    return changeOwnPassword(context, requireCaller(context), args);
  }
}
