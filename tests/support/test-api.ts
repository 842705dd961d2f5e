import 'reflect-metadata';
import type { MikroORM } from '@mikro-orm/postgresql';
import { type App, type AppOptions, createApp } from '../../server/src/app.js';
import type { Caller } from '../../server/src/common/context.js';
import { type ConnectionLimits, limitOptions, openDatabase } from '../../server/src/database/orm.js';
import { loadFormDefinitions, readFormDefinitions } from '../../server/src/forms/load-form-definitions.js';
import { DEMO_CALLER } from '../../server/src/users/resolve-caller.js';
import { createTestDatabase } from './test-database.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
}

export interface TestApi {
  /** URL of the test file's own database. */
  databaseUrl: string;
  orm: MikroORM;
  app: App;
  /** Sends one operation through the real HTTP pipeline (fastify inject), as `caller` (default: demo user; null: anonymous). */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { caller?: Caller | null },
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

const CALLER_HEADER = 'x-test-caller';

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
    resolveCaller: (request) => {
      const header = request.headers[CALLER_HEADER];
      return typeof header === 'string' ? (JSON.parse(header) as Caller | null) : DEMO_CALLER;
    },
  });
  return {
    databaseUrl: database.url,
    orm,
    app,
    async gql(query, variables, options) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options && 'caller' in options) headers[CALLER_HEADER] = JSON.stringify(options.caller);
      const response = await app.http.inject({
        method: 'POST',
        url: '/graphql',
        headers,
        payload: { query, variables },
      });
      return response.json();
    },
    async close() {
      await app.http.close();
      await orm.close();
      await database.drop();
    },
  };
}
