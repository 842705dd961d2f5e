import { type Caller, Role } from '../common/context.js';

/**
 * The demo user every request acts as until sign-in exists: it holds all six roles and belongs to a
 * demo provider organisation, so every screen can be tried out.
 */
export const DEMO_CALLER: Caller = Object.freeze({
  userId: 'demo',
  displayName: 'Demo-Nutzerin',
  roles: Object.values(Role),
  providerId: 'demo-provider',
});

/**
 * Works out who sends a request. This is the single place where sign-in will plug in; resolvers only
 * ever see the resulting `Caller`.
 */
export function resolveCaller(_request: { headers: Record<string, unknown> }): Caller | null {
  return DEMO_CALLER;
}
