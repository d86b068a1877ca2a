import { startGateway, type RunningGateway } from '@mutual-graph/gateway';
import type { ServiceProcess } from '@mutual-graph/stack';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { testGatewayConfig } from '../../test/support/in-process-graph.js';
import { freePort, spawnSubgraph } from '../../test/support/processes.js';
import { postGraphQL, testStack, type GraphQLResponse } from '../../test/support/stack.js';

/** What QUERY reads of a member. */
type Answer = { member: { lastName: string; supportProgram: unknown } };
import { asCaller } from '../../test/support/tokens.js';

const stack = testStack();
const members = [...syntheticMembers(stack.seed)].slice(100, 140);
const QUERY = 'query Profile($id: ID!) { member(id: $id) { lastName supportProgram { status } } }';

describe('a subgraph killed under load', () => {
  let gateway: RunningGateway;
  let port: number;
  let caseProcess: ServiceProcess;

  beforeAll(async () => {
    port = await freePort();
    caseProcess = await spawnSubgraph('case', port);
    gateway = await startGateway(testGatewayConfig({ ...stack.subgraphUrls, case: `http://127.0.0.1:${port}/graphql` }));
  }, 60_000);
  afterAll(async () => {
    await gateway?.stop();
    caseProcess?.child.kill('SIGKILL');
  });

  it('keeps the gateway up, answers what the other subgraphs can, says which subgraph is down, and recovers without a restart', async () => {
    const headers = await asCaller('RISK_MANAGEMENT', { sub: 'fault-test' });
    const responses: GraphQLResponse<Answer>[] = [];
    let loading = true;
    // Four clients asking without pause for the whole test.
    const load = Promise.all(
      Array.from({ length: 4 }, async (_, c) => {
        for (let i = 0; loading; i += 1) responses.push(await postGraphQL<Answer>(gateway.graphqlUrl, QUERY, { id: members[(c * 10 + i) % members.length].id }, headers));
      }),
    );

    await new Promise((resolve) => setTimeout(resolve, 500));
    caseProcess.child.kill('SIGKILL');
    await caseProcess.exited;
    await new Promise((resolve) => setTimeout(resolve, 300));

    const during = await postGraphQL<Answer>(gateway.graphqlUrl, QUERY, { id: members[0].id }, headers);
    expect(during.status).toBe(200);
    expect(during.body.data!.member.lastName).toBe(members[0].lastName);
    expect(during.body.data!.member.supportProgram).toBeNull();
    expect(during.body.errors![0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'case' });
    expect(JSON.stringify(during.body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|localhost|:\d{4,5}\//);
    const ready = await fetch(new URL('/ready', gateway.url));
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { checks: Record<string, string> }).checks).toMatchObject({ 'subgraph:case': 'down', 'subgraph:member': 'ok' });

    caseProcess = await spawnSubgraph('case', port);
    const after = await postGraphQL<Answer>(gateway.graphqlUrl, QUERY, { id: members[1].id }, headers);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data!.member.lastName).toBe(members[1].lastName);
    expect((await fetch(new URL('/ready', gateway.url))).status).toBe(200);

    loading = false;
    await load;
    // Under load, every answer was JSON with data or a coded error, and the member's own fields always came.
    expect(responses.length).toBeGreaterThan(20);
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.body.data!.member.lastName).toEqual(expect.any(String));
      for (const error of response.body.errors ?? []) expect(error.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    }
    expect(responses.some((r) => r.body.errors)).toBe(true);
  }, 90_000);
});
