// BENCHMARKS.md's "Capacity on paper": the latest `npm run bench:capacity` run (bench/capacity.ts),
// what each request cost, the audit's insert ceiling, and the sizing arithmetic (sizing.ts) for the
// stated load and ten times it, every figure computed from that run's file.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunFigures } from './load.ts';
import { size, scaled, DEFAULT_RULES, type OperationCost, type Sizing } from './sizing.ts';

/** CPU seconds by process: each service by name, `postgres` (all of it), `loadGenerator` (the measuring process), `other` (the rest of the machine). */
export type CpuByProcess = Record<string, number>;

/** What a load run measures of its answers, as bench/lib/load.ts's figures name them. */
type Answered = Pick<RunFigures, 'requests' | 'rps' | 'p50' | 'p90' | 'p99' | 'errors'>;

export interface CapacityOperation extends Answered {
  title: string;
  seconds: number;
  cpuSeconds: CpuByProcess;
  /** PostgreSQL connections at work on average over the window, by the service whose pool holds them. */
  busyConnections: Record<string, number>;
  /** Rows the audit gained over the window: records, member reads, disclosures. */
  auditRows: Record<string, number>;
  walBytes: number;
  commits: number;
  /** The same operation at half the rate reached (autocannon's overall rate). */
  half: { rate: number } & Omit<Answered, 'requests'>;
}

export interface CapacityRun {
  at: string;
  commit: { id: string; dirty: boolean };
  machine: { cpus: number; cpu: string; memoryGiB: number; node: string; postgres: string; postgresSettings?: Record<string, string>; loadBefore: number[]; loadAfter: number[] };
  note: string;
  settings: { members: number; seconds: number; warmupSeconds: number; connections: number; insertSeconds: number; insertConcurrency: number[] };
  operations: Record<string, CapacityOperation>;
  /** The connections each replica may open as configured (absent from runs before it was recorded). */
  poolMaxByService?: Record<string, number>;
  /** DATABASE_POOL_MAX's default when the run was made. */
  databasePoolMax?: number;
  /** The gateway's AuditLog saturated in the measuring process (its CPU is `loadGenerator`), once per number of callers at once. */
  inserts?: InsertRun[];
}

export interface InsertRun {
  concurrency: number;
  seconds: number;
  operations: number;
  rows: Record<string, number>;
  commits: number;
  walBytes: number;
  walRecords: number;
  /** Growth of the audit tables with their indexes over the window. */
  auditBytes: number;
  cpuSeconds: CpuByProcess;
}

/**
 * The stated load: 500 partner confirmations a second and 200 internal operations a second, the
 * internal ones split as below. The split is an assumption (no traffic has been observed yet):
 * mostly member 360 (self-service and staff looking up one member), some EDI summaries, a few lists.
 */
export const STATED_LOAD = { partnerConfirmation: 500, member360: 120, ediSummary: 60, memberList100: 20 };
export const P99_AIM_MS = 100;
const NOT_SERVICES = new Set(['loadGenerator', 'other']);
const TABLES: Record<string, string> = { records: 'audit.audit_record', reads: 'audit.audit_member_read', disclosures: 'audit.partner_disclosure' };

/** Cost per request from a run: CPU ms by process (the services and PostgreSQL), connection ms by pool (Little's law: mean busy × window / requests). */
export function costsOf(run: CapacityRun): Record<string, OperationCost> {
  return Object.fromEntries(
    Object.entries(run.operations).map(([operation, o]) => [
      operation,
      {
        cpuMs: Object.fromEntries(
          Object.entries(o.cpuSeconds)
            .filter(([k]) => !NOT_SERVICES.has(k))
            .map(([k, s]) => [k, (s * 1000) / o.requests]),
        ),
        connectionMs: Object.fromEntries(Object.entries(o.busyConnections).map(([k, n]) => [k, (n * o.seconds * 1000) / o.requests])),
      },
    ]),
  );
}

const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toLocaleString('en', { maximumFractionDigits: digits }) : '—');
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const ORDER = ['gateway', 'member', 'case', 'education', 'privacy', 'effects', 'identity', 'postgres'];
const byOrder = (a: string, b: string) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99);

