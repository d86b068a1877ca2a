import { postSignedGraphQL } from '@mutual-graph/platform';

/**
 * The gateway's own call to one subgraph, outside a query plan: to carry out an effect a request's
 * subgraphs asked for (record a disclosure or a consent, erase answers, share periods). Signed like
 * any hop; resolves with the data, or throws when the subgraph answered with errors or not at all.
 */
export async function callSubgraph(url: string | undefined, token: string, requestId: string, query: string, variables?: object): Promise<Record<string, unknown>> {
  if (!url) throw new Error('that subgraph is not in the supergraph');
  const body = await postSignedGraphQL<Record<string, unknown>>(url, token, query, variables, requestId);
  if (body.errors || !body.data) throw new Error(`answered ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}
