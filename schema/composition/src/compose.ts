import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraph } from '@mutual-graph/platform';
import { parse } from 'graphql';
import { defaultSubgraphUrl, SUBGRAPHS } from './subgraphs.js';

export interface Composition {
  supergraphSdl: string;
  /** Each subgraph's SDL as the gateway would read it from `_service { sdl }`. */
  subgraphSdl: Record<string, string>;
  hints: string[];
}

export class CompositionError extends Error {
  constructor(readonly errors: readonly Error[]) {
    super(`composition failed:\n${errors.map((e) => `  - ${e.message}`).join('\n')}`);
  }
}

/** Builds every subgraph's schema in memory (no server, no database) and composes them. */
export async function composeSupergraph(): Promise<Composition> {
  const subgraphSdl: Record<string, string> = {};
  for (const subgraph of SUBGRAPHS) subgraphSdl[subgraph.name] = printSubgraphSchema(await buildSubgraph(subgraph));
  const result = composeServices(
    SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: defaultSubgraphUrl(subgraph), typeDefs: parse(subgraphSdl[subgraph.name]!) })),
  );
  if (result.errors) throw new CompositionError(result.errors);
  return { supergraphSdl: result.supergraphSdl, subgraphSdl, hints: result.hints.map((h) => h.toString()) };
}