function sizingTable(sizing: Sizing): string {
  const rows = [...sizing.components].sort((a, b) => byOrder(a.name, b.name));
  return `| process | busy cores | cores at ${DEFAULT_RULES.utilisation * 100}% | replicas (N+1) | PostgreSQL connections at work | pool per replica | connections |
|---|---|---|---|---|---|---|
${rows
  .map((c) =>
    c.name === 'postgres'
      ? `| postgres | ${fmt(c.busyCores)} | ${c.cores} (one machine) | primary + standby | — | — | — |`
      : `| ${c.name} | ${fmt(c.busyCores)} | ${fmt(c.cores)} | ${c.replicas} | ${fmt(c.busyConnections)} | ${c.poolPerReplica || '—'} | ${c.connections || '—'} |`,
  )
  .join('\n')}
| **all** | **${fmt(sum(rows.map((c) => c.busyCores)))}** | | | | | **${sizing.connections}** |`;
}

/** The capacity section from the latest capacity run, or nothing before there is one. */
export async function capacitySection(benchDir: string): Promise<string> {
  const files = (await readdir(join(benchDir, 'results'))).filter((f) => /^capacity-.*\.json$/.test(f)).sort();
  const file = files.at(-1);
  if (!file) return '';
  const runs = await Promise.all(files.map(async (f) => ({ file: f, run: JSON.parse(await readFile(join(benchDir, 'results', f), 'utf8')) as CapacityRun })));
  const run = runs.at(-1)!.run;
  const m = run.machine;
  const ops = Object.entries(run.operations);
  const costs = costsOf(run);
  const processes = [...new Set(ops.flatMap(([, o]) => Object.keys(o.cpuSeconds)).filter((k) => !NOT_SERVICES.has(k)))].sort(byOrder);
  const window = sum(ops.map(([, o]) => o.seconds));
  const other = sum(ops.map(([, o]) => o.cpuSeconds.other ?? 0));
  const generator = sum(ops.map(([, o]) => o.cpuSeconds.loadGenerator ?? 0));
  const perCore = (o: CapacityOperation, name: string) => (o.cpuSeconds[name] >= 0.05 ? fmt(o.requests / o.cpuSeconds[name], 0) : '—');
  const stackCpu = (o: CapacityOperation) => sum(processes.map((p) => o.cpuSeconds[p] ?? 0));
  const auditRowsPer = (o: CapacityOperation) => sum(Object.values(o.auditRows)) / o.requests;

  const load = Object.fromEntries(Object.entries(STATED_LOAD).filter(([o]) => costs[o]));
  const missing = Object.keys(STATED_LOAD).filter((o) => !costs[o]);
  const sizing = size(load, costs);
  const tenfold = size(scaled(load, 10), costs);
  const pg = (s: Sizing) => s.components.find((c) => c.name === 'postgres');
  const rowsAt = (factor: number) => sum(Object.entries(load).map(([o, rate]) => rate * factor * auditRowsPer(run.operations[o])));
  const walAt = (factor: number) => sum(Object.entries(load).map(([o, rate]) => (rate * factor * run.operations[o].walBytes) / run.operations[o].requests));
  const p99s = Object.keys(load).map((o) => ({ o, title: run.operations[o].title, p99: run.operations[o].half.p99, rate: run.operations[o].half.rate }));

  // The ceiling: the run with the most rows a second (the group commit's batches grow with the callers waiting).
  const rowsOf = (r: InsertRun) => sum(Object.values(r.rows));
  const ins = [...(run.inserts ?? [])].sort((a, b) => rowsOf(b) / b.seconds - rowsOf(a) / a.seconds)[0];
  const insRows = ins ? rowsOf(ins) : 0;
  const ceiling = ins ? insRows / ins.seconds : 0;
  const pgPer1000 = ins ? (ins.cpuSeconds.postgres * 1000) / insRows : 0;
  const pgCoresAtCeiling = ins ? ins.cpuSeconds.postgres / ins.seconds : 0;
  // Rows a second one PostgreSQL core can insert this way, were CPU the only limit.
  const rowsPerPgCore = pgPer1000 ? 1000 / pgPer1000 : 0;
  const bytesPerRow = ins ? ins.auditBytes / insRows : 0;
  const day = 86_400;
  const gib = 2 ** 30;
  const mib = 2 ** 20;
  const otherShare = other / (window * m.cpus);
  const connectionsAsConfigured = (s: Sizing) =>
    run.poolMaxByService ? sum(s.components.filter((c) => c.name !== 'postgres').map((c) => c.replicas * (run.poolMaxByService![c.name] ?? 0))) : undefined;
  const asConfigured = connectionsAsConfigured(sizing);
  const asConfiguredTenfold = connectionsAsConfigured(tenfold);
  const rowsByTableAt = (factor: number) =>
    Object.keys(ops[0]?.[1].auditRows ?? {}).map((table) => ({
      table,
      rate: sum(Object.entries(load).map(([o, rate]) => (rate * factor * run.operations[o].auditRows[table]) / run.operations[o].requests)),
    }));
  const readOnly = Object.keys(load).filter((o) => o !== 'partnerConfirmation');
  const readOnlyPgCores = sum(readOnly.map((o) => (load[o] * 10 * (costs[o].cpuMs.postgres ?? 0)) / 1000));
  const biggestTable = [...rowsByTableAt(1)].sort((a, b) => b.rate - a.rate)[0]?.table ?? '';
  const settingsLine = m.postgresSettings
    ? `; ${Object.entries(m.postgresSettings)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`
    : '';

  return `
## Capacity on paper

\`npm run bench:capacity\` (bench/capacity.ts), run \`bench/results/${file}\`: ${run.at.slice(0, 16).replace('T', ' ')} UTC, commit
\`${run.commit.id.slice(0, 10)}\`${run.commit.dirty ? ' with uncommitted changes' : ''}, ${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node.js ${m.node}, PostgreSQL ${m.postgres} (embedded${settingsLine}),
${run.settings.members.toLocaleString('en')} members. Each operation through the gateway at saturation (${run.settings.connections} connections, ${run.settings.warmupSeconds} s warm-up, ${run.settings.seconds} s
measured), then ${run.settings.seconds} s at half the rate it reached. CPU is read from /proc for every service process and for
all of PostgreSQL (the postmaster, every backend and background process, and the backends that ended), so requests per
CPU-second (= per core) depends far less on what else the machine was doing than req/s and latency do, but not
nothing (shared caches, and each process's timers and background work spread over fewer requests when fewer get
through), so a busy machine's figures are upper bounds of the CPU a request costs${runs.length > 1 ? ' (the runs compared below)' : ''}.
What else ran: over the ${fmt(window, 0)} s measured, processes outside the stack and the load generator used
${fmt(other, 1)} CPU s (${fmt((100 * other) / (window * m.cpus), 0)}% of the machine), the load generator ${fmt(generator, 1)} CPU s; load average ${m.loadBefore.join(' / ')}
before, ${m.loadAfter.join(' / ')} after${run.note ? `; ${run.note}` : ''}.

### Requests per core
Requests answered per CPU-second of each process (— under 0.05 CPU s in the window), the whole stack's CPU ms per
request (every service and PostgreSQL), and the latency at saturation and at half that rate:

| operation | req/s | p50 / p99 ms | errors | ${processes.map((p) => `${p} req/core-s`).join(' | ')} | stack CPU ms/request | stack req/core-s | half rate: req/s, p50 / p99 ms |
|---|---|---|---|${processes.map(() => '---').join('|')}|---|---|---|
${ops
  .map(
    ([, o]) =>
      `| ${o.title} | ${fmt(o.rps, 0)} | ${o.p50} / ${o.p99} | ${o.errors} | ${processes.map((p) => perCore(o, p)).join(' | ')} | ${fmt((stackCpu(o) * 1000) / o.requests)} | ${fmt(o.requests / stackCpu(o), 0)} | ${fmt(o.half.rps, 0)}, ${o.half.p50} / ${o.half.p99}${o.half.errors ? ` (${o.half.errors} errors)` : ''} |`,
  )
  .join('\n')}

${
  runs.length > 1
    ? `The whole stack's CPU ms per request in each capacity run in bench/results/, beside the share of the machine other work took:

| run | commit | other work | ${ops.map(([, o]) => o.title).join(' | ')} |
|---|---|---|${ops.map(() => '---').join('|')}|
${runs
  .map(({ file: f, run: r }) => {
    const w = sum(Object.values(r.operations).map((o) => o.seconds));
    const share = sum(Object.values(r.operations).map((o) => o.cpuSeconds.other ?? 0)) / (w * r.machine.cpus);
    const cells = ops.map(([name]) => {
      const o = r.operations[name];
      return o
        ? fmt(
            (sum(
              Object.entries(o.cpuSeconds)
                .filter(([k]) => !NOT_SERVICES.has(k))
                .map(([, v]) => v),
            ) *
              1000) /
              o.requests,
          )
        : '—';
    });
    return `| \`${f}\` | \`${r.commit.id.slice(0, 10)}\`${r.commit.dirty ? ' (uncommitted changes)' : ''} | ${fmt(100 * share, 0)}% | ${cells.join(' | ')} |`;
  })
  .join('\n')}

`
    : ''
}Audit rows, WAL and PostgreSQL connections per request in the same windows:

| operation | audit rows/request | WAL bytes/request | commits/request | PostgreSQL connections at work (mean, by pool) |
|---|---|---|---|---|
${ops
  .map(
    ([, o]) =>
      `| ${o.title} | ${fmt(auditRowsPer(o))} | ${fmt(o.walBytes / o.requests, 0)} | ${fmt(o.commits / o.requests)} | ${Object.entries(o.busyConnections)
        .sort(([a], [b]) => byOrder(a, b))
        .map(([k, n]) => `${k} ${fmt(n)}`)
        .join(', ')} |`,
  )
  .join('\n')}
${
  ins
    ? `
### Where PostgreSQL becomes the limit: the audit's inserts
The gateway's own \`AuditLog\` (gateway/src/audit/audit-log.ts, its group commit: one transaction in flight, everything that
arrived meanwhile in the next), in the measuring process, driven by many callers at once for ${run.settings.insertSeconds} s, each writing a partner
confirmation's audit (a record, the member read, the disclosure) shaped as the gateway wrote them in the partner run. The
writer's CPU is the gateway's side of the write (the rows as JSON, the pg client):

