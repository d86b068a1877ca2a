import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster, type Replica, type RunningCluster } from '@mutual-graph/cluster';
import { formatMinc } from '@mutual-graph/domain-codes';
import { PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import type { Purpose } from '@mutual-graph/policy';
import { SUPERGRAPH_PATH } from '@mutual-graph/schema';
import { freePort, signDevToken, type DevCaller } from '@mutual-graph/stack';
import { syntheticCatalogue, syntheticMembers, type SyntheticOptions } from '@mutual-graph/synthetic';
import { sql } from '../../../test/support/stack.js';
import { until } from '../../../test/support/until.js';
import { accessLog, codesOf, inParallel, send, succeeded, type Answer } from './support/clients.js';

// Two gateways, two of each subgraph and two effects workers on one PostgreSQL, behind nginx, as
// `npm run cluster` runs them (startCluster is what it calls). Every client request goes to nginx's
// gateway address; the gateways, the effects workers and the subgraphs call each other through
// nginx's address for each subgraph. The tests run in order: the last kills one replica of each.
/** Seconds after which a killed effects worker's locks go to the survivor (the default, 30, is for production). */
const STALE_LOCK_SECONDS = 3;
const SEED: SyntheticOptions = { seed: 2_024, members: 300, asOf: '2026-10-31' };
const population = [...syntheticMembers(SEED)];
const active = population.filter((m) => m.status === 'ACTIVE' && m.periods.length > 0 && m.minc);
const workshop = syntheticCatalogue(SEED).find((a) => a.kind === 'WORKSHOP')!;
const CONFIRM = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8').trim();
const run = Date.now().toString(36);
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

let cluster: RunningCluster;
let dataDir: string;

/** A caller's headers: a token signed with the cluster's development key, the purpose, and the request's id. */
async function as(purpose: Purpose, requestId: string, caller: Partial<DevCaller> = {}): Promise<Record<string, string>> {
  const token = await signDevToken(cluster.secrets.issuerKey.privateJwk, { sub: 'cluster-test', roles: ['staff'], purposes: [purpose], expiresIn: '10m', ...caller });
  return { authorization: `Bearer ${token}`, 'x-purpose-of-use': purpose, 'x-request-id': requestId };
}

const partnerGraph = () => cluster.gatewayUrl.replace(/\/graphql$/, '/partner/graphql');
const confirm = async (requestId: string, partnerId: string, minc: string) =>
  send<{ membershipConfirmation: { isMember: boolean } }>(partnerGraph(), CONFIRM, { minc }, await as('PARTNER_CONFIRMATION', requestId, { sub: partnerId, partnerId }));

async function scheduleEvent(capacity: number): Promise<string> {
  const answer = await send<{ scheduleEvent: { id: string } }>(
    cluster.gatewayUrl,
    'mutation ($e: ScheduleEventInput!) { scheduleEvent(event: $e) { id } }',
    { e: { activityId: workshop.id, startsAt: inDays(30), endsAt: inDays(30.1), place: 'Halifax (example venue)', capacity } },
    await as('EDUCATION', `schedule-${run}-${capacity}`),
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.scheduleEvent.id;
}

type Registration = { registerMemberForEvent: { status: string; waitlistPosition: number | null } };
const REGISTER = 'mutation ($e: ID!, $m: ID!) { registerMemberForEvent(eventId: $e, memberId: $m) { status waitlistPosition } }';
const register = async (requestId: string, eventId: string, memberId: string) => send<Registration>(cluster.gatewayUrl, REGISTER, { e: eventId, m: memberId }, await as('EDUCATION', requestId));

const rowsOf = (eventId: string) =>
  sql<{ member_id: string; status: string; waitlist_position: number | null }>(
    cluster.adminUrl,
    'select member_id::text, status, waitlist_position from education.event_registration where event_id = $1',
    [eventId],
  );

/** The replicas of one service that answered the requests with these ids, as nginx's access log names them. */
async function replicasServing(service: string, requestIds: string[]): Promise<string[]> {
  const port = Number(new URL(service === 'gateway' ? cluster.gatewayUrl : cluster.subgraphUrls[service]).port);
  const ids = new Set(requestIds);
  const answeredBy = (await accessLog(cluster.nginx.accessLog)).filter((line) => line.port === port && ids.has(line.requestId)).map((line) => line.upstreams.at(-1)!);
  const byAddress = new Map(cluster.replicas.map((r) => [new URL(r.url).host, r.name]));
  return [...new Set(answeredBy.map((address) => byAddress.get(address) ?? address))].sort();
}

const replicasOf = (service: string) => cluster.replicas.filter((r) => r.service === service).map((r) => r.name);

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mutual-graph-cluster-'));
  // PostgreSQL runs as its own OS user when we are root: it must be able to enter this folder.
  await chmod(dataDir, 0o755);
  // The gateways watch a copy, which the supergraph test replaces (never the committed file).
  const supergraphPath = join(dataDir, 'supergraph', 'supergraph.graphql');
  await mkdir(join(dataDir, 'supergraph'));
  await copyFile(SUPERGRAPH_PATH, supergraphPath);
  // A killed effects worker's locks go to the survivor after EFFECTS_STALE_LOCK_SECONDS: short here, so that the kill test sees every effect done.
  cluster = await startCluster({
    dataDir,
    postgresPort: await freePort(),
    seed: SEED,
    supergraphPath,
    quiet: true,
    serviceLogFile: join(dataDir, 'services.log'),
    effectsStaleLockSeconds: STALE_LOCK_SECONDS,
  });
}, 150_000);

