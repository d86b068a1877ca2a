import { syntheticMember } from '@mutual-graph/synthetic';
import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { postGraphQL, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

const stack = testStack();
const self = syntheticMember(3, stack.seed);
const other = syntheticMember(4, stack.seed);

describe('a refused operation', () => {
  let graph: InProcessGraph;
  beforeAll(async () => {
    graph = await startInProcessGraph();
  });
  afterAll(() => graph.stop());

  const refusals: [string, string, Record<string, unknown>, () => Promise<Record<string, string>>][] = [
    ['PURPOSE_SCOPE', 'query ($id: ID!) { member(id: $id) { firstName medicoLegalHistory { kind } } }', { id: self.id }, () => asCaller('EDUCATION')],
    ['EDI_ISOLATION', 'query ($id: ID!) { member(id: $id) { edi { genderIdentity } membership { status } } }', { id: self.id }, () => asCaller('MEMBER_SELF_SERVICE', { memberId: self.id })],
    ['SUBJECT_SCOPE', 'query ($id: ID!) { member(id: $id) { firstName } }', { id: other.id }, () => asCaller('MEMBER_SELF_SERVICE', { memberId: self.id })],
    ['PURPOSE_REQUIRED', 'query ($id: ID!) { member(id: $id) { firstName } }', { id: self.id }, async () => ({ ...(await asCaller('EDUCATION')), 'x-purpose-of-use': 'MEMBERSHIP' })],
    ['UNAUTHENTICATED', 'query ($id: ID!) { member(id: $id) { firstName } }', { id: self.id }, () => Promise.resolve({ 'x-purpose-of-use': 'MEMBERSHIP' })],
  ];

  it.each(refusals)('(%s) reaches no subgraph and reads no row', async (rule, query, variables, headers) => {
    graph.reset();
    const response = await postGraphQL(graph.gateway.graphqlUrl, query, variables, await headers());
    expect(response.body.data ?? null).toBeNull();
    const error = response.body.errors![0].extensions!;
    expect(error.policy?.rule ?? error.code).toBe(rule);
    expect(graph.requests).toEqual({ member: 0, case: 0, education: 0, privacy: 0 });
    expect(graph.statements()).toEqual([]);
  });

  it('while the same graph serves an allowed operation (the counters do count)', async () => {
    graph.reset();
    const response = await postGraphQL(graph.gateway.graphqlUrl, 'query ($id: ID!) { member(id: $id) { firstName learningRecord { completedOn } } }', { id: self.id }, await asCaller('EDUCATION'));
    expect(response.body.errors).toBeUndefined();
    expect(graph.requests.member).toBeGreaterThan(0);
    expect(graph.requests.education).toBeGreaterThan(0);
    expect(graph.statements().length).toBeGreaterThan(0);
  });
});
