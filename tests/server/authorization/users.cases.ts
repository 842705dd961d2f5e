import { hashPassword } from '../../../server/src/users/passwords.js';
import { allow, type AuthorizationCase, deny, insertRow, type World } from './matrix.js';

const PASSWORD = 'matrix-passwort-2026';
let passwordHash: Promise<string> | undefined;

interface Fresh {
  id: string;
  email: string;
}

/** A user of its own for one persona's call, with a password, scoped to the world's own rows. */
async function freshUser(w: World, values: Record<string, unknown> = {}): Promise<Fresh> {
  passwordHash ??= hashPassword(PASSWORD);
  const email = `${w.unique('matrix').replace(' ', '-')}@example.org`;
  const id = await insertRow(w, 'app_user', {
    email,
    display_name: 'Matrix Fachkraft',
    roles: '{FINANCE,PROVIDER,REGIONAL_TEAM,TEAM_LEAD}',
    password_hash: await passwordHash,
    provider_id: w.providers.own,
    regional_team_id: w.regionalTeams.own,
    ...values,
  });
  await w.sql(`insert into "user_social_area" ("user_id", "social_area_id") values (?, ?)`, [
    id,
    w.socialAreas.own,
  ]);
  return { id, email };
}

const userRow = (w: World, id: string) =>
  w.sql(`select *, "roles"::text[] as "roles" from "app_user" where "id" = ?`, [id]);
const userCount = (w: World) => w.sql(`select count(*)::int as "count" from "app_user"`);

/** An administration mutation on a fresh user: only ADMIN may run it; a denied call leaves the user as it was. */
function adminChanges(
  mutation: string,
  document: string,
  variables: (fresh: Fresh) => Record<string, unknown>,
  result: (fresh: Fresh) => unknown,
  values: Record<string, unknown> = {},
): AuthorizationCase<Fresh> {
  return {
    title: `${mutation} is for the administration only`,
    covers: [`Mutation.${mutation}`],
    prepare: (w) => freshUser(w, values),
    document,
    variables: (_w, fresh) => variables(fresh),
    expect: { ADMIN: (_w, fresh) => allow(result(fresh)), '*': deny('FORBIDDEN') },
    state: (w, fresh) => userRow(w, fresh.id),
  };
}

export const cases: AuthorizationCase[] = [
  {
    title: 'login is open to everyone, signed in or not, with the right password',
    covers: ['Mutation.login'],
    prepare: (w) => freshUser(w),
    document:
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { id } }',
    variables: (_w, fresh: Fresh) => ({ email: fresh.email, password: PASSWORD }),
    expect: {
      anonymous: (_w, fresh: Fresh) => allow({ id: fresh.id }),
      '*': (_w, fresh: Fresh) => allow({ id: fresh.id }),
    },
    state: (w) => w.sql(`select count(*)::int as "count" from "user_session"`),
  },
  {
    title: 'logout is for every signed-in caller',
    covers: ['Mutation.logout'],
    document: 'mutation { logout }',
    expect: { '*': allow(true) },
    state: (w) => w.sql(`select count(*)::int as "count" from "user_session"`),
  },
  {
    // The matrix personas are callers without a stored account: me has nobody to show (sign-in.test.ts
    // shows me for signed-in users of every role).
    title: 'me shows only the signed-in account, and nothing for a caller without one',
    covers: ['Query.me'],
    document: 'query { me { id } }',
    expect: { '*': deny('UNAUTHENTICATED') },
  },
  {
    title: 'changePassword changes only the signed-in account, and nothing for a caller without one',
    covers: ['Mutation.changePassword'],
    document:
      'mutation { changePassword(currentPassword: "matrix-passwort-2026", newPassword: "ein-neues-passwort-2026") { id } }',
    expect: { '*': deny('UNAUTHENTICATED') },
    state: (w) => w.sql(`select "id", "password_hash" from "app_user" order by "id"`),
  },
  {
    title: 'users lists the accounts with their scopes for the administration only',
    covers: ['Query.users', 'User.provider', 'User.regionalTeam', 'User.socialAreas', 'User.viewerCan'],
    prepare: (w) => freshUser(w),
    document:
      'query { users { id provider { id } regionalTeam { id } socialAreas { id } viewerCan { update resetPassword deactivate reactivate } } }',
    pick: (data, _w, fresh: Fresh) =>
      data.users?.find((user: { id: string }) => user.id === fresh.id) ?? null,
    expect: {
      ADMIN: (w, fresh: Fresh) =>
        allow({
          id: fresh.id,
          provider: { id: w.providers.own },
          regionalTeam: { id: w.regionalTeams.own },
          socialAreas: [{ id: w.socialAreas.own }],
          viewerCan: { update: true, resetPassword: true, deactivate: true, reactivate: false },
        }),
      '*': deny('FORBIDDEN'),
    },
  },
  {
    title: 'user(id) is for the administration only',
    covers: ['Query.user'],
    prepare: (w) => freshUser(w),
    document: 'query($id: UUID!) { user(id: $id) { id provider { id } } }',
    variables: (_w, fresh: Fresh) => ({ id: fresh.id }),
    expect: {
      ADMIN: (w, fresh: Fresh) => allow({ id: fresh.id, provider: { id: w.providers.own } }),
      '*': deny('FORBIDDEN'),
    },
  },
  {
    title: 'createUser is for the administration only; the initial password comes with the user',
    covers: ['Mutation.createUser', 'UserWithPasswordPayload.user'],
    prepare: async (w) => ({ email: `${w.unique('neu').replace(' ', '-')}@example.org` }),
    document:
      'mutation($input: CreateUserInput!) { createUser(input: $input) { initialPassword user { email mustChangePassword } } }',
    variables: (_w, prepared: { email: string }) => ({
      input: { email: prepared.email, displayName: 'Neue Fachkraft', roles: ['COMMITTEE'] },
    }),
    pick: (data) =>
      data.createUser && {
        ...data.createUser.user,
        hasPassword: data.createUser.initialPassword.length >= 12,
      },
    expect: {
      ADMIN: (_w, prepared: { email: string }) =>
        allow({ email: prepared.email, mustChangePassword: true, hasPassword: true }),
      '*': deny('FORBIDDEN'),
    },
    state: (w) => userCount(w),
  },
  adminChanges(
    'updateUser',
    'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id roles revision } }',
    (fresh) => ({ input: { id: fresh.id, revision: 1, roles: ['ADMIN'] } }),
    (fresh) => ({ id: fresh.id, roles: ['ADMIN'], revision: 2 }),
  ),
  adminChanges(
    'resetPassword',
    'mutation($id: UUID!) { resetPassword(id: $id) { user { id mustChangePassword } } }',
    (fresh) => ({ id: fresh.id }),
    (fresh) => ({ user: { id: fresh.id, mustChangePassword: true } }),
  ),
  adminChanges(
    'deactivateUser',
    'mutation($id: UUID!) { deactivateUser(id: $id) { id active } }',
    (fresh) => ({ id: fresh.id }),
    (fresh) => ({ id: fresh.id, active: false }),
  ),
  adminChanges(
    'reactivateUser',
    'mutation($id: UUID!) { reactivateUser(id: $id) { id active } }',
    (fresh) => ({ id: fresh.id }),
    (fresh) => ({ id: fresh.id, active: true }),
    { active: false },
  ),
];
