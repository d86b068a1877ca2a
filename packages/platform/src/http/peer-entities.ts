import type { GraphQLError } from 'graphql';
import { postSignedGraphQL, type GraphQLAnswer } from './signed-graphql.js';

/** What a subgraph needs to ask a peer under the request: the peers' URLs and the tokens the gateway signed for them. */
export interface PeerAccess {
  peers: Record<string, string>;
  peerTokens: Record<string, string>;
}

/**
 * One declared peer call's `_entities`, failing closed: no token or URL, a failed request, errors,
 * or an answer that is not one entity per representation all throw `unavailable()` (a coded error,
 * never a 500), so a caller never mistakes a peer's silence for "no".
 */
export async function peerEntities<T>({ peers, peerTokens }: PeerAccess, call: { to: string; query: string }, representations: object[], unavailable: () => GraphQLError): Promise<(T | null)[]> {
  const token = peerTokens[call.to];
  const url = peers[call.to];
  if (!token || !url) throw unavailable();
  let body: GraphQLAnswer<{ _entities: (T | null)[] }>;
  try {
    body = await postSignedGraphQL<{ _entities: (T | null)[] }>(url, token, call.query, { r: representations });
  } catch {
    throw unavailable();
  }
  if (body.errors || !Array.isArray(body.data?._entities) || body.data._entities.length !== representations.length) throw unavailable();
  return body.data._entities;
}
