import { isIPv4, isIPv6 } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { toClientError } from '../common/client-error.js';
import type { Caller, GraphQLContext } from '../common/context.js';
import { ErrorCode } from '../common/errors.js';
import { SESSION_COOKIE, type SessionStore } from './session-store.js';

/** A caller as a session knows it: also whether the user must choose a new password first. */
export interface SessionCaller extends Caller {
  /** Set after an administrator gave an initial password: only me, changePassword and logout work. */
  mustChangePassword?: boolean;
}

/**
 * One way of establishing who sends a request: the session cookie today; an OIDC identity provider
 * (bearer token or its own session) can be added as another authenticator without touching resolvers.
 * Answers null when the request carries nothing this authenticator knows.
 */
export type Authenticator = (request: FastifyRequest) => Promise<SessionCaller | null>;

/** Resolves the caller from the `sr_session` cookie. */
export function sessionAuthenticator(sessions: SessionStore): Authenticator {
  return async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    return token ? sessions.callerOf(token) : null;
  };
}

/**
 * Works out who sends a request: the first authenticator that recognises it wins; none means anonymous.
 * This is the single place where sign-in plugs in; resolvers only ever see the resulting `Caller`.
 */
export function callerResolver(
  authenticators: readonly Authenticator[],
): (request: FastifyRequest) => Promise<SessionCaller | null> {
  return async (request) => {
    for (const authenticate of authenticators) {
      const caller = await authenticate(request);
      if (caller) return caller;
    }
    return null;
  };
}

/**
 * What a request gets when its caller could not be resolved because the database is away or busy:
 * SERVICE_UNAVAILABLE (HTTP 503), as any other request that needs the database then; anything else stays
 * an internal error.
 */
export function callerResolutionFailure(error: unknown): unknown {
  const clientError = toClientError(error);
  if (!clientError) return error;
  const status = clientError.extensions.code === ErrorCode.ServiceUnavailable ? 503 : 500;
  return new GraphQLError(clientError.message, {
    extensions: { ...clientError.extensions, http: { status } },
  });
}

/** What sign-in, sign-out and password change need to know about the request beyond its caller. */
export interface RequestAuth {
  sessions: SessionStore;
  /** The session token the request came with (cookie), if any. */
  token: string | null;
  /**
   * The client's address (behind a trusted proxy: from X-Forwarded-For) as sign-ins are throttled by it:
   * IPv4 as is, IPv6 as its /64 network (`2001:db8:1:2::/64`), since one connection gets a whole /64.
   */
  address: string;
  setSessionCookie(token: string): void;
  clearSessionCookie(): void;
}

/** The GraphQL context of the platform: the shared one plus what sign-in needs. */
export interface AuthContext extends GraphQLContext {
  auth: RequestAuth;
}

/**
 * The address a client's failed sign-ins are counted under: an IPv4 address (also one mapped into IPv6)
 * as it is; an IPv6 address as its /64 network, because a single household or server holds a whole /64
 * and could otherwise try from a fresh address every time.
 */
export function throttleAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  const address = ip.split('%', 1)[0];
  if (!isIPv6(address)) return ip;
  const [head, tail = ''] = address.split('::');
  const front = head ? head.split(':') : [];
  const back = address.includes('::') && tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::1.2.3.4) stands for two groups; it only ever lies past the /64.
  const groups = [...front, ...Array(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  const network = groups.slice(0, 4).map((group) => (parseInt(group, 16) || 0).toString(16));
  return `${network.join(':')}::/64`;
}

/**
 * The request's sign-in facts. The cookie is HttpOnly (no script reads it), SameSite=Lax (not sent with
 * cross-site POSTs) and Secure when the request came over HTTPS (directly or, with TRUST_PROXY, as the
 * proxy says), so a local start over plain HTTP still works.
 */
export function requestAuth(
  request: FastifyRequest,
  reply: FastifyReply,
  sessions: SessionStore,
): RequestAuth {
  const options = {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: request.protocol === 'https',
  };
  return {
    sessions,
    token: request.cookies[SESSION_COOKIE] ?? null,
    address: throttleAddress(request.ip),
    setSessionCookie: (token) => {
      reply.setCookie(SESSION_COOKIE, token, options);
    },
    clearSessionCookie: () => {
      reply.clearCookie(SESSION_COOKIE, options);
    },
  };
}
