import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import fastifyCookie from '@fastify/cookie';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import fastifyStatic from '@fastify/static';
import type { MikroORM } from '@mikro-orm/postgresql';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { ValidationRule } from 'graphql';
import { registerAuditExport } from './audit/audit-export.js';
import { auditDenialsPlugin } from './audit/audit-plugin.js';
import type { Caller, GraphQLContext } from './common/context.js';
import { ErrorCode } from './common/errors.js';
import { ormAnswersWithin } from './database/health.js';
import { registerNoticePdf } from './notices/notice-pdf.js';
import { configureNotices, type NoticeSettings } from './notices/notice-settings.js';
import { registerOfferExport } from './offers/offer-export.js';
import { registerReportExport } from './reports/report-export.js';
import { registerSocialAreaPdf } from './reports/report-pdf.js';
import { registerFormExport } from './forms/form-transfer.js';
import { createFormLoaders } from './forms/form.loaders.js';
import { FormEvaluator } from './forms/evaluation/form-evaluator.js';
import { FormCatalog } from './forms/form-catalog.js';
import { FormVersionCache } from './forms/form-version-cache.js';
import { EdgeError, EdgeErrorCode, registerEdgeErrorHandler, sendEdgeError } from './http/edge-errors.js';
import { errorReportingPlugin, formatGraphQLError } from './http/graphql-errors.js';
import { registerHostCheck } from './http/host-check.js';
import { documentChecksPlugin, registerInputChecks } from './http/input-checks.js';
import { registerJsonBodyParser } from './http/json-body.js';
import { logSerializers } from './http/log-serializers.js';
import { queryCostRule } from './http/query-cost.js';
import { buildGraphQLSchema } from './schema.js';
import { accessGatePlugin } from './users/access-gate.js';
import { preparePasswordChecks } from './users/passwords.js';
import {
  type AuthContext,
  callerResolutionFailure,
  callerResolver,
  requestAuth,
  sessionAuthenticator,
} from './users/resolve-caller.js';
import { type SessionSettings, SessionStore } from './users/session-store.js';

export interface AppOptions {
  orm: MikroORM;
  production: boolean;
  /** Folder of the built web app; when missing, `/` explains how to build it. */
  webRoot: string;
  bodyLimitBytes: number;
  logLevel: string;
  /**
   * Works out who sends a request. Default: the session cookie (`sessionCaller`); tests inject callers here.
   */
  resolveCaller?: (
    request: FastifyRequest,
    sessionCaller: () => Promise<Caller | null>,
  ) => Caller | null | Promise<Caller | null>;
  /** Session expiry (SESSION_IDLE_MINUTES, SESSION_MAX_HOURS; default 30 minutes and 10 hours). */
  sessions?: SessionSettings;
  /**
   * Believe X-Forwarded-For/-Proto of the proxy in front (TRUST_PROXY): the client address for sign-in
   * throttling and whether the request came over HTTPS (Secure cookie). Default: no.
   */
  trustProxy?: boolean;
  /** Host names requests may address (`name` or `name:port`; `*` any). Default: loopback names. */
  allowedHosts?: readonly string[];
  /** Serve the web app's `*.map` files. Default: only outside production. */
  serveSourceMaps?: boolean;
  /** Where log lines go (default: stdout). */
  logStream?: { write(line: string): void };
  /** Whether the database answers, for /health (default: a bounded `select 1` through the pool). */
  checkDatabase?: () => Promise<boolean>;
  /** Worker threads for derived values and validation (FORM_WORKERS, default 2). */
  formWorkers?: number;
  /** Time budget of one submission's calculations in ms (DERIVE_BUDGET_MS, default 2000). */
  deriveBudgetMs?: number;
  /** Items one list in submitted data may have unless the form sets its own (MAX_ARRAY_ITEMS, default 1000). */
  maxArrayItems?: number;
  /** Notice numbers, letterhead and Rechtsbehelfsbelehrung (NOTICE_*; default: the Landkreis Verden's). */
  notices?: Partial<NoticeSettings>;
}

/** Host names a local start answers to, so a DNS-rebinding page on another domain cannot use it. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** Largest number of tokens in one GraphQL document; parsing stops there (GRAPHQL_PARSE_FAILED). */
const MAX_QUERY_TOKENS = 5000;

export interface App {
  http: FastifyInstance;
  apollo: ApolloServer<GraphQLContext>;
}

/**
 * Only the app's own files run. 'unsafe-eval' is needed because Ajv compiles each form's validator to a
 * function in the browser (definitions change at runtime, so they cannot be precompiled); inline and
 * foreign scripts stay blocked. MUI (emotion) writes inline styles.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Builds the HTTP server: GraphQL at /graphql, a health check at /health and the web app at /. */
