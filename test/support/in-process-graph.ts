import { SUBGRAPHS } from '@mutual-graph/composition';
import { PARTNER_OPERATIONS_DIR, startGateway, type GatewayConfig, type RunningGateway } from '@mutual-graph/gateway';
import { PARTNER_SUPERGRAPH_PATH, SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { startCountingSubgraph } from './counting-subgraph.js';
import { testStack } from './stack.js';
import { publicHalf } from './tokens.js';

type CountingSubgraph = Awaited<ReturnType<typeof startCountingSubgraph>>;

export interface InProcessGraph {
  gateway: RunningGateway;
  subgraphs: CountingSubgraph[];
  /** HTTP requests each subgraph received, by name. */
  requests: Record<string, number>;
  reset(): void;
  /** SQL statements all subgraphs ran since the last reset. */
  statements(): string[];
  stop(): Promise<void>;
}

/** A gateway in this test process on a free port, verifying the test stack's tokens, calling these subgraphs. */
export function testGatewayConfig(subgraphUrls: Record<string, string>): GatewayConfig {
  const stack = testStack();
  return {
    host: '127.0.0.1',
    port: 0,
    supergraphPath: SUPERGRAPH_PATH,
    partnerSupergraphPath: PARTNER_SUPERGRAPH_PATH,
    partnerOperationsDir: PARTNER_OPERATIONS_DIR,
    subgraphUrls,
    sandbox: false,
    authentication: { publicKey: publicHalf(stack.issuerPrivateJwk), issuer: 'mutual-graph-dev', audience: 'mutual-graph' },
    hopPrivateKey: stack.hopPrivateJwk,
    auditDatabaseUrl: stack.ownerUrls.audit,
  };
}

/**
 * The four subgraphs and a gateway started in this test process, on the test database,
 * counting every HTTP request each subgraph receives and every statement it runs.
 */
export async function startInProcessGraph(options: { auditDatabaseUrl?: string; introspection?: 'all' | 'analysts' } = {}): Promise<InProcessGraph> {
  const stack = testStack();
  const subgraphs = await Promise.all(SUBGRAPHS.map((definition) => startCountingSubgraph(definition)));
  const requests: Record<string, number> = {};
  for (const subgraph of subgraphs) {
    requests[subgraph.name] = 0;
    subgraph.server.on('request', () => (requests[subgraph.name] += 1));
  }
  const gateway = await startGateway({
    ...testGatewayConfig(Object.fromEntries(subgraphs.map((s) => [s.name, s.graphqlUrl]))),
    auditDatabaseUrl: options.auditDatabaseUrl ?? stack.ownerUrls.audit,
    ...(options.introspection ? { introspection: options.introspection } : {}),
  });
  return {
    gateway,
    subgraphs,
    requests,
    reset() {
      for (const s of subgraphs) {
        s.counter.reset();
        requests[s.name] = 0;
      }
    },
    statements: () => subgraphs.flatMap((s) => s.counter.domainStatements()),
    async stop() {
      await gateway.stop();
      await Promise.all(subgraphs.map((s) => s.stop()));
    },
  };
}
