import { NO_MEMBER, peerEntities, type PeerAccess } from '@mutual-graph/platform';
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
export async function consentsToFeeReimbursement(context: PeerAccess, memberId: string | null): Promise<boolean> {
  const [member] = await peerEntities<{ feeReimbursementPreferences?: { consented?: unknown } }>(
    context,
    FEE_REIMBURSEMENT_CONSENT_CALL,
    [{ __typename: 'Member', id: memberId ?? NO_MEMBER }],
    unavailable,
  );
  // Only an exact true is consent.
  return member?.feeReimbursementPreferences?.consented === true;
}
