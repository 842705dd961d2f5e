import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoMasterData } from '../../server/src/master-data/seed-demo-master-data.js';
import { bootstrapUsers } from '../../server/src/users/bootstrap-users.js';
import { DEMO_USERS } from '../../server/src/users/demo-users.js';
import { sampleDataOf } from '../support/factories.js';
import { SUBMIT } from '../support/operations.js';
import { type GraphQLResponse, startTestApi, type TestApi } from '../support/test-api.js';

const LOGIN =
  'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { id } }';

let api: TestApi;
beforeAll(async () => {
  // TRUST_PROXY off (the default): X-Forwarded-For must not change the address sign-in counts for.
  api = await startTestApi({ sessions: { idleMinutes: 30, maxHours: 10, cacheMs: 0 } });
  await bootstrapUsers(api.orm.em.fork(), { NODE_ENV: 'development', DEMO_DATA: true }, () => {});
});
afterAll(() => api?.close());

const demo = (email: string) => DEMO_USERS.find((user) => user.email === email)!;

/** A request through the real pipeline from `address`, with the session `cookie` (or none). */
async function inject(
  options: {
    query?: string;
    variables?: Record<string, unknown>;
    cookie?: string;
    address?: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    payload?: unknown;
    url?: string;
  } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  else headers['x-test-session-only'] = '1';
  if (options.method !== 'GET' && !headers['content-type']) headers['content-type'] = 'application/json';
  return api.app.http.inject({
    method: options.method ?? 'POST',
    url: options.url ?? '/graphql',
    remoteAddress: options.address ?? '127.0.0.1',
    headers,
    ...(options.method === 'GET'
      ? {}
      : { payload: (options.payload ?? { query: options.query, variables: options.variables }) as string }),
  });
}

