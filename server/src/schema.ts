import { lexicographicSortSchema, printSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { validateArgs } from './common/validate-args.js';
import { FormResolver, FormVersionResolver } from './forms/form.resolver.js';
import { SubmissionResolver } from './submissions/submission.resolver.js';

/** Builds the GraphQL schema from the resolvers; `schema.graphql` at the project root is its printed form. */
export function buildGraphQLSchema() {
  return buildSchema({
    resolvers: [FormResolver, FormVersionResolver, SubmissionResolver],
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validateFn: validateArgs,
    emitSchemaFile: false,
  });
}

/** The schema in SDL, sorted so that the committed file changes only when the API does. */
export async function printGraphQLSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildGraphQLSchema()))}\n`;
}
