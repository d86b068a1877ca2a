import { postSignedGraphQL, type TypedOperation } from '@mutual-graph/platform';
import type { GatewayContext } from './context.js';

/** Where a subgraph of the supergraph answers, by name. */
export type SubgraphUrl = (name: string) => string | undefined;

/**
 * A gateway-only field, and the subgraph that serves it: what an effect token is signed for.
 * `query` is the operation's generated typed document (`operations.generated.ts`, from a `.graphql`
 * document under `src/`); an untyped string answers `Record<string, unknown>`.
 */
export interface Effect<TResult = Record<string, unknown>, TVariables = Record<string, unknown>> {
  subgraph: string;
  /** `Mutation.<field>`, a mutation its subgraph marks `@gatewayEffect`. */
  field: string;
  query: TypedOperation<TResult, TVariables>;
}

/**
 * The gateway's own call to one subgraph, outside a query plan: to carry out an effect a request's
 * subgraphs asked for (record a disclosure or a consent, erase answers, share periods). Signed like
 * any hop, for this one effect; resolves with the data, or throws when the subgraph answered with errors or not at all.
 */
export async function callSubgraph<TResult, TVariables>(
  subgraphUrl: SubgraphUrl,
  context: Pick<GatewayContext, 'effectToken' | 'requestId'>,
  effect: Effect<TResult, TVariables>,
  variables: NoInfer<TVariables>,
): Promise<TResult> {
  // The URL comes from the effect's own subgraph: the one its token is addressed to.
  const url = subgraphUrl(effect.subgraph);
  if (!url) throw new Error(`the ${effect.subgraph} subgraph is not in the supergraph`);
  // The token is bound to this exact text, and this text is what is sent.
  const query = String(effect.query);
  const token = await context.effectToken(effect.subgraph, effect.field, query, variables);
  const body = await postSignedGraphQL<TResult, TVariables>(url, token, query, variables, context.requestId);
  if (body.errors || !body.data) throw new Error(`answered ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
