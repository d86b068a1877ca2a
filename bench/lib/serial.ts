// One request at a time over one kept-alive connection: the latency of the hot path itself, with
// nothing queued behind anything else. And the audit commit's own time, as the gateway's role.
import { Agent, request } from 'node:http';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { RequestShape } from './load.ts';

export interface SerialFigures {
  p50: number;
  p90: number;
  requests: number;
  errors: number;
}

/** The p-th quantile (0–1) of a list, by rank (the value below which that share of them fall). */
export function quantile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

const figuresOf = (times: number[], errors: number): SerialFigures => ({
  p50: +quantile(times, 0.5).toFixed(3),
  p90: +quantile(times, 0.9).toFixed(3),
  requests: times.length,
  errors,
});

function post(agent: Agent, url: URL, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** `warmup` requests, then `requests` timed ones, each sent when the one before it has been answered, over one connection. */
export async function serial(shape: RequestShape, options: { warmup: number; requests: number }): Promise<SerialFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  // Loopback by address: no name lookup, and the same family every time.
  const url = new URL(shape.url.replace('//localhost:', '//127.0.0.1:'));
  const times: number[] = [];
  let errors = 0;
  try {
    for (let i = 0; i < options.warmup + options.requests; i++) {
      const { body, headers } = shape.next();
      const t0 = performance.now();
      const answer = await post(agent, url, body, headers);
      const elapsed = performance.now() - t0;
      if (answer.status !== 200 || answer.text.includes('"errors"')) {
        errors += 1;
        if (errors === 1) console.error(`bench: serial ${shape.url}: ${answer.status} ${answer.text.slice(0, 300)}`);
      }
      if (i >= options.warmup) times.push(elapsed);
    }
  } finally {
    agent.destroy();
  }
  return figuresOf(times, errors);
}

/**
 * The audit commit alone: a one-row INSERT into audit.audit_record committed on its own
 * (autocommit), as the gateway's role, one at a time; the rows are deleted afterwards as the administrator.
 */
export async function auditCommit(auditUrl: string, adminUrl: string, options: { warmup: number; requests: number }): Promise<SerialFigures> {
  const audit = new pg.Client({ connectionString: auditUrl });
  await audit.connect();
  const times: number[] = [];
  const marker = `bench-audit-${randomUUID().slice(0, 8)}`;
  try {
    for (let i = 0; i < options.warmup + options.requests; i++) {
      const t0 = performance.now();
      await audit.query({
        name: 'bench-audit-insert',
        text: `insert into "audit"."audit_record" ("id", "request_id", "subject", "roles", "purpose", "operation_name", "categories", "decision", "fields")
               values ($1, $2, 'bench-analyst', '{staff}', 'RISK_MANAGEMENT', 'Typename', '{}', 'ALLOWED', '{}')`,
        values: [randomUUID(), `${marker}-${i}`],
      });
      if (i >= options.warmup) times.push(performance.now() - t0);
    }
  } finally {
    await audit.end();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`delete from "audit"."audit_record" where "request_id" like $1`, [`${marker}-%`]);
    await admin.end();
  }
  return figuresOf(times, 0);
}
