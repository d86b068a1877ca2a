import { postSignedGraphQL } from '@mutual-graph/platform';
import type { GatewayContext } from './context.js';

/** Where a subgraph of the supergraph answers, by name. */
export type SubgraphUrl = (name: string) => string | undefined;

/** A gateway-only field, and the subgraph that serves it: what an effect token is signed for. */
export interface Effect {
  subgraph: string;
  /** `Mutation.<field>`, one of GATEWAY_EFFECT_FIELDS. */
  field: string;
  query: string;
}

/**
 * The gateway's own call to one subgraph, outside a query plan: to carry out an effect a request's
 * subgraphs asked for (record a disclosure or a consent, erase answers, share periods). Signed like
 * any hop, for this one effect; resolves with the data, or throws when the subgraph answered with errors or not at all.
 */
export async function callSubgraph(
  subgraphUrl: SubgraphUrl,
  context: Pick<GatewayContext, 'effectToken' | 'requestId'>,
  effect: Effect,
  variables: object,
): Promise<Record<string, unknown>> {
  // The URL comes from the effect's own subgraph: the one its token is addressed to.
  const url = subgraphUrl(effect.subgraph);
  if (!url) throw new Error(`the ${effect.subgraph} subgraph is not in the supergraph`);
  const token = await context.effectToken(effect.subgraph, effect.field, effect.query, variables);
  const body = await postSignedGraphQL<Record<string, unknown>>(url, token, effect.query, variables, context.requestId);
  if (body.errors || !body.data) throw new Error(`answered ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