export async function createApp(options: AppOptions): Promise<App> {
  const http = Fastify({
    bodyLimit: options.bodyLimitBytes,
    // Request ids come from the server, never from a client, so a log search finds exactly one request.
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    // Only the proxy in front is believed (one hop): the address it adds last to X-Forwarded-For, never
    // one the client wrote at the start of the header (a proxy that appends would pass that on).
    trustProxy: options.trustProxy ? (_address: string, hop: number) => hop === 0 : false,
    logger: { level: options.logLevel, serializers: logSerializers, stream: options.logStream },
  });
  registerHostCheck(http, options.allowedHosts ?? LOOPBACK_HOSTS);
  http.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerJsonBodyParser(http);
  await http.register(fastifyCookie);
  registerInputChecks(http);
  registerEdgeErrorHandler(http, options.bodyLimitBytes);

  // Query cost and token limits are our own (queryCostRule counts list sizes; graphql's parser counts
  // tokens and answers a syntax error, where graphql-armor's token plugin made every syntax error a 500).
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: options.production },
  });
  // graphql-armor is typed against Apollo's CommonJS build; the plugins are the same at runtime.
  const protection = armor.protect() as unknown as {
    plugins: ApolloServerPlugin<GraphQLContext>[];
    validationRules: ValidationRule[];
  };
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildGraphQLSchema(),
    csrfPrevention: true,
    // The platform owns its shutdown (drain, pool, database); Apollo must not stop on signals by itself.
    stopOnTerminationSignals: false,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    logger: http.log,
    plugins: [
      documentChecksPlugin(),
      accessGatePlugin(),
      errorReportingPlugin(http.log),
      auditDenialsPlugin(options.orm.em, http.log),
      ...protection.plugins,
      fastifyApolloDrainPlugin(http),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    validationRules: [...protection.validationRules, queryCostRule()],
    formatError: formatGraphQLError,
  });
  configureNotices(options.notices);
  await apollo.start();
  await preparePasswordChecks();

  const formEvaluator = new FormEvaluator(
    {
      workers: options.formWorkers ?? 2,
      budgetMs: options.deriveBudgetMs ?? 2000,
      maxArrayItems: options.maxArrayItems ?? 1000,
    },
    (message, error) => http.log.error({ err: error }, message),
  );
  http.addHook('onClose', () => formEvaluator.close());
  const formVersions = new FormVersionCache();
  const formCatalog = new FormCatalog(options.orm.em, http.log);
  await formCatalog.start();
  http.addHook('onClose', () => formCatalog.close());
  const sessions = new SessionStore(
    options.orm.em,
    http.log,
    options.sessions ?? { idleMinutes: 30, maxHours: 10 },
  );
  await sessions.start();
  http.addHook('onClose', () => sessions.close());
  const sessionCallerOf = callerResolver([sessionAuthenticator(sessions)]);
  const callerOf = options.resolveCaller
    ? (request: FastifyRequest) => options.resolveCaller!(request, () => sessionCallerOf(request))
    : sessionCallerOf;
  await http.register(fastifyApollo(apollo), {
    context: async (request, reply) => {
      const em = options.orm.em.fork();
      const context: AuthContext = {
        em,
        caller: await Promise.resolve(callerOf(request)).catch((error: unknown) => {
          throw callerResolutionFailure(error);
        }),
        requestId: request.id,
        formVersions,
        formCatalog,
        formEvaluator,
        loaders: createFormLoaders(em),
        auth: requestAuth(request, reply, sessions),
      };
      return context;
    },
  });

  registerAuditExport(http, { em: options.orm.em, callerOf: (request) => callerOf(request) });
  registerNoticePdf(http, { em: options.orm.em, callerOf: (request) => callerOf(request) });
  registerOfferExport(http, { em: options.orm.em, callerOf: (request) => callerOf(request) });
  registerFormExport(http, { em: options.orm.em, formVersions, callerOf: (request) => callerOf(request) });
  registerReportExport(http, { em: options.orm.em, callerOf: (request) => callerOf(request) });
  registerSocialAreaPdf(http, { em: options.orm.em, callerOf: (request) => callerOf(request) });

  http.addHook('onSend', async (_request, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    if (options.production) reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  });

  // Answers within about a second either way, also while the pool is busy or the database is away.
  const checkDatabase = options.checkDatabase ?? (() => ormAnswersWithin(options.orm));
  http.get('/health', async (_request, reply) =>
    (await checkDatabase()) ? { status: 'ok' } : reply.code(503).send({ status: 'database unavailable' }),
  );

  await serveWebApp(http, path.resolve(options.webRoot), options.serveSourceMaps ?? !options.production);
  return { http, apollo };
}

async function serveWebApp(http: FastifyInstance, webRoot: string, serveSourceMaps: boolean): Promise<void> {
  // Answers for /graphql with an unknown method or sub-path, in GraphQL's error format.
  const notFoundOutsidePages = (request: FastifyRequest, reply: FastifyReply) => {
    const pathname = request.url.split('?', 1)[0];
    if (pathname === '/graphql') {
      reply.header('Allow', 'GET, POST, OPTIONS');
      return sendEdgeError(
        request,
        reply,
        new EdgeError(405, EdgeErrorCode.MethodNotAllowed, 'GraphQL nimmt nur GET- und POST-Anfragen an.'),
      );
    }
    return sendEdgeError(request, reply, new EdgeError(404, ErrorCode.NotFound, 'Nicht gefunden.'));
  };
  const indexHtml = path.join(webRoot, 'index.html');
  if (!existsSync(indexHtml)) {
    http.get('/', async (_request, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><html lang="de"><meta charset="utf-8"><title>Sozialraum-Plattform</title>' +
            '<main><h1>Sozialraum-Plattform</h1><p>Die Web-Oberfläche ist noch nicht gebaut: ' +
            '<code>npm run build:web</code>. GraphQL steht unter <a href="/graphql">/graphql</a> bereit.</p></main></html>',
        ),
    );
    http.setNotFoundHandler(notFoundOutsidePages);
    return;
  }
  await http.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    // Source maps show the original sources; in production only when SERVE_SOURCE_MAPS asks for it.
    allowedPath: (pathname) => serveSourceMaps || !pathname.endsWith('.map'),
    setHeaders: (response, filePath) => {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      response.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // Client-side routes (/forms/cost-calculation, ...) all load the single page; a missing asset stays a 404.
  http.setNotFoundHandler(async (request, reply) => {
    const pathname = request.url.split('?', 1)[0];
    const isPageRoute = !/^\/(graphql|health|assets\/)/.test(pathname) && !pathname.endsWith('.map');
    if (request.method === 'GET' && isPageRoute) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return notFoundOutsidePages(request, reply);
  });
}
