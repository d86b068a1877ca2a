import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PARTNER_API_PATH, PARTNER_SUPERGRAPH_PATH, SUBGRAPH_SDL_DIR, SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { composeSupergraph, CompositionError } from './compose.js';

/**
 * `npm run compose`: writes schema/supergraph.graphql, the partner contract (schema/partner.graphql
 * and the supergraph its gateway serves, schema/supergraph.partner.graphql) and
 * schema/subgraphs/<name>.graphql.
 */
try {
  const { supergraphSdl, subgraphSdl, partner } = await composeSupergraph();
  await mkdir(SUBGRAPH_SDL_DIR, { recursive: true });
  for (const [name, sdl] of Object.entries(subgraphSdl)) await writeFile(join(SUBGRAPH_SDL_DIR, `${name}.graphql`), `${sdl.trim()}\n`);
  await writeFile(SUPERGRAPH_PATH, `${supergraphSdl.trim()}\n`);
  await writeFile(PARTNER_SUPERGRAPH_PATH, `${partner.supergraphSdl.trim()}\n`);
  await writeFile(PARTNER_API_PATH, `${partner.apiSdl.trim()}\n`);
  console.log(`composed ${Object.keys(subgraphSdl).length} subgraphs into ${SUPERGRAPH_PATH}`);
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
