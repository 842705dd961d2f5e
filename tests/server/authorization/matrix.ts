/**
 * The authorization matrix: one table of cases, each a GraphQL operation with the outcome every persona
 * (role × own / foreign scope, and anonymous) must get. `authorization-matrix.test.ts` runs every case of
 * every `*.cases.ts` in this folder as every persona, and fails when a Query or Mutation field, or a
 * nested object field, of the schema has no case. A feature adds its cases in `<feature>.cases.ts`:
 *
 * ```ts
 * export const cases: AuthorizationCase[] = [
 *   {
 *     title: 'providers lists only the own Träger for provider staff',
 *     covers: ['Query.providers'],
 *     document: 'query { providers { id } }',
 *     pick: (data) => ids(data.providers),
 *     expect: {
 *       office: (w) => allow(sorted([w.providers.own, w.providers.foreign])),
 *       'PROVIDER:own': (w) => allow([w.providers.own]),
 *       'PROVIDER:foreign': (w) => allow([w.providers.foreign]),
 *     },
 *   },
 * ];
 * ```
 *
 * The world is made of real rows (Träger, Sozialräume, Regionalteams, submissions), and the personas'
 * scopes point at them, so the query filters are really exercised. A persona's "own" scope is the world's
 * `own` row, its "foreign" scope the `foreign` row; cases act on `own` rows unless they say otherwise.
 */
import { randomUUID } from 'node:crypto';
import { type Caller, Role } from '../../../server/src/common/context.js';
import { newClientSubmissionId, sampleDataOf } from '../../support/factories.js';
import { CREATE_DRAFT, SUBMIT } from '../../support/operations.js';
import type { TestApi } from '../../support/test-api.js';

export type Scope = 'own' | 'foreign';

/** Who asks: a role with its scope (for the scoped roles), or nobody. */
export interface Persona {
  /** `anonymous`, `ADMIN`, `TEAM_LEAD:own`, `TEAM_LEAD:foreign`, … */
  key: PersonaKey;
  role: Role | null;
  scope: Scope | null;
  caller: Caller | null;
}

export type PersonaKey =
  | 'anonymous'
  | 'ADMIN'
  | 'TEAM_LEAD:own'
  | 'TEAM_LEAD:foreign'
  | 'REGIONAL_TEAM:own'
  | 'REGIONAL_TEAM:foreign'
  | 'FINANCE'
  | 'PROVIDER:own'
  | 'PROVIDER:foreign'
  | 'COMMITTEE';

/** Every persona of the matrix, in the order the test runs them. */
export const PERSONA_KEYS: readonly PersonaKey[] = [
  'anonymous',
  'ADMIN',
  'TEAM_LEAD:own',
  'TEAM_LEAD:foreign',
  'REGIONAL_TEAM:own',
  'REGIONAL_TEAM:foreign',
  'FINANCE',
  'PROVIDER:own',
  'PROVIDER:foreign',
  'COMMITTEE',
];

/** Roles of the youth office (everyone but provider staff): the `office` key of an expectation table. */
export const OFFICE_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.TEAM_LEAD,
  Role.REGIONAL_TEAM,
  Role.FINANCE,
  Role.COMMITTEE,
];

/** The rows every case can rely on; created once per test run in the test's own database. */
export interface World {
  api: TestApi;
  providers: { own: string; foreign: string; inactive: string };
  socialAreas: { own: string; foreign: string; inactive: string };
  regionalTeams: { own: string; foreign: string; inactive: string };
  offerCategories: { active: string; inactive: string };
  budgetYears: { open: string; closed: string };
  /** Submissions of form `offer-description` by the own and the foreign Träger, and one of the office (`criteria`). */
  submissions: { own: string; foreign: string; office: string };
  /** Versions of form `offer-description`: the one in force and a draft. */
  formVersions: { published: string; draft: string };
  /** An administrator, for preparing rows through the API. */
  admin: Caller;
  /** Runs SQL on the test database as its owner (`?` placeholders): for preparing and checking rows. */
  sql<T = Record<string, any>>(query: string, params?: readonly unknown[]): Promise<T[]>;
  /** A name no other case uses: `prefix` plus a short random suffix. */
  unique(prefix: string): string;
}

export type DenyCode = 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED';

/** What one persona must get: the operation answers (and, when given, `value` is what `pick` returns) or is refused. */
export type Outcome = { allow: true; value?: unknown } | { deny: DenyCode };

export const allow = (value?: unknown): Outcome => ({ allow: true, value });
export const deny = (code: DenyCode): Outcome => ({ deny: code });

