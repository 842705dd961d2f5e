import { existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import fastifyStatic from '@fastify/static';
import type { MikroORM } from '@mikro-orm/postgresql';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import type { GraphQLFormattedError, ValidationRule } from 'graphql';
import type { Caller, GraphQLContext } from './common/context.js';
import { ErrorCode, publicErrorCodes } from './common/errors.js';
import { ormAnswersWithin } from './database/health.js';
import { createFormLoaders } from './forms/form.loaders.js';
import { FormValidatorCache } from './forms/form-validator-cache.js';
import { FormVersionCache } from './forms/form-version-cache.js';
import { buildGraphQLSchema } from './schema.js';
import { resolveCaller } from './users/resolve-caller.js';

export interface AppOptions {
  orm: MikroORM;
  production: boolean;
  /** Folder of the built web app; when missing, `/` explains how to build it. */
  webRoot: string;
  bodyLimitBytes: number;
  logLevel: string;
  /** Works out who sends a request (default: the demo user, until sign-in exists). */
  resolveCaller?: (request: FastifyRequest) => Caller | null;
  /** Whether the database answers, for /health (default: a bounded `select 1` through the pool). */
  checkDatabase?: () => Promise<boolean>;
}

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
    logger: { level: options.logLevel },
  });
  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 15 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 5000 },
    costLimit: { maxCost: 5000 },
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
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ...protection.plugins,
      fastifyApolloDrainPlugin(http),
      ...(options.production ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    validationRules: [...protection.validationRules],
    formatError: (formatted, error) => maskInternalError(formatted, error, options.production, http),
  });
  await apollo.start();

  const formValidators = new FormValidatorCache();
  const formVersions = new FormVersionCache();
  const callerOf = options.resolveCaller ?? resolveCaller;
  await http.register(fastifyApollo(apollo), {
    context: async (request) => {
      const em = options.orm.em.fork();
      return {
        em,
        caller: callerOf(request),
        requestId: request.id,
        formVersions,
        formValidators,
        loaders: createFormLoaders(em),
      };
    },
  });

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

  await serveWebApp(http, path.resolve(options.webRoot));
  return { http, apollo };
}

async function serveWebApp(http: FastifyInstance, webRoot: string): Promise<void> {
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
    return;
  }
  await http.register(fastifyStatic, {
    root: webRoot,
    wildcard: false,
    setHeaders: (response, filePath) => {
      const hashed = filePath.includes(`${path.sep}assets${path.sep}`);
      response.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  // Client-side routes (/forms/cost-calculation, ...) all load the single page; a missing asset stays a 404.
  http.setNotFoundHandler(async (request, reply) => {
    const isPageRoute = !/^\/(graphql|health|assets\/)/.test(request.url);
    if (request.method === 'GET' && isPageRoute) {
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Nicht gefunden' });
  });
}

/**
 * Errors written for clients (our catalogue, GraphQL syntax and validation errors) pass through;
 * anything else is logged and replaced by a generic message, so no stack trace or SQL reaches a client.
 */
function maskInternalError(
  formatted: GraphQLFormattedError,
  error: unknown,
  production: boolean,
  http: FastifyInstance,
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && publicErrorCodes.has(code)) return formatted;
  http.log.error({ err: error }, 'GraphQL request failed');
  return {
    message: production
      ? 'Es ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später erneut.'
      : `Interner Fehler: ${formatted.message}`,
    extensions: { code: ErrorCode.Internal },
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}
