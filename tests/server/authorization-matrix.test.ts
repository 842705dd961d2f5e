import { readdirSync } from 'node:fs';
import {
  type GraphQLNamedType,
  getNamedType,
  isCompositeType,
  isIntrospectionType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraphQLSchema } from '../../server/src/schema.js';
import { type TestApi, startTestApi } from '../support/test-api.js';
import {
  type AuthorizationCase,
  createWorld,
  expectedFor,
  PERSONA_KEYS,
  type Persona,
  personas,
  type World,
} from './authorization/matrix.js';

/** Every `*.cases.ts` of the folder: a feature joins the matrix by adding its file. */
const folder = new URL('./authorization/', import.meta.url);
const caseFiles = readdirSync(folder)
  .filter((name) => name.endsWith('.cases.ts'))
  .sort();
const allCases: { file: string; case: AuthorizationCase }[] = [];
for (const file of caseFiles) {
  const module = (await import(new URL(file, folder).href)) as { cases?: AuthorizationCase[] };
  if (!Array.isArray(module.cases)) throw new Error(`${file} exports no \`cases\` array`);
  for (const entry of module.cases) allCases.push({ file, case: entry });
}
const isMutation = (entry: AuthorizationCase) => entry.covers.some((field) => field.startsWith('Mutation.'));
// Reads run against the world as it was built; mutations (which add and change rows) after them.
const ordered = [
  ...allCases.filter((c) => !isMutation(c.case)),
  ...allCases.filter((c) => isMutation(c.case)),
];

/**
 * The schema coordinates the matrix must cover: every field of Query and Mutation, and every field of
 * another object type whose value is an object or a list of objects (the places data can leak through).
 */
function coordinatesToCover(schema: GraphQLSchema): string[] {
  const coordinates: string[] = [];
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  for (const type of Object.values(schema.getTypeMap()) as GraphQLNamedType[]) {
    if (!isObjectType(type) || isIntrospectionType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (roots.has(type.name) || isCompositeType(getNamedType(field.type))) {
        coordinates.push(`${type.name}.${field.name}`);
      }
    }
  }
  return coordinates.sort();
}

let api: TestApi;
let world: World;
let people: Map<string, Persona>;

beforeAll(async () => {
  api = await startTestApi();
  world = await createWorld(api);
  people = new Map(personas(world).map((persona) => [persona.key, persona]));
});

afterAll(async () => {
  await api?.close();
});

describe('the authorization matrix', () => {
  it('has a case for every query, mutation and nested object field of the schema', async () => {
    const covered = new Set(allCases.flatMap((entry) => entry.case.covers));
    const missing = coordinatesToCover(await buildGraphQLSchema()).filter((field) => !covered.has(field));
    expect(missing, 'fields without a case in tests/server/authorization/*.cases.ts').toEqual([]);
  });

  it('names only fields the schema has', async () => {
    const schema = await buildGraphQLSchema();
    const unknown = allCases
      .flatMap((entry) => entry.case.covers)
      .filter((coordinate) => {
        const [typeName, fieldName] = coordinate.split('.');
        const type = schema.getType(typeName);
        return !(type && isObjectType(type) && type.getFields()[fieldName]);
      });
    expect(unknown).toEqual([]);
  });

  it('gives every mutation case the state a denied call must leave unchanged', () => {
    const withoutState = allCases.filter((entry) => isMutation(entry.case) && !entry.case.state);
    expect(withoutState.map((entry) => `${entry.file}: ${entry.case.title}`)).toEqual([]);
  });
});

for (const { file, case: entry } of ordered) {
  describe(`${file.replace('.cases.ts', '')}: ${entry.title}`, () => {
    for (const key of PERSONA_KEYS) {
      it(key, async () => {
        const persona = people.get(key)!;
        const prepared = entry.prepare ? await entry.prepare(world, persona) : undefined;
        const expected = expectedFor(entry.expect, persona, world, prepared);
        expect(expected, `the table of "${entry.title}" names no outcome for ${key}`).toBeDefined();
        const before = entry.state ? await entry.state(world, prepared) : undefined;
        const auditBefore = await successfulAuditEvents();

        const response = await api.gql(entry.document, entry.variables?.(world, prepared, persona) ?? {}, {
          caller: persona.caller,
        });

        if ('deny' in expected!) {
          expect(response.errors?.map((error) => error.extensions?.code)).toEqual([expected.deny]);
          const root = response.data ? Object.values(response.data)[0] : null;
          expect(root ?? null).toBeNull();
          if (entry.state) {
            expect(await entry.state(world, prepared), 'a denied call changed nothing').toEqual(before);
            expect(await successfulAuditEvents(), 'a denied call leaves no successful audit event').toBe(
              auditBefore,
            );
          }
        } else {
          expect(response.errors).toBeUndefined();
          if (expected!.value !== undefined) {
            const actual = entry.pick
              ? entry.pick(response.data, world, prepared, persona)
              : Object.values(response.data ?? {})[0];
            expect(actual).toEqual(expected!.value);
          }
        }
      });
    }
  });
}

async function successfulAuditEvents(): Promise<number> {
  const [row] = await world.sql<{ count: number }>(
    `select count(*)::int as "count" from "audit_event" where "outcome" = 'SUCCESS'`,
  );
  return row.count;
}
