import 'reflect-metadata';
import { DATA_DIR, seedOptionsFromEnv, stackEnvironment } from '@mutual-graph/stack';
import { startCluster } from './cluster.js';

/** `npm run cluster`: two of each service on this machine behind nginx, until Ctrl-C (in place of `npm start`, not beside it: the same data folder and ports). */
const say = (line: string) => console.log(`cluster   | ${line}`);
const environment = (() => {
  try {
    return stackEnvironment();
  } catch (error) {
    console.error(`cluster   | ${(error as Error).message}`);
    process.exit(2);
  }
})();
if (environment.IDENTITY_PROVIDER !== 'dev-key') {
  console.error('cluster   | IDENTITY_PROVIDER: the cluster trusts the development key only (npm run token); unset it, or use npm start for the local identity provider');
  process.exit(2);
}
const cluster = await startCluster({
  dataDir: DATA_DIR,
  port: environment.GATEWAY_PORT,
  databaseUrl: environment.DATABASE_URL,
  postgresPort: environment.EMBEDDED_PG_PORT,
  seed: seedOptionsFromEnv(),
  log: say,
}).catch((error) => {
  console.error(`cluster   | could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});

const indent = '\n                   ';
const directly = (service: string, path: string) =>
  cluster.replicas
    .filter((r) => r.service === service)
    .map((r) => `${r.name} ${r.url}${path}`)
    .join(', ');
console.log(`
  mutual-graph is running, several of each, behind nginx.

  Internal graph   ${cluster.gatewayUrl}   (nginx, over ${directly('gateway', '/graphql')})
  Partner graph    ${cluster.gatewayUrl.replace(/\/graphql$/, '/partner/graphql')}
  Subgraphs        ${Object.entries(cluster.subgraphUrls)
    .map(([name, url]) => `${name.padEnd(10)} ${url}   (nginx, over ${directly(name, '/graphql')})`)
    .join(indent)}
                   (loopback only: they answer the gateways, the effects workers and each other)
  Effects workers  ${directly('effects', '/ready')}
  Supergraph       ${cluster.supergraphPath}, watched by every gateway (npm run compose reaches them all)
  nginx            ${cluster.nginx.configFile}
                   its logs: ${cluster.nginx.accessLog} (the replica that answered each request), ${cluster.nginx.errorLog}

  Tokens as for npm start: TOKEN=$(npm run -s token -- --sub analyst --roles staff --purposes MEMBERSHIP)
  A replica stopped (kill -9 <pid>) is passed over by nginx; pids: ${cluster.replicas.map((r) => `${r.name} ${r.process.child.pid}`).join(', ')}

  Ctrl-C stops everything, PostgreSQL included.
`);

let stopping = false;
const shutdown = async (code: number) => {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await cluster.stop();
  say('stopped');
  process.exit(code);
};
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
// Unlike npm start, a replica that dies leaves the cluster running on the others (that is what it is for): it is said, not fatal.
for (const replica of cluster.replicas) {
  void replica.process.exited.then((code) => {
    if (!stopping) say(`${replica.name} exited (code ${code}); nginx passes it over, the other replicas answer`);
  });
}
void cluster.nginx.process.exited.then((code) => {
  if (!stopping) {
    console.error(`cluster   | nginx exited (code ${code}); stopping the cluster`);
    void shutdown(1);
  }
});
