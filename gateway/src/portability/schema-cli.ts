import { readFileSync, writeFileSync } from 'node:fs';
import { PORTABILITY_SCHEMA_PATH, SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { buildSchema } from 'graphql';
import { portabilitySchema } from './portability-schema.js';

// Writes the published JSON Schema of the portability export from the composed supergraph (`npm run -s portability:schema`).
const schema = buildSchema(readFileSync(SUPERGRAPH_PATH, 'utf8'), { assumeValidSDL: true });
writeFileSync(PORTABILITY_SCHEMA_PATH, `${JSON.stringify(portabilitySchema(schema), null, 2)}\n`);
console.log(`wrote ${PORTABILITY_SCHEMA_PATH}`);
