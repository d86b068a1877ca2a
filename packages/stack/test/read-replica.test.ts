import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatMinc } from '@mutual-graph/domain-codes';
import { bindRequest, signHop, type ClientOperation } from '@mutual-graph/hop';
import type { Purpose } from '@mutual-graph/policy';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { freePort, startReplicatedPostgres, startStack, type ReplicatedPostgres, type RunningStack } from '@mutual-graph/stack';
import { postGraphQL, sql } from '../../../test/support/stack.js';
import { tokenFor } from '../../../test/support/tokens.js';

/*
 * Its own stack on a primary and a hot standby streaming from it (the shared test stack has no
 * replica): every subgraph gets DATABASE_REPLICA_URL. Statements are counted on each server with
 * pg_stat_statements, by the subgraph's role and the table read; lag is made certain by pausing
 * replay on the standby. The subgraphs' lag bound is MAX_LAG_MS: the tests of stale answers run
 * within it (each from a fresh pause), those of the bound wait past it.
 */

const MAX_LAG_MS = 8000;

const SEED = { seed: 24, members: 80, asOf: '2026-10-31' };
const members = [...syntheticMembers(SEED)];
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

let dataDir: string;
let servers: ReplicatedPostgres;
let stack: RunningStack;
let primaryUrl: string;
let standbyUrl: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'mutual-graph-replica-'));
  // PostgreSQL runs as its own OS user when we are root: it must be able to enter this folder.
  await chmod(dataDir, 0o755);
  servers = await startReplicatedPostgres({
    dataDir: join(dataDir, 'servers'),
    primaryPort: await freePort(),
    standbyPort: await freePort(),
    password: 'replica-test',
    settings: { shared_preload_libraries: 'pg_stat_statements' },
  });
  primaryUrl = servers.primary.adminUrl;
  standbyUrl = servers.standby.adminUrl;
  // Created on the primary, it reaches the standby by replication; each server counts its own statements.
  await sql(primaryUrl, 'create extension if not exists pg_stat_statements');
  const subgraphPorts: Record<string, number> = {};
  for (const name of ['member', 'case', 'education', 'privacy']) subgraphPorts[name] = await freePort();
  stack = await startStack({
    dataDir,
    gatewayPort: await freePort(),
    subgraphPorts,
    effectsPort: await freePort(),
    databaseUrl: primaryUrl,
    replicaDatabaseUrl: standbyUrl,
    replicaMaxLagMs: MAX_LAG_MS,
    seed: SEED,
    quiet: true,
  });
  await caughtUp();
  await replicaReads('education', true);
}, 240_000);

afterAll(async () => {
  await sql(standbyUrl, 'select pg_wal_replay_resume()').catch(() => {});
  await stack?.stop();
  await servers?.stop();
  await rm(dataDir, { recursive: true, force: true });
}, 60_000);

