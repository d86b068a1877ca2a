import { syntheticMembers } from '@mutual-graph/synthetic';
import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { expectRefused } from '../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

const stack = testStack();
const population = [...syntheticMembers(stack.seed)];
const [self, other] = population.filter((m) => m.status === 'ACTIVE' && m.periods.length > 0);
const REQUEST = `mutation ($memberId: ID, $on: Date!, $summary: String!) {
  requestAssistance(memberId: $memberId, eventsOn: $on, kind: HOSPITAL_COMPLAINT, summary: $summary) { id source }
}`;
const requestsOf = async (memberId: string) => (await sql(stack.adminUrl, 'select count(*)::int as n from casework.assistance_request where member_id = $1', [memberId]))[0].n as number;

describe("a member's own-record root field given another member's id", () => {
  let graph: InProcessGraph;
  const asSelf = () => asCaller('MEMBER_SELF_SERVICE', { memberId: self.id });
  beforeAll(async () => {
    graph = await startInProcessGraph();
  });
  afterAll(() => graph.stop());

  it.each([
    ['as a variable', REQUEST, () => ({ memberId: other.id, on: other.periods.at(-1)!.startsOn, summary: 'Asking on behalf of a colleague.' })],
    [
      'written inline',
      `mutation { requestAssistance(memberId: "${other?.id}", eventsOn: "${other?.periods.at(-1)!.startsOn}", kind: HOSPITAL_COMPLAINT, summary: "Asking on behalf of a colleague.") { id } }`,
      () => ({}),
    ],
  ])('is refused at the gateway (%s): SUBJECT_SCOPE, no subgraph reached, nothing written', async (_how, query, variables) => {
    const before = await requestsOf(other.id);
    graph.reset();
    const response = await postGraphQL(graph.gateway.graphqlUrl, query, variables(), await asSelf());
    expectRefused(response, 'SUBJECT_SCOPE');
    expect(response.body.errors![0].extensions!.policy.fields).toEqual(['Mutation.requestAssistance']);
    expect(graph.requests).toEqual({ member: 0, case: 0, education: 0, privacy: 0 });
    expect(graph.statements()).toEqual([]);
    expect(await requestsOf(other.id)).toBe(before);
  });

  it('is refused alongside an allowed root field: the whole operation, nothing reached', async () => {
    graph.reset();
    const response = await postGraphQL(
      graph.gateway.graphqlUrl,
      'mutation ($memberId: ID, $on: Date!) { a: requestAssistance(eventsOn: $on, kind: OTHER, summary: "My own question, asked properly.") { id } b: requestAssistance(memberId: $memberId, eventsOn: $on, kind: OTHER, summary: "Someone else\'s question.") { id } }',
      { memberId: other.id, on: self.periods.at(-1)!.startsOn },
      await asSelf(),
    );
    expectRefused(response, 'SUBJECT_SCOPE');
    expect(graph.requests).toEqual({ member: 0, case: 0, education: 0, privacy: 0 });
  });

  it.each([
    ['their own id', () => self.id],
    ['no id at all', () => undefined],
  ])('still opens the request when the member names %s', async (_label, memberId) => {
    const before = await requestsOf(self.id);
    const response = await postGraphQL(
      graph.gateway.graphqlUrl,
      REQUEST,
      { memberId: memberId(), on: self.periods.at(-1)!.startsOn, summary: 'I received a letter from a hospital about a complaint.' },
      await asSelf(),
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data!.requestAssistance.source).toBe('MEMBER');
    expect(await requestsOf(self.id)).toBe(before + 1);
  });
});
