// Records what src/gql/ was generated from: the SHA-256 of
// ../graph/schema.graphql followed by operations/*.graphql in name order.
// go test (graph/web_types_test.go) recomputes it, so a schema or operation
// change without `npm run codegen` fails there, not only in CI.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const h = createHash('sha256');
h.update(readFileSync('../graph/schema.graphql'));
for (const name of readdirSync('operations').filter((n) => n.endsWith('.graphql')).sort()) {
  h.update(readFileSync(`operations/${name}`));
}
writeFileSync('src/gql/inputs.sha256', h.digest('hex') + '\n');
