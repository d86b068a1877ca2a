import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SUBGRAPHS, spawnService, waitUntilReady, type ServiceProcess } from '@mutual-graph/stack';
import { testStack } from './stack.js';

export { freePort } from '@mutual-graph/stack';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A real subgraph process of our own, on the test database, at a port we choose, so that a test
 * can kill it (SIGKILL) and start it again where the gateway expects it.
 */
export async function spawnSubgraph(name: string, port: number, ownerUrls = testStack().ownerUrls, extraEnv: Record<string, string> = {}): Promise<ServiceProcess> {
  const stack = testStack();
  const definition = SUBGRAPHS.find((s) => s.name === name)!;
  const service = spawnService(name, join(ROOT, 'subgraphs', name, 'dist', 'server.js'), {
    DATABASE_URL: ownerUrls[name]!,
    ...Object.fromEntries((definition.isolatedStores ?? []).map((s) => [`${s.name.toUpperCase()}_DATABASE_URL`, ownerUrls[s.name]!])),
    ...Object.fromEntries((definition.peers ?? []).map((peer) => [`${peer.toUpperCase()}_SUBGRAPH_URL`, stack.subgraphUrls[peer]!])),
    GATEWAY_HOP_PUBLIC_KEY: JSON.stringify(stack.hopPublicJwk),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  }, true);
  await waitUntilReady(`http://127.0.0.1:${port}/ready`, 30_000, () => service.child.exitCode === null);
  return service;
}

/** A real gateway process of our own, on the test stack's subgraphs and audit database; its log lines go to `logFile`. */
export async function spawnGateway(port: number, logFile: string, options: { env?: Record<string, string>; subgraphUrls?: Record<string, string> } = {}): Promise<ServiceProcess> {
  const stack = testStack();
  const { d: _d, ...issuerPublic } = stack.issuerPrivateJwk as Record<string, unknown>;
  const service = spawnService('gateway', join(ROOT, 'gateway', 'dist', 'server.js'), {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: stack.ownerUrls.audit!,
    AUTH_PUBLIC_KEY: JSON.stringify(issuerPublic),
    GATEWAY_HOP_PRIVATE_KEY: JSON.stringify(stack.hopPrivateJwk),
    LOG_LEVEL: 'info',
    ...Object.fromEntries(Object.entries({ ...stack.subgraphUrls, ...options.subgraphUrls }).map(([name, url]) => [`${name.toUpperCase()}_SUBGRAPH_URL`, url])),
    ...options.env,
  }, true, logFile);
  await waitUntilReady(`http://127.0.0.1:${port}/ready`, 30_000, () => service.child.exitCode === null);
  return service;
}
