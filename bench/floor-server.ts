import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import fastifyApollo from '@as-integrations/fastify';
import { Entity, type EntityManager, MikroORM, type Opt, PrimaryKey, Property } from '@mikro-orm/postgresql';
import Fastify from 'fastify';
import { GraphQLJSON } from 'graphql-scalars';
import {
  Arg,
  buildSchema,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';

/**
 * The floor `npm run bench` compares the platform with: the same GraphQL operations on a bare Apollo Server 5
 * (standalone) + type-graphql + MikroORM 6 stack, without auth, limits, caching or validation. Each form is
 * one row holding its schema and uischema as `json`; every read loads and parses that row again, and a
 * submit inserts one jsonb row. Imports nothing from the platform, so it pays for nothing the platform adds.
 *
 * Environment: DATABASE_URL (an empty database; its tables are created here), PORT, HOST, FORM_DEFINITIONS_DIR,
 * FLOOR_HTTP=fastify to serve through Fastify + @as-integrations/fastify (the platform's HTTP layer) instead.
 */

@ObjectType('FormVersion')
class FloorVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  number!: number;

  @Field(() => GraphQLJSON)
  schema!: Record<string, unknown>;

  @Field(() => GraphQLJSON)
  uischema!: Record<string, unknown>;
}

@ObjectType('Form')
@Entity({ tableName: 'floor_form' })
class FloorForm {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 100, unique: true })
  key!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'json', columnType: 'json' })
  schema!: Record<string, unknown>;

  @Property({ type: 'json', columnType: 'json' })
  uischema!: Record<string, unknown>;
}

@Entity({ tableName: 'floor_submission' })
class FloorSubmission {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Property({ type: 'string', length: 100 })
  formKey!: string;

  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  @Property({ type: 'string', length: 100, unique: true })
  clientSubmissionId!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

@ObjectType('FieldError')
class FloorFieldError {
  @Field(() => String)
  path!: string;

  @Field(() => String)
  message!: string;
}

@ObjectType('Submission')
class FloorSubmissionRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('SubmitFormPayload')
class FloorSubmitPayload {
  @Field(() => FloorSubmissionRef, { nullable: true })
  submission?: FloorSubmissionRef | null;

  @Field(() => [FloorFieldError])
  errors!: FloorFieldError[];
}

interface FloorContext {
  em: EntityManager;
}

@Resolver(() => FloorForm)
class FloorResolver {
  @Query(() => FloorForm, { nullable: true })
  form(@Arg('key', () => String) key: string, @Ctx() { em }: FloorContext): Promise<FloorForm | null> {
    return em.findOne(FloorForm, { key });
  }

  /** Like the platform's list: the JSON columns are not selected. */
  @Query(() => [FloorForm])
  forms(@Ctx() { em }: FloorContext): Promise<Pick<FloorForm, 'id' | 'key' | 'title' | 'number'>[]> {
    return em.find(FloorForm, {}, { exclude: ['schema', 'uischema'], orderBy: { key: 'asc' } });
  }

  @FieldResolver(() => FloorVersion, { nullable: true })
  published(@Root() form: FloorForm): FloorVersion {
    return { id: form.id, number: form.number, schema: form.schema, uischema: form.uischema };
  }

  /** Inserts the data as sent: no derived values, no validation. */
  @Mutation(() => FloorSubmitPayload)
  async submitForm(
    @Arg('formKey', () => String) formKey: string,
    @Arg('data', () => GraphQLJSON) data: Record<string, unknown>,
    @Arg('clientSubmissionId', () => ID) clientSubmissionId: string,
    @Ctx() { em }: FloorContext,
  ): Promise<FloorSubmitPayload> {
    const submission = em.create(FloorSubmission, { formKey, data, clientSubmissionId });
    await em.flush();
    return { submission: { id: submission.id }, errors: [] };
  }
}

interface Definition {
  key: string;
  title: string;
  schema: Record<string, unknown>;
  uischema: Record<string, unknown>;
}

async function readDefinitions(dir: string): Promise<Definition[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Definition),
  );
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is required');
  const orm = await MikroORM.init({
    clientUrl: databaseUrl,
    entities: [FloorForm, FloorSubmission],
    pool: { min: 0, max: 10 },
    forceUtcTimezone: true,
    debug: false,
  });
  await orm.schema.refreshDatabase();
  const seed = orm.em.fork();
  for (const definition of await readDefinitions(process.env.FORM_DEFINITIONS_DIR ?? 'form-definitions')) {
    seed.create(FloorForm, {
      key: definition.key,
      title: definition.title,
      number: 1,
      schema: definition.schema,
      uischema: definition.uischema,
    });
  }
  await seed.flush();

  const server = new ApolloServer<FloorContext>({
    schema: await buildSchema({ resolvers: [FloorResolver], validate: false }),
  });
  const listen = { port: Number(process.env.PORT ?? 4100), host: process.env.HOST ?? '127.0.0.1' };
  const context = async () => ({ em: orm.em.fork() });
  let closeHttp = async () => {};
  if (process.env.FLOOR_HTTP === 'fastify') {
    const http = Fastify({ logger: false });
    await server.start();
    await http.register(fastifyApollo(server), { context });
    await http.listen(listen);
    closeHttp = () => http.close();
  } else {
    await startStandaloneServer(server, { listen, context });
  }
  console.log(`floor ready on ${listen.host}:${listen.port}`);

  const stop = async () => {
    await closeHttp();
    await server.stop();
    await orm.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error('floor server failed:', error);
  process.exit(1);
});
