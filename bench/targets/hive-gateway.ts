// Target (c) and (e): Hive Gateway serving the same supergraph file as ours, in a process of its own.
// node bench/targets/hive-gateway.ts <supergraph file> <port> [router-runtime]
//
// The subgraphs answer only requests carrying a token the gateway signed for that very request at
// that subgraph (the hop token). Hive Gateway has no such signer, so this process is given the hop
// key (BENCH_HOP_PRIVATE_KEY) and the subgraphs' names by URL (BENCH_SUBGRAPHS), and a plugin signs
// each subgraph fetch as ours does, for the principal and purpose the benchmark's client states in
// `x-bench-hop-claims`: the same signing work per fetch, checked by the subgraphs exactly as ours.
// Nothing in the subgraphs is relaxed for this target.
import { createServer } from 'node:http';
import { bindRequest, signHop, type HopClaims } from '@mutual-graph/hop';
import type { JWK } from 'jose';
// The gateway's runtime, which the @graphql-hive/gateway CLI serves; without the CLI's optional
// plugins (pub/sub, Prometheus, JWT) that would only add start-up time and memory here.
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';

const [supergraph, port, mode] = process.argv.slice(2);
const hopKey = JSON.parse(process.env.BENCH_HOP_PRIVATE_KEY!) as JWK;
const subgraphs = new Map(Object.entries(JSON.parse(process.env.BENCH_SUBGRAPHS!) as Record<string, string>).map(([name, url]) => [new URL(url).host, name]));

const signEachFetch = {
  async onFetch({ url, options, setOptions, context }: { url: string; options: RequestInit; setOptions: (o: RequestInit) => void; context?: { request?: Request } }) {
    const stated = context?.request?.headers.get('x-bench-hop-claims');
    const audience = subgraphs.get(new URL(url).host);
    if (!stated || !audience || typeof options.body !== 'string') return;
    const { query, variables } = JSON.parse(options.body) as { query: string; variables?: unknown };
    const token = await signHop(hopKey, JSON.parse(stated) as HopClaims, bindRequest(audience, query, variables ?? {}));
    const headers = new Headers(options.headers);
    headers.set('authorization', `Bearer ${token}`);
    setOptions({ ...options, headers: Object.fromEntries(headers) });
  },
};

const gateway = createGatewayRuntime({
  plugins: () => [signEachFetch as never],
  supergraph: supergraph,
  ...(mode === 'router-runtime' ? { unifiedGraphHandler: (await import('@graphql-hive/router-runtime')).unifiedGraphHandler } : {}),
  propagateHeaders: {
    fromClientToSubgraphs: ({ request }) => ({
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
// Hive Gateway's handler answers by its promise; node's server takes a listener that returns nothing.
const server = createServer((req, res) => void gateway(req, res));
server.listen(Number(port), '127.0.0.1', () => console.log(`ready http://127.0.0.1:${port}/graphql`));
const stop = () => {
  server.closeAllConnections();
  server.close(() => void gateway[Symbol.asyncDispose]().finally(() => process.exit(0)));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
