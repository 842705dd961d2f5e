import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { AuditOutcome } from '../audit/audit-event.entity.js';
import { recordAuditEvent } from '../audit/record-audit-event.js';
import { runCommand } from '../common/command.js';
import type { Caller } from '../common/context.js';
import { BadUserInput, ErrorCode, LimitExceeded, Unauthenticated } from '../common/errors.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import type { AuthContext } from './resolve-caller.js';
import { User } from './user.entity.js';
import { userPolicy } from './user.policy.js';
import { isUuid } from '../common/uuid.scalar.js';

/** Failed sign-ins counted per account and per address within this window. */
export const THROTTLE_WINDOW_MINUTES = 15;
/** After this many failures for one account (e-mail address as typed) in the window, sign-in waits. */
export const ACCOUNT_FAILURE_LIMIT = 5;
/** After this many failures from one address in the window, sign-in from there waits. */
export const ADDRESS_FAILURE_LIMIT = 20;

/** The relations a user is shown with. */
export const USER_RELATIONS = ['provider', 'regionalTeam', 'socialAreas'] as const;

/** E-mail addresses are compared in lower case, without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** How a failed sign-in is kept: sha256 of the address as typed, so unknown addresses leave no readable trace. */
export function accountKey(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex');
}

/** The same answer for an unknown account, a wrong password and a deactivated user. */
const InvalidCredentials = () =>
  new GraphQLError('E-Mail-Adresse oder Passwort ist nicht richtig.', {
    extensions: { code: ErrorCode.Unauthenticated, reason: 'INVALID_CREDENTIALS' },
  });

/** The caller a user acts as (roles and scopes from the user row). */
export function callerOfUser(user: User, sessionId?: string): Caller {
  return {
    userId: user.id,
    displayName: user.displayName,
    roles: [...user.roles],
    ...(user.provider ? { providerId: user.provider.id } : {}),
    ...(user.regionalTeam ? { regionalTeamId: user.regionalTeam.id } : {}),
    socialAreaIds: user.socialAreas.isInitialized() ? user.socialAreas.getIdentifiers<string>() : [],
    ...(sessionId ? { sessionId } : {}),
  };
}

/** Advisory lock classes (first key of PostgreSQL's two-key form) of the sign-in throttle. */
const ACCOUNT_LOCK_CLASS = 7301;
const ADDRESS_LOCK_CLASS = 7302;

/**
 * Refuses with LIMIT_EXCEEDED/LOGIN_THROTTLE while the account or the address has too many recent
 * failures; otherwise counts this attempt as a failure before the password is checked, and answers the
 * attempt's row id (removed again when the password was right). Check and count happen under advisory
 * locks on the account and the address, so attempts sent at the same time (in one or several app
 * processes) cannot all pass the check before any failure is counted. Counted in PostgreSQL, so all app
 * processes share the count; the answer is the same whether the account exists or not.
 */
async function reserveAttempt(em: EntityManager, key: string, address: string): Promise<string> {
  return em.fork().transactional(async (tx) => {
    // Always account first, then address: two attempts never wait for each other the other way round.
    await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [ACCOUNT_LOCK_CLASS, key]);
    await tx.execute('select pg_advisory_xact_lock(?, hashtext(?))', [ADDRESS_LOCK_CLASS, address]);
    const [row] = await tx.execute<{ account: number | null; address: number | null }[]>(
      `select
         (select extract(epoch from "failed_at" + make_interval(mins => ?) - now()) from "login_failure"
           where "account_key" = ? and "failed_at" > now() - make_interval(mins => ?)
           order by "failed_at" desc offset ? limit 1) as "account",
         (select extract(epoch from "failed_at" + make_interval(mins => ?) - now()) from "login_failure"
           where "address" = ? and "failed_at" > now() - make_interval(mins => ?)
           order by "failed_at" desc offset ? limit 1) as "address"`,
      [
        THROTTLE_WINDOW_MINUTES,
        key,
        THROTTLE_WINDOW_MINUTES,
        ACCOUNT_FAILURE_LIMIT - 1,
        THROTTLE_WINDOW_MINUTES,
        address,
        THROTTLE_WINDOW_MINUTES,
        ADDRESS_FAILURE_LIMIT - 1,
      ],
    );
    const waits = [row?.account, row?.address].filter((value) => value !== null && value !== undefined);
    if (waits.length > 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...waits.map(Number))));
      const minutes = Math.ceil(retryAfterSeconds / 60);
      throw LimitExceeded(
        'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie ' +
          (minutes === 1 ? 'eine Minute' : `${minutes} Minuten`) +
          ' und versuchen Sie es dann erneut.',
        'LOGIN_THROTTLE',
        { retryAfterSeconds },
      );
    }
    const [attempt] = await tx.execute<{ id: string }[]>(
      'insert into "login_failure" ("account_key", "address") values (?, ?) returning "id"',
      [key, address],
    );
    return String(attempt.id);
  });
}

/** Takes back the failure counted for an attempt whose password was right. */
async function releaseAttempt(em: EntityManager, attemptId: string): Promise<void> {
  await em.fork().execute('delete from "login_failure" where "id" = ?', [attemptId]);
}

/**
 * Writes the audit event of a failed attempt (outcome FAILED, the account only as its hash, no password)
 * and clears expired failures, in a transaction of its own so it stays whatever happens to the request.
 * The attempt itself was already counted by `reserveAttempt`.
 */
