import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type App, type AppOptions, createApp } from '../../server/src/app.js';
import type { Caller } from '../../server/src/common/context.js';
import { type ConnectionLimits, limitOptions, openDatabase } from '../../server/src/database/orm.js';
import { loadFormDefinitions, readFormDefinitions } from '../../server/src/forms/load-form-definitions.js';
import type { SessionSettings } from '../../server/src/users/session-store.js';
import { TEST_CALLER } from './callers.js';
import { createTestDatabase } from './test-database.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface RequestOptions {
  /** Acts as this caller (null: anonymous); default: TEST_CALLER. Ignored when `cookie` is given. */
  caller?: Caller | null;
  /**
   * Sends this Cookie header instead of a test caller, so the real session resolution decides who asks
   * (e.g. `sr_session=<token>`; an empty string sends no cookie at all: anonymous through the real pipeline).
   */
  cookie?: string;
  /** Further request headers (e.g. x-forwarded-proto). */
  headers?: Record<string, string>;
}

export interface RawResponse<T = Record<string, any>> {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The cookies the answer sets, as parsed by light-my-request (name, value, httpOnly, sameSite, secure, …). */
  cookies: { name: string; value: string; [attribute: string]: unknown }[];
  body: GraphQLResponse<T>;
}

export interface TestApi {
  /** URL of the test file's own database. */
  databaseUrl: string;
  orm: MikroORM;
  app: App;
  /** Sends one operation through the real HTTP pipeline (fastify inject), as `caller` (default: TEST_CALLER; null: anonymous). */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
  /** As `gql`, with the status, headers and cookies of the answer. */
  request<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<RawResponse<T>>;
  close(): Promise<void>;
}

const CALLER_HEADER = 'x-test-caller';
/** Marks a request without cookie that must still be resolved as the platform does (anonymous). */
const SESSION_ONLY_HEADER = 'x-test-session-only';

const TEST_LIMITS: ConnectionLimits = {
  poolMax: 4,
  acquireTimeoutMs: 5_000,
  statementTimeoutMs: 15_000,
  lockTimeoutMs: 5_000,
};

/** A complete API on a fresh database of its own, with the form definitions loaded. */
export async function startTestApi(
  options: {
    production?: boolean;
    databaseUrl?: string;
    /** Evaluation limits (default: one worker thread, 2 s budget, 1000 list items). */
    formEvaluation?: Pick<AppOptions, 'formWorkers' | 'deriveBudgetMs' | 'maxArrayItems'>;
    /** Pool and timeouts as the platform sets them (default: a pool of 4 without timeouts). */
    limits?: Partial<ConnectionLimits>;
    /** Session expiry and cache (default: the platform's, 30 minutes idle, 10 hours at most). */
    sessions?: SessionSettings;
    /** Believe X-Forwarded-* headers (TRUST_PROXY). */
    trustProxy?: boolean;
  } = {},
): Promise<TestApi> {
  // A second API on another test's database (as a second app process would be) leaves that database alone.
  const database = options.databaseUrl
    ? { url: options.databaseUrl, drop: async () => {} }
    : await createTestDatabase();
  const orm = await openDatabase(
    database.url,
    options.limits ? limitOptions({ ...TEST_LIMITS, ...options.limits }) : { pool: { min: 0, max: 4 } },
  );
  await loadFormDefinitions(orm.em.fork(), await readFormDefinitions('form-definitions'));
  const app = await createApp({
    orm,
    production: options.production ?? true,
    webRoot: 'tests/support/no-web-app',
    bodyLimitBytes: 1024 * 1024,
    logLevel: 'silent',
    formWorkers: 1,
    ...options.formEvaluation,
    sessions: options.sessions,
    trustProxy: options.trustProxy,
    resolveCaller: (request, sessionCaller) => {
      const header = request.headers[CALLER_HEADER];
      if (typeof header === 'string') return JSON.parse(header) as Caller | null;
      // A request with a cookie, or marked as cookie-only, is resolved as the platform does it.
      if (request.headers.cookie !== undefined || request.headers[SESSION_ONLY_HEADER])
        return sessionCaller();
      return TEST_CALLER;
    },
  });
  const send = async (query: string, variables?: Record<string, unknown>, options: RequestOptions = {}) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.cookie !== undefined) {
      if (options.cookie) headers.cookie = options.cookie;
      else headers[SESSION_ONLY_HEADER] = '1';
    } else if ('caller' in options) {
      headers[CALLER_HEADER] = JSON.stringify(options.caller);
    }
    return app.http.inject({ method: 'POST', url: '/graphql', headers, payload: { query, variables } });
  };
  return {
    databaseUrl: database.url,
    orm,
    app,
    async gql(query, variables, options) {
      return (await send(query, variables, options)).json();
    },
    async request(query, variables, options) {
      const response = await send(query, variables, options);
      return {
        status: response.statusCode,
        headers: response.headers,
        cookies: response.cookies as RawResponse['cookies'],
        body: response.json(),
      };
    },
    async close() {
      await app.http.close();
      await orm.close();
      await database.drop();
    },
  };
}
