// Target (c) and (e): Hive Gateway serving the same supergraph file as ours, in a process of its own.
// node bench/targets/hive-gateway.ts <supergraph file> <port> [router-runtime]
//
// The subgraphs answer only requests carrying a token the gateway signed (the hop token). Hive
// Gateway cannot sign one, so the benchmark's client sends a hop token it signed with the same key
// and Hive Gateway passes it on unchanged to every subgraph (header propagation): the subgraphs
// check it exactly as they check ours. Nothing in the subgraphs is relaxed for this target.
import { createServer } from 'node:http';
// The gateway's runtime, which the @graphql-hive/gateway CLI serves; without the CLI's optional
// plugins (pub/sub, Prometheus, JWT) that would only add start-up time and memory here.
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

const [supergraph, port, mode] = process.argv.slice(2);
const gateway = createGatewayRuntime({
  supergraph: supergraph!,
  ...(mode === 'router-runtime' ? { unifiedGraphHandler: (await import('@graphql-hive/router-runtime')).unifiedGraphHandler } : {}),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
      authorization: request.headers.get('authorization') ?? undefined,
      'x-request-id': request.headers.get('x-request-id') ?? undefined,
    }),
  },
  // Identical concurrent subgraph queries are merged into one fetch by default: ours does not do
  // that, and a benchmark's repeated operations would be served from one another's answers.
  transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } },
  logging: 'warn',
  landingPage: false,
  graphiql: false,
});
await gateway.getSchema();
const server = createServer(gateway);
server.listen(Number(port), '127.0.0.1', () => console.log(`ready http://127.0.0.1:${port}/graphql`));
const stop = () => {
  server.closeAllConnections();
  server.close(() => void gateway[Symbol.asyncDispose]().finally(() => process.exit(0)));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
