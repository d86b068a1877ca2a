import { requestIdHeader } from './request-id.js';

/** A GraphQL answer as it comes over the wire. */
export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/**
 * An operation's text, carrying its result and variables as types: what GraphQL Code Generator's
 * typed document strings are (`documentMode: 'string'`), declared here by shape so that no service
 * depends on the generator. A plain string is one too, typed by its caller.
 */
export interface TypedOperation<TResult, TVariables> {
  toString(): string;
  /** Never set at run time: only the types read it. */
  readonly __apiType?: (variables: TVariables) => TResult;
}

/**
 * One GraphQL request from a service of the graph to a subgraph, outside a query plan, signed with a
 * hop token (the subgraph answers nothing else): the gateway carrying out an effect, a subgraph
 * asking a peer under the request's own purpose. The token must be bound to `operation`'s text
 * (`String(operation)`), which is what is sent. Five seconds at most; the caller judges the answer.
 */
export async function postSignedGraphQL<TResult, TVariables = object>(
  url: string,
  token: string,
  operation: TypedOperation<TResult, TVariables>,
  variables?: NoInfer<TVariables>,
  requestId?: string,
): Promise<GraphQLAnswer<TResult>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...requestIdHeader(requestId) },
    body: JSON.stringify({ query: String(operation), variables }),
    signal: AbortSignal.timeout(5000),
  });
  return (await response.json()) as GraphQLAnswer<TResult>;
}
