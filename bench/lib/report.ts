// The benchmark's outputs: the result file, the chart, and BENCHMARKS.md.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunFigures } from './load.ts';
import type { ProfileSummary } from './profile.ts';
import type { SerialFigures } from './serial.ts';
import { capacitySection } from './capacity-report.ts';

/** A target's figures for one operation: medians over the rounds (errors summed, the largest RSS), and each round's req/s. */
export interface TargetFigures extends Omit<RunFigures, 'requests' | 'cpuMsPerRequest'> {
  /** CPU ms per request served in the measured window (absent from results written before it was measured). */
  cpuMsPerRequest?: number;
  rpsRuns: number[];
}

/** One request at a time (after the load rounds): each operation at each target, `{ __typename }` at the gateways, and the audit commit alone. */
export interface SerialResult {
  warmup: number;
  requests: number;
  /** By operation (and `typename` for `{ __typename }`), then target. */
  figures: Record<string, Record<string, SerialFigures>>;
  /** A one-row INSERT into audit.audit_record committed on its own, as mg_audit. */
  auditCommit: SerialFigures;
}

/** Partner confirmation load against each gateway while it and the member subgraph are CPU-profiled. */
export interface ProfileResult {
  operation: string;
  intervalMicros: number;
  targets: Record<
    string,
    {
      rps: number;
      p50: number;
      gateway: ProfileSummary;
      member: ProfileSummary;
      /** The raw profiles, under bench/results/profiles/ (not committed). */
      files: { gateway: string; member: string };
    }
  >;
}

export interface AimVerdict {
  aim: string;
  figure: string;
  pass: boolean;
}

export interface BenchResult {
  at: string;
  machine: { cpus: number; cpu: string; memoryGiB: number; node: string; postgres: string };
  settings: { members: number; seconds: number; warmupSeconds: number; connections: number; rounds: number; serial?: boolean; profile?: boolean; serialOnly?: boolean };
  targets: Record<string, string>;
  operations: Record<string, string>;
  load: { rows: number; generateSeconds: number; copySeconds: number; loadSeconds: number; generatorThreads: number; databaseMiB: number; stackStartSeconds: number };
  figures: Record<string, Record<string, TargetFigures>>;
  /** Absent from a `--serial-only` run, which skips the one-at-a-time sections below. */
  statements?: { listed: number; byRole: Record<string, number> }[];
  mincLookup?: { p50Ms: number; sqlP50Ms: number; requests: number; plan: string[] };
  msp?: { seconds: number; candidates: number };
  /** An EDI release published at this size, and ediSummary read from it one request at a time through the gateway. */
  edi?: { releaseSeconds: number; cells: number; summaryP50Ms: number; summaryP90Ms: number; requests: number };
  ratios?: Record<string, Record<string, number | null>>;
  serial?: SerialResult;
  profiles?: ProfileResult;
  /** An earlier run's profiles (`--profile-before`), shown beside this run's. */
  profileBefore?: { file: string; at: string; profiles: ProfileResult };
  /** Each aim of the load figures and of the serial section, met or missed. */
  aims?: AimVerdict[];
}

const OPERATION_TITLE_EDI = 'groupBy PROVINCE and GENDER_IDENTITY';
const OPERATION_TITLE_PARTNER = 'partner confirmation by MINC';

const ratio = (x: number | undefined, y: number | undefined) => (x !== undefined && y ? +(x / y).toFixed(3) : null);

/** (a)/(b), (a)/(c), (a)/(e) in requests per second and p50, and (a) − (d) at p50, per operation. */
export function ratios(figures: BenchResult['figures']): NonNullable<BenchResult['ratios']> {
  return Object.fromEntries(
    Object.entries(figures).map(([operation, t]) => [
      operation,
      {
        'rps a/b': ratio(t.a?.rps, t.b?.rps),
        'p50 a/b': ratio(t.a?.p50, t.b?.p50),
        'rps a/c': ratio(t.a?.rps, t.c?.rps),
        'rps a/e': ratio(t.a?.rps, t.e?.rps),
        'p50 a−d ms': t.a && t.d ? +(t.a.p50 - t.d.p50).toFixed(2) : null,
        'cpu/req a/c': ratio(t.a?.cpuMsPerRequest, t.c?.cpuMsPerRequest),
        'rss a/c': ratio(t.a?.peakRssMiB, t.c?.peakRssMiB),
      },
    ]),
  );
}

