import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoMasterData } from '../../server/src/master-data/seed-demo-master-data.js';
import { bootstrapUsers } from '../../server/src/users/bootstrap-users.js';
import { DEMO_USERS } from '../../server/src/users/demo-users.js';
import { type RequestOptions, startTestApi, type TestApi } from '../support/test-api.js';

const LOGIN = /* GraphQL */ `
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
      email
      roles
      mustChangePassword
      provider {
        id
      }
      socialAreas {
        id
      }
      viewerCan {
        update
      }
    }
  }
`;
const ME = /* GraphQL */ `
  query Me {
    me {
      id
      email
      displayName
      roles
      active
      mustChangePassword
      revision
      provider {
        id
        name
      }
      regionalTeam {
        id
        name
      }
      socialAreas {
        id
        name
      }
      viewerCan {
        update
        resetPassword
        deactivate
        reactivate
      }
    }
  }
`;
const LOGOUT = 'mutation Logout { logout }';
const CHANGE_PASSWORD = /* GraphQL */ `
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword) {
      id
      mustChangePassword
    }
  }
`;
const USER_FIELDS =
  'id email displayName roles active mustChangePassword revision provider { id } socialAreas { id }';
const CREATE_USER = /* GraphQL */ `
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) { initialPassword user { ${USER_FIELDS} } }
  }
`;
const UPDATE_USER = `mutation UpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { ${USER_FIELDS} } }`;
const RESET_PASSWORD = `mutation Reset($id: UUID!) { resetPassword(id: $id) { initialPassword user { ${USER_FIELDS} } } }`;
const DEACTIVATE = `mutation Deactivate($id: UUID!) { deactivateUser(id: $id) { ${USER_FIELDS} } }`;
const REACTIVATE = `mutation Reactivate($id: UUID!) { reactivateUser(id: $id) { ${USER_FIELDS} } }`;
const USERS = `query Users { users { ${USER_FIELDS} viewerCan { deactivate } } }`;
const FORMS = 'query Forms { forms { key } }';

const PASSWORD = 'ein-langes-passwort-2026';

let api: TestApi;
beforeAll(async () => {
  // No session cache, so changed timestamps count at once; X-Forwarded-* believed, so tests choose addresses.
  api = await startTestApi({ sessions: { idleMinutes: 30, maxHours: 10, cacheMs: 0 }, trustProxy: true });
});
afterAll(() => api?.close());

