import { NO_MEMBER, postSignedGraphQL, type GraphQLAnswer } from '@mutual-graph/platform';
import { FEE_REIMBURSEMENT_CONSENT_CALL } from '@mutual-graph/policy';
import { GraphQLError } from 'graphql';

const unavailable = () =>
  new GraphQLError('the member’s consent to fee reimbursement could not be checked: nothing was confirmed; try again shortly', { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });

/**
 * Whether the member consented to their province's program hearing of fees billed before the
 * privacy policy announced it: the privacy subgraph alone knows, asked with the peer token the
 * gateway signed for this call under the request (PARTNER_CONFIRMATION). Asked for every answer,
 * about NO_MEMBER when the number names no one, so no answer takes a path of its own; anything
 * but a clear answer refuses the request (fail closed), rather than telling the program that
 * nothing was paid.
 */
export async function consentsToFeeReimbursement(privacySubgraphUrl: string | undefined, peerToken: string | undefined, memberId: string | null): Promise<boolean> {
  if (!privacySubgraphUrl || !peerToken) throw unavailable();
  let body: GraphQLAnswer<{ _entities: ({ feeReimbursementPreferences: { consented: boolean } } | null)[] }>;
  try {
    body = await postSignedGraphQL(privacySubgraphUrl, peerToken, FEE_REIMBURSEMENT_CONSENT_CALL.query, { r: [{ __typename: 'Member', id: memberId ?? NO_MEMBER }] });
  } catch {
    throw unavailable();
  }
  if (body.errors || !body.data) throw unavailable();
  // Only an exact true is consent.
  return body.data._entities[0]?.feeReimbursementPreferences?.consented === true;
}
