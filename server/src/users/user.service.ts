import type { EntityManager } from '@mikro-orm/postgresql';
import type { Command } from '../common/command.js';
import { Role } from '../common/context.js';
import { BadUserInput, Conflict, Forbidden, NotFound } from '../common/errors.js';
import { Provider } from '../master-data/provider.entity.js';
import { RegionalTeam } from '../master-data/regional-team.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { generatePassword, hashPassword } from './passwords.js';
import { normaliseEmail, USER_RELATIONS } from './sign-in.js';
import type { SessionStore } from './session-store.js';
import { announceUserChange } from './session-store.js';
import { User } from './user.entity.js';
import type { CreateUserInput, UpdateUserInput } from './user.inputs.js';
import { roleChangePolicy, userPolicy } from './user.policy.js';

/** A new or reset password and its hash, made before the command so the transaction does not wait for argon2. */
export async function newInitialPassword(): Promise<{ password: string; hash: string }> {
  const password = generatePassword();
  return { password, hash: await hashPassword(password) };
}

interface Scopes {
  provider: Provider | null;
  regionalTeam: RegionalTeam | null;
  socialAreas: SocialArea[];
}

/**
 * The scopes a user with `roles` gets: those of roles it does not hold are cleared; PROVIDER needs a
 * Träger, REGIONAL_TEAM a Regionalteam, TEAM_LEAD at least one Sozialraum, each existing.
 */
async function scopesFor(
  tx: EntityManager,
  roles: readonly Role[],
  ids: { providerId: string | null; regionalTeamId: string | null; socialAreaIds: readonly string[] },
): Promise<Scopes> {
  const scopes: Scopes = { provider: null, regionalTeam: null, socialAreas: [] };
  if (roles.includes(Role.PROVIDER)) {
    if (!ids.providerId)
      throw BadUserInput('Mitarbeitende eines Trägers (Rolle PROVIDER) brauchen einen Träger.');
    scopes.provider = await tx.findOne(Provider, { id: ids.providerId });
    if (!scopes.provider) throw BadUserInput('Der gewählte Träger wurde nicht gefunden.');
  }
  if (roles.includes(Role.REGIONAL_TEAM)) {
    if (!ids.regionalTeamId) throw BadUserInput('Die Rolle Regionalteam braucht ein Regionalteam.');
    scopes.regionalTeam = await tx.findOne(RegionalTeam, { id: ids.regionalTeamId });
    if (!scopes.regionalTeam) throw BadUserInput('Das gewählte Regionalteam wurde nicht gefunden.');
  }
  if (roles.includes(Role.TEAM_LEAD)) {
    if (ids.socialAreaIds.length === 0) {
      throw BadUserInput(
        'Die Leitung eines Sozialraumteams (Rolle TEAM_LEAD) braucht mindestens einen Sozialraum.',
      );
    }
    scopes.socialAreas = await tx.find(SocialArea, { id: { $in: [...ids.socialAreaIds] } });
    if (scopes.socialAreas.length !== ids.socialAreaIds.length) {
      throw BadUserInput('Ein gewählter Sozialraum wurde nicht gefunden.');
    }
  }
  return scopes;
}

/** The fields an audit event shows of a user (never the password hash). */
function auditView(user: User): Record<string, unknown> {
  return {
    email: user.email,
    displayName: user.displayName,
    roles: [...user.roles],
    providerId: user.provider?.id ?? null,
    regionalTeamId: user.regionalTeam?.id ?? null,
    socialAreaIds: user.socialAreas.isInitialized() ? user.socialAreas.getIdentifiers<string>().sort() : [],
  };
}

/** Fields that differ between two audit views, as `{ field: { before, after } }`. */
function changes(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changed: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of Object.keys(after)) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changed[field] = { before: before[field], after: after[field] };
    }
  }
  return changed;
}

/**
 * Serialises the commands that can take an administrator away (deactivation, a change of roles), so two
 * administrators acting on each other at the same moment cannot both succeed; call before loading the user.
 */
async function lockAdministrators(cmd: Command): Promise<void> {
  await cmd.lock('users:administrators');
}

/** Refuses a change that would leave no active administrator (after `lockAdministrators`). */
async function keepAnAdministrator(cmd: Command, user: User): Promise<void> {
  const [row] = await cmd.sql<{ others: number }>(
    `select count(*)::int as "others" from "app_user"
      where "active" and ?::text = any("roles"::text[]) and "id" <> ?`,
    [Role.ADMIN, user.id],
  );
  if (row.others === 0) {
    throw Forbidden(
      'Die letzte aktive Administration kann weder deaktiviert werden noch die Rolle Administration verlieren.',
      { reason: 'LAST_ADMINISTRATOR' },
    );
  }
}

async function loadUser(cmd: Command, id: string): Promise<User> {
  const user = await cmd.tx.findOne(User, { id }, { populate: USER_RELATIONS });
  if (!user) throw NotFound('Die Fachkraft');
  return user;
}

