import { syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, sql, testStack, type GraphQLResponse } from '../../../test/support/stack.js';

type MembersPage = {
  members: {
    totalCount: number;
    edges: { node: { id: string; lastName: string; practice: { province: string }; membership: { status: string } } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
import { asCaller } from '../../../test/support/tokens.js';

describe('membership through the gateway', () => {
  const stack = testStack();

  it('keeps a retired member eligible for care given while a member, and not after', async () => {
    const retired = [...syntheticMembers(stack.seed)].find((m) => m.status === 'RETIRED' && m.periods.at(-1)?.endsOn)!;
    const last = retired.periods.at(-1)!;
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      `query ($id: ID!, $during: Date!, $after: Date!, $before: Date!) { member(id: $id) { membership {
        status during: eligibleOn(date: $during) after: eligibleOn(date: $after) before: eligibleOn(date: $before) } } }`,
      {
        id: retired.id,
        during: last.endsOn,
        after: new Date(Date.parse(`${last.endsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
        before: new Date(Date.parse(`${retired.periods[0].startsOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10),
      },
      await asCaller('MEDICO_LEGAL_ASSISTANCE'),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.member.membership).toEqual({ status: 'RETIRED', during: true, after: false, before: false });
  });

  it('pages through a filtered list by cursor, ordered by last name, without gaps or repeats', async () => {
    const expected = [...syntheticMembers(stack.seed)].filter((m) => m.province === 'QC' && m.status === 'ACTIVE');
    const seen: { id: string; lastName: string }[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      // Typed here: `after` feeds the query and is read from its answer.
      const { body }: GraphQLResponse<MembersPage> = await postGraphQL<MembersPage>(
        stack.gatewayUrl,
        `query ($after: String) { members(filter: { province: QC, status: ACTIVE }, first: 7, after: $after) {
          totalCount edges { node { id lastName practice { province } membership { status } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        await asCaller('MEMBERSHIP'),
      );
      expect(body.errors).toBeUndefined();
      expect(body.data!.members.totalCount).toBe(expected.length);
      for (const { node } of body.data!.members.edges) {
        expect(node.practice.province).toBe('QC');
        expect(node.membership.status).toBe('ACTIVE');
        seen.push({ id: node.id, lastName: node.lastName });
      }
      if (!body.data!.members.pageInfo.hasNextPage) break;
      after = body.data!.members.pageInfo.endCursor;
    }
    expect(seen.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
    // The database's own collation decides name order; ask it rather than guess it.
    const ordered = await sql(stack.adminUrl, `select id from member.member where province = 'QC' and status = 'ACTIVE' order by last_name, id`);
    expect(seen.map((m) => m.id)).toEqual(ordered.map((r) => r.id));
  });
});
