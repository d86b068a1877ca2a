import { readFile } from 'node:fs/promises';
import type { GraphQLErrorBody } from '../../../../test/support/stack.js';

/** One request as a client saw it: HTTP status and GraphQL body, or why no answer came; and when it ran. */
export interface Answer<T = Record<string, unknown>> {
  /** null: no HTTP answer at all. */
  status: number | null;
  data?: T | null;
  errors?: GraphQLErrorBody[];
  /** Why there was no GraphQL answer (the connection failed, or the body was not JSON). */
  failure?: string;
  startedAt: number;
  endedAt: number;
}

/** POSTs one operation and reports what came back; never throws, so a load run counts failures instead of stopping at the first. */
export async function send<T = Record<string, unknown>>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer<T>> {
  const startedAt = Date.now();
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    try {
      const body = JSON.parse(text) as { data?: T | null; errors?: GraphQLErrorBody[] };
      return { status: response.status, data: body.data, errors: body.errors, startedAt, endedAt: Date.now() };
    } catch {
      return { status: response.status, failure: `not JSON: ${text.slice(0, 120)}`, startedAt, endedAt: Date.now() };
    }
  } catch (error) {
    return { status: null, failure: String((error as { cause?: unknown }).cause ?? error), startedAt, endedAt: Date.now() };
  }
}

/** Answered with data and no error. */
export const succeeded = (answer: Answer) => answer.status === 200 && !answer.errors && answer.data != null;

/** The codes an answer's errors carry (with the argument at fault, if one is), or what failed when it is no GraphQL answer. */
export const codesOf = (answer: Answer): string[] =>
  answer.failure ? [`no answer: ${answer.failure}`] : (answer.errors ?? []).map((e) => `${String(e.extensions?.code)}${e.extensions?.argument ? ` (${e.extensions.argument})` : ''}`);

/** Runs `count` tasks, `concurrency` at a time, in order of their index. */
export async function inParallel<R>(count: number, concurrency: number, task: (index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

/** One line of the cluster's nginx access log (nginx-config.ts's `cluster` format). */
export interface Served {
  /** The port nginx answered on: which service's address. */
  port: number;
  status: number;
  /** Every replica tried, in order (`ip:port`); the last one is the one that answered. */
  upstreams: string[];
  requestId: string;
}

/** The requests nginx passed on, as its access log has them. */
export async function accessLog(file: string): Promise<Served[]> {
  return (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [, port, , , status, upstreams, , , requestId] = line.split('|');
      return { port: Number(port), status: Number(status), upstreams: upstreams.split(', ').filter((u) => u !== '-'), requestId };
    });
}
