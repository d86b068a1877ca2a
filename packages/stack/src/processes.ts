import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { pathToFileURL } from 'node:url';

/** The tracing preload every service is started with (see platform's observability/telemetry.ts). */
const TELEMETRY = pathToFileURL(createRequire(import.meta.url).resolve('@mutual-graph/platform/telemetry')).href;

export interface ServiceProcess {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/** Runs a Node service as a child process, its output prefixed with its name (and kept in `logFile` when given). */
export function spawnService(name: string, script: string, env: Record<string, string>, quiet = false, logFile?: string): ServiceProcess {
  // Tracing loads before the service's own modules; it stays off unless an OTLP endpoint is set.
  const child = spawn(process.execPath, ['--enable-source-maps', '--import', TELEMETRY, script], {
    env: { OTEL_SERVICE_NAME: `mutual-graph-${name}`, ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kept = logFile ? createWriteStream(logFile, { flags: 'a' }) : undefined;
  const prefix = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      kept?.write(`${name.padEnd(9)} | ${line}\n`);
      if (!quiet) stream.write(`${name.padEnd(9)} | ${line}\n`);
    }
  };
  child.stdout.on('data', prefix(process.stdout));
  child.stderr.on('data', prefix(process.stderr));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { name, child, exited };
}

/** Asks a process to stop with `signal`, and kills it if it has not within the grace period. */
export async function stopProcess({ child, exited }: ServiceProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Asks every process to stop, and kills any that has not within the grace period. */
export async function stopServices(services: ServiceProcess[], graceMs = 5000): Promise<void> {
  await Promise.all(services.map((service) => stopProcess(service, 'SIGTERM', graceMs)));
}

/** Polls `url` until it answers 200, or fails after `timeoutMs`. */
export async function waitUntilReady(url: string, timeoutMs = 30_000, stillRunning: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!stillRunning()) throw new Error(`${url}: the service exited before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

/** A TCP port free on loopback right now (tests and the soak run start stacks of their own). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