| callers at once | confirmations/s | rows/s | commits/s | rows a commit | PostgreSQL CPU s per 1,000 rows | PostgreSQL cores busy | writer CPU s per 1,000 rows | WAL bytes a row |
|---|---|---|---|---|---|---|---|---|
${(run.inserts ?? [])
  .map(
    (r) =>
      `| ${r.concurrency} | ${fmt(r.operations / r.seconds, 0)} | ${fmt(rowsOf(r) / r.seconds, 0)} | ${fmt(r.commits / r.seconds, 0)} | ${fmt(rowsOf(r) / Math.max(1, r.commits), 0)} | ${fmt((r.cpuSeconds.postgres * 1000) / rowsOf(r), 3)} | ${fmt(r.cpuSeconds.postgres / r.seconds)} | ${fmt((r.cpuSeconds.loadGenerator * 1000) / rowsOf(r), 3)} | ${fmt(r.walBytes / rowsOf(r), 0)} |`,
  )
  .join('\n')}

- The ceiling measured: **${fmt(ceiling, 0)} audit rows/s** (${fmt(ins.operations / ins.seconds, 0)} partner confirmations a second) from one writer, at
  **${fmt(pgPer1000, 3)} PostgreSQL CPU s per 1,000 rows**; the audit tables and their indexes grew ${fmt(bytesPerRow, 0)} bytes a row.
