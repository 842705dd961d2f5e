import type { EntityManager } from '@mikro-orm/postgresql';
import { runCommand, SYSTEM_CALLER } from '../common/command.js';
import { Role } from '../common/context.js';
import { Provider } from '../master-data/provider.entity.js';
import { seedDemoMasterData } from '../master-data/seed-demo-master-data.js';
import { RegionalTeam } from '../master-data/regional-team.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { DEMO_USERS, type DemoUser, ROLE_LABELS } from './demo-users.js';
import { hashPassword } from './passwords.js';
import { announceUserChange } from './session-store.js';
import { normaliseEmail } from './sign-in.js';
import { User } from './user.entity.js';

type Log = (message: string) => void;

/** Whether an active user with the ADMIN role exists. */
export async function activeAdminExists(em: EntityManager): Promise<boolean> {
  const [row] = await em.execute<{ count: number }[]>(
    `select count(*)::int as "count" from "app_user" where "active" and 'ADMIN' = any("roles")`,
  );
  return (row?.count ?? 0) > 0;
}

/**
 * When no active administrator exists, makes the account of `email` one: creates it, or gives an existing
 * user of that address the ADMIN role back, activates it and sets the password. Nothing while an
 * administrator exists (restarting with the variables still set changes nothing).
 * @returns whether an administrator was created or restored.
 */
export async function bootstrapAdmin(em: EntityManager, email: string, password: string): Promise<boolean> {
  if (await activeAdminExists(em)) return false;
  const passwordHash = await hashPassword(password);
  const address = normaliseEmail(email);
  return runCommand({ em, caller: SYSTEM_CALLER, requestId: 'start' }, 'bootstrapAdmin', async (cmd) => {
    await cmd.lock('bootstrapAdmin');
    if (await activeAdminExists(cmd.tx)) {
      cmd.unchanged();
      return false;
    }
    let user = await cmd.tx.findOne(User, { email: address });
    if (user) {
      user.roles = user.roles.includes(Role.ADMIN) ? user.roles : [...user.roles, Role.ADMIN];
      user.active = true;
      user.passwordHash = passwordHash;
      user.passwordChangedAt = new Date();
    } else {
      user = cmd.tx.create(User, {
        email: address,
        displayName: 'Administration',
        roles: [Role.ADMIN],
        passwordHash,
        passwordChangedAt: new Date(),
        createdBy: SYSTEM_CALLER.userId,
      });
    }
    await cmd.tx.flush();
    await announceUserChange(cmd.sql, user.id);
    cmd.audit({ entityType: 'User', entityId: user.id, details: { email: address, roles: user.roles } });
    return true;
  });
}

/**
 * Creates the demo users that are missing (by e-mail address), with their scopes from the demo master
 * data. Users that exist stay as they are, also when an administrator changed them. Idempotent.
 * @returns how many were created.
 */
export async function seedDemoUsers(
  em: EntityManager,
  users: readonly DemoUser[] = DEMO_USERS,
): Promise<number> {
  const existing = new Set(
    (await em.find(User, { email: { $in: users.map((user) => user.email) } })).map((user) => user.email),
  );
  const missing = users.filter((user) => !existing.has(user.email));
  if (missing.length === 0) return 0;
  const hashes = await Promise.all(missing.map((user) => hashPassword(user.password)));
  return runCommand({ em, caller: SYSTEM_CALLER, requestId: 'start' }, 'seedDemoUsers', async (cmd) => {
    let created = 0;
    for (const [index, demo] of missing.entries()) {
      if (await cmd.tx.count(User, { email: demo.email })) continue;
      const user = cmd.tx.create(User, {
        email: demo.email,
        displayName: demo.displayName,
        roles: [...demo.roles],
        passwordHash: hashes[index],
        passwordChangedAt: new Date(),
        provider: demo.providerName
          ? await cmd.tx.findOneOrFail(Provider, { name: demo.providerName })
          : null,
        regionalTeam: demo.regionalTeamName
          ? await cmd.tx.findOneOrFail(RegionalTeam, { name: demo.regionalTeamName })
          : null,
        createdBy: SYSTEM_CALLER.userId,
      });
      if (demo.socialAreaNames) {
        user.socialAreas.set(await cmd.tx.find(SocialArea, { name: { $in: [...demo.socialAreaNames] } }));
      }
      created += 1;
    }
    await cmd.tx.flush();
    if (created === 0) cmd.unchanged();
    else cmd.audit({ entityType: 'User', entityId: 'demo', details: { created } });
    return created;
  });
}

/** The demo users as a table for the start output: e-mail, role, password. */
export function demoUsersTable(users: readonly DemoUser[] = DEMO_USERS): string {
  const rows = users.map((user) => [
    user.email,
    user.roles.map((role) => ROLE_LABELS[role]).join(', ') +
      (user.socialAreaNames ? ` (${user.socialAreaNames.join(', ')})` : '') +
      (user.regionalTeamName ? ` (${user.regionalTeamName})` : '') +
      (user.providerName ? ` (${user.providerName})` : ''),
    user.password,
  ]);
  const header = ['E-Mail', 'Rolle', 'Passwort'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export interface BootstrapSettings {
  NODE_ENV: string;
  DEMO_DATA: boolean;
  ADMIN_EMAIL?: string;
  ADMIN_PASSWORD?: string;
}

/**
 * At start, after the form definitions: the first administrator from ADMIN_EMAIL/ADMIN_PASSWORD when
 * none exists; in demo mode the demo master data and demo users, whose table is printed at every start.
 * Without either and without an administrator, one line says how to get one.
 */
export async function bootstrapUsers(
  em: EntityManager,
  settings: BootstrapSettings,
  log: Log,
): Promise<void> {
  if (settings.ADMIN_EMAIL && settings.ADMIN_PASSWORD) {
    if (await bootstrapAdmin(em.fork(), settings.ADMIN_EMAIL, settings.ADMIN_PASSWORD)) {
      log(
        `Administrator-Zugang ${normaliseEmail(settings.ADMIN_EMAIL)} mit dem Passwort aus ADMIN_PASSWORD ` +
          'angelegt. Bitte nach der ersten Anmeldung das Passwort ändern und ADMIN_PASSWORD entfernen.',
      );
    }
  }
  if (settings.DEMO_DATA) {
    if (settings.NODE_ENV === 'production') {
      log(
        '!!! ACHTUNG: Demo-Daten im Produktionsbetrieb (DEMO_DATA=true). Die Demo-Zugänge haben ' +
          'öffentlich bekannte Passwörter; jeder, der die Plattform erreicht, kann sich damit anmelden. ' +
          'Nur für Vorführungen, niemals mit echten Daten. !!!',
      );
    }
    const masterData = await seedDemoMasterData(em.fork());
    if (masterData > 0) log(`${masterData} Demo-Stammdaten angelegt (Sozialräume, Regionalteams, Träger, …)`);
    const users = await seedDemoUsers(em.fork());
    if (users > 0) log(`${users} Demo-Zugänge angelegt`);
    log(`Demo-Zugänge (DEMO_DATA, öffentliche Passwörter, nur zum Ausprobieren):\n${demoUsersTable()}`);
    return;
  }
  if (!(await activeAdminExists(em))) {
    log(
      'Es gibt noch keinen Administrator-Zugang: ADMIN_EMAIL und ADMIN_PASSWORD (12 bis 128 Zeichen) setzen ' +
        'und neu starten, dann wird er angelegt.',
    );
  }
}