async function as(purpose: Purpose, caller: { memberId?: string; sub?: string } = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await tokenFor({ purposes: [purpose], ...caller }, stack.secrets.issuerKey.privateJwk)}`, 'x-purpose-of-use': purpose };
}

async function graph<T>(purpose: Purpose, query: string, variables: Record<string, unknown> = {}, caller: { memberId?: string } = {}) {
  const { body } = await postGraphQL<T>(stack.gatewayUrl, query, variables, await as(purpose, caller));
  return body;
}

/** SELECTs a service's role ran on one server that read `table`, as pg_stat_statements counts them. */
async function selects(url: string, role: string, table: string): Promise<number> {
  const [row] = await sql<{ n: number }>(
    url,
    `select coalesce(sum(s.calls), 0)::int as n from pg_stat_statements s join pg_roles r on r.oid = s.userid
     where r.rolname = $1 and s.query ilike 'select%' and s.query ilike $2`,
    [role, `%${table}%`],
  );
  return row.n;
}

/** How many SELECTs of `table` by `role` each server ran during `work`. */
async function counted(role: string, table: string, work: () => Promise<unknown>): Promise<{ primary: number; replica: number }> {
  const before = { primary: await selects(primaryUrl, role, table), replica: await selects(standbyUrl, role, table) };
  await work();
  return { primary: (await selects(primaryUrl, role, table)) - before.primary, replica: (await selects(standbyUrl, role, table)) - before.replica };
}

/** Resolves once the standby has replayed everything the primary had written when called. */
async function caughtUp(): Promise<void> {
  const [{ lsn }] = await sql<{ lsn: string }>(primaryUrl, 'select pg_current_wal_lsn()::text as lsn');
  for (let i = 0; i < 300; i++) {
    const [{ done }] = await sql<{ done: boolean }>(standbyUrl, 'select pg_last_wal_replay_lsn() >= $1::pg_lsn as done', [lsn]);
    if (done) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the standby did not catch up');
}

async function pauseReplay(): Promise<void> {
  await sql(standbyUrl, 'select pg_wal_replay_pause()');
  for (let i = 0; i < 100; i++) {
    const [{ state }] = await sql<{ state: string }>(standbyUrl, 'select pg_get_wal_replay_pause_state() as state');
    if (state === 'paused') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('replay on the standby did not pause');
}

async function resumeReplay(): Promise<void> {
  await sql(standbyUrl, 'select pg_wal_replay_resume()');
  await caughtUp();
}

/** The education subgraph's origin (its /ready and /metrics). */
const educationOrigin = () => new URL(stack.subgraphUrls.education).origin;

/** A gauge of the education subgraph's /metrics (undefined: not published now). */
async function gauge(name: string): Promise<number | undefined> {
  const text = await (await fetch(`${educationOrigin()}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** Resolves once the education subgraph's lag guard says the replica serves reads (true) or not; how long that took, in ms. */
