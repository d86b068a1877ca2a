import { badUserInput, postSignedGraphQL } from '@mutual-graph/platform';
import { ELIGIBILITY_CALL } from '@mutual-graph/policy';

/**
 * Whether a member was protected on a date, asked of the member subgraph, which alone knows:
 * through the graph's own signed hop, under the request's own purpose (the peer token the gateway
 * signed for this one query under the request), reading membership and nothing else — never EDI.
 */
export async function eligibleOn(memberSubgraphUrl: string, peerToken: string | undefined, memberId: string, date: string): Promise<'ELIGIBLE' | 'INELIGIBLE' | 'UNKNOWN'> {
  if (!peerToken) throw badUserInput('memberId', 'eligibility cannot be checked under this purpose');
  const body = await postSignedGraphQL<{ _entities: ({ membership: { eligibleOn: boolean } } | null)[] }>(memberSubgraphUrl, peerToken, ELIGIBILITY_CALL.query, {
    r: [{ __typename: 'Member', id: memberId }],
    date,
  });
  if (body.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) throw badUserInput('memberId', 'eligibility cannot be checked under this purpose');
  if (body.errors || !body.data) throw new Error(`eligibility check failed: ${JSON.stringify(body.errors)}`);
  const member = body.data._entities[0];
  if (!member) return 'UNKNOWN';
  // Only a boolean is an answer; anything else is a failure, never read as protection by truthiness.
  const eligible = member.membership?.eligibleOn;
  if (typeof eligible !== 'boolean') throw new Error('eligibility check failed: the member subgraph gave no yes or no');
  return eligible ? 'ELIGIBLE' : 'INELIGIBLE';
}
