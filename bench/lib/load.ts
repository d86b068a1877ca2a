// One measured run: autocannon against one target with one operation, and the target process's
// CPU time and memory over the run.
import autocannon from 'autocannon';
import { cpuTicks, rssKiB } from './proc.ts';

/** What one request of an operation looks like for one target. */
export interface RequestShape {
  url: string;
  /** A fresh body and headers for each request (different members, MINCs, tokens). */
  next: () => { body: string; headers: Record<string, string> };
}

export interface RunFigures {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  /** CPU time of the target process over the measured window alone (not the warm-up). */
  cpuSeconds: number;
  /** That CPU time over the requests answered in the same window, ms. */
  cpuMsPerRequest: number;
  peakRssMiB: number;
}

/** What a run of autocannon reports, as far as the benchmarks read it. */
export interface CannonResult {
  requests: { total: number };
  latency: { p50: number; p90: number; p99: number };
  errors: number;
  timeouts: number;
}

/** autocannon keeping `connections` busy for `seconds` (at most `overallRate` requests a second in all, when given), counting GraphQL errors. */
export function cannon(shape: RequestShape, connections: number, seconds: number, counted: { errors: number }, overallRate?: number): Promise<CannonResult> {
  return autocannon({
    url: shape.url,
    method: 'POST',
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const { body, headers } = shape.next();
          return { ...request, method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } };
        },
        // A GraphQL error comes back with status 200: look for it in the body (a substring search, cheap enough for the client).
        onResponse: (status: number, body: string) => {
          if (status !== 200 || body.includes('"errors"')) counted.errors += 1;
        },
      },
    ],
  }) as Promise<CannonResult>;
}

/**
 * Warms the target up, then measures it for `seconds` with `connections` kept busy. `around`, when
 * given, is called just before the measured window (after the warm-up) and just after it (a profiler).
 */
export async function measure(
  shape: RequestShape,
  pid: number,
  options: { connections: number; seconds: number; warmupSeconds: number },
  around?: { before: () => Promise<void>; after: () => Promise<void> },
): Promise<RunFigures> {
  await cannon(shape, options.connections, options.warmupSeconds, { errors: 0 });
  await around?.before();
  const counted = { errors: 0 };
  let peak = await rssKiB(pid);
  const sampler = setInterval(
    () =>
      void rssKiB(pid).then(
        (kib) => {
          peak = Math.max(peak, kib);
        },
        () => {},
      ),
    200,
  );
  const cpuBefore = await cpuTicks(pid);
  const result = await cannon(shape, options.connections, options.seconds, counted);
  const cpuAfter = await cpuTicks(pid);
  clearInterval(sampler);
  await around?.after();
  const requests = result.requests.total;
  // Clock ticks are hundredths of a second.
  const cpuMs = (cpuAfter - cpuBefore) * 10;
  return {
    requests,
    rps: +(requests / options.seconds).toFixed(1),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    errors: counted.errors + result.errors + result.timeouts,
    cpuSeconds: +(cpuMs / 1000).toFixed(2),
    cpuMsPerRequest: requests ? +(cpuMs / requests).toFixed(3) : 0,
    peakRssMiB: +(peak / 1024).toFixed(1),
  };
}

/**
 * Waits until the given processes are quiet (under 5% of a core together over half a second), at
 * most `maxMs`: a server still working through the last run's queue must not be measured in the next.
 */
export async function settle(pids: number[], maxMs = 30_000): Promise<void> {
  const until = Date.now() + maxMs;
  while (Date.now() < until) {
    const before = (await Promise.all(pids.map((p) => cpuTicks(p).catch(() => 0)))).reduce((a, b) => a + b, 0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = (await Promise.all(pids.map((p) => cpuTicks(p).catch(() => 0)))).reduce((a, b) => a + b, 0);
    if (after - before <= 2) return;
  }
}

export const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