async function gql<T = Record<string, any>>(
  cookie: string | undefined,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<T>> {
  return (await inject({ cookie, query, variables })).json();
}

async function signIn(email: string, password = demo(email).password, address = '127.0.0.1') {
  const response = await inject({ query: LOGIN, variables: { email, password }, address });
  const cookie = response.cookies.find((candidate) => candidate.name === 'sr_session');
  if (!cookie) throw new Error(`sign-in of ${email} failed: ${response.body}`);
  return `sr_session=${cookie.value}`;
}

const codeOf = (result: GraphQLResponse) => result.errors?.[0]?.extensions?.code;

const ADMIN = 'admin@demo.sozialraum.invalid';
const PROVIDER_A = 'traeger@demo.sozialraum.invalid';
const PROVIDER_B = 'traeger2@demo.sozialraum.invalid';
const PASSWORD = 'ein-langes-passwort-2026';

let addressCounter = 0;
/** A fresh client address per use, so one test's failures do not throttle another's sign-ins. */
const newAddress = () => `10.77.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;

const CREATE_USER =
  'mutation($input: CreateUserInput!) { createUser(input: $input) { initialPassword user { id revision } } }';
const CHANGE_PASSWORD =
  'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) { id } }';

/** A user created by the demo administrator, signed in with its own password (or still with the initial one). */
async function createUser(roles: string[], options: { keepInitialPassword?: boolean } = {}) {
  const admin = await signIn(ADMIN);
  const email = `pruefung-${randomUUID().slice(0, 8)}@example.org`;
  const created = await gql(admin, CREATE_USER, { input: { email, displayName: 'Petra Prüfung', roles } });
  expect(created.errors).toBeUndefined();
  const { initialPassword, user } = created.data!.createUser;
  const cookie = await signIn(email, initialPassword);
  if (!options.keepInitialPassword) {
    expect((await gql(cookie, CHANGE_PASSWORD, { c: initialPassword, n: PASSWORD })).errors).toBeUndefined();
  }
  return { id: user.id as string, email, cookie, initialPassword: initialPassword as string };
}

const failedLogin = (email: string, address: string, headers: Record<string, string> = {}) =>
  inject({ query: LOGIN, variables: { email, password: 'falsches-passwort-123' }, address, headers });

describe('sign-in throttling', () => {
  it('checks at most 5 passwords of one account even when 30 attempts arrive at the same moment', async () => {
    const { email } = await createUser(['FINANCE']);
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => failedLogin(email, newAddress()).then((response) => response.json())),
    );
    const codes = answers.map((answer) => codeOf(answer));
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'LIMIT_EXCEEDED')).toHaveLength(25);
    // The right password waits too, and the refused attempts were not counted as failures.
    const right = await inject({
      query: LOGIN,
      variables: { email, password: PASSWORD },
      address: newAddress(),
    });
    expect(right.json().errors[0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'LOGIN_THROTTLE',
    });
    const [row] = await api.orm.em
      .getConnection()
      .execute(
        `select count(*)::int as "n" from "login_failure" where "account_key" = encode(sha256(?::bytea), 'hex')`,
        [email],
      );
    expect(row.n).toBe(5);
  });

  it('checks at most 20 passwords from one address even when 30 attempts arrive at the same moment', async () => {
    const address = newAddress();
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        failedLogin(`niemand-${index}-${randomUUID().slice(0, 8)}@example.org`, address).then((response) =>
          response.json(),
        ),
      ),
    );
    const codes = answers.map((answer) => codeOf(answer));
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(20);
    expect(codes.filter((code) => code === 'LIMIT_EXCEEDED')).toHaveLength(10);
  });

  it('ignores X-Forwarded-For without TRUST_PROXY: a spoofed address per attempt changes nothing', async () => {
    const address = newAddress();
    for (let attempt = 0; attempt < 20; attempt++) {
      const response = await failedLogin(`niemand-${randomUUID().slice(0, 8)}@example.org`, address, {
        'x-forwarded-for': `203.0.113.${attempt + 1}`,
      });
      expect(codeOf(response.json())).toBe('UNAUTHENTICATED');
    }
    const next = await failedLogin(`niemand-${randomUUID().slice(0, 8)}@example.org`, address, {
      'x-forwarded-for': '198.51.100.7',
    });
    expect(next.json().errors[0].extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'LOGIN_THROTTLE',
    });
  });

  it('counts variants of an e-mail address in case and surrounding spaces as one account', async () => {
    const { email } = await createUser(['FINANCE']);
    const [name, domain] = email.split('@');
    const variants = [
      email.toUpperCase(),
      ` ${email}`,
      `${email}\t`,
      `${name.toUpperCase()}@${domain}`,
      email,
    ];
    for (const variant of variants) {
      expect(codeOf((await failedLogin(variant, newAddress())).json())).toBe('UNAUTHENTICATED');
    }
    const right = await inject({
      query: LOGIN,
      variables: { email, password: PASSWORD },
      address: newAddress(),
    });
    expect(codeOf(right.json())).toBe('LIMIT_EXCEEDED');
  });

  it('does not count a right current password in changePassword as a failed attempt', async () => {
    const { cookie } = await createUser(['FINANCE']);
    // Six refusals for the new password's rules, each with the right current password: no throttle.
    for (let attempt = 0; attempt < 6; attempt++) {
      const refused = await gql(cookie, CHANGE_PASSWORD, { c: PASSWORD, n: 'kurz' });
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'PASSWORD_RULES',
      });
    }
    expect(
      (await gql(cookie, CHANGE_PASSWORD, { c: PASSWORD, n: `${PASSWORD}-neu` })).errors,
    ).toBeUndefined();
  });
});

describe('administrators', () => {
  const DEACTIVATE = 'mutation($id: UUID!) { deactivateUser(id: $id) { id active } }';
  const UPDATE = 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id roles } }';
  const activeAdministrators = async () =>
    (
      await api.orm.em
        .getConnection()
        .execute<{ id: string }[]>(
          `select "id" from "app_user" where "active" and 'ADMIN' = any("roles"::text[])`,
        )
    ).map((row) => row.id);

  /** Leaves exactly two active administrators, x and y, each signed in. */
  async function twoAdministrators() {
    const x = await createUser(['ADMIN']);
    const y = await createUser(['ADMIN']);
    for (const id of await activeAdministrators()) {
      if (id === x.id || id === y.id) continue;
      expect((await gql(x.cookie, DEACTIVATE, { id })).errors).toBeUndefined();
    }
    expect((await activeAdministrators()).sort()).toEqual([x.id, y.id].sort());
    return { x, y };
  }

  afterEach(async () => {
    // The demo administrator is active again for the next test.
    await api.orm.em
      .getConnection()
      .execute(`update "app_user" set "active" = true where "email" = ?`, [ADMIN]);
  });

  it('keeps one active administrator when two deactivate each other at the same moment', async () => {
    const { x, y } = await twoAdministrators();
    const answers = await Promise.all([
      gql(x.cookie, DEACTIVATE, { id: y.id }),
      gql(y.cookie, DEACTIVATE, { id: x.id }),
    ]);
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    const refused = answers.find((answer) => answer.errors)!;
    expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'LAST_ADMINISTRATOR' });
    expect(await activeAdministrators()).toHaveLength(1);
    // The refusal is in the audit trail.
    const [denial] = await api.orm.em
      .getConnection()
      .execute(
        `select "outcome" from "audit_event" where "operation" = 'deactivateUser' order by "id" desc limit 1`,
      );
    expect(denial.outcome).toBe('DENIED');
  });

  it('keeps one active administrator when two take each other the ADMIN role at the same moment', async () => {
    const { x, y } = await twoAdministrators();
    const revisionOf = async (id: string) =>
      (await gql(x.cookie, 'query($id: UUID!) { user(id: $id) { revision } }', { id })).data!.user.revision;
    const [revisionX, revisionY] = [await revisionOf(x.id), await revisionOf(y.id)];
    const answers = await Promise.all([
      gql(x.cookie, UPDATE, { input: { id: y.id, revision: revisionY, roles: ['FINANCE'] } }),
      gql(y.cookie, UPDATE, { input: { id: x.id, revision: revisionX, roles: ['FINANCE'] } }),
    ]);
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(answers.find((answer) => answer.errors)!.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'LAST_ADMINISTRATOR',
    });
    expect(await activeAdministrators()).toHaveLength(1);
  });
});
