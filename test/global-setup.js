// Starts the real stack once for the whole run: embedded PostgreSQL in a fresh folder,
// migrated and seeded, four subgraph processes and the gateway, on free ports, the subgraphs and the
// gateway reaching PostgreSQL through PgBouncer in transaction mode (as production may), so that every
// stack test also proves nothing relies on session state; TEST_PGBOUNCER=off connects them directly.
// Plain JavaScript on the built packages, because jest loads it outside its transform.
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startStack } from '@mutual-graph/stack';

export const TEST_SEED = { seed: 1_867, members: 600, asOf: '2026-10-31' };

export default async function globalSetup() {
  const dataDir = await mkdtemp(join(tmpdir(), 'mutual-graph-test-'));
  // PostgreSQL runs as its own OS user when we are root: it must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const ports = { gateway: await freePort(), postgres: await freePort(), effects: await freePort(), pgbouncer: await freePort() };
  const pgbouncer = process.env.TEST_PGBOUNCER === 'off' ? undefined : { port: ports.pgbouncer };
  const subgraphPorts = {};
  for (const name of ['member', 'case', 'education', 'privacy']) subgraphPorts[name] = await freePort();
  const stack = await startStack({
    dataDir,
    gatewayPort: ports.gateway,
    subgraphPorts,
    effectsPort: ports.effects,
    postgresPort: ports.postgres,
    databaseUrl: process.env.TEST_DATABASE_URL || undefined,
    seed: TEST_SEED,
    quiet: true,
    // Every line the services log, for the test that no personal information reaches a log.
    serviceLogFile: join(dataDir, 'services.log'),
    pgbouncer,
  });
  globalThis.__MUTUAL_GRAPH_STACK__ = { stack, dataDir };
  // Test workers are forked after this and inherit the environment.
  process.env.TEST_STACK = JSON.stringify({
    gatewayUrl: stack.gatewayUrl,
    gatewayPort: ports.gateway,
    subgraphUrls: stack.subgraphUrls,
    effectsUrl: stack.effectsUrl,
    // Process ids by service, for the tests that stop one (SIGKILL, SIGSTOP) and start it again.
    pids: Object.fromEntries(stack.services.map((s) => [s.name, s.child.pid])),
    adminUrl: stack.adminUrl,
    // Database URLs by owner (subgraphs and isolated stores), each as its own role: the ones the services
    // were given (through PgBouncer, but the effects worker's), for the services tests start themselves.
    ownerUrls: stack.serviceUrls,
    directOwnerUrls: stack.database.ownerUrls,
    // PgBouncer's admin console and pool size, when it runs.
    pgbouncer: stack.pgbouncer ? { adminUrl: stack.pgbouncer.adminUrl, port: stack.pgbouncer.port, poolSize: stack.pgbouncer.poolSize } : null,
    // Test-only copies of the development keys, to mint callers' tokens and forge or sign hops.
    issuerPrivateJwk: stack.secrets.issuerKey.privateJwk,
    hopPrivateJwk: stack.secrets.hopKey.privateJwk,
    hopPublicJwk: stack.secrets.hopKey.publicJwk,
    dataDir,
    serviceLogFile: join(dataDir, 'services.log'),
    seed: TEST_SEED,
  });
}