async function recordFailure(
  context: AuthContext,
  operation: string,
  key: string,
  caller: Caller | null,
): Promise<void> {
  await context.em.fork().transactional(async (tx) => {
    // Rows older than the window count for nothing; each failure clears those of its account and address.
    await tx.execute(
      `delete from "login_failure" where ("account_key" = ? or "address" = ?)
          and "failed_at" < now() - make_interval(mins => ?)`,
      [key, context.auth.address.slice(0, 100), THROTTLE_WINDOW_MINUTES],
    );
    await recordAuditEvent(tx, {
      operation,
      outcome: AuditOutcome.FAILED,
      requestId: context.requestId,
      caller,
      entityType: caller ? 'User' : null,
      entityId: caller?.userId ?? null,
      details: { account: key },
    });
  });
}

/**
 * Signs in: checks the throttle, then the password (against a dummy hash for unknown accounts, so the
 * time taken reveals nothing), and starts a new session in the `login` command; the cookie carries its
 * token. A failure is kept (throttling, audit) and answered with UNAUTHENTICATED/INVALID_CREDENTIALS,
 * the same for an unknown account, a wrong password and a deactivated user.
 */
export async function signIn(
  context: AuthContext,
  input: { email: string; password: string },
): Promise<User> {
  const email = normaliseEmail(input.email);
  const key = accountKey(email);
  await reserveAttempt(context.em, key, context.auth.address.slice(0, 100));
  // Only the user row before the password is checked: an unknown account takes the same steps, so the
  // time of a wrong answer says nothing about whether the account exists; its relations come after.
  const found = await context.em.findOne(User, { email }, { populate: ['passwordHash'], refresh: true });
  const matches = await verifyPassword(found?.passwordHash, input.password);
  if (!found || !matches || !found.active) {
    await recordFailure(context, 'login', key, null);
    throw InvalidCredentials();
  }
  const user = found;
  await context.em.populate(user, USER_RELATIONS, { refresh: true });
  const sessions = context.auth.sessions;
  const token = await runCommand({ ...context, caller: callerOfUser(user) }, 'login', async (cmd) => {
    cmd.authorize(userPolicy, 'signIn', user);
    await cmd.sql('delete from "login_failure" where "account_key" = ?', [key]);
    const created = await sessions.create(cmd.sql, user.id, context.auth.token);
    cmd.audit({ entityType: 'User', entityId: user.id });
    return created;
  });
  if (context.auth.token) sessions.forgetToken(context.auth.token);
  context.auth.setSessionCookie(token);
  return user;
}

/** Signs out: ends the request's session in the `logout` command and clears the cookie. */
export async function signOut(context: AuthContext, caller: Caller): Promise<boolean> {
  const sessions = context.auth.sessions;
  await runCommand(context, 'logout', async (cmd) => {
    cmd.authorize(userPolicy, 'manageOwnAccount', { id: caller.userId, active: true, roles: caller.roles });
    if (caller.sessionId) await sessions.end(cmd.sql, caller.sessionId, caller.userId);
    cmd.audit({ entityType: 'User', entityId: caller.userId });
  });
  if (context.auth.token) sessions.forgetToken(context.auth.token);
  context.auth.clearSessionCookie();
  return true;
}

/**
 * Changes the caller's own password after checking the current one (a wrong one counts as a failed
 * sign-in for throttling). The session in use stays; every other session of the user ends.
 */
export async function changeOwnPassword(
  context: AuthContext,
  caller: Caller,
  input: { currentPassword: string; newPassword: string },
): Promise<User> {
  // A caller without an account of its own (none signed in with a password) has no password to change.
  if (!isUuid(caller.userId)) throw Unauthenticated();
  const stored = await context.em.findOne(
    User,
    { id: caller.userId },
    { populate: ['passwordHash'], refresh: true },
  );
  if (!stored) throw Unauthenticated();
  const key = accountKey(stored.email);
  const attemptId = await reserveAttempt(context.em, key, context.auth.address.slice(0, 100));
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    await recordFailure(context, 'changePassword', key, caller);
    throw BadUserInput('Das bisherige Passwort ist nicht richtig.', { reason: 'WRONG_PASSWORD' });
  }
  await releaseAttempt(context.em, attemptId);
  const problem = passwordProblem(input.newPassword);
  if (problem) throw BadUserInput(problem, { reason: 'PASSWORD_RULES' });
  if (input.newPassword === input.currentPassword) {
    throw BadUserInput('Das neue Passwort muss sich vom bisherigen unterscheiden.', {
      reason: 'PASSWORD_RULES',
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const sessions = context.auth.sessions;
  const user = await runCommand(context, 'changePassword', async (cmd) => {
    const user = await cmd.tx.findOneOrFail(User, { id: caller.userId });
    cmd.authorize(userPolicy, 'manageOwnAccount', user);
    const before = user.mustChangePassword;
    user.passwordHash = passwordHash;
    user.mustChangePassword = false;
    user.passwordChangedAt = new Date();
    await cmd.tx.flush();
    await sessions.endAll(cmd.sql, user.id, caller.sessionId);
    cmd.audit({
      entityType: 'User',
      entityId: user.id,
      details: { passwordChanged: true, mustChangePassword: { before, after: false } },
    });
    return user;
  });
  sessions.forgetUser(user.id);
  return context.em.findOneOrFail(User, { id: user.id }, { populate: USER_RELATIONS, refresh: true });
}