- One writer's rate is set by its commit's round trip (one in flight: the statement, the WAL flush, the answer)${
        pgCoresAtCeiling < 0.9 ? `, not by PostgreSQL's CPU (${fmt(pgCoresAtCeiling)} of a core at the ceiling)` : ''
      }, and grows with the callers waiting, as the batches do. Each gateway replica has its own group commit, so replicas add
  writers, until PostgreSQL's CPU (about ${fmt(rowsPerPgCore, 0)} rows/s per core at this cost) or the WAL's flush is the limit.
`
    : ''
}
### What the stated load needs
500 partner confirmations a second and 200 internal operations a second (assumed split: ${Object.entries(STATED_LOAD)
    .filter(([o]) => o !== 'partnerConfirmation')
    .map(([o, r]) => `${r} ${run.operations[o]?.title ?? o}`)
    .join(', ')})${missing.length ? `; not measured in this run, so left out: ${missing.join(', ')}` : ''}.
Each process at ${DEFAULT_RULES.utilisation * 100}% of its cores (the half-rate runs above are that load on this machine), Node processes one core a
replica and one spare (N+1), pools at ${DEFAULT_RULES.poolHeadroom}× the connections at work (Little's law: rate × time held), at least ${DEFAULT_RULES.minPool}:

${sizingTable(sizing)}

- p99 under ${P99_AIM_MS} ms: ${p99s.map((p) => `${p.title} ${p.p99} ms at ${p.rate} req/s (${p.p99 <= P99_AIM_MS ? 'pass' : '**miss**'})`).join('; ')}. Latency at
  half load is what the replicas are sized for.${
    otherShare > 0.2
      ? ` Other work took ${fmt(100 * otherShare, 0)}% of this machine during the run, so these p99s include waiting for
  CPU that work held: the verdict counts on a run on a quiet machine (CPU per request above does not depend on it).`
      : ` An operation whose p99 misses there misses it at any replica count (its time is its own work and its calls, not
  queueing) and needs the work made shorter, not more cores.`
  }
- PostgreSQL: ${fmt(pg(sizing)?.busyCores ?? 0)} cores busy, ${pg(sizing)?.cores ?? 0} to provide; the audit writes ${fmt(rowsAt(1), 0)} rows/s${
    ins ? ` (${fmt((100 * rowsAt(1)) / ceiling, 0)}% of one writer's ceiling)` : ''
  } and the WAL ${fmt(walAt(1) / mib, 2)} MiB/s, ${fmt((walAt(1) * day) / gib, 0)} GiB a day.