const COLOURS: Record<string, string> = { a: '#1f6feb', b: '#8ab4f8', c: '#e36209', d: '#2da44e', e: '#8250df' };

/** Grouped bars: p50 latency (with the p99 as a thin mark) per operation and target. */
export function latencyChart(result: BenchResult): string {
  const operations = Object.keys(result.figures);
  const targets = Object.keys(result.targets);
  const width = 860;
  const left = 60;
  const top = 40;
  const height = 300;
  const groupWidth = (width - left - 20) / operations.length;
  const barWidth = Math.min(28, (groupWidth - 20) / targets.length);
  const max = Math.max(1, ...operations.flatMap((o) => Object.values(result.figures[o]).map((f) => f.p99)));
  const y = (ms: number) => top + height - (ms / max) * height;
  const parts: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const ms = (max * i) / 4;
    parts.push(`<line x1="${left}" x2="${width - 10}" y1="${y(ms)}" y2="${y(ms)}" stroke="#ddd"/><text x="${left - 6}" y="${y(ms) + 4}" text-anchor="end">${ms.toFixed(0)}</text>`);
  }
  operations.forEach((operation, g) => {
    const x0 = left + g * groupWidth + 10;
    targets.forEach((target, k) => {
      const f = result.figures[operation][target];
      if (!f) return;
      const x = x0 + k * barWidth;
      parts.push(
        `<rect x="${x}" y="${y(f.p50)}" width="${barWidth - 4}" height="${top + height - y(f.p50)}" fill="${COLOURS[target] ?? '#999'}"><title>${result.targets[target]}: p50 ${f.p50} ms, p99 ${f.p99} ms</title></rect>`,
      );
      parts.push(`<line x1="${x}" x2="${x + barWidth - 4}" y1="${y(f.p99)}" y2="${y(f.p99)}" stroke="${COLOURS[target] ?? '#999'}" stroke-width="2"/>`);
    });
    parts.push(`<text x="${x0 + (targets.length * barWidth) / 2}" y="${top + height + 18}" text-anchor="middle">${result.operations[operation]}</text>`);
  });
  targets.forEach((target, k) => {
    parts.push(
      `<rect x="${left + k * 170}" y="${top + height + 34}" width="12" height="12" fill="${COLOURS[target] ?? '#999'}"/><text x="${left + k * 170 + 16}" y="${top + height + 44}">(${target}) ${result.targets[target]}</text>`,
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + height + 60}" font-family="sans-serif" font-size="11">
<text x="${left}" y="20" font-size="14">Latency by target, ms: bar p50, line p99 (${result.settings.members.toLocaleString('en')} members, ${result.settings.connections} connections, median of ${result.settings.rounds} rounds)</text>
${parts.join('\n')}
</svg>
`;
}

function table(result: BenchResult): string {
  const lines = ['| operation | target | req/s (median; runs) | p50 ms | p90 ms | p99 ms | errors | gateway CPU s | CPU ms/request | peak RSS MiB |', '|---|---|---|---|---|---|---|---|---|---|'];
  for (const [operation, byTarget] of Object.entries(result.figures)) {
    for (const [target, f] of Object.entries(byTarget)) {
      lines.push(
        `| ${result.operations[operation]} | (${target}) ${result.targets[target]} | ${f.rps} (${f.rpsRuns.join(', ')}) | ${f.p50} | ${f.p90} | ${f.p99} | ${f.errors} | ${f.cpuSeconds} | ${f.cpuMsPerRequest ?? '—'} | ${f.peakRssMiB} |`,
      );
    }
  }
  return lines.join('\n');
}

/** The load figures' aims: a ratio of (a) to another target, for every operation or for the list alone. */
const RATIO_AIMS: { key: string; label: string; bound: string; meets: (v: number) => boolean; operations?: string[] }[] = [
  { key: 'rps a/c', label: 'req/s (a)/(c)', bound: '≥ 1.0', meets: (v) => v >= 1 },
  { key: 'rps a/b', label: 'req/s (a)/(b)', bound: '≥ 0.97', meets: (v) => v >= 0.97 },
  { key: 'p50 a/b', label: 'p50 (a)/(b)', bound: '≤ 1.03', meets: (v) => v <= 1.03 },
  { key: 'cpu/req a/c', label: 'CPU/request (a)/(c)', bound: '≤ 1', meets: (v) => v <= 1 },
  { key: 'rss a/c', label: 'peak RSS (a)/(c)', bound: '≤ 1', meets: (v) => v <= 1 },
  { key: 'rps a/e', label: 'req/s (a)/(e)', bound: '≥ 1 (the list)', meets: (v) => v >= 1, operations: ['memberList100'] },
];

const verdict = (pass: boolean) => (pass ? 'pass' : '**miss**');

/** The serial section's aims: partner confirmation through (a) and at (d), and `{ __typename }` through (a) beside the audit commit. */
function serialAims(serial: SerialResult): AimVerdict[] {
  const a = serial.figures.partnerConfirmation?.a;
  const d = serial.figures.partnerConfirmation?.d;
  const typename = serial.figures.typename?.a;
  const audit = serial.auditCommit.p50;
  return [
    ...(a ? [{ aim: 'partner confirmation through (a): p50 ≤ 4 ms', figure: `${a.p50} ms`, pass: a.p50 <= 4 }] : []),
    ...(a && d ? [{ aim: 'partner confirmation through (a): p50 ≤ (d) + 2 ms', figure: `${a.p50} ms; (d) ${d.p50} + 2 = ${+(d.p50 + 2).toFixed(3)} ms`, pass: a.p50 <= d.p50 + 2 }] : []),
    ...(d ? [{ aim: 'partner confirmation at (d), the member subgraph direct: p50 ≤ 1 ms', figure: `${d.p50} ms`, pass: d.p50 <= 1 }] : []),
    ...(typename
      ? [{ aim: '`{ __typename }` through (a): p50 ≤ 1 ms + the audit commit', figure: `${typename.p50} ms; 1 + ${audit} = ${+(1 + audit).toFixed(3)} ms`, pass: typename.p50 <= 1 + audit }]
      : []),
  ];
}

/** Every aim the result has figures for, met or missed: the ratios' (per operation), then the serial section's. */
export function aims(result: BenchResult): AimVerdict[] {
  const verdicts: AimVerdict[] = [];
  for (const [operation, r] of Object.entries(result.ratios ?? {})) {
    for (const aim of RATIO_AIMS) {
      const value = r[aim.key];
      if ((aim.operations && !aim.operations.includes(operation)) || value === null || value === undefined) continue;
      verdicts.push({ aim: `${result.operations[operation]}: ${aim.label} ${aim.bound}`, figure: String(value), pass: aim.meets(value) });
    }
  }
  if (result.serial) verdicts.push(...serialAims(result.serial));
  return verdicts;
}

function ratioTable(result: BenchResult): string {
  const columns: [string, string][] = [
    ['rps a/b', 'req/s (a)/(b)'],
    ['p50 a/b', 'p50 (a)/(b)'],
    ['rps a/c', 'req/s (a)/(c)'],
    ['rps a/e', 'req/s (a)/(e)'],
    ['p50 a−d ms', 'p50 (a) − (d), ms'],
    ['cpu/req a/c', 'CPU/request (a)/(c)'],
    ['rss a/c', 'peak RSS (a)/(c)'],
  ];
  const lines = [`| operation | ${columns.map(([, title]) => title).join(' | ')} |`, `|---|${columns.map(() => '---').join('|')}|`];
  for (const [operation, r] of Object.entries(result.ratios ?? {})) {
    const show = (key: string) => {
      const v = r[key];
      if (v === null || v === undefined) return '—';
      const aim = RATIO_AIMS.find((x) => x.key === key && (!x.operations || x.operations.includes(operation)));
      return aim ? `${v} ${verdict(aim.meets(v))}` : String(v);
    };
    lines.push(`| ${result.operations[operation]} | ${columns.map(([key]) => show(key)).join(' | ')} |`);
  }
  return `${lines.join('\n')}

Aims, flagged pass or **miss** beside each figure: ${RATIO_AIMS.map((a) => `${a.label} ${a.bound}`).join('; ')}.`;
}

const SERIAL_TITLES: Record<string, string> = { typename: '`{ __typename }`' };

/** The serial section: p50 / p90 per operation and target, the audit commit, and the aims. */
function serialSection(run: BenchResult, file: string): string {
  const serial = run.serial!;
  const targets = [...new Set(Object.values(serial.figures).flatMap((byTarget) => Object.keys(byTarget)))].sort();
  const lines = [`| operation | ${targets.map((t) => `(${t}) p50 / p90 ms`).join(' | ')} |`, `|---|${targets.map(() => '---').join('|')}|`];
  for (const [operation, byTarget] of Object.entries(serial.figures)) {
    const cells = targets.map((t) => (byTarget[t] ? `${byTarget[t].p50} / ${byTarget[t].p90}${byTarget[t].errors ? ` (${byTarget[t].errors} errors)` : ''}` : '—'));
    lines.push(`| ${SERIAL_TITLES[operation] ?? run.operations[operation] ?? operation} | ${cells.join(' | ')} |`);
  }
  const verdicts = serialAims(serial);
  return `## One request at a time
From \`bench/results/${file}\` (${run.at.slice(0, 10)}, ${run.settings.members.toLocaleString('en')} members): after the load rounds, each operation at each
target over one kept-alive connection, ${serial.warmup} requests of warm-up then ${serial.requests} timed, each sent when the one
before it was answered (the client's own time included: Node's http on the same machine). \`{ __typename }\` is
asked of the gateways alone (through (a) it is audited like any operation).

${lines.join('\n')}

The audit commit alone: a one-row INSERT into \`audit.audit_record\` committed on its own (autocommit), as the
gateway's role \`mg_audit\`, ${serial.auditCommit.requests} times one at a time: p50 **${serial.auditCommit.p50} ms**, p90 ${serial.auditCommit.p90} ms
(the rows deleted afterwards).

| aim | figure | pass/miss |
|---|---|---|
${verdicts.map((v) => `| ${v.aim} | ${v.figure} | ${verdict(v.pass)} |`).join('\n')}
`;
}

/** One process's top functions by self time, this run's beside an earlier run's when there is one. */
function profileTable(after: ProfileSummary, before?: ProfileSummary): string {
  const rows = Math.max(after.top.length, before?.top.length ?? 0);
  const cell = (r: ProfileSummary['top'][number] | undefined) => (r ? `\`${r.function.replaceAll('|', '\\|')}\` | ${r.file || '(native)'} | ${r.percent}` : ' | | ');
  if (!before) {
    return [
      '| # | function | file | % of samples | self ms |',
      '|---|---|---|---|---|',
      ...after.top.map((r, i) => `| ${i + 1} | ${cell(r)} | ${r.selfMs} |`),
      `| | idle | | ${after.idlePercent} | |`,
    ].join('\n');
  }
  return [
    '| # | before: function | file | % | after: function | file | % |',
    '|---|---|---|---|---|---|---|',
    ...Array.from({ length: rows }, (_, i) => `| ${i + 1} | ${cell(before.top[i])} | ${cell(after.top[i])} |`),
    `| | idle | | ${before.idlePercent} | idle | | ${after.idlePercent} |`,
  ].join('\n');
}

/** Where the time goes under partner load: per gateway target, its own top functions and the member subgraph's. */
function profileSection(run: BenchResult, file: string): string {
  const profiles = run.profiles!;
  const before = run.profileBefore;
  const parts = Object.entries(profiles.targets).map(([target, p]) => {
    const earlier = before?.profiles.targets[target];
    const load = `${p.rps} req/s, p50 ${p.p50} ms under the profiler${earlier ? ` (before: ${earlier.rps} req/s, p50 ${earlier.p50} ms)` : ''}`;
    return `### (${target}) ${run.targets[target] ?? target}: ${load}
The gateway process (${p.gateway.samples.toLocaleString('en')} samples over ${p.gateway.durationMs} ms):

${profileTable(p.gateway, earlier?.gateway)}

The member subgraph (${p.member.samples.toLocaleString('en')} samples):

${profileTable(p.member, earlier?.member)}
`;
  });
  return `## Where the time goes under partner load
From \`bench/results/${file}\` (${run.at.slice(0, 10)})${
    before ? `, beside the "before" from \`${before.file}\` (${before.at.slice(0, 10)})` : ''
  }: ${OPERATION_TITLE_PARTNER} load as in a round (${run.settings.connections} connections,
${run.settings.warmupSeconds} s warm-up, ${run.settings.seconds} s measured) against each gateway while V8's sampling profiler
(one sample every ${profiles.intervalMicros} µs, opened through the inspector in the running process) records that gateway and the
member subgraph over the measured window. Self time: the samples in which the function itself was running
(idle samples counted in the total); functions by name and place (package/path:line, of the built JavaScript;
(native) for V8's and Node's own code without a script).
The raw \`.cpuprofile\` files stay in bench/results/profiles/ (not committed).

${parts.join('\n')}`;
}

