// Where a process spends its time: V8's sampling CPU profiler over the inspector protocol, opened in a
// running process (SIGUSR1, no restart), and a profile's self time per function.
import type { ChildProcess } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of a V8 `.cpuprofile` (Profiler.stop's `profile`) that self time needs. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTimeRow {
  function: string;
  /**
   * package/path:line (node_modules' package and path, a workspace file from the repository's root,
   * `node:` modules as they are); for V8's or Node's own code without a script, `native, under` the
   * script function that called it most often (`run` under webcrypto's jobPromise is a signature).
   */
  file: string;
  selfMs: number;
  /** Share of all the profile's samples, idle ones included. */
  percent: number;
}

export interface ProfileSummary {
  samples: number;
  durationMs: number;
  /** Share of samples in which the process was idle (waiting on its event loop). */
  idlePercent: number;
  /** The functions with the most self time, idle and the root left out. */
  top: SelfTimeRow[];
}

/** A script's address as package/path (node_modules), repository path (a workspace's), or as it is (`node:…`). */
export function shortenUrl(url: string, root: string): string {
  if (url === '') return '';
  const inModules = url.lastIndexOf('/node_modules/');
  if (inModules >= 0) return url.slice(inModules + '/node_modules/'.length);
  if (url.startsWith('file://')) {
    const path = fileURLToPath(url);
    const inRoot = relative(root, path);
    return inRoot.startsWith('..') ? path : inRoot;
  }
  return url;
}

/**
 * Self time per function (by name and place: one function reached by many paths is one row), from
 * the samples: each sample counts for the time until the next one (the last, until the profile's end).
 */
export function selfTime(profile: CpuProfile, root: string, top = 15): ProfileSummary {
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parents.set(child, n.id);
  const place = (callFrame: CpuProfile['nodes'][number]['callFrame']) => {
    const short = shortenUrl(callFrame.url, root);
    return short && callFrame.lineNumber >= 0 ? `${short}:${callFrame.lineNumber + 1}` : short;
  };
  /** The nearest caller that has a script, as `function (place)`. */
  const scriptCaller = (id: number) => {
    for (let at = parents.get(id); at !== undefined; at = parents.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.url) return `${frame.functionName || '(anonymous)'} (${place(frame)})`;
    }
    return '';
  };
  const rows = new Map<string, { function: string; file: string; samples: number; micros: number; callers?: Map<string, number> }>();
  let idle = 0;
  let at = profile.startTime;
  const times: number[] = [];
  for (const delta of deltas) times.push((at += delta));
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    if (functionName === '(idle)') {
      idle += 1;
      continue;
    }
    if (functionName === '(root)') continue;
    const micros = Math.max(0, (i + 1 < times.length ? times[i + 1] : profile.endTime) - (times[i] ?? profile.startTime));
    const key = `${functionName}\u0000${url}\u0000${lineNumber}\u0000${columnNumber}`;
    let row = rows.get(key);
    if (!row) {
      const native = url === '' && !functionName.startsWith('(');
      row = { function: functionName || '(anonymous)', file: place(node.callFrame), samples: 0, micros: 0, ...(native ? { callers: new Map() } : {}) };
      rows.set(key, row);
    }
    row.samples += 1;
    row.micros += micros;
    if (row.callers) {
      const caller = scriptCaller(node.id);
      row.callers.set(caller, (row.callers.get(caller) ?? 0) + 1);
    }
  }
  for (const row of rows.values()) {
    const [caller] = [...(row.callers ?? new Map<string, number>())].sort((x, y) => y[1] - x[1])[0] ?? [''];
    if (caller) row.file = `native, under ${caller}`;
  }
  const total = samples.length;
  const percent = (n: number) => (total ? +((n / total) * 100).toFixed(2) : 0);
  return {
    samples: total,
    durationMs: +((profile.endTime - profile.startTime) / 1000).toFixed(1),
    idlePercent: percent(idle),
    top: [...rows.values()]
      .sort((x, y) => y.samples - x.samples || y.micros - x.micros)
      .slice(0, top)
      .map((r) => ({ function: r.function, file: r.file, selfMs: +(r.micros / 1000).toFixed(1), percent: percent(r.samples) })),
  };
}

/** One inspector protocol session over a WebSocket (Node's global WebSocket). */
export class InspectorSession {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  private readonly socket: WebSocket;

  private constructor(socket: WebSocket) {
    this.socket = socket;
    socket.addEventListener('message', (event: MessageEvent) => {
      const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string } };
      const waiting = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id!);
      if (message.error) waiting.reject(new Error(message.error.message));
      else waiting.resolve(message.result);
    });
    socket.addEventListener('close', () => {
      for (const waiting of this.pending.values()) waiting.reject(new Error('inspector session closed'));
      this.pending.clear();
    });
  }

  static connect(url: string): Promise<InspectorSession> {
    const socket = new WebSocket(url);
    return new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(new InspectorSession(socket)), { once: true });
      socket.addEventListener('error', () => reject(new Error(`could not connect to the inspector at ${url}`)), { once: true });
    });
  }

  post<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** The option a process must be started with so that SIGUSR1 opens its inspector on a port of its own (not 9229, which may be taken). */
export const INSPECT_ANY_PORT = '--inspect-port=127.0.0.1:0';

/**
 * Opens the inspector of a running Node process started with INSPECT_ANY_PORT (SIGUSR1, as
 * `process._debugProcess` does) and connects to it: the port is the one the process prints on its
 * stderr (which must be piped), the session's address the one `/json/list` gives.
 */
export async function attachInspector(child: ChildProcess, timeoutMs = 10_000): Promise<InspectorSession> {
  const stderr = child.stderr;
  if (!stderr || child.pid === undefined) throw new Error('attachInspector: the process must be running with its stderr piped');
  const listening = new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      stderr.off('data', onData);
      reject(new Error(`process ${child.pid}: no inspector within ${timeoutMs} ms (${seen.trim().slice(-200) || 'nothing on stderr'})`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const found = /Debugger listening on ws:\/\/([^/\s]+)\//.exec(seen);
      const failed = /Starting inspector on (\S+) failed: ([^\n]+)/.exec(seen);
      if (!found && !failed) return;
      clearTimeout(timer);
      stderr.off('data', onData);
      if (found) resolve(found[1]);
      else reject(new Error(`process ${child.pid}: inspector on ${failed![1]}: ${failed![2]} (start it with ${INSPECT_ANY_PORT})`));
    };
    stderr.on('data', onData);
  });
  process.kill(child.pid, 'SIGUSR1');
  const host = await listening;
  const targets = (await (await fetch(`http://${host}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  if (!targets[0]) throw new Error(`process ${child.pid}: the inspector at ${host} lists no target`);
  return InspectorSession.connect(targets[0].webSocketDebuggerUrl);
}

/** Starts V8's sampling profiler in the session, one sample every `intervalMicros`. */
export async function startProfiler(session: InspectorSession, intervalMicros = 100): Promise<void> {
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: intervalMicros });
  await session.post('Profiler.start');
}

export async function stopProfiler(session: InspectorSession): Promise<CpuProfile> {
  const { profile } = await session.post<{ profile: CpuProfile }>('Profiler.stop');
  await session.post('Profiler.disable');
  return profile;
}