- Connections: ${sizing.connections} from pools sized as above against max_connections ${DEFAULT_RULES.maxConnections} (PostgreSQL's default; ${sizing.connectionsFit ? 'fits' : '**does not fit**'})${
    asConfigured === undefined
      ? ''
      : `; ${asConfigured} with the pools as configured now (DATABASE_POOL_MAX ${run.databasePoolMax} a database owner per subgraph replica, the audit's 2 per gateway), which they reach under a burst`
  }.
- Audit rows at this load: ${rowsByTableAt(1)
    .map((t) => `${fmt(t.rate, 0)}/s ${t.table}`)
    .join(', ')}; ${fmt((rowsAt(1) * 86_400) / 1e6, 0)} million rows a day${ins ? `, ${fmt((rowsAt(1) * 86_400 * bytesPerRow) / 2 ** 30, 0)} GiB a day with indexes` : ''}.

### At 10× (5,000 partner confirmations and 2,000 internal operations a second)

${sizingTable(tenfold)}

What gives out, from these figures (the first is the one past a hard limit):
- **Connections.** ${tenfold.connections} from pools sized as above against max_connections ${DEFAULT_RULES.maxConnections}${tenfold.connectionsFit ? ' (fits)' : ' (**does not fit**)'}${
    asConfiguredTenfold === undefined ? '' : `, ${asConfiguredTenfold} with the pools as configured now`
  }: the replicas' pools, not the work (${fmt(sum(tenfold.components.map((c) => c.busyConnections)), 0)} connections at work on average), exceed
  what PostgreSQL should hold. PgBouncer in transaction mode in front of it (README, PgBouncer: every statement unnamed,
  the effects worker direct; the test suite runs through it), small pools per replica, PostgreSQL's own backends near its cores.
- **PostgreSQL's CPU on one primary.** ${fmt(pg(tenfold)?.busyCores ?? 0, 1)} cores busy, ${pg(tenfold)?.cores ?? 0} to provide. Of that, the read-only operations'
  (${readOnly.map((o) => run.operations[o].title).join(', ')}: their one write is the gateway's audit record) are
  ${fmt(readOnlyPgCores, 1)} cores. Read replicas (README, Read replicas) take only the reads of entities a subgraph lists as
  replica-safe; the member rows these operations read most are not on the lists (eligibility and status decisions read them), so
  most of it stays on the primary until a list grows; partner confirmations write (their disclosure) and stay on it.
- **The audit's writes and the WAL.** ${fmt(rowsAt(10), 0)} audit rows/s${
    ins
      ? `: ${fmt(rowsAt(10) / ceiling, 1)}× one writer's measured ceiling, spread over the ${tenfold.components.find((c) => c.name === 'gateway')?.replicas ?? 0} gateway replicas' group commits
  (${fmt(rowsAt(10) / Math.max(1, (tenfold.components.find((c) => c.name === 'gateway')?.replicas ?? 2) - 1), 0)} rows/s each), about ${fmt((rowsAt(10) * pgPer1000) / 1000, 1)} PostgreSQL cores for the inserts`
      : ''
  }; WAL ${fmt(walAt(10) / mib, 1)} MiB/s (${fmt((walAt(10) * day) / gib, 0)} GiB a day to archive and stream to the standby and replicas).
  Past that, the audit gets a primary of its own, so that its writes and WAL do not share the subgraphs'.
- **Audit tables.** ${fmt((rowsAt(10) * day) / 1e6, 0)} million rows a day${ins ? `, ${fmt((rowsAt(10) * day * bytesPerRow) / gib, 0)} GiB a day with indexes` : ''} (the largest share in ${TABLES[biggestTable] ?? biggestTable}): partition
  audit.audit_record, audit_member_read and partner_disclosure by time (retention by dropping a partition, not DELETE;
  each index the size of its partition).
- The Node processes scale out by replicas (no shared state but PostgreSQL); the gateways' ${fmt(tenfold.components.find((c) => c.name === 'gateway')?.busyCores ?? 0, 1)} busy cores
  are the largest share of the services'.

To redo: \`npm run bench:capacity\` (about 4–6 minutes at 100,000 members, the longer on a busy machine) writes a new \`bench/results/capacity-*.json\` and this section from it.
`;
}