async function sql<T = Record<string, any>>(query: string, params: unknown[] = []): Promise<T[]> {
  return api.orm.em.getConnection().execute(query, params);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A fresh address per test, so the throttle per address of one test does not touch another. */
const newAddress = () => `10.${randomBytes(3).join('.')}`;

/** An e-mail address nobody else uses. */
const newEmail = (name = 'fachkraft') => `${name}-${randomUUID().slice(0, 8)}@example.org`;

interface Session {
  cookie: string;
  token: string;
}

async function login(
  email: string,
  password: string,
  options: { address?: string; cookie?: string; api?: TestApi } = {},
) {
  const response = await (options.api ?? api).request(
    LOGIN,
    { email, password },
    { cookie: options.cookie ?? '', headers: { 'x-forwarded-for': options.address ?? newAddress() } },
  );
  const cookie = response.cookies.find((candidate) => candidate.name === 'sr_session');
  return { response, data: response.body.data, errors: response.body.errors, cookie };
}

async function signIn(email: string, password: string, options: { api?: TestApi } = {}): Promise<Session> {
  const { cookie, errors } = await login(email, password, options);
  expect(errors).toBeUndefined();
  return { cookie: `sr_session=${cookie!.value}`, token: cookie!.value };
}

const as = (session: Session | string): RequestOptions => ({
  cookie: typeof session === 'string' ? session : session.cookie,
});

/** Creates a user through the administration (as the test caller) and gives it `password` as its own. */
async function createUser(
  input: Record<string, unknown> = {},
  password = PASSWORD,
): Promise<{ id: string; email: string; session: Session }> {
  const email = newEmail();
  const created = await api.gql(CREATE_USER, {
    input: { email, displayName: 'Frieda Fachkraft', roles: ['FINANCE'], ...input },
  });
  expect(created.errors).toBeUndefined();
  const { user, initialPassword } = created.data!.createUser;
  const first = await signIn(email, initialPassword);
  const changed = await api.gql(
    CHANGE_PASSWORD,
    { currentPassword: initialPassword, newPassword: password },
    as(first),
  );
  expect(changed.errors).toBeUndefined();
  return { id: user.id, email, session: first };
}

/** An administrator who is a real user (for the rules about one's own account). */
async function createAdmin() {
  return createUser({ roles: ['ADMIN'] });
}

const codeOf = (result: { errors?: { extensions?: Record<string, any> }[] }) =>
  result.errors?.[0]?.extensions?.code;

describe('signing in', () => {
  it('answers a wrong password and an unknown account alike, and keeps no password', async () => {
    const { email } = await createUser();
    const wrong = await login(email, 'falsches-passwort-123');
    const unknown = await login(newEmail('niemand'), 'falsches-passwort-123');
    for (const attempt of [wrong, unknown]) {
      expect(attempt.data).toBeNull();
      expect(attempt.errors![0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_CREDENTIALS',
      });
      expect(attempt.cookie).toBeUndefined();
    }
    expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
    expect(wrong.errors![0].message).toBe('E-Mail-Adresse oder Passwort ist nicht richtig.');

    const events = await sql(
      `select "user_id", "outcome", "details"::text as "details" from "audit_event"
        where "operation" = 'login' and "outcome" = 'FAILED' order by "id" desc limit 2`,
    );
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(event.user_id).toBeNull();
      expect(event.details).not.toContain('falsches-passwort');
      expect(event.details).not.toContain('@example.org');
      expect(JSON.parse(event.details).account).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('signs in with the right password, case-insensitively by e-mail, and records the sign-in', async () => {
    const { id, email } = await createUser();
    const { data, cookie } = await login(email.toUpperCase(), PASSWORD);
    expect(data!.login).toMatchObject({ id, email, mustChangePassword: false });
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await api.gql(ME, {}, as(`sr_session=${cookie!.value}`));
    expect(me.data!.me).toMatchObject({ id, email, active: true });
    // Only the token's hash is stored.
    expect(await sql('select 1 from "user_session" where "token_hash" = ?', [cookie!.value])).toHaveLength(0);
    const [event] = await sql(
      `select "user_id", "entity_id", "outcome" from "audit_event" where "operation" = 'login'
        and "user_id" = ? order by "id" desc limit 1`,
      [id],
    );
    expect(event).toMatchObject({ entity_id: id, outcome: 'SUCCESS' });
  });

  it('throttles an account after 5 failures in 15 minutes, also with the right password, without revealing it', async () => {
    const { email } = await createUser();
    const unknownEmail = newEmail('unbekannt');
    for (const account of [email, unknownEmail]) {
      for (let attempt = 0; attempt < 5; attempt++) {
        expect(codeOf(await login(account, `falsch-${attempt}-passwort`))).toBe('UNAUTHENTICATED');
      }
    }
    const known = await login(email, PASSWORD);
    const unknown = await login(unknownEmail, PASSWORD);
    for (const attempt of [known, unknown]) {
      expect(attempt.cookie).toBeUndefined();
      expect(attempt.errors![0].extensions).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        limit: 'LOGIN_THROTTLE',
      });
      const retryAfter = attempt.errors![0].extensions!.retryAfterSeconds;
      expect(retryAfter).toBeGreaterThan(800);
      expect(retryAfter).toBeLessThanOrEqual(900);
    }
    expect(known.errors![0].message).toBe(unknown.errors![0].message);
    expect(known.errors![0].message).toMatch(/Zu viele fehlgeschlagene Anmeldeversuche/);

    // Once the failures are older than the window, the account signs in again.
    await sql(
      `update "login_failure" set "failed_at" = now() - interval '16 minutes' where "account_key" in (?, ?)`,
      [sha256(email.toLowerCase()), sha256(unknownEmail.toLowerCase())],
    );
    expect((await login(email, PASSWORD)).errors).toBeUndefined();
  });

  it('throttles an address after 20 failures in 15 minutes, whichever accounts were tried', async () => {
    const { email } = await createUser();
    const address = newAddress();
    for (let attempt = 0; attempt < 20; attempt++) {
      expect(codeOf(await login(newEmail('probe'), 'falsches-passwort-123', { address }))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const fromThere = await login(email, PASSWORD, { address });
    expect(fromThere.errors![0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'LOGIN_THROTTLE',
    });
    // The same account from another address is not held up.
    expect((await login(email, PASSWORD, { address: newAddress() })).errors).toBeUndefined();
  });

  it('refuses everything but login without a session, through fragments too', async () => {
    const anonymous: RequestOptions = { cookie: '' };
    const documents = [
      ME,
      FORMS,
      USERS,
      LOGOUT,
      'query { submissions(formKey: "criteria") { id } }',
      'query Q { ...F } fragment F on Query { forms { key } }',
      'query { ... on Query { users { id } } }',
      'query { __typename forms { key } }',
    ];
    for (const document of documents) {
      const result = await api.gql(document, {}, anonymous);
      expect(codeOf(result), document).toBe('UNAUTHENTICATED');
      expect(result.data ?? null, document).toBeNull();
    }
    // A stale or made-up cookie is no session.
    const madeUp = `sr_session=${randomBytes(32).toString('base64url')}`;
    expect(codeOf(await api.gql(FORMS, {}, as(madeUp)))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(FORMS, {}, as('sr_session=kaputt')))).toBe('UNAUTHENTICATED');
    expect((await api.gql('{ __typename }', {}, anonymous)).data).toEqual({ __typename: 'Query' });
    expect(codeOf(await login(newEmail(), 'irgendein-passwort'))).toBe('UNAUTHENTICATED');
  });
});

describe('sessions', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie, Secure only when the request came over HTTPS', async () => {
    const { email } = await createUser();
    const overHttp = await login(email, PASSWORD);
    expect(overHttp.cookie).toMatchObject({ name: 'sr_session', httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(overHttp.cookie!.secure).toBeFalsy();
    const header = String(overHttp.response.headers['set-cookie']);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).not.toMatch(/Secure/);

    const overHttps = await api.request(
      LOGIN,
      { email, password: PASSWORD },
      { cookie: '', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': newAddress() } },
    );
    expect(String(overHttps.headers['set-cookie'])).toMatch(/; Secure/);

    // Without TRUST_PROXY, a client's X-Forwarded-Proto counts for nothing.
    const direct = await startTestApi({ databaseUrl: api.databaseUrl });
    try {
      const claimed = await direct.request(
        LOGIN,
        { email, password: PASSWORD },
        { cookie: '', headers: { 'x-forwarded-proto': 'https' } },
      );
      expect(claimed.body.errors).toBeUndefined();
      expect(String(claimed.headers['set-cookie'])).not.toMatch(/Secure/);
    } finally {
      await direct.close();
    }
  });

  it('gives a new session at every sign-in; the cookie from before no longer works (no fixation)', async () => {
    const { email } = await createUser();
    const first = await signIn(email, PASSWORD);
    const second = await login(email, PASSWORD, { cookie: first.cookie });
    expect(second.cookie!.value).not.toBe(first.token);
    expect(codeOf(await api.gql(ME, {}, as(first)))).toBe('UNAUTHENTICATED');
    expect((await api.gql(ME, {}, as(`sr_session=${second.cookie!.value}`))).data!.me.email).toBe(email);

    // A token an attacker planted before sign-in is never adopted.
    const planted = randomBytes(32).toString('base64url');
    const third = await login(email, PASSWORD, { cookie: `sr_session=${planted}` });
    expect(third.cookie!.value).not.toBe(planted);
    expect(codeOf(await api.gql(ME, {}, as(`sr_session=${planted}`)))).toBe('UNAUTHENTICATED');
  });

  it('ends a session after 30 idle minutes and 10 hours after sign-in, and notes use at most once a minute', async () => {
    const { id, email } = await createUser();
    const idle = await signIn(email, PASSWORD);
    await sql(`update "user_session" set "last_seen_at" = now() - interval '5 minutes' where "user_id" = ?`, [
      id,
    ]);
    expect((await api.gql(ME, {}, as(idle))).data!.me.id).toBe(id);
    const [touched] = await sql(
      `select extract(epoch from now() - "last_seen_at") as "age" from "user_session" where "token_hash" = ?`,
      [sha256(idle.token)],
    );
    expect(Number(touched.age)).toBeLessThan(60);
    await sql(
      `update "user_session" set "last_seen_at" = now() - interval '31 minutes' where "user_id" = ?`,
      [id],
    );
    expect(codeOf(await api.gql(ME, {}, as(idle)))).toBe('UNAUTHENTICATED');

    const busy = await signIn(email, PASSWORD);
    expect((await api.gql(ME, {}, as(busy))).data!.me.id).toBe(id);
    // Used a second ago, but signed in longer ago than the absolute limit.
    await sql(
      `update "user_session" set "expires_at" = now() - interval '1 second', "last_seen_at" = now() where "user_id" = ?`,
      [id],
    );
    expect(codeOf(await api.gql(ME, {}, as(busy)))).toBe('UNAUTHENTICATED');
  });

  it('ends the session at logout and clears the cookie', async () => {
    const { id, email } = await createUser();
    const session = await signIn(email, PASSWORD);
    const other = await signIn(email, PASSWORD);
    const response = await api.request(LOGOUT, {}, as(session));
    expect(response.body).toEqual({ data: { logout: true } });
    const cleared = response.cookies.find((cookie) => cookie.name === 'sr_session');
    expect(cleared!.value).toBe('');
    expect(new Date(String(cleared!.expires)).getTime()).toBeLessThan(Date.now());
    expect(codeOf(await api.gql(ME, {}, as(session)))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(LOGOUT, {}, as(session)))).toBe('UNAUTHENTICATED');
    // Only that session ended.
    expect((await api.gql(ME, {}, as(other))).data!.me.id).toBe(id);
    const [event] = await sql(
      `select "details", "entity_id" from "audit_event" where "operation" = 'logout' and "user_id" = ?`,
      [id],
    );
    expect(event.entity_id).toBe(id);
  });

  it('puts a deactivated user out at once, also in a second app process on the same database', async () => {
    // A long cache: only the notification can explain that the second process lets the user go.
    const sessions = { idleMinutes: 30, maxHours: 10, cacheMs: 60_000 };
    const first = await startTestApi({ databaseUrl: api.databaseUrl, sessions });
    const second = await startTestApi({ databaseUrl: api.databaseUrl, sessions });
    try {
      const { id, email } = await createUser();
      const session = await signIn(email, PASSWORD, { api: first });
      expect((await first.gql(ME, {}, as(session))).data!.me.id).toBe(id);
      expect((await second.gql(ME, {}, as(session))).data!.me.id).toBe(id);

      const deactivated = await first.gql(DEACTIVATE, { id });
      expect(deactivated.data!.deactivateUser.active).toBe(false);
      expect(codeOf(await first.gql(ME, {}, as(session)))).toBe('UNAUTHENTICATED');
      await vi.waitFor(
        async () => expect(codeOf(await second.gql(ME, {}, as(session)))).toBe('UNAUTHENTICATED'),
        {
          timeout: 2_000,
          interval: 20,
        },
      );
      expect(await sql('select 1 from "user_session" where "user_id" = ?', [id])).toHaveLength(0);
      // A deactivated user cannot sign in, with the answer of a wrong password.
      expect((await login(email, PASSWORD)).errors![0].extensions!.reason).toBe('INVALID_CREDENTIALS');

      await first.gql(REACTIVATE, { id });
      expect((await login(email, PASSWORD)).errors).toBeUndefined();
    } finally {
      await first.close();
      await second.close();
    }
  });

  it('takes a change of roles and scopes into the signed-in session', async () => {
    const { id, email } = await createUser({ roles: ['FINANCE'] });
    const session = await signIn(email, PASSWORD);
    expect(codeOf(await api.gql(USERS, {}, as(session)))).toBe('FORBIDDEN');
    const revision = (await api.gql(ME, {}, as(session))).data!.me.revision;
    const updated = await api.gql(UPDATE_USER, { input: { id, revision, roles: ['FINANCE', 'ADMIN'] } });
    expect(updated.data!.updateUser.roles).toEqual(['FINANCE', 'ADMIN']);
    expect(updated.data!.updateUser.revision).toBe(revision + 1);
    expect((await api.gql(USERS, {}, as(session))).data!.users.length).toBeGreaterThan(0);
    // The stale revision is refused.
    const stale = await api.gql(UPDATE_USER, { input: { id, revision, displayName: 'Neu' } });
    expect(stale.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVISION' });
  });
});

describe('passwords', () => {
  it('changes the own password: the old one no longer works, other sessions end, this one stays', async () => {
    const { email } = await createUser();
    const session = await signIn(email, PASSWORD);
    const elsewhere = await signIn(email, PASSWORD);
    const wrong = await api.gql(
      CHANGE_PASSWORD,
      { currentPassword: 'nicht-das-passwort', newPassword: 'ganz-neues-passwort-1' },
      as(session),
    );
    expect(wrong.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WRONG_PASSWORD' });
    const short = await api.gql(
      CHANGE_PASSWORD,
      { currentPassword: PASSWORD, newPassword: 'kurz' },
      as(session),
    );
    expect(short.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_RULES' });
    expect(short.errors![0].message).toMatch(/zwischen 12 und 128 Zeichen/);

    const changed = await api.gql(
      CHANGE_PASSWORD,
      { currentPassword: PASSWORD, newPassword: 'ganz-neues-passwort-1' },
      as(session),
    );
    expect(changed.errors).toBeUndefined();
    expect((await api.gql(ME, {}, as(session))).data!.me.email).toBe(email);
    expect(codeOf(await api.gql(ME, {}, as(elsewhere)))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(email, PASSWORD))).toBe('UNAUTHENTICATED');
    expect((await login(email, 'ganz-neues-passwort-1')).errors).toBeUndefined();
    const [stored] = await sql(`select "password_hash" from "app_user" where "email" = ?`, [email]);
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
  });

  it('lets a user with an initial password only see itself, change the password and sign out', async () => {
    const email = newEmail();
    const created = await api.gql(CREATE_USER, {
      input: { email, displayName: 'Neue Fachkraft', roles: ['COMMITTEE'] },
    });
    const { initialPassword, user } = created.data!.createUser;
    expect(user.mustChangePassword).toBe(true);
    const { data, cookie } = await login(email, initialPassword);
    expect(data!.login.mustChangePassword).toBe(true);
    const session = as(`sr_session=${cookie!.value}`);
    expect((await api.gql(ME, {}, session)).data!.me.mustChangePassword).toBe(true);
    for (const document of [FORMS, USERS, 'query { me { id } forms { key } }']) {
      const refused = await api.gql(document, {}, session);
      expect(refused.errors![0].extensions, document).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'PASSWORD_CHANGE_REQUIRED',
      });
      expect(refused.data ?? null).toBeNull();
    }
    const changed = await api.gql(
      CHANGE_PASSWORD,
      { currentPassword: initialPassword, newPassword: PASSWORD },
      session,
    );
    expect(changed.data!.changePassword.mustChangePassword).toBe(false);
    expect((await api.gql(FORMS, {}, session)).errors).toBeUndefined();
    expect((await api.gql(LOGOUT, {}, session)).data!.logout).toBe(true);
  });
});

