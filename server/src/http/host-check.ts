import type { FastifyInstance } from 'fastify';
import { EdgeError, EdgeErrorCode, sendEdgeError } from './edge-errors.js';

/** The Host header split into name (lower case, IPv6 in brackets) and port (null when absent). */
export function parseHost(header: string): { name: string; port: string | null } | null {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  if (!match) return null;
  return { name: match[1].toLowerCase().replace(/\.$/, ''), port: match[2] ?? null };
}

/**
 * Whether `header` names an allowed host. An entry without a port allows that name on any port,
 * an entry with a port only that combination; `*` allows everything.
 */
export function isHostAllowed(header: string | undefined, allowedHosts: readonly string[]): boolean {
  if (allowedHosts.includes('*')) return true;
  if (!header) return false;
  const host = parseHost(header);
  if (!host) return false;
  return allowedHosts.some((entry) => {
    const allowed = parseHost(entry);
    if (!allowed || allowed.name !== host.name) return false;
    return allowed.port === null || allowed.port === host.port;
  });
}

/**
 * Refuses requests whose Host header is not in `allowedHosts` with 421, on every route: a web page
 * on a foreign domain that resolves to this machine (DNS rebinding) must not reach the API or the app.
 */
export function registerHostCheck(http: FastifyInstance, allowedHosts: readonly string[]): void {
  if (allowedHosts.includes('*')) return;
  http.addHook('onRequest', async (request, reply) => {
    const header = request.headers.host ?? (request.headers[':authority'] as string | undefined);
    if (isHostAllowed(header, allowedHosts)) return;
    request.log.info({ code: EdgeErrorCode.HostNotAllowed }, 'Anfrage an fremden Host-Namen abgelehnt');
    return sendEdgeError(
      request,
      reply,
      new EdgeError(
        421,
        EdgeErrorCode.HostNotAllowed,
        'Dieser Host-Name ist für die Plattform nicht freigegeben (ALLOWED_HOSTS).',
      ),
    );
  });
}
