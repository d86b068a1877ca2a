import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { buildSubgraph } from '@mutual-graph/platform';
import { argumentCoordinate, indexFields } from '@mutual-graph/policy';
import { buildSchema, getNamedType, isInputObjectType, isInterfaceType, isObjectType, isUnionType, parse, type GraphQLNamedType } from 'graphql';
import { derivedFieldsRevealingMore } from './derived-fields.js';
import { composePartnerContract, type PartnerContract } from './partner-contract.js';
import { bindingsLostInComposition, bindingsNamingNothing, inconsistentBindings } from './policy-bindings.js';
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
  return composeSubgraphs(subgraphSdl);
}

/**
 * Composes the subgraphs' SDL (by subgraph name) into the supergraph and the partner contract, and
 * fails on anything the policy cannot govern: an unclassified field, a binding that names nothing
 * or cannot mean what it says, a binding the supergraph and a subgraph do not share, a field computed
 * (`@requires`) from categories some purpose that may read it may not read.
 */
export function composeSubgraphs(subgraphSdl: Record<string, string>): Composition {
  const subgraphs = SUBGRAPHS.filter((s) => s.name in subgraphSdl).map((s) => ({ name: s.name, url: defaultSubgraphUrl(s), sdl: subgraphSdl[s.name] }));
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new CompositionError(result.errors);
  const unclassified = unclassifiedFields(result.supergraphSdl);
  if (unclassified.length > 0) {
    throw new CompositionError(unclassified.map((c) => new Error(`${c} ${c.endsWith(':)') || !c.includes('.') ? 'says' : 'carries'} no @dataCategory and is not marked @nonPersonal`)));
  }
  const unbound = [...bindingsNamingNothing(result.supergraphSdl), ...inconsistentBindings(result.supergraphSdl), ...bindingsLostInComposition(subgraphSdl, result.supergraphSdl)];
  if (unbound.length > 0) throw new CompositionError(unbound.map((b) => new Error(b)));
  const revealing = derivedFieldsRevealingMore(result.supergraphSdl);
  if (revealing.length > 0) throw new CompositionError(revealing.map((r) => new Error(r)));
  const partner = composePartnerContract(subgraphs, result.supergraphSdl);
  return { supergraphSdl: result.supergraphSdl, partner, subgraphSdl, hints: result.hints.map((h) => h.toString()) };
}

/**
 * Every field of a type reachable from Member, and every root field, must say what it carries:
 * a `@dataCategory`, or `@nonPersonal` on itself or its type. So must every argument of those
 * fields, and every field of the input types they take, say what it selects by. Anything else
 * fails composition, so no personal field or filter can reach the graph without the policy knowing it.
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
      for (const arg of field.args) {
        const coordinate = argumentCoordinate(type.name, field.name, arg.name);
        if (!index.has(coordinate)) missing.push(coordinate);
        queue.push(getNamedType(arg.type));
      }
    }
  }
  // Input types reached from those arguments, and from their own fields.
  const inputs = [...visited].map((name) => schema.getType(name)).filter(isInputObjectType);
  const seenInputs = new Set<string>();
  while (inputs.length > 0) {
    const input = inputs.shift()!;
    if (seenInputs.has(input.name)) continue;
    seenInputs.add(input.name);
    for (const field of Object.values(input.getFields())) {
      if (!index.has(`${input.name}.${field.name}`)) missing.push(`${input.name}.${field.name}`);
      const named = getNamedType(field.type);
      if (isInputObjectType(named)) inputs.push(named);
    }
  }
  return missing.sort();
}
