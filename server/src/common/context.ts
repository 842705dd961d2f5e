import type { EntityManager } from '@mikro-orm/postgresql';
import { registerEnumType } from 'type-graphql';
import type { FormLoaders } from '../forms/form.loaders.js';
import type { FormCatalog } from '../forms/form-catalog.js';
import type { FormEvaluator } from '../forms/evaluation/form-evaluator.js';
import type { FormVersionCache } from '../forms/form-version-cache.js';
import { Forbidden, Unauthenticated } from './errors.js';

/** The six roles of the process (see GLOSSARY.md). */
export enum Role {
  ADMIN = 'ADMIN',
  TEAM_LEAD = 'TEAM_LEAD',
  REGIONAL_TEAM = 'REGIONAL_TEAM',
  FINANCE = 'FINANCE',
  PROVIDER = 'PROVIDER',
  COMMITTEE = 'COMMITTEE',
}
registerEnumType(Role, { name: 'Role' });

/**
 * Who is asking. Every resolver and policy decides with this what the caller may do and see. How the
 * caller was established (a session cookie today, an identity provider later) does not show here.
 */
export interface Caller {
  userId: string;
  displayName: string;
  roles: Role[];
  /** Scope of `PROVIDER`: the Träger (provider id) whose data this user may see. */
  providerId?: string;
  /** Scope of `TEAM_LEAD`: the Sozialräume (social area ids) it leads. */
  socialAreaIds?: string[];
  /** Scope of `REGIONAL_TEAM`: its Regionalteam (regional team id). */
  regionalTeamId?: string;
  /** The session the request came with, when it came with one (sign-out ends it). */
  sessionId?: string;
}

export interface GraphQLContext {
  /** A fresh unit of work for this request. */
  em: EntityManager;
  caller: Caller | null;
  /** Names the request in logs and error answers. */
  requestId: string;
  /** Content of published and archived form versions, shared by all requests of the process. */
  formVersions: FormVersionCache;
  /** The forms and their versions in force, kept current across app processes. */
  formCatalog: FormCatalog;
  /** Recomputes derived values and validates submitted data, off the event loop and within limits. */
  formEvaluator: FormEvaluator;
  /** Batches lookups within this request. */
  loaders: FormLoaders;
}

/** Returns the caller or fails with UNAUTHENTICATED. */
export function requireCaller(context: GraphQLContext): Caller {
  if (!context.caller) throw Unauthenticated();
  return context.caller;
}

/** Returns the caller when it holds one of `roles`, or fails with FORBIDDEN. */
export function requireRole(context: GraphQLContext, ...roles: Role[]): Caller {
  const caller = requireCaller(context);
  if (!caller.roles.some((role) => roles.includes(role))) throw Forbidden();
  return caller;
}