/** Figures of a load-only run (`--rounds 0`): the data set, the lookup, MSP identification. */
function loadSection(run: BenchResult, file: string): string {
  const m = run.mincLookup!;
  const statements = run.statements ?? [];
  return `## At ${run.settings.members.toLocaleString('en')} members (\`--rounds 0\`: load, lookup and MSP only)
From \`bench/results/${file}\` (${run.at.slice(0, 10)}, same machine kind):
- ${run.load.rows.toLocaleString('en')} rows loaded with COPY in **${run.load.loadSeconds} s** (generated ${run.load.generateSeconds} s on ${run.load.generatorThreads} threads, COPY and index rebuild
  ${run.load.copySeconds} s); database ${run.load.databaseMiB} MiB.
- MINC lookup at the member subgraph: p50 **${m.p50Ms} ms** over HTTP, SQL alone p50 **${m.sqlP50Ms} ms**; plan:
${m.plan.map((line) => `  \`${line.trim()}\``).join('\n')}
- Member Support Program identification: **${run.msp!.seconds} s**.${
    run.edi
      ? `
- An EDI release published (${run.edi.cells.toLocaleString('en')} cells): **${run.edi.releaseSeconds} s**; ediSummary from it, one at a time through the gateway: p50 **${run.edi.summaryP50Ms} ms**.`
      : ''
  }