/** Creates a user with an initial password that must be changed at the first sign-in. */
export async function createUser(cmd: Command, input: CreateUserInput, passwordHash: string): Promise<User> {
  cmd.authorize(userPolicy, 'create', { id: '', active: true, roles: input.roles });
  const email = normaliseEmail(input.email);
  if (await cmd.tx.count(User, { email })) {
    throw Conflict('Diese E-Mail-Adresse ist bereits vergeben.', { reason: 'EMAIL_TAKEN' });
  }
  const scopes = await scopesFor(cmd.tx, input.roles, {
    providerId: input.providerId ?? null,
    regionalTeamId: input.regionalTeamId ?? null,
    socialAreaIds: input.socialAreaIds ?? [],
  });
  const user = cmd.tx.create(User, {
    email,
    displayName: input.displayName.trim(),
    roles: [...input.roles],
    passwordHash,
    mustChangePassword: true,
    provider: scopes.provider,
    regionalTeam: scopes.regionalTeam,
    createdBy: cmd.caller.userId,
  });
  user.socialAreas.set(scopes.socialAreas);
  await cmd.tx.flush();
  cmd.audit({ entityType: 'User', entityId: user.id, details: { after: auditView(user) } });
  return user;
}

/** Changes name, roles and scopes; a change based on an older revision is refused. */
export async function updateUser(cmd: Command, input: UpdateUserInput): Promise<User> {
  await lockAdministrators(cmd);
  const user = await loadUser(cmd, input.id);
  cmd.authorize(userPolicy, 'update', user);
  if (user.revision !== input.revision) {
    throw Conflict(
      'Der Datensatz wurde inzwischen von jemand anderem gespeichert. Bitte laden Sie ihn neu; Ihre Änderungen wurden nicht gespeichert.',
      { reason: 'STALE_REVISION' },
    );
  }
  const roles = input.roles ?? user.roles;
  if (user.id === cmd.caller.userId && !roles.includes(Role.ADMIN)) {
    throw Forbidden('Sie können sich die Rolle Administration nicht selbst entziehen.');
  }
  cmd.authorize(roleChangePolicy, 'changeRoles', { user, roles });
  if (user.active && user.roles.includes(Role.ADMIN) && !roles.includes(Role.ADMIN)) {
    await keepAnAdministrator(cmd, user);
  }
  const before = auditView(user);
  const scopes = await scopesFor(cmd.tx, roles, {
    providerId: input.providerId === undefined ? (user.provider?.id ?? null) : input.providerId,
    regionalTeamId:
      input.regionalTeamId === undefined ? (user.regionalTeam?.id ?? null) : input.regionalTeamId,
    socialAreaIds:
      input.socialAreaIds === undefined || input.socialAreaIds === null
        ? user.socialAreas.getIdentifiers<string>()
        : input.socialAreaIds,
  });
  if (input.displayName !== undefined) user.displayName = input.displayName.trim();
  user.roles = [...roles];
  user.provider = scopes.provider;
  user.regionalTeam = scopes.regionalTeam;
  user.socialAreas.set(scopes.socialAreas);
  const changed = changes(before, auditView(user));
  const revision = user.revision;
  await cmd.tx.flush();
  // The revision counts every change, also one of the Sozialräume alone (a row of the link table).
  if (Object.keys(changed).length > 0 && user.revision === revision) {
    await cmd.sql('update "app_user" set "revision" = "revision" + 1 where "id" = ?', [user.id]);
  }
  // Roles and scopes of signed-in sessions change with the user.
  await announceUserChange(cmd.sql, user.id);
  cmd.audit({ entityType: 'User', entityId: user.id, details: changed });
  return user;
}

/** Gives a user a new initial password; their sessions end and the next sign-in asks for a new password. */
export async function resetPassword(
  cmd: Command,
  id: string,
  passwordHash: string,
  sessions: SessionStore,
): Promise<User> {
  const user = await loadUser(cmd, id);
  cmd.authorize(userPolicy, 'resetPassword', user);
  const before = user.mustChangePassword;
  user.passwordHash = passwordHash;
  user.mustChangePassword = true;
  user.passwordChangedAt = new Date();
  await cmd.tx.flush();
  await sessions.endAll(cmd.sql, user.id);
  cmd.audit({
    entityType: 'User',
    entityId: user.id,
    details: { passwordReset: true, mustChangePassword: { before, after: true } },
  });
  return user;
}

/** Deactivates a user: no more sign-ins, and every session ends at once (in all app processes). */
export async function deactivateUser(cmd: Command, id: string, sessions: SessionStore): Promise<User> {
  await lockAdministrators(cmd);
  const user = await loadUser(cmd, id);
  if (user.id === cmd.caller.userId) throw Forbidden('Sie können sich nicht selbst deaktivieren.');
  cmd.authorize(userPolicy, 'deactivate', user);
  if (user.roles.includes(Role.ADMIN)) await keepAnAdministrator(cmd, user);
  user.active = false;
  await cmd.tx.flush();
  await sessions.endAll(cmd.sql, user.id);
  cmd.audit({ entityType: 'User', entityId: user.id, details: { active: { before: true, after: false } } });
  return user;
}

/** Lets a deactivated user sign in again. */
export async function reactivateUser(cmd: Command, id: string): Promise<User> {
  const user = await loadUser(cmd, id);
  cmd.authorize(userPolicy, 'reactivate', user);
  user.active = true;
  await cmd.tx.flush();
  await announceUserChange(cmd.sql, user.id);
  cmd.audit({ entityType: 'User', entityId: user.id, details: { active: { before: false, after: true } } });
  return user;
}
