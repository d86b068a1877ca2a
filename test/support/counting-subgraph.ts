import { StatementCounter, startSubgraph, type RunningSubgraph, type SubgraphDefinition } from '@mutual-graph/platform';
import { testStack } from './stack.js';

/** A subgraph started in this test process, on the test database, counting every SQL statement. */
export async function startCountingSubgraph<L>(definition: SubgraphDefinition<L>): Promise<RunningSubgraph & { counter: StatementCounter }> {
  const counter = new StatementCounter();
  const stack = testStack();
  const running = await startSubgraph(definition, {
    clientUrl: stack.ownerUrls[definition.name],
    storeUrls: Object.fromEntries((definition.isolatedStores ?? []).map((s) => [s.name, stack.ownerUrls[s.name]])),
    hopPublicKey: stack.hopPublicJwk,
    peerUrls: stack.subgraphUrls,
    port: 0,
    debug: ['query'],
    loggerFactory: () => counter,
  });
  // MikroORM connects on first use and checks the database then: do that before anything is counted.
  await running.orm.em.getConnection().execute('select 1');
  counter.reset();
  return { ...running, counter };
}
