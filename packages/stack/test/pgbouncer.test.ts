import { randomUUID } from 'node:crypto';
import { AuditLog } from '@mutual-graph/gateway';
import { DEFAULT_POOL_MAX } from '@mutual-graph/platform';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

// The test stack's subgraphs and gateway reach PostgreSQL through PgBouncer in transaction mode
// (test/global-setup.js), so that every stack test runs through it: this proves they really do, and
// that its pool is small enough for transactions to share server connections.
const stack = testStack();
const members = [...syntheticMembers(stack.seed)].slice(300, 360);
const QUERY = 'query Histories($id: ID!) { member(id: $id) { lastName medicoLegalHistory(years: 50) { kind openedOn } learningRecord { completedOn credits } } }';
/** The roles the services connect as through PgBouncer: every owner's but the effects worker's (it LISTENs, so it connects directly). */
const POOLED_ROLES = ['mg_member', 'mg_case', 'mg_education', 'mg_audit'];

/** One admin console command's rows (simple protocol: the console knows no other). */
const console_ = <R extends Record<string, unknown>>(command: string) => sql<R>(stack.pgbouncer!.adminUrl, command);

(stack.pgbouncer ? describe : describe.skip)('PgBouncer between the services and PostgreSQL', () => {
  it('pools in transaction mode, with fewer server connections per role than one service keeps in its pool', async () => {
    const config = new Map((await console_<{ key: string; value: string }>('SHOW CONFIG')).map((r) => [r.key, r.value]));
    expect(config.get('pool_mode')).toBe('transaction');
    expect(Number(config.get('default_pool_size'))).toBe(stack.pgbouncer!.poolSize);
    expect(stack.pgbouncer!.poolSize).toBeLessThan(DEFAULT_POOL_MAX);
  });

  it("carries the services' transactions: more clients than server connections per role, every service backend opened by PgBouncer", async () => {
    const [before] = await console_<{ database: string; total_xact_count: string }>('SHOW STATS').then((rows) => rows.filter((r) => r.database === 'mutual_graph'));
    const headers = await asCaller('RISK_MANAGEMENT', { sub: 'pgbouncer-test' });
    const answers = await Promise.all(members.map((m) => postGraphQL<{ member: { lastName: string } }>(stack.gatewayUrl, QUERY, { id: m.id }, headers)));
    expect(answers.map((a) => a.body.data?.member.lastName)).toEqual(members.map((m) => m.lastName));

    // Backends first, then PgBouncer's server connections: one opened in between is already listed by PgBouncer.
    const backends = await sql<{ usename: string; client_port: number }>(stack.adminUrl, 'select usename, client_port from pg_stat_activity where usename = any($1)', [POOLED_ROLES]);
    const servers = await console_<{ user: string; local_port: string }>('SHOW SERVERS');
    const clients = await console_<{ user: string }>('SHOW CLIENTS');
    const [after] = await console_<{ database: string; total_xact_count: string }>('SHOW STATS').then((rows) => rows.filter((r) => r.database === 'mutual_graph'));

    expect(new Set(backends.map((b) => b.usename))).toEqual(new Set(POOLED_ROLES));
    const pgbouncerPorts = new Set(servers.map((s) => Number(s.local_port)));
    expect(backends.filter((b) => !pgbouncerPorts.has(b.client_port))).toEqual([]);
    for (const role of POOLED_ROLES) expect([role, backends.filter((b) => b.usename === role).length <= stack.pgbouncer!.poolSize]).toEqual([role, true]);
    // The member subgraph answered sixty requests at once from a pool of up to ten: more clients than the three server connections.
    expect(clients.filter((c) => c.user === 'mg_member').length).toBeGreaterThan(stack.pgbouncer!.poolSize);
    expect(Number(after.total_xact_count) - Number(before.total_xact_count)).toBeGreaterThanOrEqual(members.length);
  });

  it('leaves the effects worker connected directly: its LISTEN needs a session of its own', async () => {
    const effects = await sql<{ client_port: number }>(stack.adminUrl, "select client_port from pg_stat_activity where usename = 'mg_effects'");
    const servers = await console_<{ local_port: string }>('SHOW SERVERS');
    expect(effects.length).toBeGreaterThan(0);
    expect(effects.filter((e) => servers.some((s) => Number(s.local_port) === e.client_port))).toEqual([]);
    expect((await console_<{ user: string }>('SHOW CLIENTS')).filter((c) => c.user === 'mg_effects')).toEqual([]);
  });

  it("writes the audit's group commits from several gateways at once, each batch on whichever server connection is free", async () => {
    // Three gateways' audit logs sharing the role's few server connections: a statement prepared by name in one
    // server session would be missing in the next (or there already, from another client) and fail the write.
    const logs = await Promise.all([1, 2, 3].map(() => AuditLog.open(stack.ownerUrls.audit)));
    const run = `pgbouncer-${randomUUID()}`;
    try {
      await Promise.all(
        logs.map(async (log, l) => {
          for (let i = 0; i < 15; i += 1) await Promise.all([0, 1].map((j) => log.record({ requestId: `${run}-${l}-${i}-${j}`, decision: 'ALLOWED' })));
        }),
      );
    } finally {
      await Promise.all(logs.map((log) => log.close()));
    }
    const [{ n }] = await sql<{ n: number }>(stack.adminUrl, 'select count(*)::int as n from audit.audit_record where request_id like $1', [`${run}-%`]);
    expect(n).toBe(3 * 15 * 2);
  });
});