- Statements for lists of ${statements.map((x) => x.listed).join(' / ')} members: ${statements.map((x) => JSON.stringify(x.byRole)).join(' / ')}.
`;
}

/** Writes the result file (and, for a measured run, the chart), then BENCHMARKS.md from the latest results; returns the result file's path. */
export async function writeReport(result: BenchResult, benchDir: string): Promise<string> {
  result.ratios = ratios(result.figures);
  result.aims = aims(result);
  const stamp = result.at.replace(/[:.]/g, '-');
  await mkdir(join(benchDir, 'results'), { recursive: true });
  const file = join(benchDir, 'results', `${stamp}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  const measured = Object.keys(result.figures).length > 0;
  if (measured) await writeFile(join(benchDir, 'results', 'latency.svg'), latencyChart(result));
  await writeBenchmarksPage(benchDir);
  return file;
}

/**
 * BENCHMARKS.md: the latest measured run; the latest run with a serial section and the latest with
 * profiles (often the same run), and the latest load-only run, each section naming its run.
 */
export async function writeBenchmarksPage(benchDir: string): Promise<void> {
  const files = (await readdir(join(benchDir, 'results'))).filter((f) => /^\d{4}-.*\.json$/.test(f)).sort();
  const runs = await Promise.all(files.map(async (f) => ({ file: f, run: JSON.parse(await readFile(join(benchDir, 'results', f), 'utf8')) as BenchResult })));
  const measured = runs.filter((r) => Object.keys(r.run.figures).length > 0).at(-1);
  if (!measured) return;
  const loadOnly = runs.filter((r) => Object.keys(r.run.figures).length === 0 && r.run.mincLookup).at(-1);
  const serial = runs.filter((r) => r.run.serial).at(-1);
  const profiled = runs.filter((r) => r.run.profiles).at(-1);
  const result = measured.run;
  // A measured run has every one-at-a-time section (only a --serial-only run, which measures no load, leaves them out).
  const statements = result.statements ?? [];
  const mincLookup = result.mincLookup!;
  const msp = result.msp!;
  const others = [
    serial && serial.file !== measured.file ? `the one-at-a-time section from \`bench/results/${serial.file}\`` : '',
    profiled && profiled.file !== measured.file ? `the profiles from \`bench/results/${profiled.file}\`` : '',
    'the last section, when there is one, from the latest load-only run',
  ].filter(Boolean);
  const stamp = measured.file.replace(/\.json$/, '');
  const m = result.machine;
  const markdown = `# Benchmarks

Written by \`npm run bench\` (bench/bench.ts) on ${result.at.slice(0, 10)}; the figures below are from
\`bench/results/${stamp}.json\`, one run on one machine (${others.join('; ')}).

## Machine
${m.cpus} × ${m.cpu}, ${m.memoryGiB} GiB, Node.js ${m.node}, PostgreSQL ${m.postgres} (embedded), the
load generator (autocannon) on the same machine over loopback.

## Data set
${result.settings.members.toLocaleString('en')} synthetic members, ${result.load.rows.toLocaleString('en')} rows in all, loaded with COPY in
**${result.load.loadSeconds} s** (rows generated in ${result.load.generateSeconds} s on ${result.load.generatorThreads} thread(s), COPY with indexes and foreign
keys rebuilt after it in ${result.load.copySeconds} s); database size ${result.load.databaseMiB} MiB.

## Throughput and latency
${result.settings.connections} connections, ${result.settings.warmupSeconds} s warm-up then ${result.settings.seconds} s measured per run, ${result.settings.rounds} rounds with the
targets interleaved (their order turns each round); medians of the rounds, errors summed. CPU
seconds and peak RSS are those of the target's own process (the gateway, or the member subgraph
for (d)); the CPU is counted over the measured window alone (not the warm-up), and CPU ms/request is
that CPU time over the requests answered in the same window.

${table(result)}

![Latency by target](bench/results/latency.svg)

## Ratios
${ratioTable(result)}
${serial ? `\n${serialSection(serial.run, serial.file)}` : ''}${profiled ? `\n${profileSection(profiled.run, profiled.file)}` : ''}
## SQL statements per operation
Counted by PostgreSQL (pg_stat_statements), per database role, for one Member Support Program list
of members with their practice, medico-legal history, advice calls and learning record:

| members listed | ${Object.keys(statements[0]?.byRole ?? {}).join(' | ')} |
|---|${Object.keys(statements[0]?.byRole ?? {})
    .map(() => '---')
    .join('|')}|
${statements
  .map(
    (s) =>
      `| ${s.listed} | ${Object.keys(statements[0].byRole)
        .map((r) => s.byRole[r] ?? 0)
        .join(' | ')} |`,
  )
  .join('\n')}

## MINC lookup and Member Support Program identification
- Partner confirmation by MINC at the member subgraph, one request at a time: p50
  **${mincLookup.p50Ms} ms** over HTTP (GraphQL, the hop token verified, the shield)${
    mincLookup.sqlP50Ms === undefined
      ? ''
      : `, of which the
  lookup's SQL alone, as the member subgraph's role: p50 **${mincLookup.sqlP50Ms} ms**`
  } (${mincLookup.requests} requests).
  PostgreSQL's plan for the lookup:
${mincLookup.plan.map((line) => `  \`${line.trim()}\``).join('\n')}
- Member Support Program identification over all ${result.settings.members.toLocaleString('en')} members: **${msp.seconds} s**
  (${msp.candidates} candidates returned).
