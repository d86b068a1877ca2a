import { syntheticMember } from '@mutual-graph/synthetic';
import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { expectRefused } from '../../test/support/refusals.js';
import { postGraphQL, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

// Filtering by a value tells the caller that value of every member returned: an operation that
// filters by a category reads it, whatever fields it selects, however the filter is given.

const stack = testStack();
const self = syntheticMember(3, stack.seed);
const LIST = '{ edges { node { firstName contact { email } } } }';

describe('arguments are reads', () => {
  let graph: InProcessGraph;
  beforeAll(async () => {
    graph = await startInProcessGraph();
  });
  afterAll(() => graph.stop());

  const refused: [string, string, Record<string, unknown>][] = [
    ['a literal membership-status filter', `{ members(filter: { status: DECEASED }) ${LIST} }`, {}],
    ['the filter as a variable', `query ($f: MemberFilter) { members(filter: $f) ${LIST} }`, { f: { status: 'DECEASED' } }],
    ["the filter as a variable's default", `query ($f: MemberFilter = { status: DECEASED }) { members(filter: $f) ${LIST} }`, {}],
    ['one input field as a variable', `query ($s: MembershipStatus) { members(filter: { status: $s }) ${LIST} }`, { s: 'DECEASED' }],
    ['a province filter (PROFESSIONAL)', `{ members(filter: { province: ON }) ${LIST} }`, {}],
    ['a specialty filter under an alias, in a fragment', `query { ...F } fragment F on Query { list: members(filter: { specialty: "Psychiatry" }) ${LIST} }`, {}],
  ];

  it.each(refused)('refuses %s under EDUCATION, before any subgraph is reached', async (_what, query, variables) => {
    graph.reset();
    const response = await postGraphQL(graph.gateway.graphqlUrl, query, variables, await asCaller('EDUCATION'));
    expectRefused(response, 'PURPOSE_SCOPE');
    expect(response.body.errors[0].extensions.policy.fields.some((f: string) => f.startsWith('MemberFilter.'))).toBe(true);
    expect(graph.requests).toEqual({ member: 0, case: 0, education: 0, privacy: 0 });
  });

  it('serves the same list unfiltered under EDUCATION, and filtered by status under MEMBERSHIP', async () => {
    const plain = await postGraphQL(stack.gatewayUrl, `{ members(first: 3) ${LIST} }`, {}, await asCaller('EDUCATION'));
    expect(plain.body.errors).toBeUndefined();
    expect(plain.body.data.members.edges).toHaveLength(3);
    const filtered = await postGraphQL<{ members: { edges: { node: { membership: { status: string } } }[] } }>(
      stack.gatewayUrl,
      `{ members(first: 3, filter: { status: ACTIVE }) { edges { node { membership { status } } } } }`,
      {},
      await asCaller('MEMBERSHIP'),
    );
    expect(filtered.body.errors).toBeUndefined();
    expect(filtered.body.data!.members.edges.every((e) => e.node.membership.status === 'ACTIVE')).toBe(true);
  });

  it('an empty or null filter selects by nothing', async () => {
    for (const filter of ['{}', 'null']) {
      const response = await postGraphQL(stack.gatewayUrl, `{ members(first: 2, filter: ${filter}) ${LIST} }`, {}, await asCaller('EDUCATION'));
      expect(response.body.errors).toBeUndefined();
    }
  });

  it('refuses an eligibility date (it selects by MEMBERSHIP) to a purpose that may not read membership, whatever the operation selects', async () => {
    // eligibleOn(date:) selects by MEMBERSHIP: EDUCATION may not ask it, whatever it selects.
    const response = await postGraphQL(
      stack.gatewayUrl,
      'query ($id: ID!) { member(id: $id) { firstName membership { eligibleOn(date: "2020-01-01") } } }',
      { id: self.id },
      await asCaller('EDUCATION'),
    );
    expectRefused(response, 'PURPOSE_SCOPE');
    expect(response.body.errors[0].extensions.policy.fields).toContain('Membership.eligibleOn(date:)');
  });

  it('answers variables that do not fit the operation with BAD_USER_INPUT, audited, never a 500', async () => {
    const response = await postGraphQL(stack.gatewayUrl, `query ($f: MemberFilter) { members(filter: $f) ${LIST} }`, { f: { status: 'NOT_A_STATUS' } }, await asCaller('MEMBERSHIP'));
    expect(response.status).toBeLessThan(500);
    expect(response.body.data ?? null).toBeNull();
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(response.body.errors[0].extensions.code);
  });
});
