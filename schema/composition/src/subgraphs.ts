import { caseSubgraph } from '@mutual-graph/case-subgraph';
import { educationSubgraph } from '@mutual-graph/education-subgraph';
import { memberSubgraph } from '@mutual-graph/member-subgraph';
import type { SubgraphDefinition } from '@mutual-graph/platform';
import { privacySubgraph } from '@mutual-graph/privacy-subgraph';

/** The subgraphs that make up the graph, in port order (4001–4004): the one list of them. */
export const SUBGRAPHS = [memberSubgraph, caseSubgraph, educationSubgraph, privacySubgraph] as SubgraphDefinition<unknown>[];

/** Where the gateway finds a subgraph unless told otherwise (`<NAME>_SUBGRAPH_URL`). */
export function defaultSubgraphUrl(subgraph: SubgraphDefinition<unknown>): string {
  return `http://localhost:${subgraph.defaultPort}/graphql`;
}