${
  result.edi
    ? `
## EDI releases
- Publishing an EDI release at ${result.settings.members.toLocaleString('en')} members (\`publishEdiRelease\` through the gateway: one snapshot counted
  into every declared table by GROUPING SETS, discrete Gaussian noise on each of ${result.edi.cells.toLocaleString('en')} cells, stored): **${result.edi.releaseSeconds} s**.
- \`ediSummary\` (${OPERATION_TITLE_EDI}) read from the stored release, one request at a time through the gateway:
  p50 **${result.edi.summaryP50Ms} ms**, p90 ${result.edi.summaryP90Ms} ms (${result.edi.requests} requests).
`
    : ''
}
## How to reproduce
\`\`\`
npm install
npm run bench                       # 100,000 members, 3 rounds
npm run bench -- --members 1000000 --rounds 0  # the large data set: load, lookup, MSP, statements
npm run bench -- --targets a,c --operations member360 --rounds 5
npm run bench -- --profile          # and, after the rounds and the one-at-a-time section, CPU profiles under partner load
npm run bench -- --serial-only --profile --profile-before bench/results/before-hot-path.json
                                    # only the one-at-a-time section and the profiles, beside an earlier run's
\`\`\`
\`--no-serial\` leaves the one-at-a-time section out; \`--rounds 0\` runs no load rounds (and no serial section unless
\`--serial\` is given): load, lookup and MSP only.
The first run installs what only the benchmark needs (bench/package.json: Hive Gateway, its
router runtime, autocannon). Targets: ${Object.entries(result.targets)
    .map(([k, v]) => `(${k}) ${v}`)
    .join('; ')}.
${loadOnly ? `\n${loadSection(loadOnly.run, loadOnly.file)}` : ''}${await replaySection(benchDir)}${await capacitySection(benchDir)}`;
  await writeFile(join(benchDir, '..', 'BENCHMARKS.md'), markdown);
}

