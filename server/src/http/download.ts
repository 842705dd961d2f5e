import type { FastifyReply, FastifyRequest } from 'fastify';
import type { GraphQLError } from 'graphql';
import type { Caller } from '../common/context.js';
import { Forbidden, Unauthenticated } from '../common/errors.js';

/** Works out who sends a request, exactly as for GraphQL. */
export type CallerOf = (request: FastifyRequest) => Caller | null | Promise<Caller | null>;

/** Answers a download like the HTTP layer answers GraphQL: `{ errors: [{ message, extensions: { code } }] }`. */
export function sendDownloadError(reply: FastifyReply, status: number, error: GraphQLError): FastifyReply {
  return reply
    .code(status)
    .header('Cache-Control', 'no-store')
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] }));
}

/** Whether the caller must first choose a new password; then it may do nothing else (users/access-gate.ts). */
export const mustChangePassword = (caller: Caller): boolean =>
  (caller as { mustChangePassword?: boolean }).mustChangePassword === true;

export const PasswordChangeRequired = () =>
  Forbidden('Bitte ändern Sie zuerst Ihr Passwort (Mein Konto), bevor Sie weiterarbeiten.', {
    reason: 'PASSWORD_CHANGE_REQUIRED',
  });

/**
 * The caller of a download, or null once the request has been answered: 401 without a session, 403 while
 * the initial password has not been changed.
 */
export async function downloadCaller(
  request: FastifyRequest,
  reply: FastifyReply,
  callerOf: CallerOf,
): Promise<Caller | null> {
  const caller = await callerOf(request);
  if (!caller) {
    await sendDownloadError(reply, 401, Unauthenticated());
    return null;
  }
  if (mustChangePassword(caller)) {
    await sendDownloadError(reply, 403, PasswordChangeRequired());
    return null;
  }
  return caller;
}