export type Expected<P> = Outcome | ((world: World, prepared: P, persona: Persona) => Outcome);

/**
 * The expected outcome per persona. Looked up by persona key (`PROVIDER:own`), then role (`PROVIDER`),
 * then `office` (the office roles), then `*`. Anonymous callers get UNAUTHENTICATED unless the table
 * says otherwise; a persona the table does not name is a mistake in the table (the test fails).
 */
export type ExpectationTable<P> = Partial<Record<PersonaKey | `${Role}` | 'office' | '*', Expected<P>>>;

export interface AuthorizationCase<P = any> {
  /** What the case shows, e.g. "providers lists only the own Träger for provider staff". */
  title: string;
  /** Schema coordinates the case exercises: `Query.providers`, `Mutation.updateProvider`, `Provider.viewerCan`. */
  covers: string[];
  /** The GraphQL document (one operation). */
  document: string;
  /**
   * Runs before each persona's call, e.g. to create a fresh record a mutation may change; its result is
   * passed to `variables`, `pick`, `expect` and `state`.
   */
  prepare?: (world: World, persona: Persona) => Promise<P>;
  variables?: (world: World, prepared: P, persona: Persona) => Record<string, unknown>;
  /** The value compared with an allowed outcome's `value` (default: the first root field's value). */
  pick?: (data: any, world: World, prepared: P, persona: Persona) => unknown;
  expect: ExpectationTable<P>;
  /**
   * Mutations must give it: the rows a denied call must leave as they were (read with `world.sql`). A
   * denied call must also leave no successful audit event.
   */
  state?: (world: World, prepared: P) => Promise<unknown>;
}

/** The ids of a list, sorted (lists are compared as sets of ids). */
export const ids = (list: { id: string }[] | null | undefined): string[] | null =>
  list ? list.map((item) => item.id).sort() : null;

export const sorted = (values: string[]): string[] => [...values].sort();

/**
 * The ids of a list that are among `known` (the world's rows), sorted: for lists the office sees in full,
 * which may also hold rows other tests or seeds made. Provider staff's lists are compared in full instead.
 */
export const knownIds = (list: { id: string }[] | null | undefined, known: string[]): string[] | null =>
  list ? sorted(list.map((item) => item.id).filter((id) => known.includes(id))) : null;

/** Every persona of the matrix, with scopes pointing at the world's rows. */
export function personas(world: World): Persona[] {
  const person = (
    key: PersonaKey,
    role: Role,
    scope: Scope | null,
    extra: Partial<Caller> = {},
  ): Persona => ({
    key,
    role,
    scope,
    caller: {
      userId: `matrix-${key.toLowerCase().replace(':', '-')}`,
      displayName: key,
      roles: [role],
      ...extra,
    },
  });
  return [
    { key: 'anonymous', role: null, scope: null, caller: null },
    person('ADMIN', Role.ADMIN, null),
    person('TEAM_LEAD:own', Role.TEAM_LEAD, 'own', { socialAreaIds: [world.socialAreas.own] }),
    person('TEAM_LEAD:foreign', Role.TEAM_LEAD, 'foreign', { socialAreaIds: [world.socialAreas.foreign] }),
    person('REGIONAL_TEAM:own', Role.REGIONAL_TEAM, 'own', { regionalTeamId: world.regionalTeams.own }),
    person('REGIONAL_TEAM:foreign', Role.REGIONAL_TEAM, 'foreign', {
      regionalTeamId: world.regionalTeams.foreign,
    }),
    person('FINANCE', Role.FINANCE, null),
    person('PROVIDER:own', Role.PROVIDER, 'own', { providerId: world.providers.own }),
    person('PROVIDER:foreign', Role.PROVIDER, 'foreign', { providerId: world.providers.foreign }),
    person('COMMITTEE', Role.COMMITTEE, null),
  ];
}

/** The expected outcome of `persona` in `table`, or undefined when the table does not say. */
export function expectedFor<P>(
  table: ExpectationTable<P>,
  persona: Persona,
  world: World,
  prepared: P,
): Outcome | undefined {
  const keys: (keyof ExpectationTable<P>)[] = [persona.key];
  if (persona.role) {
    keys.push(persona.role);
    if (OFFICE_ROLES.includes(persona.role)) keys.push('office');
    keys.push('*');
  }
  for (const key of keys) {
    const entry = table[key];
    if (entry !== undefined) return typeof entry === 'function' ? entry(world, prepared, persona) : entry;
  }
  return persona.role === null ? deny('UNAUTHENTICATED') : undefined;
}

