// npm run bench:replay -- [--operations 100000] [--principals 500] [--rounds 3]
//
// `npm run policy -- replay` over a large audit: a stack with a small data set, a mix of operations
// recorded through the gateway (allowed and refused, under several purposes, naming several members),
// then the audit grown to --operations records by copying those rows under --principals principals
// (as the administrator: the rows are the gateway's own, only their subjects vary), and the replay
// command run --rounds times as the privacy office's login with a proposal that takes LEARNING from
// EDUCATION. Writes bench/results/replay-<timestamp>.json and BENCHMARKS.md's replay section.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { policySnapshot, type Purpose } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { freePort, PRIVACY_OFFICE_LOGIN, signDevToken, startStack } from '@mutual-graph/stack';
import { syntheticMember } from '@mutual-graph/synthetic';
import pg from 'pg';
import { writeBenchmarksPage } from './lib/report.ts';

const { values } = parseArgs({ options: { operations: { type: 'string', default: '100000' }, principals: { type: 'string', default: '500' }, rounds: { type: 'string', default: '3' } } });
const total = Number(values.operations);
const principals = Number(values.principals);
const rounds = Number(values.rounds);
const benchDir = import.meta.dirname;
const seed = { seed: 1_867, members: 2_000, asOf: new Date().toISOString().slice(0, 10) };

/** What is recorded: each operation under its purpose, for a few members each (allowed and refused alike). */
const RECORDED: { purpose: Purpose; query: string; self?: boolean }[] = [
  { purpose: 'EDUCATION', query: 'query Learning($id: ID!) { member(id: $id) { learningRecord { completedOn } } }' },
  { purpose: 'EDUCATION', query: 'query Name($id: ID!) { member(id: $id) { firstName lastName } }' },
  { purpose: 'EDUCATION', query: 'query Snoop($id: ID!) { member(id: $id) { medicoLegalHistory { kind } } }' },
  { purpose: 'MEDICO_LEGAL_ASSISTANCE', query: 'query Matters($id: ID!) { member(id: $id) { firstName medicoLegalHistory { kind status } } }' },
  { purpose: 'MEMBERSHIP', query: 'query Membership($id: ID!) { member(id: $id) { lastName contact { email } } }' },
  { purpose: 'RISK_MANAGEMENT', query: 'query Learning($id: ID!) { member(id: $id) { learningRecord { completedOn } } }' },
  { purpose: 'MEMBER_SELF_SERVICE', query: 'query Mine { me { firstName learningRecord { completedOn } } }', self: true },
];

const dataDir = await mkdtemp(join(tmpdir(), 'mutual-graph-replay-bench-'));
await chmod(dataDir, 0o755);
console.error('starting a stack (2,000 members)…');
const stack = await startStack({ dataDir, gatewayPort: await freePort(), effectsPort: await freePort(), postgresPort: await freePort(), seed, quiet: true });
try {
  const graphql = `${stack.gatewayUrl.replace(/\/$/, '')}`;
  let sent = 0;
  for (const [i, op] of RECORDED.entries()) {
    for (let m = 0; m < 5; m++) {
      const member = syntheticMember(i * 10 + m, seed);
      const token = await signDevToken(stack.secrets.issuerKey.privateJwk, {
        sub: `bench-${op.purpose.toLowerCase()}`,
        purposes: [op.purpose],
        expiresIn: '10m',
        ...(op.self ? { memberId: member.id } : {}),
      });
      await fetch(graphql, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose-of-use': op.purpose },
        body: JSON.stringify({ query: op.query, variables: op.self ? {} : { id: member.id } }),
      });
      sent++;
    }
  }
  const admin = new pg.Client({ connectionString: stack.adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ n: string }>('select count(*) as n from audit.audit_record where operation_document is not null');
  const recorded = Number(rows[0].n);
  console.error(`recorded ${recorded} operations through the gateway (${sent} sent); growing the audit to ${total}…`);
  // Copies of the recorded rows, each under one of `principals` principals, until the audit holds `total`.
  await admin.query(
    `with source as (select r.*, row_number() over (order by id) - 1 as k from audit.audit_record r where operation_document is not null)
     insert into audit.audit_record (id, occurred_at, request_id, subject, roles, purpose, operation_name, operation_hash, operation_document, argument_uses, member_scope, categories, decision, code, rule, fields, member_ids)
     select gen_random_uuid(), now(), s.request_id, 'bench-principal-' || (g % $2), s.roles, s.purpose, s.operation_name, s.operation_hash, s.operation_document, s.argument_uses, s.member_scope, s.categories, s.decision, s.code, s.rule, s.fields, s.member_ids
     from generate_series(1, $1::int) g join source s on s.k = g % $3`,
    [total - recorded, principals, recorded],
  );
  const grown = Number((await admin.query<{ n: string }>('select count(*) as n from audit.audit_record')).rows[0].n);
  await admin.end();

  const proposal = policySnapshot(await readFile(SUPERGRAPH_PATH, 'utf8'));
  proposal.matrix.EDUCATION.categories = proposal.matrix.EDUCATION.categories.filter((c) => c !== 'LEARNING');
  const proposalFile = join(dataDir, 'proposed-policy.json');
  await writeFile(proposalFile, JSON.stringify(proposal));
  const cli = join(benchDir, '..', 'schema', 'composition', 'dist', 'policy-cli.js');
  const officeUrl = stack.database.ownerUrls[PRIVACY_OFFICE_LOGIN];
  const runs: { wallSeconds: number; reportedSeconds: number; recorded: number; distinct: number; nowRefused: number; nowAllowed: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const { stdout } = await promisify(execFile)(process.execPath, [cli, 'replay', '--matrix', proposalFile, '--since', '1h', '--format', 'json', '--database-url', officeUrl], {
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const report = JSON.parse(stdout) as { seconds: number; recorded: number; distinct: number; nowRefused: { count: number }[]; nowAllowed: { count: number }[] };
    runs.push({
      wallSeconds: Number(wallSeconds.toFixed(2)),
      reportedSeconds: report.seconds,
      recorded: report.recorded,
      distinct: report.distinct,
      nowRefused: report.nowRefused.reduce((n, r) => n + r.count, 0),
      nowAllowed: report.nowAllowed.reduce((n, r) => n + r.count, 0),
    });
    console.error(`round ${round + 1}: ${wallSeconds.toFixed(2)} s (${report.seconds} s reading and deciding)`);
  }
  // The report as people read it (the README shows one): Markdown, once.
  const { stdout: markdown } = await promisify(execFile)(process.execPath, [cli, 'replay', '--matrix', proposalFile, '--since', '1h', '--database-url', officeUrl], { maxBuffer: 64 * 1024 * 1024 });
  console.error(markdown);
  const at = new Date().toISOString();
  const result = {
    at,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    operations: grown,
    principals,
    recordedThroughGateway: recorded,
    proposal: 'EDUCATION without LEARNING',
    runs,
  };
  await mkdir(join(benchDir, 'results'), { recursive: true });
  const file = join(benchDir, 'results', `replay-${at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  await writeBenchmarksPage(benchDir);
  console.log(`wrote ${file} and BENCHMARKS.md`);
} finally {
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
