import { requestIdHeader } from './request-id.js';

/** A GraphQL answer as it comes over the wire. */
export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/**
 * One GraphQL request from a service of the graph to a subgraph, outside a query plan, signed with a
 * hop token (the subgraph answers nothing else): the gateway carrying out an effect, a subgraph
 * asking a peer under the request's own purpose. Five seconds at most; the caller judges the answer.
 */
export async function postSignedGraphQL<T>(url: string, token: string, query: string, variables?: object, requestId?: string): Promise<GraphQLAnswer<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...requestIdHeader(requestId) },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(5000),
  });
  return (await response.json()) as GraphQLAnswer<T>;
}
