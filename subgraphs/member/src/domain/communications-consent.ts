import { postSignedGraphQL } from '@mutual-graph/platform';
import { COMMUNICATIONS_CONSENT_CALL } from '@mutual-graph/policy';
import { type HopClaims } from '@mutual-graph/hop';

/**
 * Under the COMMUNICATIONS purpose a member is reachable only while their communications consent
 * is current, and the privacy subgraph alone knows whether it is. Asked once per batch of members,
 * with the peer token the gateway signed for this call under the request (so under COMMUNICATIONS,
 * judged by the privacy subgraph's shield); anything but a clear answer hides every member of the batch (fail closed).
 */
export async function consentingToCommunications(privacySubgraphUrl: string, peerToken: string | undefined, memberIds: readonly string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  if (!peerToken) throw new Error('communications consent could not be checked: the gateway signed no token for it');
  const body = await postSignedGraphQL<{ _entities: ({ id: string; communicationPreferences: { consented: boolean } } | null)[] }>(privacySubgraphUrl, peerToken, COMMUNICATIONS_CONSENT_CALL.query, {
    r: memberIds.map((id) => ({ __typename: 'Member', id })),
  });
  if (body.errors || !body.data) throw new Error(`communications consent could not be checked: ${JSON.stringify(body.errors)}`);
  // Only an exact true is consent: a malformed answer hides the member like a refusal does.
  return new Set(body.data._entities.flatMap((m) => (m?.communicationPreferences?.consented === true ? [m.id] : [])));
}

/** Whether the request's purpose reaches only members who consented to communications. */
export function consentGated(hop: HopClaims): boolean {
  return hop.purpose === 'COMMUNICATIONS';
}
