import { postSignedGraphQL } from '@mutual-graph/platform';
import type { HopClaims } from '@mutual-graph/schema';

const CONSENTED = `query CommunicationsConsent($r: [_Any!]!) {
  _entities(representations: $r) { ... on Member { id communicationPreferences { consented } } }
}`;

/**
 * Under the COMMUNICATIONS purpose a member is reachable only while their communications consent
 * is current, and the privacy subgraph alone knows whether it is. Asked once per batch of members,
 * with the request's own hop token (so under COMMUNICATIONS, judged by the privacy subgraph's
 * shield); anything but a clear answer hides every member of the batch (fail closed).
 */
export async function consentingToCommunications(privacySubgraphUrl: string, hopToken: string, memberIds: readonly string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const body = await postSignedGraphQL<{ _entities: ({ id: string; communicationPreferences: { consented: boolean } } | null)[] }>(
    privacySubgraphUrl, hopToken, CONSENTED, { r: memberIds.map((id) => ({ __typename: 'Member', id })) },
  );
  if (body.errors || !body.data) throw new Error(`communications consent could not be checked: ${JSON.stringify(body.errors)}`);
  return new Set(body.data._entities.flatMap((m) => (m?.communicationPreferences.consented ? [m.id] : [])));
}

/** Whether the request's purpose reaches only members who consented to communications. */
export function consentGated(hop: HopClaims): boolean {
  return hop.purpose === 'COMMUNICATIONS';
}
