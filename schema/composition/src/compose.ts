import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraph } from '@mutual-graph/platform';
import { indexFields } from '@mutual-graph/schema';
import { buildSchema, getNamedType, isInterfaceType, isObjectType, isUnionType, parse, type GraphQLNamedType } from 'graphql';
import { composePartnerContract, type PartnerContract } from './partner-contract.js';
import { defaultSubgraphUrl, SUBGRAPHS } from './subgraphs.js';

export interface Composition {
  supergraphSdl: string;
  /** The partner contract: its supergraph (for the gateway) and its API (for people). */
  partner: PartnerContract;
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
  const unclassified = unclassifiedFields(result.supergraphSdl);
  if (unclassified.length > 0) {
    throw new CompositionError(unclassified.map((c) => new Error(`${c} carries no @dataCategory and is not marked @nonPersonal`)));
  }
  const partner = composePartnerContract(
    SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, url: defaultSubgraphUrl(subgraph), sdl: subgraphSdl[subgraph.name]! })),
    result.supergraphSdl,
  );
  return { supergraphSdl: result.supergraphSdl, partner, subgraphSdl, hints: result.hints.map((h) => h.toString()) };
}

/**
 * Every field of a type reachable from Member, and every root field, must say what it carries:
 * a `@dataCategory`, or `@nonPersonal` on itself or its type. Anything else fails composition,
 * so no personal field can reach the graph without the policy knowing it.
 */
export function unclassifiedFields(supergraphSdl: string): string[] {
  const schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const index = indexFields(supergraphSdl);
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((t): t is NonNullable<typeof t> => !!t);
  const queue: GraphQLNamedType[] = [schema.getType('Member')!, ...roots];
  const visited = new Set<string>();
  const missing: string[] = [];
  while (queue.length > 0) {
    const type = queue.shift()!;
    if (visited.has(type.name) || /^(join|link)__/.test(type.name)) continue;
    visited.add(type.name);
    if (isUnionType(type)) queue.push(...type.getTypes());
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.name.startsWith('_')) continue;
      if (!index.has(`${type.name}.${field.name}`)) missing.push(`${type.name}.${field.name}`);
      queue.push(getNamedType(field.type));
    }
  }
  return missing.sort();
}
