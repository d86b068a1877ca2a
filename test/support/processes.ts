import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gatewayEnvironment, serviceScript, spawnService, subgraphEnvironment, SUBGRAPHS, waitUntilReady, type ServiceProcess } from '@mutual-graph/stack';
import { testStack } from './stack.js';
import { publicHalf } from './tokens.js';

export { freePort } from '@mutual-graph/stack';

/**
 * A real subgraph process of our own, on the test database, at a port we choose, so that a test
 * can kill it (SIGKILL) and start it again where the gateway expects it.
 */
export async function spawnSubgraph(name: string, port: number, ownerUrls = testStack().ownerUrls, extraEnv: Record<string, string> = {}): Promise<ServiceProcess> {
  const stack = testStack();
  const service = spawnService(
    name,
    serviceScript(name),
    {
      ...subgraphEnvironment(
        SUBGRAPHS.find((s) => s.name === name)!,
        { ownerUrls, peerUrl: (peer) => stack.subgraphUrls[peer], hopPublicJwk: stack.hopPublicJwk, port },
      ),
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    true,
  );
  await waitUntilReady(`http://127.0.0.1:${port}/ready`, 30_000, () => service.child.exitCode === null);
  return service;
}

/** A real gateway process of our own, on the test stack's subgraphs and audit database; its log lines go to `logFile`. */
export async function spawnGateway(port: number, logFile: string, options: { env?: Record<string, string>; subgraphUrls?: Record<string, string> } = {}): Promise<ServiceProcess> {
  const stack = testStack();
  const service = spawnService(
    'gateway',
    serviceScript('gateway'),
    {
      ...gatewayEnvironment({
        ownerUrls: stack.ownerUrls,
        authentication: { publicJwk: publicHalf(stack.issuerPrivateJwk) },
        hopPrivateJwk: stack.hopPrivateJwk,
        subgraphUrls: { ...stack.subgraphUrls, ...options.subgraphUrls },
        port,
      }),
      LOG_LEVEL: 'info',
      ...options.env,
    },
    true,
    logFile,
  );
  await waitUntilReady(`http://127.0.0.1:${port}/ready`, 30_000, () => service.child.exitCode === null);
  return service;
}

/**
 * Starts the stack's gateway again where it ran (its port, its log), after a test killed it; the
 * teardown stops it with the stack (test/global-teardown.js reads restarted.pids).
 */
export async function restartStackGateway(): Promise<ServiceProcess> {
  const stack = testStack();
  const gateway = await spawnGateway(stack.gatewayPort, stack.serviceLogFile);
  await appendFile(join(stack.dataDir, 'restarted.pids'), `${gateway.child.pid}\n`);
  return gateway;
}

/** Whether a process is still there (signal 0 asks without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
