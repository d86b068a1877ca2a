import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { postGraphQL } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

// SQL statements per operation, counted at every subgraph, for growing list sizes: batching keeps
// them flat, so a resolver that starts querying per member fails here, long before a benchmark.
const LIST = `query MembersWithHistory($n: Int!) { members(first: $n) { edges { node {
  lastName practice { specialty }
  medicoLegalHistory { kind outcome } adviceCalls { topic }
  learningRecord { completedOn credits activity { title } }
} } } }`;

describe('SQL statements per operation do not grow with the list', () => {
  let graph: InProcessGraph;
  beforeAll(async () => {
    graph = await startInProcessGraph();
  }, 60_000);
  afterAll(() => graph.stop());

  async function statementsFor(n: number): Promise<Record<string, number>> {
    graph.reset();
    const { body } = await postGraphQL(graph.gateway.graphqlUrl, LIST, { n }, await asCaller('RISK_MANAGEMENT', { sub: 'statement-count' }));
    expect(body.errors).toBeUndefined();
    expect(body.data!.members.edges).toHaveLength(n);
    return Object.fromEntries(graph.subgraphs.map((s) => [s.name, s.counter.domainStatements().length]));
  }

  it('lists 10, 40 and 100 members with their matters, calls and learning in the same number of statements', async () => {
    const [ten, forty, hundred] = [await statementsFor(10), await statementsFor(40), await statementsFor(100)];
    expect(forty).toEqual(ten);
    expect(hundred).toEqual(ten);
    // And few: the page (and its count), then one statement per list the other subgraphs hold.
    expect(ten.member).toBeLessThanOrEqual(2);
    expect(ten.case).toBeLessThanOrEqual(2);
    expect(ten.education).toBeLessThanOrEqual(2);
    expect(ten.privacy).toBe(0);
  });
});
