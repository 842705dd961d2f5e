import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import { type DocumentNode, GraphQLError, visit } from 'graphql';
import { ErrorCode } from '../common/errors.js';
import { EdgeError, isGraphQLRequest } from './edge-errors.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from './json-body.js';

/** Half of a UTF-16 surrogate pair: not a character at all, it cannot be encoded as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Whether `text` contains a character that no field of the platform can hold: NUL (PostgreSQL stores
 * it neither in text nor in jsonb) or a lone surrogate.
 */
export function hasForbiddenCharacter(text: string): boolean {
  return text.includes('\0') || LONE_SURROGATE.test(text);
}

type Problem = 'FORBIDDEN_CHARACTER' | 'TOO_DEEP';

/** The answer to each problem: the same status, code, message and details wherever it is found. */
const ERRORS: Record<Problem, () => EdgeError> = {
  FORBIDDEN_CHARACTER: () =>
    new EdgeError(
      400,
      ErrorCode.BadUserInput,
      'Die Anfrage enthält ein Nullzeichen oder ein ungültiges Unicode-Zeichen (einzelnes Surrogat); ' +
        'solche Zeichen können nicht verarbeitet werden.',
    ),
  TOO_DEEP: jsonTooDeep,
};

/**
 * Walks a JSON value with an explicit stack (no recursion, so any depth is safe) and names the first
 * problem: a string or key with a forbidden character, or nesting deeper than MAX_JSON_DEPTH.
 */
export function findJsonProblem(value: unknown): Problem | null {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (typeof current === 'string') {
      if (hasForbiddenCharacter(current)) return 'FORBIDDEN_CHARACTER';
    } else if (typeof current === 'object' && current !== null) {
      if (depth >= MAX_JSON_DEPTH) return 'TOO_DEEP';
      if (Array.isArray(current)) {
        for (const item of current) pending.push([item, depth + 1]);
      } else {
        for (const [key, item] of Object.entries(current)) {
          if (hasForbiddenCharacter(key)) return 'FORBIDDEN_CHARACTER';
          pending.push([item, depth + 1]);
        }
      }
    }
  }
  return null;
}

/** GET requests carry variables and extensions as JSON text in the query string. */
function parsedGetParameters(query: unknown): unknown {
  if (typeof query !== 'object' || query === null) return query;
  const parameters: Record<string, unknown> = { ...query };
  for (const name of ['variables', 'extensions']) {
    const value = parameters[name];
    if (typeof value !== 'string') continue;
    try {
      parameters[name] = JSON.parse(value);
    } catch {
      // Apollo answers malformed JSON itself.
    }
  }
  return parameters;
}

/**
 * Refuses GraphQL requests whose query text, operation name, variables or extensions contain
 * characters no field can hold, or nest deeper than MAX_JSON_DEPTH, before GraphQL sees them: such
 * input would otherwise fail deep in the database as an internal error.
 */
export function registerInputChecks(http: FastifyInstance): void {
  http.addHook('preHandler', async (request) => {
    if (!isGraphQLRequest(request)) return;
    const problem =
      findJsonProblem(request.body) ??
      (request.method === 'GET' ? findJsonProblem(parsedGetParameters(request.query)) : null);
    if (problem) throw ERRORS[problem]();
  });
}

/** The same checks for the values written into the query text (`submitForm(data: { … })`). */
function findDocumentProblem(document: DocumentNode): Problem | null {
  let problem: Problem | null = null;
  let depth = 0;
  const leave = () => {
    depth--;
  };
  const enter = () => {
    if (++depth > MAX_JSON_DEPTH) problem ??= 'TOO_DEEP';
  };
  visit(document, {
    StringValue(node) {
      if (hasForbiddenCharacter(node.value)) problem ??= 'FORBIDDEN_CHARACTER';
    },
    ListValue: { enter, leave },
    ObjectValue: { enter, leave },
  });
  return problem;
}

// Apollo keeps parsed documents and hands the same object to every request that sends the same query.
const checkedDocuments = new WeakMap<DocumentNode, Problem | null>();

function documentProblem(document: DocumentNode): Problem | null {
  let problem = checkedDocuments.get(document);
  if (problem === undefined) {
    problem = findDocumentProblem(document);
    checkedDocuments.set(document, problem);
  }
  return problem;
}

/** Applies the checks of registerInputChecks to string literals and lists/objects written into the query. */
export function documentChecksPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document }) {
          const problem = documentProblem(document);
          if (problem) {
            const error = ERRORS[problem]();
            throw new GraphQLError(error.message, {
              extensions: { code: error.code, ...error.details, http: { status: error.statusCode } },
            });
          }
        },
      };
    },
  };
}