/** Builds the world: master data rows directly in the database, submissions and a draft through the API. */
export async function createWorld(api: TestApi): Promise<World> {
  const connection = api.orm.em.getConnection();
  const sql = <T = Record<string, any>>(query: string, params: readonly unknown[] = []) =>
    connection.execute(query, [...params]) as Promise<T[]>;
  const unique = (prefix: string) => `${prefix} ${randomUUID().slice(0, 8)}`;
  const insert = (table: string, values: Record<string, unknown>) => insertWith(sql, table, values);
  const team = (name: string, active = true) => insert('regional_team', { name, active });
  const regionalTeams = {
    own: await team('Matrix Nord'),
    foreign: await team('Matrix Süd'),
    inactive: await team('Matrix Alt', false),
  };
  const area = (name: string, teamId: string, active = true) =>
    insert('social_area', { name, regional_team_id: teamId, active });
  const socialAreas = {
    own: await area('Matrix Achim', regionalTeams.own),
    foreign: await area('Matrix Verden', regionalTeams.foreign),
    inactive: await area('Matrix Alt-Ort', regionalTeams.own, false),
  };
  const provider = (name: string, active = true) =>
    insert('provider', { name, active, city: 'Verden', contact_email: 'kontakt@traeger.invalid' });
  const providers = {
    own: await provider('Matrix Träger Eins'),
    foreign: await provider('Matrix Träger Zwei'),
    inactive: await provider('Matrix Träger Alt', false),
  };
  const offerCategories = {
    active: await insert('offer_category', { name: 'Matrix Gruppenangebot', financing_kind: 'FEE' }),
    inactive: await insert('offer_category', {
      name: 'Matrix Altangebot',
      financing_kind: 'GRANT',
      active: false,
    }),
  };
  const budgetYears = {
    open: await insert('budget_year', { year: 2027, starts_on: '2027-01-01', ends_on: '2027-12-31' }),
    closed: await insert('budget_year', {
      year: 2025,
      starts_on: '2025-01-01',
      ends_on: '2025-12-31',
      closed: true,
    }),
  };
  const admin: Caller = { userId: 'matrix-setup', displayName: 'Einrichtung', roles: [Role.ADMIN] };
  const submit = async (formKey: string, caller: Caller): Promise<string> => {
    const { data, errors } = await api.gql(
      SUBMIT,
      { formKey, data: sampleDataOf(formKey), clientSubmissionId: newClientSubmissionId() },
      { caller },
    );
    if (errors || !data?.submitForm.submission)
      throw new Error(`setup: submit ${formKey}: ${JSON.stringify(errors ?? data)}`);
    return data.submitForm.submission.id;
  };
  const providerCaller = (providerId: string): Caller => ({
    userId: `matrix-setup-${providerId}`,
    displayName: 'Träger',
    roles: [Role.PROVIDER],
    providerId,
  });
  const submissions = {
    own: await submit('offer-description', providerCaller(providers.own)),
    foreign: await submit('offer-description', providerCaller(providers.foreign)),
    office: await submit('criteria', {
      userId: 'matrix-setup-lead',
      displayName: 'Leitung',
      roles: [Role.TEAM_LEAD],
      socialAreaIds: [socialAreas.own],
    }),
  };
  const [published] = await sql<{ id: string }>(
    `select "id" from "form_version" where "form_key" = 'offer-description' and "status" = 'PUBLISHED'`,
  );
  const draft = await api.gql(CREATE_DRAFT, { formKey: 'offer-description' }, { caller: admin });
  if (draft.errors) throw new Error(`setup: createDraft: ${JSON.stringify(draft.errors)}`);
  return {
    api,
    providers,
    socialAreas,
    regionalTeams,
    offerCategories,
    budgetYears,
    submissions,
    formVersions: { published: published.id, draft: draft.data!.createDraft.id },
    admin,
    sql,
    unique,
  };
}

type Sql = World['sql'];

async function insertWith(sql: Sql, table: string, values: Record<string, unknown>): Promise<string> {
  const columns = Object.keys(values);
  const [row] = await sql<{ id: string }>(
    `insert into "${table}" ("id", "created_by", ${columns.map((c) => `"${c}"`).join(', ')})
     values (?, 'matrix', ${columns.map(() => '?').join(', ')}) returning "id"`,
    [randomUUID(), ...Object.values(values)],
  );
  return row.id;
}

/** Inserts a row (`id` and `created_by` filled in) and returns its id; for `prepare`. */
export const insertRow = (world: World, table: string, values: Record<string, unknown>): Promise<string> =>
  insertWith(world.sql, table, values);