/** A run of bench/replay.ts (`npm run bench:replay`): `npm run policy -- replay` over a large audit. */
interface ReplayRun {
  at: string;
  machine: { cpus: number; model: string; node: string };
  operations: number;
  principals: number;
  recordedThroughGateway: number;
  proposal: string;
  runs: { wallSeconds: number; reportedSeconds: number; recorded: number; distinct: number; nowRefused: number; nowAllowed: number }[];
}

/** The latest replay run's section, or nothing before there is one. */
async function replaySection(benchDir: string): Promise<string> {
  const file = (await readdir(join(benchDir, 'results')))
    .filter((f) => /^replay-.*\.json$/.test(f))
    .sort()
    .at(-1);
  if (!file) return '';
  const run = JSON.parse(await readFile(join(benchDir, 'results', file), 'utf8')) as ReplayRun;
  const wall = run.runs.map((r) => r.wallSeconds).sort((a, b) => a - b);
  const decide = run.runs.map((r) => r.reportedSeconds).sort((a, b) => a - b);
  const first = run.runs[0];
  return `
## Policy replay

\`npm run bench:replay\` (run \`${file}\`, ${run.machine.cpus} × ${run.machine.model}, Node ${run.machine.node}): \`npm run policy -- replay\` as
the privacy office's login over an audit of ${run.operations.toLocaleString('en')} records (${run.recordedThroughGateway} recorded through the gateway, copied under
${run.principals} principals), proposing ${run.proposal}. The database counts identical records together and each distinct
operation is decided once: ${first.recorded.toLocaleString('en')} records, ${first.distinct} distinct decisions, ${first.nowRefused.toLocaleString('en')} now refused,
${first.nowAllowed.toLocaleString('en')} now allowed. ${first.distinct} distinct operations is the grouping's good case: a real week holds more, and the
deciding grows with them (the reading does not). Measured on a machine other engineers' builds shared.

| | median | runs |
| --- | --- | --- |
| whole command (node start, read, decide, print) | ${middle(wall)} s | ${wall.join(', ')} |
| reading and deciding (as the command reports) | ${middle(decide)} s | ${decide.join(', ')} |
`;
}

const middle = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)];