describe('users administration', () => {
  it('creates a user with an initial password shown once, with roles and scopes checked', async () => {
    const email = newEmail();
    const created = await api.gql(CREATE_USER, {
      input: { email: email.toUpperCase(), displayName: 'Greta Gremium', roles: ['COMMITTEE'] },
    });
    const { user, initialPassword } = created.data!.createUser;
    expect(user).toMatchObject({
      email,
      roles: ['COMMITTEE'],
      active: true,
      mustChangePassword: true,
      revision: 1,
    });
    expect(initialPassword.length).toBeGreaterThanOrEqual(12);
    const [event] = await sql(
      `select "details"::text as "details" from "audit_event" where "operation" = 'createUser' and "entity_id" = ?`,
      [user.id],
    );
    expect(event.details).not.toContain(initialPassword);
    expect(event.details).not.toContain('argon2');

    const duplicate = await api.gql(CREATE_USER, {
      input: { email, displayName: 'Doppelt', roles: ['COMMITTEE'] },
    });
    expect(duplicate.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_TAKEN' });
    for (const [roles, message] of [
      [['PROVIDER'], /Träger/],
      [['REGIONAL_TEAM'], /Regionalteam/],
      [['TEAM_LEAD'], /Sozialraum/],
      [[], /mindestens eine Rolle/],
    ] as const) {
      const refused = await api.gql(CREATE_USER, { input: { email: newEmail(), displayName: 'X', roles } });
      expect(codeOf(refused)).toBe('BAD_USER_INPUT');
      expect(refused.errors![0].message).toMatch(message);
    }
    const unknownProvider = await api.gql(CREATE_USER, {
      input: { email: newEmail(), displayName: 'X', roles: ['PROVIDER'], providerId: randomUUID() },
    });
    expect(unknownProvider.errors![0].message).toMatch(/Träger wurde nicht gefunden/);
  });

  it('resets a password: the sessions end, the old password no longer works, the new one must be changed', async () => {
    const { id, email } = await createUser();
    const session = await signIn(email, PASSWORD);
    const reset = await api.gql(RESET_PASSWORD, { id });
    const { initialPassword, user } = reset.data!.resetPassword;
    expect(user.mustChangePassword).toBe(true);
    expect(codeOf(await api.gql(ME, {}, as(session)))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(email, PASSWORD))).toBe('UNAUTHENTICATED');
    const fresh = await login(email, initialPassword);
    expect(fresh.data!.login.mustChangePassword).toBe(true);
  });

  it('keeps administrators from locking themselves out', async () => {
    const admin = await createAdmin();
    const session = await signIn(admin.email, PASSWORD);
    const own = await api.gql(ME, {}, as(session));
    expect(own.data!.me.viewerCan).toEqual({
      update: true,
      resetPassword: false,
      deactivate: false,
      reactivate: false,
    });
    expect(codeOf(await api.gql(DEACTIVATE, { id: admin.id }, as(session)))).toBe('FORBIDDEN');
    const demote = await api.gql(
      UPDATE_USER,
      { input: { id: admin.id, revision: own.data!.me.revision, roles: ['FINANCE'] } },
      as(session),
    );
    expect(codeOf(demote)).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(RESET_PASSWORD, { id: admin.id }, as(session)))).toBe('FORBIDDEN');
    expect((await api.gql(ME, {}, as(session))).data!.me.roles).toEqual(['ADMIN']);

    // Another user: the administrator may deactivate it, which shows in viewerCan.
    const other = await createUser();
    const listed = (await api.gql(USERS, {}, as(session))).data!.users;
    expect(listed.find((user: { id: string }) => user.id === other.id).viewerCan.deactivate).toBe(true);
    expect((await api.gql(DEACTIVATE, { id: other.id }, as(session))).data!.deactivateUser.active).toBe(
      false,
    );
  });

  it('is for administrators only; everyone signed in sees only themselves through me', async () => {
    const finance = await createUser({ roles: ['FINANCE'] });
    const session = await signIn(finance.email, PASSWORD);
    for (const [document, variables] of [
      [USERS, {}],
      ['query($id: UUID!) { user(id: $id) { id } }', { id: finance.id }],
      [CREATE_USER, { input: { email: newEmail(), displayName: 'X', roles: ['FINANCE'] } }],
      [RESET_PASSWORD, { id: finance.id }],
      [DEACTIVATE, { id: finance.id }],
      [REACTIVATE, { id: finance.id }],
      [UPDATE_USER, { input: { id: finance.id, revision: 1, roles: ['ADMIN'] } }],
    ] as const) {
      expect(codeOf(await api.gql(document, variables, as(session))), document).toBe('FORBIDDEN');
    }
    const me = (await api.gql(ME, {}, as(session))).data!.me;
    expect(me).toMatchObject({ id: finance.id, roles: ['FINANCE'] });
    expect(me.viewerCan).toEqual({
      update: false,
      resetPassword: false,
      deactivate: false,
      reactivate: false,
    });
  });
});

