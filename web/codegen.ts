// TypeScript types of the example operations (operations/*.graphql) against
// the served schema (../graph/schema.graphql), with graphql-codegen's client
// preset: src/gql/ is generated and committed; CI regenerates it and fails on
// a diff (.ci/web-types).
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../graph/schema.graphql',
  documents: ['operations/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        // Scalars as they travel in JSON.
        scalars: { Time: 'string', Cursor: 'string', ID: 'string' },
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
      },
    },
  },
};

export default config;
