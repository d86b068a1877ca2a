import { badUserInput, postSignedGraphQL } from '@mutual-graph/platform';

const ELIGIBILITY = `query Eligibility($r: [_Any!]!, $date: Date!) {
  _entities(representations: $r) { ... on Member { membership { eligibleOn(date: $date) } } }
}`;

/**
 * Whether a member was protected on a date, asked of the member subgraph, which alone knows:
 * through the graph's own signed hop, under the request's own purpose (the caller's hop token is
 * passed on as it came), reading membership and nothing else — never EDI.
 */
export async function eligibleOn(memberSubgraphUrl: string, hopToken: string, memberId: string, date: string): Promise<'ELIGIBLE' | 'INELIGIBLE' | 'UNKNOWN'> {
  const body = await postSignedGraphQL<{ _entities: ({ membership: { eligibleOn: boolean } } | null)[] }>(
    memberSubgraphUrl, hopToken, ELIGIBILITY, { r: [{ __typename: 'Member', id: memberId }], date },
  );
  if (body.errors?.some((e) => e.extensions?.code === 'FORBIDDEN')) throw badUserInput('memberId', 'eligibility cannot be checked under this purpose');
  if (body.errors || !body.data) throw new Error(`eligibility check failed: ${JSON.stringify(body.errors)}`);
  const member = body.data._entities[0];
  if (!member) return 'UNKNOWN';
  return member.membership.eligibleOn ? 'ELIGIBLE' : 'INELIGIBLE';
}
