import { testStack } from '../../test/support/stack.js';

describe('health and readiness', () => {
  const stack = testStack();
  const services = { gateway: stack.gatewayUrl, ...stack.subgraphUrls };

  it.each(Object.entries(services))('%s answers GET /health and GET /ready with 200', async (name, graphqlUrl) => {
    const health = await fetch(new URL('/health', graphqlUrl));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', service: name });
    const ready = await fetch(new URL('/ready', graphqlUrl));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', service: name });
  });

  it("the gateway's readiness names every subgraph it depends on, and its audit database", async () => {
    const body = (await (await fetch(new URL('/ready', stack.gatewayUrl))).json()) as { checks: Record<string, string> };
    expect(Object.keys(body.checks).sort()).toEqual(['audit', 'partner-supergraph', 'subgraph:case', 'subgraph:education', 'subgraph:member', 'subgraph:privacy', 'supergraph']);
  });
});
