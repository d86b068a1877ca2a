import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { effectsEnvironment, gatewayEnvironment, serviceScript, spawnService, subgraphEnvironment, SUBGRAPHS, waitUntilReady, type ServiceProcess } from '@mutual-graph/stack';
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

/** A real effects worker process of our own on the test database (straight to PostgreSQL, as its role), with the receivers it is given. */
export async function spawnEffectsWorker(port: number, subgraphUrls: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ServiceProcess> {
  const stack = testStack();
  const env = {
    ...effectsEnvironment({ ownerUrls: stack.directOwnerUrls, hopPrivateJwk: stack.hopPrivateJwk, subgraphUrls: { ...stack.subgraphUrls, ...subgraphUrls }, port }),
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const service = spawnService('effects', serviceScript('effects'), env, true);
  await waitUntilReady(`http://127.0.0.1:${port}/ready`, 30_000, () => service.child.exitCode === null);
  return service;
}

type GatewayOptions = { env?: Record<string, string>; subgraphUrls?: Record<string, string> };

/** A gateway's environment on the test stack's subgraphs and audit database. */
function gatewayEnv(port: number, options: GatewayOptions): Record<string, string> {
  const stack = testStack();
  return {
    ...gatewayEnvironment({
      ownerUrls: stack.ownerUrls,
      authentication: { publicJwk: publicHalf(stack.issuerPrivateJwk) },
      hopPrivateJwk: stack.hopPrivateJwk,
      subgraphUrls: { ...stack.subgraphUrls, ...options.subgraphUrls },
      port,
    }),
    LOG_LEVEL: 'info',
    ...options.env,
  };
}

/** A real gateway process of our own, on the test stack's subgraphs and audit database; its log lines go to `logFile`. */
export async function spawnGateway(port: number, logFile: string, options: GatewayOptions = {}): Promise<ServiceProcess> {
  const service = spawnService('gateway', serviceScript('gateway'), gatewayEnv(port, options), true, logFile);
  await waitUntilReady(`http://127.0.0.1:${port}/ready`, 30_000, () => service.child.exitCode === null);
  return service;
}

const TELEMETRY = pathToFileURL(createRequire(import.meta.url).resolve('@mutual-graph/platform/telemetry')).href;

/**
 * Starts the stack's gateway again where it ran (its port, its log), after a test killed it; the
 * teardown stops it with the stack (test/global-teardown.js reads restarted.pids). It outlives the
 * test file, and jest recycles its worker between files: so it writes its lines straight to the
 * stack's log file, not through a pipe this worker would take with it.
 */
export async function restartStackGateway(): Promise<ServiceProcess> {
  const stack = testStack();
  const log = openSync(stack.serviceLogFile, 'a');
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', TELEMETRY, serviceScript('gateway')], {
    env: { OTEL_SERVICE_NAME: 'mutual-graph-gateway', ...process.env, ...gatewayEnv(stack.gatewayPort, {}) },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await waitUntilReady(`http://127.0.0.1:${stack.gatewayPort}/ready`, 30_000, () => child.exitCode === null);
  await appendFile(join(stack.dataDir, 'restarted.pids'), `${child.pid}\n`);
  return { name: 'gateway', child, exited };
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
