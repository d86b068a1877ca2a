import { syntheticCasework, syntheticMember, syntheticMembers } from '@mutual-graph/synthetic';
import { testStack } from '../../../test/support/stack.js';
import type { Entities } from '../../../test/support/stack.js';
import { postAsGateway } from '../../../test/support/tokens.js';

// `_entities` is a root field like any other: a purpose the matrix limits to a few root fields
// (PARTNER_CONFIRMATION: membershipConfirmation alone, "never a member record") must not read a
// member record through it, and no representation a caller makes up turns into a server error.

const stack = testStack();
const self = syntheticMember(3, stack.seed);
const other = [...syntheticMembers(stack.seed)].find((m) => m.id !== self.id && syntheticCasework(m, stack.seed).matters.length > 0)!;

describe('_entities under the root-field limits of the matrix', () => {
  it("refuses a PARTNER_CONFIRMATION token any member's membership record through _entities (no confirmation, no disclosure)", async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { membership { status periods { startsOn endsOn } } } } }';
    const response = await postAsGateway('member', query, { r: [{ __typename: 'Member', id: other.id }] }, 'PARTNER_CONFIRMATION', { partnerId: 'hospital-7' });
    expect(response.body.errors?.[0]?.extensions?.policy?.rule).toBe('PURPOSE_SCOPE');
    expect(response.body.data?._entities ?? null).toBeNull();
  });

  it('still answers the entities the query planner fetches under COMMUNICATIONS (its audience spans subgraphs)', async () => {
    const query = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { communicationPreferences { consented } } } }';
    const response = await postAsGateway<Entities<{ communicationPreferences: { consented: boolean } | null }>>('privacy', query, { r: [{ __typename: 'Member', id: other.id }] }, 'COMMUNICATIONS');
    expect(response.body.errors).toBeUndefined();
    expect(typeof response.body.data?._entities?.[0]?.communicationPreferences?.consented).toBe('boolean');
  });
});

describe('representations with an id that is not a member id', () => {
  const cases: [string, string][] = [
    ['member', '... on Member { firstName }'],
    ['case', '... on Member { medicoLegalHistory { kind } }'],
    ['education', '... on Member { learningRecord { credits } }'],
    ['privacy', '... on Member { consents { status } }'],
  ];
  for (const [subgraph, selection] of cases) {
    it(`resolve to null at the ${subgraph} subgraph, never to an internal error or another member's empty record`, async () => {
      const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`;
      for (const id of [[other.id], { $ne: null }, 5, { toLowerCase: 1 }]) {
        const response = await postAsGateway(subgraph, query, { r: [{ __typename: 'Member', id }] }, 'MEMBER_SELF_SERVICE', { memberId: self.id });
        expect(response.status).toBe(200);
        expect(response.body.errors?.map((e: { extensions?: { code?: string } }) => e.extensions?.code) ?? []).not.toContain('INTERNAL_SERVER_ERROR');
        expect(response.body.data?._entities).toEqual([null]);
      }
    });
  }
});
