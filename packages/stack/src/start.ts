import 'reflect-metadata';
import { DATA_DIR } from './paths.js';
import { seedOptionsFromEnv } from './seed-options.js';
import { stackEnvironment } from './environment.js';
import { startStack } from './stack.js';

/** `npm start`: the whole stack on this machine, until Ctrl-C. */
const environment = (() => {
  try {
    return stackEnvironment();
  } catch (error) {
    console.error(`stack     | ${(error as Error).message}`);
    process.exit(2);
  }
})();
const gatewayPort = environment.GATEWAY_PORT;
const seed = seedOptionsFromEnv();
const stack = await startStack({
  dataDir: DATA_DIR,
  gatewayPort,
  databaseUrl: environment.DATABASE_URL,
  postgresPort: environment.EMBEDDED_PG_PORT,
  seed,
  log: (line) => console.log(`stack     | ${line}`),
}).catch((error) => {
  console.error(`stack     | could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});

console.log(`
  mutual-graph is running.

  Internal graph   ${stack.gatewayUrl}
                   open it in a browser for Apollo Sandbox
  Subgraphs        ${Object.entries(stack.subgraphUrls)
    .map(([n, u]) => `${n} ${u}`)
    .join('\n                   ')}
                   (loopback only: they answer the gateway)
  Effects worker   ${stack.effectsUrl}/ready (dead letters), /metrics
  Health           http://localhost:${gatewayPort}/health, /ready on every service

  Every request carries a token and one purpose of use. Try:
        TOKEN=$(npm run -s token -- --sub analyst --roles staff --purposes MEMBERSHIP,RISK_MANAGEMENT)
        curl -s ${stack.gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'x-purpose-of-use: MEMBERSHIP' \\
          -H 'content-type: application/json' \\
          -d '{"query":"{ members(first: 3) { edges { node { id firstName lastName membership { status } } } } }"}'
  What each purpose may read: schema/POLICY.md

  Ctrl-C stops everything, PostgreSQL included.
`);

let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  console.log('stack     | stopping…');
  await stack.stop();
  console.log('stack     | stopped');
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// A service that dies on its own takes the stack down with it, rather than leaving half a graph.
for (const service of stack.services) {
  void service.exited.then((code) => {
    if (!stopping) {
      console.error(`stack     | ${service.name} exited (code ${code}); stopping the stack`);
      void shutdown(1);
    }
  });
}
