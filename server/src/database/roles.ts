import pg from 'pg';

/**
 * Least privilege: the app serves requests as a role that may read and write rows but owns nothing, so it
 * cannot alter tables, switch off the triggers that keep published versions immutable, or drop anything.
 * Migrations run as the owner role.
 */

/** Privileges of the runtime role on the owner's tables and sequences: rows only. */
const TABLE_PRIVILEGES = 'select, insert, update, delete';
const SEQUENCE_PRIVILEGES = 'usage, select';

export interface Login {
  user: string;
  password: string;
}

/** The user and password in a postgres:// URL. */
export function loginOf(url: string): Login {
  const parsed = new URL(url);
  return { user: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
}

/**
 * Creates the runtime role (LOGIN, nothing else) when `owner` may create roles, or sets its password so it
 * matches the configuration. A role that is a superuser is never touched. Without the right to manage
 * roles, the role must exist already (see README, least privilege).
 */
export async function ensureRuntimeRole(owner: pg.ClientBase, login: Login): Promise<void> {
  const { rows } = await owner.query<{ can: boolean }>(
    'select rolsuper or rolcreaterole as can from pg_roles where rolname = current_user',
  );
  if (!rows[0]?.can || !login.password) return;
  const role = pg.escapeIdentifier(login.user);
  const password = pg.escapeLiteral(login.password);
  const { rows: existing } = await owner.query<{ rolsuper: boolean }>(
    'select rolsuper from pg_roles where rolname = $1',
    [login.user],
  );
  if (existing[0]?.rolsuper) return;
  if (existing.length) {
    await owner.query(`alter role ${role} with login password ${password}`);
    return;
  }
  try {
    await owner.query(
      `create role ${role} with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${password}`,
    );
  } catch (error) {
    // Another process on another database of this server created it a moment ago (roles are server-wide).
    if ((error as { code?: string }).code !== '42710') throw error;
  }
}

/**
 * Grants the runtime role row access to every table and sequence of the owner (`owner`'s current user) in
 * schema public, now and for tables later migrations create. Idempotent; run after every migration.
 */
export async function grantRuntimeAccess(owner: pg.ClientBase, runtimeUser: string): Promise<void> {
  const role = pg.escapeIdentifier(runtimeUser);
  const {
    rows: [{ database }],
  } = await owner.query<{ database: string }>('select current_database() as database');
  await owner.query(`grant connect on database ${pg.escapeIdentifier(database)} to ${role}`);
  await owner.query(`grant usage on schema public to ${role}`);
  await owner.query(`grant ${TABLE_PRIVILEGES} on all tables in schema public to ${role}`);
  await owner.query(`grant ${SEQUENCE_PRIVILEGES} on all sequences in schema public to ${role}`);
  await owner.query(
    `alter default privileges in schema public grant ${TABLE_PRIVILEGES} on tables to ${role}`,
  );
  await owner.query(
    `alter default privileges in schema public grant ${SEQUENCE_PRIVILEGES} on sequences to ${role}`,
  );
  // The audit trail and the budget ledger are append-only: the app may add to them and read them, nothing else.
  for (const table of APPEND_ONLY_TABLES) {
    await owner.query(`revoke update, delete, truncate on ${pg.escapeIdentifier(table)} from ${role}`);
  }
  // Tables the database keeps from others by trigger: the app may only read them.
  for (const table of DERIVED_TABLES) {
    await owner.query(
      `revoke insert, update, delete, truncate on ${pg.escapeIdentifier(table)} from ${role}`,
    );
  }
}

/** Tables whose rows the runtime role may insert and read but never change or remove. */
export const APPEND_ONLY_TABLES = ['audit_event', 'ledger_entry'];

/** Tables a trigger keeps current from another table; the runtime role may only read them. */
export const DERIVED_TABLES = ['ledger_month_total'];

/**
 * What the role behind `client` could do beyond its rows: being a superuser, or owning tables (an owner
 * can alter them and disable their triggers). Empty when it has least privilege.
 */
export async function excessPrivileges(
  query: (sql: string) => Promise<{ superuser: boolean; owned: number }[]>,
): Promise<string[]> {
  const [row] = await query(
    `select r.rolsuper as superuser,
            (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'public' and c.relkind in ('r', 'p') and pg_has_role(current_user, c.relowner, 'USAGE')) as owned
       from pg_roles r where r.rolname = current_user`,
  );
  const excess: string[] = [];
  if (row?.superuser) excess.push('Superuser');
  if (row && row.owned > 0) excess.push(`Eigentümer von ${row.owned} Tabellen`);
  return excess;
}
