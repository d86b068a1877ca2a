// The benchmark's outputs: the result file, the chart, and BENCHMARKS.md.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunFigures } from './load.ts';

/** A target's figures for one operation: medians over the rounds (errors summed, the largest RSS), and each round's req/s. */
export interface TargetFigures extends Omit<RunFigures, 'requests'> {
  rpsRuns: number[];
}

export interface BenchResult {
  at: string;
  machine: { cpus: number; cpu: string; memoryGiB: number; node: string; postgres: string };
  settings: { members: number; seconds: number; warmupSeconds: number; connections: number; rounds: number };
  targets: Record<string, string>;
  operations: Record<string, string>;
  load: { rows: number; generateSeconds: number; copySeconds: number; loadSeconds: number; generatorThreads: number; databaseMiB: number; stackStartSeconds: number };
  figures: Record<string, Record<string, TargetFigures>>;
  statements: { listed: number; byRole: Record<string, number> }[];
  mincLookup: { p50Ms: number; sqlP50Ms: number; requests: number; plan: string[] };
  msp: { seconds: number; candidates: number };
  /** An EDI release published at this size, and ediSummary read from it one request at a time through the gateway. */
  edi?: { releaseSeconds: number; cells: number; summaryP50Ms: number; summaryP90Ms: number; requests: number };
  ratios?: Record<string, Record<string, number | null>>;
}

const OPERATION_TITLE_EDI = 'groupBy PROVINCE and GENDER_IDENTITY';

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
  const lines = ['| operation | target | req/s (median; runs) | p50 ms | p90 ms | p99 ms | errors | gateway CPU s | peak RSS MiB |', '|---|---|---|---|---|---|---|---|---|'];
  for (const [operation, byTarget] of Object.entries(result.figures)) {
    for (const [target, f] of Object.entries(byTarget)) {
      lines.push(
        `| ${result.operations[operation]} | (${target}) ${result.targets[target]} | ${f.rps} (${f.rpsRuns.join(', ')}) | ${f.p50} | ${f.p90} | ${f.p99} | ${f.errors} | ${f.cpuSeconds} | ${f.peakRssMiB} |`,
      );
    }
  }
  return lines.join('\n');
}

function ratioTable(result: BenchResult): string {
  const lines = ['| operation | req/s (a)/(b) | p50 (a)/(b) | req/s (a)/(c) | req/s (a)/(e) | p50 (a) − (d), ms |', '|---|---|---|---|---|---|'];
  for (const [operation, r] of Object.entries(result.ratios ?? {})) {
    const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : String(v));
    lines.push(`| ${result.operations[operation]} | ${show(r['rps a/b'])} | ${show(r['p50 a/b'])} | ${show(r['rps a/c'])} | ${show(r['rps a/e'])} | ${show(r['p50 a−d ms'])} |`);
  }
  return lines.join('\n');
}

/** Figures of a load-only run (`--rounds 0`): the data set, the lookup, MSP identification. */
function loadSection(run: BenchResult, file: string): string {
  const m = run.mincLookup;
  return `## At ${run.settings.members.toLocaleString('en')} members (\`--rounds 0\`: load, lookup and MSP only)
From \`bench/results/${file}\` (${run.at.slice(0, 10)}, same machine kind):
- ${run.load.rows.toLocaleString('en')} rows loaded with COPY in **${run.load.loadSeconds} s** (generated ${run.load.generateSeconds} s on ${run.load.generatorThreads} threads, COPY and index rebuild
  ${run.load.copySeconds} s); database ${run.load.databaseMiB} MiB.
- MINC lookup at the member subgraph: p50 **${m.p50Ms} ms** over HTTP, SQL alone p50 **${m.sqlP50Ms} ms**; plan:
${m.plan.map((line) => `  \`${line.trim()}\``).join('\n')}
- Member Support Program identification: **${run.msp.seconds} s**.${
    run.edi
      ? `
- An EDI release published (${run.edi.cells.toLocaleString('en')} cells): **${run.edi.releaseSeconds} s**; ediSummary from it, one at a time through the gateway: p50 **${run.edi.summaryP50Ms} ms**.`
      : ''
  }