async function replicaReads(service: 'education', enabled: boolean): Promise<number> {
  const started = Date.now();
  for (let i = 0; i < 300; i++) {
    if ((await gauge('db_replica_reads_enabled')) === (enabled ? 1 : 0)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${service}: replica reads never became ${enabled ? 'enabled' : 'disabled'}`);
}

const CATALOGUE = 'query ($search: String) { learningActivities(filter: { search: $search }, first: 5) { totalCount nodes { id title } } }';
type Catalogue = { learningActivities: { totalCount: number; nodes: { id: string; title: string }[] } };

describe('reads on a read replica', () => {
  it("serves a client's catalogue query from the replica, over connections named for it", async () => {
    let answer: Catalogue | null | undefined;
    const count = await counted('mg_education', 'learning_activity', async () => {
      answer = (await graph<Catalogue>('EDUCATION', CATALOGUE)).data;
    });
    expect(answer!.learningActivities.totalCount).toBeGreaterThan(0);
    expect(count).toEqual({ primary: 0, replica: expect.any(Number) as number });
    expect(count.replica).toBeGreaterThan(0);
    const names = await sql<{ application_name: string }>(standbyUrl, "select distinct application_name from pg_stat_activity where usename = 'mg_education'");
    expect(names.map((n) => n.application_name)).toContain('mutual-graph/education/replica');
  });

  it('reports the replica on /ready beside its checks, and its pool and lag among the gauges of /metrics', async () => {
    const origin = educationOrigin();
    const ready = (await (await fetch(`${origin}/ready`)).json()) as { checks: Record<string, string>; replica: { status: string; lagMs: number } };
    expect(ready.checks).toMatchObject({ database: 'ok' });
    expect(ready.checks['database:replica']).toBeUndefined();
    expect(ready.replica).toEqual({ status: 'ok', lagMs: expect.any(Number) as number });
    expect(ready.replica.lagMs).toBeLessThanOrEqual(MAX_LAG_MS);
    const metrics = await (await fetch(`${origin}/metrics`)).text();
    expect(metrics).toMatch(/db_pool_connections\{pool="replica",service="education"/);
    expect(await gauge('db_replica_lag_seconds')).toBeLessThanOrEqual(MAX_LAG_MS / 1000);
    // The subgraph's own role may call what the lag guard samples (PUBLIC may, on PostgreSQL 18 as before).
    const [primary] = await sql<{ ok: boolean }>(primaryUrl, "select has_function_privilege('mg_education', 'pg_current_wal_lsn()', 'execute') as ok");
    const [replica] = await sql<{ ok: boolean }>(standbyUrl, "select has_function_privilege('mg_education', 'pg_last_wal_replay_lsn()', 'execute') as ok");
    expect([primary.ok, replica.ok]).toEqual([true, true]);
  });

  it("reads a mutation's entities on the primary, with its writes", async () => {
    const [activity] = (await graph<Catalogue>('EDUCATION', CATALOGUE)).data!.learningActivities.nodes;
    const count = await counted('mg_education', 'learning_activity', async () => {
      const scheduled = await graph<{ scheduleEvent: { id: string } }>('EDUCATION', 'mutation ($e: ScheduleEventInput!) { scheduleEvent(event: $e) { id } }', {
        e: { activityId: activity.id, startsAt: inDays(20), endsAt: inDays(20.1), place: 'Moncton (example venue)', capacity: 3 },
      });
      expect(scheduled.errors).toBeUndefined();
    });
    expect(count.replica).toBe(0);
    expect(count.primary).toBeGreaterThan(0);
  });

  it("keeps a query the gateway sends to complete a mutation's answer on the primary: its hop token says the client's operation writes", async () => {
    // The query the gateway would send, signed as the gateway signs it, once for each kind of client operation.
    const asked = (clientOperation: ClientOperation | undefined) =>
      counted('mg_education', 'learning_activity', async () => {
        const claims = { principal: { sub: 'staff-1', roles: ['staff'], purposes: ['EDUCATION' as const] }, purpose: 'EDUCATION' as const, requestId: `r-${clientOperation}`, clientOperation };
        const token = await signHop(stack.secrets.hopKey.privateJwk, claims, bindRequest('education', CATALOGUE, {}));
        const { body } = await postGraphQL<Catalogue>(stack.subgraphUrls.education, CATALOGUE, {}, { authorization: `Bearer ${token}` });
        expect(body.errors).toBeUndefined();
      });
    expect(await asked('mutation')).toEqual({ primary: expect.any(Number) as number, replica: 0 });
    expect(await asked(undefined)).toEqual({ primary: expect.any(Number) as number, replica: 0 });
    expect((await asked('query')).replica).toBeGreaterThan(0);
  });

  describe('while the replica lags within the bound (replay paused)', () => {
    // Each test from a fresh pause: the lag grows from the first write the standby has not replayed.
    beforeEach(async () => {
      await resumeReplay();
      await replicaReads('education', true);
      await pauseReplay();
    });
    afterAll(resumeReplay);

    it('answers a catalogue query stale: a title changed on the primary is not found yet', async () => {
      const [{ id }] = await sql<{ id: string }>(primaryUrl, 'select id from education.learning_activity order by id limit 1');
      await sql(primaryUrl, "update education.learning_activity set title = 'Replica lag check, revised' where id = $1", [id]);
      const answer = await graph<Catalogue>('EDUCATION', CATALOGUE, { search: 'Replica lag check' });
      expect(answer.data!.learningActivities.totalCount).toBe(0);
      const [{ n }] = await sql<{ n: number }>(primaryUrl, "select count(*)::int as n from education.learning_activity where title = 'Replica lag check, revised'");
      expect(n).toBe(1);
    });

    it('counts seats at registration on the primary: an event the replica has not seen fills, and the next member waits', async () => {
      const [{ id: activityId }] = await sql<{ id: string }>(primaryUrl, "select id from education.learning_activity where kind = 'WORKSHOP' order by id limit 1");
      const scheduled = await graph<{ scheduleEvent: { id: string } }>('EDUCATION', 'mutation ($e: ScheduleEventInput!) { scheduleEvent(event: $e) { id } }', {
        e: { activityId, startsAt: inDays(30), endsAt: inDays(30.1), place: 'Halifax (example venue)', capacity: 1 },
      });
      const eventId = scheduled.data!.scheduleEvent.id;
      const REGISTER = 'mutation ($e: ID!, $m: ID!) { registerMemberForEvent(eventId: $e, memberId: $m) { status waitlistPosition } }';
      const first = await graph<{ registerMemberForEvent: { status: string } }>('EDUCATION', REGISTER, { e: eventId, m: members[0].id });
      const second = await graph<{ registerMemberForEvent: { status: string; waitlistPosition: number } }>('EDUCATION', REGISTER, { e: eventId, m: members[1].id });
      expect(first.data!.registerMemberForEvent.status).toBe('REGISTERED');
      expect(second.data!.registerMemberForEvent).toEqual({ status: 'WAITLISTED', waitlistPosition: 1 });
      expect(await sql(standbyUrl, 'select 1 from education.learning_event where id = $1', [eventId])).toHaveLength(0);
    });

    it('checks consent on the primary: a member who just withdrew is hidden from COMMUNICATIONS at once, though the replica still says granted', async () => {
      const [{ member_id: id }] = await sql<{ member_id: string }>(
        primaryUrl,
        "select member_id from privacy.consent where purpose = 'COMMUNICATIONS' and recipient = '' and status = 'GRANTED' order by member_id limit 1",
      );
      const READ = 'query ($id: ID!) { member(id: $id) { id communicationPreferences { consented } } }';
      expect((await graph<{ member: unknown }>('COMMUNICATIONS', READ, { id })).data!.member).toEqual({ id, communicationPreferences: { consented: true } });
      const withdrawn = await graph<{ withdrawMyConsent: { status: string } }>('MEMBER_SELF_SERVICE', 'mutation { withdrawMyConsent(purpose: COMMUNICATIONS) { status } }', {}, { memberId: id });
      expect(withdrawn.data!.withdrawMyConsent.status).toBe('WITHDRAWN');
      const after = await graph<{ member: unknown }>('COMMUNICATIONS', READ, { id });
      expect(after.errors).toBeUndefined();
      expect(after.data!.member).toBeNull();
      const [stale] = await sql<{ status: string }>(standbyUrl, "select status from privacy.consent where member_id = $1 and purpose = 'COMMUNICATIONS' and recipient = ''", [id]);
      expect(stale.status).toBe('GRANTED');
    });

    it("checks eligibility on the primary for a member the replica has not seen, while the member's replica-safe fields lag", async () => {
      const application = {
        profile: { firstName: 'Aurore', lastName: 'Zzyzx-Replica', dateOfBirth: '1985-04-12' },
        contact: { email: 'aurore.replica@example.org', phone: '+1-555-010-0199', city: 'Iqaluit', province: 'NU' },
        minc: formatMinc(String(8_900_000 + Math.floor(Math.random() * 90_000) * 10)),
        collegeRegistrations: [{ college: 'NU', registrationNumber: `NU-R-${Date.now() % 1_000_000}` }],
        typeOfWork: 'FM-NOB',
      };
      const applied = await graph<{ applyForMembership: { id: string } }>('MEMBERSHIP', 'mutation ($a: MembershipApplicationInput!) { applyForMembership(application: $a) { id } }', {
        a: application,
      });
      expect(applied.errors).toBeUndefined();
      const id = applied.data!.applyForMembership.id;
      const activated = await graph('MEMBERSHIP', 'mutation ($id: ID!, $on: Date!) { changeMembershipStatus(memberId: $id, to: ACTIVE, effectiveOn: $on) { id } }', { id, on: daysAgo(10) });
      expect(activated.errors).toBeUndefined();

      const assistance = await graph<{ requestAssistance: { status: string } }>(
        'MEDICO_LEGAL_ASSISTANCE',
        'mutation ($m: ID, $on: Date!) { requestAssistance(memberId: $m, eventsOn: $on, kind: COLLEGE_COMPLAINT, summary: "A patient complained about a referral.") { status } }',
        { m: id, on: daysAgo(5) },
      );
      expect(assistance.errors).toBeUndefined();
      expect(assistance.data!.requestAssistance.status).toBe('OPEN');
      expect(await sql(standbyUrl, 'select 1 from member.member where id = $1', [id])).toHaveLength(0);

      // One answer, two sources: the member and their status from the primary, their registrations and history from the replica.
      const READ = 'query ($id: ID!) { member(id: $id) { membership { status history { toStatus } } collegeRegistrations { college } } }';
      const lagging = await graph<{ member: { membership: { status: string; history: unknown[] }; collegeRegistrations: unknown[] } }>('MEMBERSHIP', READ, { id });
      expect(lagging.data!.member).toEqual({ membership: { status: 'ACTIVE', history: [] }, collegeRegistrations: [] });
      await resumeReplay();
      const current = await graph<{ member: unknown }>('MEMBERSHIP', READ, { id });
      expect(current.data!.member).toEqual({ membership: { status: 'ACTIVE', history: [{ toStatus: 'APPLIED' }, { toStatus: 'ACTIVE' }] }, collegeRegistrations: [{ college: 'NU' }] });
      await pauseReplay();
    });
  });
  describe('past the lag bound', () => {
    let standbyStopped = false;
    afterAll(async () => {
      if (!standbyStopped) await resumeReplay();
    });

    it('reads a catalogue query from the primary, fresh, while replay is paused longer than the bound, and from the replica again once it catches up', async () => {
      await resumeReplay();
      await replicaReads('education', true);
      await pauseReplay();
      const [{ id }] = await sql<{ id: string }>(primaryUrl, 'select id from education.learning_activity order by id desc limit 1');
      await sql(primaryUrl, "update education.learning_activity set title = 'Replica bound check, revised' where id = $1", [id]);
      const written = Date.now();
      await replicaReads('education', false);
      // Not before the bound: until then the replica still answers, stale.
      expect(Date.now() - written).toBeGreaterThanOrEqual(MAX_LAG_MS - 1000);
      expect(await gauge('db_replica_lag_seconds')).toBeGreaterThan(MAX_LAG_MS / 1000);
      let answer: Catalogue | null | undefined;
      const lagging = await counted('mg_education', 'learning_activity', async () => {
        answer = (await graph<Catalogue>('EDUCATION', CATALOGUE, { search: 'Replica bound check' })).data;
      });
      expect(answer!.learningActivities.nodes).toEqual([{ id, title: 'Replica bound check, revised' }]);
      expect(lagging.replica).toBe(0);
      expect(lagging.primary).toBeGreaterThan(0);
      const ready = await fetch(`${educationOrigin()}/ready`);
      expect(ready.status).toBe(200);
      expect(((await ready.json()) as { replica: { status: string } }).replica.status).toBe('bypassed');

      await resumeReplay();
      await replicaReads('education', true);
      const caught = await counted('mg_education', 'learning_activity', async () => {
        answer = (await graph<Catalogue>('EDUCATION', CATALOGUE, { search: 'Replica bound check' })).data;
      });
      expect(answer!.learningActivities.nodes).toEqual([{ id, title: 'Replica bound check, revised' }]);
      expect(caught).toEqual({ primary: 0, replica: expect.any(Number) as number });
      expect(caught.replica).toBeGreaterThan(0);
    });

    // Last: the standby does not come back.
    it('stays ready with the standby stopped, and reads the primary', async () => {
      standbyStopped = true;
      await servers.standby.stop();
      await replicaReads('education', false);
      const ready = await fetch(`${educationOrigin()}/ready`);
      const body = (await ready.json()) as { status: string; checks: Record<string, string>; replica: unknown };
      expect([ready.status, body.status]).toEqual([200, 'ready']);
      expect(body.replica).toEqual({ status: 'bypassed', lagMs: null });
      expect(await gauge('db_replica_lag_seconds')).toBeUndefined();
      const primary = await selects(primaryUrl, 'mg_education', 'learning_activity');
      const answer = await graph<Catalogue>('EDUCATION', CATALOGUE);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.learningActivities.totalCount).toBeGreaterThan(0);
      expect((await selects(primaryUrl, 'mg_education', 'learning_activity')) - primary).toBeGreaterThan(0);
      for (const name of ['member', 'case', 'privacy']) expect((await fetch(`${new URL(stack.subgraphUrls[name]).origin}/ready`)).status).toBe(200);
    });
  });
});
