import type { FastifyInstance } from 'fastify';
import { ErrorCode } from '../common/errors.js';
import { EdgeError } from './edge-errors.js';

/**
 * Deepest nesting of objects and arrays a request body may have (the GraphQL envelope
 * `{ "variables": { ... } }` counts). The form definitions nest a handful of levels; anything near this
 * limit is an attack on the parsers and walkers behind it.
 */
export const MAX_JSON_DEPTH = 64;

export const jsonTooDeep = () =>
  new EdgeError(
    400,
    ErrorCode.BadUserInput,
    `Die Anfrage ist zu tief verschachtelt (höchstens ${MAX_JSON_DEPTH} Ebenen).`,
    { limit: 'MAX_JSON_DEPTH', maxDepth: MAX_JSON_DEPTH },
  );

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether the JSON text nests deeper than `limit`, found in one pass over the characters without
 * parsing, so a body nested 100,000 levels deep costs no stack and no objects.
 */
export function jsonTextExceedsDepth(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * Replaces Fastify's JSON body parser with one that refuses bodies nested deeper than MAX_JSON_DEPTH
 * before parsing, and keeps Fastify's protection against `__proto__` keys.
 */
export function registerJsonBodyParser(http: FastifyInstance): void {
  const parseJson = http.getDefaultJsonParser('error', 'ignore');
  http.removeContentTypeParser('application/json');
  http.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonTextExceedsDepth(text, MAX_JSON_DEPTH)) {
      done(jsonTooDeep(), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