- Statements for lists of ${run.statements.map((x) => x.listed).join(' / ')} members: ${run.statements.map((x) => JSON.stringify(x.byRole)).join(' / ')}.
`;
}

/** Writes the result file (and, for a measured run, the chart), then BENCHMARKS.md from the latest results; returns the result file's path. */
export async function writeReport(result: BenchResult, benchDir: string): Promise<string> {
  result.ratios = ratios(result.figures);
  const stamp = result.at.replace(/[:.]/g, '-');
  await mkdir(join(benchDir, 'results'), { recursive: true });
  const file = join(benchDir, 'results', `${stamp}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  const measured = Object.keys(result.figures).length > 0;
  if (measured) await writeFile(join(benchDir, 'results', 'latency.svg'), latencyChart(result));
  await writeBenchmarksPage(benchDir);
  return file;
}

/** BENCHMARKS.md: the latest measured run, and the latest load-only run when there is a newer one. */
export async function writeBenchmarksPage(benchDir: string): Promise<void> {
  const files = (await readdir(join(benchDir, 'results'))).filter((f) => /^\d{4}-.*\.json$/.test(f)).sort();
  const runs = await Promise.all(files.map(async (f) => ({ file: f, run: JSON.parse(await readFile(join(benchDir, 'results', f), 'utf8')) as BenchResult })));
  const measured = runs.filter((r) => Object.keys(r.run.figures).length > 0).at(-1);
  if (!measured) return;
  const loadOnly = runs.filter((r) => Object.keys(r.run.figures).length === 0).at(-1);
  const result = measured.run;
  const stamp = measured.file.replace(/\.json$/, '');
  const m = result.machine;
  const markdown = `# Benchmarks

Written by \`npm run bench\` (bench/bench.ts) on ${result.at.slice(0, 10)}; the figures below are from
\`bench/results/${stamp}.json\`, one run on one machine (the last section, when there is one, from the latest load-only run).

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
for (d)).

${table(result)}

![Latency by target](bench/results/latency.svg)

## Ratios
${ratioTable(result)}

## SQL statements per operation
Counted by PostgreSQL (pg_stat_statements), per database role, for one Member Support Program list
of members with their practice, medico-legal history, advice calls and learning record:

| members listed | ${Object.keys(result.statements[0]?.byRole ?? {}).join(' | ')} |
|---|${Object.keys(result.statements[0]?.byRole ?? {})
    .map(() => '---')
    .join('|')}|
${result.statements
  .map(
    (s) =>
      `| ${s.listed} | ${Object.keys(result.statements[0].byRole)
        .map((r) => s.byRole[r] ?? 0)
        .join(' | ')} |`,
  )
  .join('\n')}

## MINC lookup and Member Support Program identification
- Partner confirmation by MINC at the member subgraph, one request at a time: p50
  **${result.mincLookup.p50Ms} ms** over HTTP (GraphQL, the hop token verified, the shield)${
    result.mincLookup.sqlP50Ms === undefined
      ? ''
      : `, of which the
  lookup's SQL alone, as the member subgraph's role: p50 **${result.mincLookup.sqlP50Ms} ms**`
  } (${result.mincLookup.requests} requests).
  PostgreSQL's plan for the lookup:
${result.mincLookup.plan.map((line) => `  \`${line.trim()}\``).join('\n')}
- Member Support Program identification over all ${result.settings.members.toLocaleString('en')} members: **${result.msp.seconds} s**
  (${result.msp.candidates} candidates returned).
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
\`\`\`
The first run installs what only the benchmark needs (bench/package.json: Hive Gateway, its
router runtime, autocannon). Targets: ${Object.entries(result.targets)
    .map(([k, v]) => `(${k}) ${v}`)
    .join('; ')}.
${loadOnly ? `\n${loadSection(loadOnly.run, loadOnly.file)}` : ''}`;
  await writeFile(join(benchDir, '..', 'BENCHMARKS.md'), markdown);
}