afterAll(async () => {
  await cluster?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

describe('two of each service behind nginx, on one PostgreSQL', () => {
  it('fills the last seats of an event under a rush spread over both gateways and both education replicas, without overbooking or losing a place', async () => {
    const eventId = await scheduleEvent(8);
    const rush = population.slice(0, 60);
    const ids = rush.map((_, i) => `rush-${run}-${i}`);
    const answers = await Promise.all(rush.map((m, i) => register(ids[i], eventId, m.id)));
    expect(answers.filter((a) => !succeeded(a)).map(codesOf)).toEqual([]);

    const acknowledged = answers.map((a, i) => ({ member_id: rush[i].id, status: a.data!.registerMemberForEvent.status, waitlist_position: a.data!.registerMemberForEvent.waitlistPosition }));
    const rows = await rowsOf(eventId);
    const byMember = (list: typeof rows) => [...list].sort((a, b) => a.member_id.localeCompare(b.member_id));
    // Every acknowledged place is the place on record, and there is no other.
    expect(byMember(rows)).toEqual(byMember(acknowledged));
    expect(acknowledged.filter((a) => a.status === 'REGISTERED')).toHaveLength(8);
    expect(
      acknowledged
        .filter((a) => a.status === 'WAITLISTED')
        .map((a) => a.waitlist_position)
        .sort((a, b) => a! - b!),
    ).toEqual(Array.from({ length: 52 }, (_, i) => i + 1));
    expect(await replicasServing('gateway', ids)).toEqual(replicasOf('gateway'));
    expect(await replicasServing('education', ids)).toEqual(replicasOf('education'));
  });

  it('keeps exactly one audit record for every operation answered, whichever gateway answered it', async () => {
    const self = active[3];
    const kinds: ((id: string) => Promise<Answer>)[] = [
      async (id) => send(cluster.gatewayUrl, 'query ($id: ID!) { member(id: $id) { lastName learningRecord { completedOn } } }', { id: self.id }, await as('EDUCATION', id)),
      // Refused by the policy, and before parsing: each refusal is on record too.
      async (id) => send(cluster.gatewayUrl, 'query ($id: ID!) { member(id: $id) { medicoLegalHistory { kind } } }', { id: self.id }, await as('EDUCATION', id)),
      async (id) => send(cluster.gatewayUrl, '{ me { firstName } }', {}, { 'x-purpose-of-use': 'MEMBERSHIP', 'x-request-id': id }),
      async (id) => send(cluster.gatewayUrl, '{ me { firstName consents { purpose } } }', {}, await as('MEMBER_SELF_SERVICE', id, { memberId: self.id })),
      async (id) => confirm(id, `audit-partner-${run}`, self.minc),
    ];
    const ids = Array.from({ length: 150 }, (_, i) => `audit-${run}-${i}`);
    const answers = await inParallel(ids.length, 16, (i) => kinds[i % kinds.length](ids[i]));
    // Each came back from a gateway (a GraphQL answer, allowed or refused), not from nginx.
    expect(answers.filter((a) => a.status === null || a.failure || a.status === 502).map(codesOf)).toEqual([]);
    expect(answers.filter((_, i) => i % kinds.length === 1).flatMap(codesOf)).toEqual(Array.from({ length: ids.length / kinds.length }, () => 'FORBIDDEN'));

    const records = await sql<{ request_id: string; n: number }>(cluster.adminUrl, 'select request_id, count(*)::int as n from audit.audit_record where request_id like $1 group by request_id', [
      `audit-${run}-%`,
    ]);
    expect(Object.fromEntries(records.map((r) => [r.request_id, r.n]))).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    expect(await replicasServing('gateway', ids)).toEqual(replicasOf('gateway'));
  });

  it("puts every partner confirmation answered by either gateway on record as a disclosure, with its confirmation's audit record", async () => {
    const members = active.slice(0, 40);
    const [hospital, clinic] = [`hospital-${run}`, `clinic-${run}`];
    const partnerOf = (i: number) => (i % 2 ? clinic : hospital);
    const ids = members.map((_, i) => `disclose-${run}-${i}`);
    const answers = await Promise.all(members.map((m, i) => confirm(ids[i], partnerOf(i), m.minc)));
    for (const answer of answers) expect(answer.data).toEqual({ membershipConfirmation: expect.objectContaining({ isMember: expect.any(Boolean) }) });

    const recorded = await sql<{ recipient: string; member_id: string; request_id: string }>(
      cluster.adminUrl,
      'select d.recipient, d.member_id::text, r.request_id from audit.partner_disclosure d join audit.audit_record r on r.id = d.audit_record_id where d.recipient = any($1)',
      [[hospital, clinic]],
    );
    const order = (rows: { request_id: string }[]) => [...rows].sort((a, b) => a.request_id.localeCompare(b.request_id));
    expect(order(recorded)).toEqual(order(members.map((m, i) => ({ recipient: partnerOf(i), member_id: m.id, request_id: ids[i] }))));
    expect(await replicasServing('gateway', ids)).toEqual(replicasOf('gateway'));
  });

  it('serves a changed supergraph from both gateways once the file they watch is replaced', async () => {
    const description = `Served by every gateway of the cluster (${run})`;
    const queryDescription = async (gateway: Replica) => {
      const answer = await send<{ __type: { description: string | null } }>(`${gateway.url}/graphql`, '{ __type(name: "Query") { description } }', {}, await as('MEMBERSHIP', `supergraph-${run}`));
      return answer.data?.__type.description ?? null;
    };
    const gateways = cluster.replicas.filter((r) => r.service === 'gateway');
    expect(gateways).toHaveLength(2);
    for (const gateway of gateways) expect(await queryDescription(gateway)).not.toBe(description);

    // The composed supergraph with one harmless change: a description on Query. Written beside, then
    // renamed into place, as a deploy would: a gateway never reads half a file.
    const composed = await readFile(cluster.supergraphPath, 'utf8');
    expect(composed).toMatch(/^type Query$/m);
    const changed = composed.replace(/^type Query$/m, `"""${description}"""\ntype Query`);
    await writeFile(`${cluster.supergraphPath}.next`, changed);
    await rename(`${cluster.supergraphPath}.next`, cluster.supergraphPath);

    for (const gateway of gateways)
      await until(
        `${gateway.name} serves the new supergraph`,
        () => queryDescription(gateway),
        (served) => served === description,
        15_000,
      );
  });

  it('loses no acknowledged write when one replica of each service is killed mid-load, and the other replicas answer everything sent after', async () => {
    const eventId = await scheduleEvent(1_000);
    // Members with a period of protection: assistance is asked for on its first day.
    const covered = population.filter((m) => m.periods.length > 0);
    type Kind = 'apply' | 'register' | 'privacy' | 'assist' | 'read' | 'confirm';
    const KINDS: Kind[] = ['apply', 'register', 'privacy', 'assist', 'read', 'confirm'];
    const TOTAL = 360;
    const KILL_AT = 120;
    const sent: { i: number; kind: Kind; requestId: string; marker: string; answer: Answer }[] = [];

    const operation = async (i: number): Promise<void> => {
      const kind = KINDS[i % KINDS.length];
      const requestId = `kill-${run}-${i}`;
      const marker = `${run}-${i}`;
      const member = covered[i % covered.length];
      const answer = await (async () => {
        switch (kind) {
          case 'apply':
            return send(
              cluster.gatewayUrl,
              'mutation ($a: MembershipApplicationInput!) { applyForMembership(application: $a) { id } }',
              {
                a: {
                  // A name has no digits: the request's number, spelled in letters.
                  profile: { firstName: 'Odile', lastName: `Cluster-${String(i).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`, dateOfBirth: '1979-03-03' },
                  contact: { email: `odile.${marker}@example.org`, phone: '+1-555-010-0123', city: 'Whitehorse', province: 'YT' },
                  minc: formatMinc(String(9_100_000 + i)),
                  collegeRegistrations: [{ college: 'YT', registrationNumber: `YT-${9_100_000 + i}` }],
                  typeOfWork: 'PSY',
                },
              },
              await as('MEMBERSHIP', requestId),
            );
          case 'register':
            return register(requestId, eventId, member.id);
          case 'privacy':
            return send(
              cluster.gatewayUrl,
              'mutation ($m: ID!, $d: String!, $on: Date!) { recordPrivacyRequest(memberId: $m, kind: CORRECTION, details: $d, receivedOn: $on) { id } }',
              { m: member.id, d: `Please correct my address (${marker}).`, on: today() },
              await as('PRIVACY_OFFICE', requestId),
            );
          case 'assist':
            return send(
              cluster.gatewayUrl,
              'mutation ($m: ID!, $on: Date!, $s: String!) { requestAssistance(memberId: $m, eventsOn: $on, kind: COLLEGE_COMPLAINT, summary: $s) { id } }',
              { m: member.id, on: member.periods.at(-1)!.startsOn, s: `A complaint about a referral (${marker}).` },
              await as('MEDICO_LEGAL_ASSISTANCE', requestId),
            );
          case 'read':
            return send(
              cluster.gatewayUrl,
              'query ($id: ID!) { member(id: $id) { lastName practice { province } medicoLegalHistory { kind } learningRecord { completedOn } } }',
              { id: member.id },
              await as('RISK_MANAGEMENT', requestId),
            );
          case 'confirm':
            return confirm(requestId, `kill-partner-${run}`, active[i % active.length].minc);
        }
      })();
      sent.push({ i, kind, requestId, marker, answer });
    };

    // One replica of each: a gateway, each subgraph, an effects worker, all at once, while requests are in flight.
    const victims = ['gateway', 'member', 'case', 'education', 'privacy', 'effects'].map((service) => cluster.replicas.find((r) => r.service === service)!);
    let killedAt = 0;
    let allGoneAt = Infinity;
    const kill = async () => {
      killedAt = Date.now();
      for (const victim of victims) victim.process.child.kill('SIGKILL');
      await Promise.all(victims.map((v) => v.process.exited));
      allGoneAt = Date.now();
    };
    let killed: Promise<void> | undefined;
    await inParallel(TOTAL, 10, async (i) => {
      if (i === KILL_AT) killed = kill();
      await operation(i);
    });
    await killed;

    const failed = sent.filter((s) => !succeeded(s.answer));
    // Requests nginx took once the killed processes were gone: every one answered by the other replicas.
    const after = sent.filter((s) => s.answer.startedAt > allGoneAt);
    expect(after.length).toBeGreaterThan(TOTAL / 2);
    expect(after.filter((s) => !succeeded(s.answer)).map((s) => ({ kind: s.kind, codes: codesOf(s.answer) }))).toEqual([]);
    // Those in flight at the kill may fail, each with a code saying which part did not answer.
    const inFlight = failed.filter((s) => s.answer.startedAt <= allGoneAt && s.answer.endedAt >= killedAt);
    expect(failed).toEqual(inFlight);
    expect(inFlight.flatMap((s) => codesOf(s.answer)).filter((code) => !['GATEWAY_UNAVAILABLE', 'SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_OUTCOME_UNKNOWN'].includes(code))).toEqual([]);
    console.log(
      `cluster kill: ${sent.length} requests, ${after.length} after the kill all answered; ${inFlight.length} in flight failed (${inFlight.map((s) => `${s.kind} ${codesOf(s.answer).join('+')}`).join(', ') || 'none'})`,
    );

    // Every acknowledged write is in the database; and no write was made twice (nginx sent no request again that a replica had taken).
    const acknowledged = (kind: Kind) => sent.filter((s) => s.kind === kind && succeeded(s.answer));
    const idOf = (s: (typeof sent)[number]) => Object.values(s.answer.data!)[0] as { id: string };
    const ofKind = (kind: Kind) => sent.filter((s) => s.kind === kind);
    const countsBy = async (table: string, column: string, values: string[]) =>
      Object.fromEntries(
        (await sql<{ v: string; n: number }>(cluster.adminUrl, `select ${column} as v, count(*)::int as n from ${table} where ${column} = any($1) group by 1`, [values])).map((r) => [r.v, r.n]),
      );

    const applications = await countsBy(
      'member.member',
      'email',
      ofKind('apply').map((s) => `odile.${s.marker}@example.org`),
    );
    expect(Object.entries(applications).filter(([, n]) => n !== 1)).toEqual([]);
    const members = await sql<{ id: string }>(cluster.adminUrl, 'select id::text from member.member where id = any($1::uuid[])', [acknowledged('apply').map((s) => idOf(s).id)]);
    expect(members).toHaveLength(acknowledged('apply').length);

    const privacy = await countsBy(
      'privacy.privacy_request',
      'details',
      ofKind('privacy').map((s) => `Please correct my address (${s.marker}).`),
    );
    expect(Object.entries(privacy).filter(([, n]) => n !== 1)).toEqual([]);
    const privacyIds = await sql(cluster.adminUrl, 'select id from privacy.privacy_request where id = any($1::uuid[])', [acknowledged('privacy').map((s) => idOf(s).id)]);
    expect(privacyIds).toHaveLength(acknowledged('privacy').length);

    const assistance = await countsBy(
      'casework.assistance_request',
      'summary',
      ofKind('assist').map((s) => `A complaint about a referral (${s.marker}).`),
    );
    expect(Object.entries(assistance).filter(([, n]) => n !== 1)).toEqual([]);
    const assistanceIds = await sql(cluster.adminUrl, 'select id from casework.assistance_request where id = any($1::uuid[])', [acknowledged('assist').map((s) => idOf(s).id)]);
    expect(assistanceIds).toHaveLength(acknowledged('assist').length);

    const registrations = new Map((await rowsOf(eventId)).map((r) => [r.member_id, r.status]));
    for (const s of acknowledged('register')) expect(registrations.get(covered[s.i % covered.length].id)).toBe((s.answer.data as Registration).registerMemberForEvent.status);

    // Every answer a gateway gave has its one audit record, and every confirmation answered its disclosure.
    const answeredByGateway = sent.filter((s) => s.answer.status !== null && !codesOf(s.answer).includes('GATEWAY_UNAVAILABLE'));
    const records = await sql<{ request_id: string; n: number }>(cluster.adminUrl, 'select request_id, count(*)::int as n from audit.audit_record where request_id like $1 group by 1', [
      `kill-${run}-%`,
    ]);
    const recordCount = new Map(records.map((r) => [r.request_id, r.n]));
    expect(answeredByGateway.filter((s) => recordCount.get(s.requestId) !== 1).map((s) => ({ requestId: s.requestId, records: recordCount.get(s.requestId) ?? 0 }))).toEqual([]);
    const disclosed = new Set(
      (
        await sql<{ request_id: string }>(cluster.adminUrl, 'select r.request_id from audit.partner_disclosure d join audit.audit_record r on r.id = d.audit_record_id where d.recipient = $1', [
          `kill-partner-${run}`,
        ])
      ).map((r) => r.request_id),
    );
    expect(acknowledged('confirm').filter((s) => !disclosed.has(s.requestId))).toEqual([]);

    // Each acknowledged application's effect (the EDI store's copy of the practice) is carried out by
    // the surviving effects worker: the queues the killed worker held are its once the killed one's
    // heartbeat is STALE_LOCK_SECONDS old, and a call cut by a killed replica is retried (backoff e^attempt s).
    const applicants = acknowledged('apply').map((s) => idOf(s).id);
    const notCopied = async () => {
      const copied = new Set((await sql<{ id: string }>(cluster.adminUrl, 'select member_id::text as id from edi.member_practice where member_id = any($1::uuid[])', [applicants])).map((r) => r.id));
      return applicants.filter((id) => !copied.has(id));
    };
    await until('every acknowledged application carried to the EDI store', notCopied, (missing) => missing.length === 0, 45_000);
    // Whether the killed worker held a lock at the kill is a race: the log says when the survivor took one over.
    const takenOver = readFileSync(join(dataDir, 'services.log'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('effects') && line.includes('unlocked the jobs and queues')).length;
    console.log(
      `cluster kill: all ${applicants.length} acknowledged applications carried to the EDI store ${Math.round((Date.now() - killedAt) / 1000)} s after the kill; the survivor took over the killed worker's locks ${takenOver} time(s)`,
    );
  }, 120_000);

  it("names a subgraph none of whose replicas answers SUBGRAPH_UNAVAILABLE (nginx's 502 at its address), a change sent there SUBGRAPH_OUTCOME_UNKNOWN, and answers operations that do not need it", async () => {
    const privacy = cluster.replicas.filter((r) => r.service === 'privacy');
    for (const replica of privacy) replica.process.child.kill('SIGKILL');
    await Promise.all(privacy.map((r) => r.process.exited));
    const member = active[5];

    const needsPrivacy = await send(cluster.gatewayUrl, 'query ($id: ID!) { member(id: $id) { lastName consents { purpose } } }', { id: member.id }, await as('PRIVACY_OFFICE', `no-privacy-${run}-1`));
    expect(needsPrivacy.errors?.map((e) => e.extensions)).toContainEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'privacy' });
    expect(JSON.stringify(needsPrivacy)).not.toContain('127.0.0.1');

    // A change sent there: nginx's 502 cannot say whether a replica had it, so the client is told to read before sending it again.
    const change = await send(
      cluster.gatewayUrl,
      'mutation ($m: ID!, $d: String!, $on: Date!) { recordPrivacyRequest(memberId: $m, kind: CORRECTION, details: $d, receivedOn: $on) { id } }',
      { m: member.id, d: 'Please correct my postal code.', on: today() },
      await as('PRIVACY_OFFICE', `no-privacy-${run}-3`),
    );
    expect(change.errors?.map((e) => e.extensions)).toEqual([{ code: 'SUBGRAPH_OUTCOME_UNKNOWN', subgraph: 'privacy' }]);
    expect(change.errors?.[0].message).toMatch(/may or may not have been made; read it back before sending it again/);

    const withoutPrivacy = await send(cluster.gatewayUrl, 'query ($id: ID!) { member(id: $id) { lastName } }', { id: member.id }, await as('MEMBERSHIP', `no-privacy-${run}-2`));
    expect(withoutPrivacy.errors).toBeUndefined();
    expect(withoutPrivacy.data).toEqual({ member: { lastName: member.lastName } });
  });
});
