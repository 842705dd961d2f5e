import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

/** Every password and session token this file used: none may ever reach the audit trail. */
const secrets = new Set<string>();

async function signIn(email: string, password = demo(email).password, address = '127.0.0.1') {
  const response = await inject({ query: LOGIN, variables: { email, password }, address });
  const cookie = response.cookies.find((candidate) => candidate.name === 'sr_session');
  if (!cookie) throw new Error(`sign-in of ${email} failed: ${response.body}`);
  secrets.add(cookie.value).add(password);
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
  secrets.add(initialPassword);
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

describe('sign-in throttling by IPv6 network', () => {
  it('counts the addresses of one IPv6 /64 network as one address', async () => {
    const network = `2001:db8:${(randomBytes(2).readUInt16BE() | 0x1000).toString(16)}:7`;
    for (let attempt = 0; attempt < 20; attempt++) {
      const address = `${network}:${randomBytes(2).toString('hex')}::${(attempt + 1).toString(16)}`;
      expect(
        codeOf((await failedLogin(`niemand-${randomUUID().slice(0, 8)}@example.org`, address)).json()),
      ).toBe('UNAUTHENTICATED');
    }
    const next = await failedLogin(`niemand-${randomUUID().slice(0, 8)}@example.org`, `${network}:ffff::1`);
    expect(codeOf(next.json())).toBe('LIMIT_EXCEEDED');
    // Another /64 and IPv4 clients are not affected; an IPv4-mapped address counts as the IPv4 address.
    const other = await failedLogin(`niemand-${randomUUID().slice(0, 8)}@example.org`, '2001:db8:ffff:8::1');
    expect(codeOf(other.json())).toBe('UNAUTHENTICATED');
    const [row] = await api.orm.em
      .getConnection()
      .execute<{ addresses: string[] }[]>(
        `select array_agg(distinct "address" order by "address") as "addresses" from "login_failure" where "address" like '2001:db8:%'`,
      );
    expect(row.addresses).toEqual(['2001:db8:ffff:8::/64', `${network}::/64`].sort());
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
    expect(await activeAdministrators()).toHaveLength(1);
    const refused = answers.find((answer) => answer.errors)!.errors![0].extensions!;
    // When both ran at the same moment, the lock refuses the second; when one finished first, the other's
    // session had already ended with its deactivation.
    if (refused.code === 'UNAUTHENTICATED') return;
    expect(refused).toMatchObject({ code: 'FORBIDDEN', reason: 'LAST_ADMINISTRATOR' });
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
    expect(await activeAdministrators()).toHaveLength(1);
    // Refused by the lock when both ran at the same moment (LAST_ADMINISTRATOR); when one finished first,
    // the other was no longer an administrator (FORBIDDEN by the policy).
    expect(answers.find((answer) => answer.errors)!.errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
describe('account enumeration', () => {
  it('runs the same statements for a wrong password of a known, an unknown and a deactivated account', async () => {
    const known = await createUser(['FINANCE']);
    const deactivated = await createUser(['FINANCE']);
    const admin = await signIn(ADMIN);
    const deactivate = 'mutation($id: UUID!) { deactivateUser(id: $id) { id } }';
    expect((await gql(admin, deactivate, { id: deactivated.id })).errors).toBeUndefined();
    const knex = api.orm.em.getConnection().getKnex();
    const statementsOf = async (email: string, password: string) => {
      const seen: string[] = [];
      const listener = (query: { sql: string }) => seen.push(query.sql);
      knex.on('query', listener);
      try {
        const response = await inject({
          query: LOGIN,
          variables: { email, password },
          address: newAddress(),
        });
        expect(response.json().errors[0].extensions.reason).toBe('INVALID_CREDENTIALS');
      } finally {
        knex.off('query', listener);
      }
      // Values (account hash, address, e-mail, request id) differ; the statements must not.
      return seen.map((sql) => sql.replace(/'[^']*'/g, '?'));
    };
    const unknown = await statementsOf(
      `niemand-${randomUUID().slice(0, 8)}@example.org`,
      'falsches-passwort-1',
    );
    expect(await statementsOf(known.email, 'falsches-passwort-1')).toEqual(unknown);
    // A deactivated account with its right password answers as an unknown one, with the same statements.
    expect(await statementsOf(deactivated.email, PASSWORD)).toEqual(unknown);
  });
});

const SUBMISSION_QUERY = 'query($id: UUID!) { submission(id: $id) { id data provider { id } } }';

describe('a provider only ever reaches its own Träger (real sessions)', () => {
  it('answers foreign records as absent and refuses the administration', async () => {
    const a = await signIn(PROVIDER_A);
    const b = await signIn(PROVIDER_B);
    const admin = await signIn(ADMIN);
    const ownProvider = (await gql(a, '{ me { provider { id } } }')).data!.me.provider.id;
    const foreignProvider = (await gql(b, '{ me { provider { id } } }')).data!.me.provider.id;
    const submitted = await gql(b, SUBMIT, {
      formKey: 'offer-description',
      data: sampleDataOf('offer-description'),
      clientSubmissionId: randomUUID(),
    });
    const foreignSubmission = submitted.data!.submitForm.submission.id;
    const own = await gql(a, SUBMIT, {
      formKey: 'offer-description',
      data: sampleDataOf('offer-description'),
      clientSubmissionId: randomUUID(),
    });
    const ownSubmission = own.data!.submitForm.submission.id;

    const providers = await gql(a, '{ providers(includeInactive: true) { id } }');
    expect(providers.data!.providers).toEqual([{ id: ownProvider }]);
    const foreign = await gql(a, 'query($id: UUID!) { provider(id: $id) { id name } }', {
      id: foreignProvider,
    });
    const absent = await gql(a, 'query($id: UUID!) { provider(id: $id) { id name } }', { id: randomUUID() });
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    expect(foreign.errors![0].message).toBe(absent.errors![0].message);
    const update = await gql(
      a,
      'mutation($input: UpdateProviderInput!) { updateProvider(input: $input) { id } }',
      { input: { id: foreignProvider, revision: 1, contactPhone: '0421 000' } },
    );
    expect(codeOf(update)).toBe('NOT_FOUND');

    const listed = await gql(a, '{ submissions(formKey: "offer-description") { id provider { id } } }');
    expect(listed.data!.submissions).toEqual([{ id: ownSubmission, provider: { id: ownProvider } }]);
    expect((await gql(a, SUBMISSION_QUERY, { id: foreignSubmission })).data!.submission).toBeNull();
    expect((await gql(a, SUBMISSION_QUERY, { id: ownSubmission })).data!.submission.data).not.toBeNull();

    // Drafts are for the administration only, also by id.
    const draft = await gql(admin, 'mutation { createDraft(formKey: "offer-description") { id } }');
    const draftId = draft.data!.createDraft.id;
    expect(
      (await gql(a, 'query($id: UUID!) { formVersion(id: $id) { id } }', { id: draftId })).data!.formVersion,
    ).toBeNull();
    const versions = await gql(a, '{ forms { versions { id status } } }');
    const statuses = versions.data!.forms.flatMap(
      (form: { versions: { status: string }[] }) => form.versions,
    );
    expect(statuses.some((version: { id: string }) => version.id === draftId)).toBe(false);
    expect(statuses.every((version: { status: string }) => version.status !== 'DRAFT')).toBe(true);

    for (const query of [
      '{ users { id email } }',
      `{ user(id: "${randomUUID()}") { id } }`,
      '{ auditEvents { totalCount } }',
      `{ entityHistory(entityType: "Provider", entityId: "${foreignProvider}") { id } }`,
    ]) {
      expect(codeOf(await gql(a, query))).toBe('FORBIDDEN');
    }
    const csv = await inject({ cookie: a, method: 'GET', url: '/api/audit-events.csv' });
    expect(csv.statusCode).toBe(403);
  });

  it('shows the committee that a foreign submission exists, without its content', async () => {
    const b = await signIn(PROVIDER_B);
    const committee = await signIn('gremium@demo.sozialraum.invalid');
    const submitted = await gql(b, SUBMIT, {
      formKey: 'offer-description',
      data: sampleDataOf('offer-description'),
      clientSubmissionId: randomUUID(),
    });
    const seen = await gql(committee, SUBMISSION_QUERY, { id: submitted.data!.submitForm.submission.id });
    expect(seen.data!.submission).toMatchObject({ data: null });
    expect(codeOf(await gql(committee, '{ users { id } }'))).toBe('FORBIDDEN');
  });
});

describe('session handling', () => {
  it('answers a garbage, oversized or SQL-like session cookie as no session, never with an error of the server', async () => {
    for (const value of [
      "' or '1'='1",
      "x'; drop table user_session; --",
      'A'.repeat(43),
      'a'.repeat(8000),
      '%00%ff',
      'ä',
    ]) {
      const response = await inject({ cookie: `sr_session=${value}`, query: '{ me { id } }' });
      expect(response.statusCode).toBe(200);
      expect(codeOf(response.json())).toBe('UNAUTHENTICATED');
    }
    // A second cookie of the same name does not smuggle a session past the first.
    const valid = await signIn('wjh@demo.sozialraum.invalid');
    const doubled = await inject({ cookie: `sr_session=garbage; ${valid}`, query: '{ me { id } }' });
    expect(doubled.statusCode).toBe(200);
  });

  it('ends the session for every tab at logout; another sign-in of the same user stays', async () => {
    const user = await createUser(['FINANCE']);
    const other = await signIn(user.email, PASSWORD);
    // Two tabs share the cookie: logging out in one ends the other.
    expect((await gql(user.cookie, 'mutation { logout }')).data).toEqual({ logout: true });
    expect(codeOf(await gql(user.cookie, '{ me { id } }'))).toBe('UNAUTHENTICATED');
    expect((await gql(other, '{ me { id } }')).data!.me.id).toBe(user.id);
  });

  it('answers the session of a user removed from the database as no session', async () => {
    const user = await createUser(['FINANCE']);
    expect((await gql(user.cookie, '{ me { id } }')).data!.me.id).toBe(user.id);
    await api.orm.em.getConnection().execute('delete from "app_user" where "id" = ?', [user.id]);
    expect(codeOf(await gql(user.cookie, '{ me { id } }'))).toBe('UNAUTHENTICATED');
  });

  it('takes a role change and a password reset into the sessions of a second app process at once, despite its cache', async () => {
    const user = await createUser(['ADMIN']);
    const second = await startTestApi({ databaseUrl: api.databaseUrl });
    try {
      const viaSecond = () => second.gql('{ me { roles } users { id } }', {}, { cookie: user.cookie });
      expect((await viaSecond()).data!.me.roles).toEqual(['ADMIN']);
      const admin = await signIn(ADMIN);
      const revision = (await gql(admin, `{ user(id: "${user.id}") { revision } }`)).data!.user.revision;
      const changed = await gql(
        admin,
        'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }',
        {
          input: { id: user.id, revision, roles: ['FINANCE'] },
        },
      );
      expect(changed.errors).toBeUndefined();
      // Well within the 5 seconds the second process would otherwise serve its cached session.
      await expect
        .poll(async () => codeOf(await viaSecond()), { timeout: 2000, interval: 50 })
        .toBe('FORBIDDEN');
      expect((await second.gql('{ me { roles } }', {}, { cookie: user.cookie })).data!.me.roles).toEqual([
        'FINANCE',
      ]);
      const reset = await gql(admin, 'mutation($id: UUID!) { resetPassword(id: $id) { initialPassword } }', {
        id: user.id,
      });
      expect(reset.errors).toBeUndefined();
      await expect
        .poll(async () => codeOf(await second.gql('{ me { id } }', {}, { cookie: user.cookie })), {
          timeout: 2000,
          interval: 50,
        })
        .toBe('UNAUTHENTICATED');
    } finally {
      await second.close();
    }
  });
});

describe('cross-site requests and caching', () => {
  it('runs no mutation from a cross-site form post, a text/plain post or a GET, with the cookie', async () => {
    const user = await createUser(['FINANCE']);
    const attempts = [
      inject({
        cookie: user.cookie,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'query=mutation%7Blogout%7D',
      }),
      inject({
        cookie: user.cookie,
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify({ query: 'mutation { logout }' }),
      }),
      inject({
        cookie: user.cookie,
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        payload:
          '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\nmutation { logout }\r\n--x--\r\n',
      }),
      inject({ cookie: user.cookie, method: 'GET', url: '/graphql?query=mutation%7Blogout%7D' }),
      inject({
        cookie: user.cookie,
        method: 'GET',
        url: '/graphql?query=mutation%7Blogout%7D',
        headers: { 'apollo-require-preflight': 'true' },
      }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.json().data).toBeUndefined();
    }
    // A simple GET query without a preflight header is refused as well (it could read across sites).
    const read = await inject({
      cookie: user.cookie,
      method: 'GET',
      url: '/graphql?query=%7Bme%7Bemail%7D%7D',
    });
    expect(read.statusCode).toBe(400);
    expect((await gql(user.cookie, '{ me { id } }')).data!.me.id).toBe(user.id);
  });

  it('keeps personal data out of caches: no-store on GraphQL answers, sign-in and the CSV export', async () => {
    const admin = await signIn(ADMIN);
    const answers = [
      await inject({ cookie: admin, query: '{ me { email } users { email } }' }),
      await inject({ query: '{ me { id } }' }),
      await inject({
        query: LOGIN,
        variables: { email: ADMIN, password: demo(ADMIN).password },
        address: newAddress(),
      }),
      await inject({
        cookie: admin,
        method: 'GET',
        url: '/graphql?query=%7Bme%7Bemail%7D%7D',
        headers: { 'apollo-require-preflight': 'true' },
      }),
    ];
    for (const response of answers) expect(response.headers['cache-control']).toBe('no-store');
    const csv = await inject({ cookie: admin, method: 'GET', url: '/api/audit-events.csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['cache-control']).toBe('no-store');
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-protokoll-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect(csv.headers['x-content-type-options']).toBe('nosniff');
    for (const refused of [
      await inject({ method: 'GET', url: '/api/audit-events.csv' }),
      await inject({ cookie: await signIn(PROVIDER_A), method: 'GET', url: '/api/audit-events.csv' }),
    ]) {
      expect(refused.statusCode).toBeGreaterThanOrEqual(401);
      expect(refused.headers['cache-control']).toBe('no-store');
    }
  });
});

describe('the password-change gate', () => {
  it('lets nothing past it: aliases, fragments, directives, several operations, batches, GET and the CSV', async () => {
    const user = await createUser(['ADMIN'], { keepInitialPassword: true });
    const refused = (answer: GraphQLResponse) =>
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'PASSWORD_CHANGE_REQUIRED',
      });
    for (const query of [
      '{ me: users { id } }',
      '{ me { id } ...F } fragment F on Query { users { id } }',
      '{ me { id } ... on Query { users { id } } }',
      '{ me { id } users @skip(if: true) { id } }',
      '{ __typename auditEvents { totalCount } }',
      `mutation { me: resetPassword(id: "${randomUUID()}") { initialPassword } }`,
    ]) {
      refused(await gql(user.cookie, query));
    }
    // Another operation of the same document is checked on its own.
    refused(
      (
        await inject({
          cookie: user.cookie,
          payload: { query: 'query A { me { id } } query B { users { id } }', operationName: 'B' },
        })
      ).json(),
    );
    const batch = await inject({
      cookie: user.cookie,
      payload: [{ query: '{ me { id } }' }, { query: '{ users { id } }' }],
    });
    expect(batch.statusCode).toBe(400);
    refused(
      (
        await inject({
          cookie: user.cookie,
          method: 'GET',
          url: `/graphql?query=${encodeURIComponent('{ users { id } }')}`,
          headers: { 'apollo-require-preflight': 'true' },
        })
      ).json(),
    );
    const csv = await inject({ cookie: user.cookie, method: 'GET', url: '/api/audit-events.csv' });
    expect(csv.statusCode).toBe(403);
    refused(csv.json());
    // What the gate allows still works.
    expect((await gql(user.cookie, '{ me { id mustChangePassword } }')).data!.me).toEqual({
      id: user.id,
      mustChangePassword: true,
    });
  });
});
describe('behind a proxy (TRUST_PROXY)', () => {
  it('counts the address the proxy in front saw, not one the client wrote into X-Forwarded-For', async () => {
    const proxied = await startTestApi({ databaseUrl: api.databaseUrl, trustProxy: true });
    try {
      // A proxy that appends ($proxy_add_x_forwarded_for) passes the client's own header on in front.
      const attempt = (spoofed: string) =>
        proxied.app.http.inject({
          method: 'POST',
          url: '/graphql',
          remoteAddress: '10.0.0.2',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `${spoofed}, 198.51.100.23`,
            'x-forwarded-proto': 'https',
          },
          payload: {
            query: LOGIN,
            variables: {
              email: `niemand-${randomUUID().slice(0, 8)}@example.org`,
              password: 'falsches-passwort-1',
            },
          },
        });
      for (let index = 0; index < 20; index++) {
        expect(codeOf((await attempt(`203.0.113.${index + 1}`)).json())).toBe('UNAUTHENTICATED');
      }
      expect(codeOf((await attempt('203.0.113.99')).json())).toBe('LIMIT_EXCEEDED');
      const rows = await proxied.orm.em.getConnection().execute<{ address: string }[]>(
        `select distinct "address" from "login_failure"
            where "address" like '198.51.100.%' or "address" like '203.0.113.%'`,
      );
      expect(rows.map((row) => row.address)).toEqual(['198.51.100.23']);
      // The proxy's word on HTTPS still counts: the cookie of a sign-in is Secure.
      const signedIn = await proxied.app.http.inject({
        method: 'POST',
        url: '/graphql',
        remoteAddress: '10.0.0.2',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': '198.51.100.24',
          'x-forwarded-proto': 'https',
        },
        payload: { query: LOGIN, variables: { email: ADMIN, password: demo(ADMIN).password } },
      });
      const cookie = signedIn.cookies.find((candidate) => candidate.name === 'sr_session');
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    } finally {
      await proxied.close();
    }
  });
});

describe('the audit trail after all of the above', () => {
  it('holds no password, token or hash of one, and refuses to be changed', async () => {
    const connection = api.orm.em.getConnection();
    const rows = await connection.execute<{ text: string }[]>(
      `select coalesce("details"::text, '') || ' ' || coalesce("justification", '') as "text" from "audit_event"`,
    );
    expect(rows.length).toBeGreaterThan(50);
    expect(secrets.size).toBeGreaterThan(10);
    const hashes = [...secrets].map((secret) => createHash('sha256').update(secret).digest('hex'));
    for (const { text } of rows) {
      expect(text).not.toMatch(/argon2|passwordHash|password_hash|sr_session/i);
      for (const needle of [...secrets, ...hashes]) expect(text).not.toContain(needle);
    }
    // Append-only for the app's role as for anyone.
    await expect(connection.execute('update "audit_event" set "operation" = \'x\'')).rejects.toThrow();
    await expect(connection.execute('delete from "audit_event"')).rejects.toThrow();
  });
});