describe('start-up accounts', () => {
  it('creates the first administrator from ADMIN_EMAIL and ADMIN_PASSWORD once, while none exists', async () => {
    const fresh = await startTestApi();
    try {
      const lines: string[] = [];
      const settings = {
        NODE_ENV: 'production',
        DEMO_DATA: false,
        ADMIN_EMAIL: 'Leitung@Example.org',
        ADMIN_PASSWORD: 'start-passwort-2026',
      };
      await bootstrapUsers(fresh.orm.em.fork(), { NODE_ENV: 'production', DEMO_DATA: false }, (line) =>
        lines.push(line),
      );
      expect(lines.join('\n')).toMatch(/ADMIN_EMAIL und ADMIN_PASSWORD/);
      lines.length = 0;
      await bootstrapUsers(fresh.orm.em.fork(), settings, (line) => lines.push(line));
      expect(lines.join('\n')).toMatch(/Administrator-Zugang leitung@example\.org .*angelegt/);
      lines.length = 0;
      await bootstrapUsers(fresh.orm.em.fork(), { ...settings, ADMIN_EMAIL: 'zweite@example.org' }, (line) =>
        lines.push(line),
      );
      expect(lines).toEqual([]);
      const users = await fresh.orm.em
        .getConnection()
        .execute(`select "email", "roles"::text[] as "roles" from "app_user"`);
      expect(users).toEqual([{ email: 'leitung@example.org', roles: ['ADMIN'] }]);
      const signedIn = await fresh.request(
        LOGIN,
        { email: 'leitung@example.org', password: 'start-passwort-2026' },
        { cookie: '' },
      );
      expect(signedIn.body.data!.login.roles).toEqual(['ADMIN']);
    } finally {
      await fresh.close();
    }
  });

  it('creates one demo user per role with its scopes once, and prints them at every start', async () => {
    const fresh = await startTestApi();
    try {
      const settings = { NODE_ENV: 'development', DEMO_DATA: true };
      for (let start = 0; start < 2; start++) {
        const lines: string[] = [];
        await bootstrapUsers(fresh.orm.em.fork(), settings, (line) => lines.push(line));
        const output = lines.join('\n');
        for (const user of DEMO_USERS) {
          expect(output).toContain(user.email);
          expect(output).toContain(user.password);
        }
      }
      expect(await seedDemoMasterData(fresh.orm.em.fork())).toBe(0);
      const [counts] = await fresh.orm.em.getConnection().execute(
        `select (select count(*)::int from "app_user") as "users", (select count(*)::int from "social_area") as "areas",
                (select count(*)::int from "regional_team") as "teams", (select count(*)::int from "provider") as "providers",
                (select count(*)::int from "offer_category") as "categories", (select count(*)::int from "budget_year") as "years"`,
      );
      expect(counts).toEqual({
        users: DEMO_USERS.length,
        areas: 8,
        teams: 2,
        providers: 3,
        categories: 2,
        years: 2,
      });
      const roles = new Set(DEMO_USERS.flatMap((user) => user.roles));
      expect(roles.size).toBe(6);

      const me = async (email: string) => {
        const demo = DEMO_USERS.find((user) => user.email === email)!;
        const signedIn = await fresh.request(LOGIN, { email, password: demo.password }, { cookie: '' });
        const cookie = signedIn.cookies.find((candidate) => candidate.name === 'sr_session')!;
        return (await fresh.gql(ME, {}, { cookie: `sr_session=${cookie.value}` })).data!.me;
      };
      const teamLead = await me('teamleitung@demo.sozialraum.invalid');
      expect(teamLead.socialAreas.map((area: { name: string }) => area.name)).toEqual(['Achim', 'Oyten']);
      expect((await me('regionalteam@demo.sozialraum.invalid')).regionalTeam.name).toBe('Regionalteam Nord');
      const provider = await me('traeger@demo.sozialraum.invalid');
      const otherProvider = await me('traeger2@demo.sozialraum.invalid');
      expect(provider.provider.name).toBe('Jugendhilfe Weser-Aller e. V.');
      expect(otherProvider.provider.id).not.toBe(provider.provider.id);
    } finally {
      await fresh.close();
    }
  });
});
