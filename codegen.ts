import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types for the web app's GraphQL operations, generated from the committed schema.graphql (never a
 * running server), so `npm run codegen` works offline and CI can tell when the output is stale.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['web/src/**/*.{ts,tsx}'],
  ignoreNoDocuments: false,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Form schemas, UI schemas and form data: narrowed where they are used.
        scalars: { JSON: 'unknown', DateTime: 'string', UUID: 'string' },
        strictScalars: true,
        useTypeImports: true,
        enumsAsTypes: true,
        // Imported from the server-side tests too, which resolve modules the Node.js way.
        importExtension: '.js',
      },
    },
  },
};

export default config;
