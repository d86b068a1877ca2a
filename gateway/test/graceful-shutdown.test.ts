import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { freePort, spawnGateway } from '../../test/support/processes.js';
import { postGraphQL, sql, testStack, type GraphQLResponse } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

const stack = testStack();
const members = [...syntheticMembers(stack.seed)].slice(200, 230);
/**
 * Audit connections opened since `since` (database time): this gateway's, not the stack's own pool, whose idle connections come and go.
 * Behind PgBouncer the gateway's connections are PgBouncer's clients (its server connections stay open for the next client): counted there, to the second it reports.
 */
const auditConnections = async (since: Date) =>
  stack.pgbouncer
    ? (await sql<{ user: string; connect_time: string }>(stack.pgbouncer.adminUrl, 'SHOW CLIENTS')).filter(
        (c) => c.user === 'mg_audit' && Date.parse(c.connect_time) >= Math.floor(since.getTime() / 1000) * 1000,
      ).length
    : ((await sql(stack.adminUrl, "select count(*)::int as n from pg_stat_activity where usename = 'mg_audit' and backend_start >= $1", [since]))[0].n as number);
const QUERY = 'query Histories($id: ID!) { member(id: $id) { lastName medicoLegalHistory(years: 50) { kind openedOn } learningRecord { completedOn credits } } }';

describe('graceful shutdown on SIGTERM', () => {
  it('finishes every request it began, refuses new ones, closes its database connections and exits 0', async () => {
    const [{ now: spawnedAt }] = await sql(stack.adminUrl, 'select now() as now');
    const port = await freePort();
    const logFile = join(stack.serviceLogFile, '..', `gateway-${port}.log`);
    const gateway = await spawnGateway(port, logFile);
    // A failed expectation must not leave the gateway running (jest would wait on it for ever).
    try {
      const url = `http://127.0.0.1:${port}/graphql`;
      const headers = await asCaller('RISK_MANAGEMENT', { sub: 'shutdown-test' });
      await postGraphQL(url, QUERY, { id: members[0].id }, headers);
      expect(await auditConnections(spawnedAt)).toBeGreaterThan(0);

      // Thirty requests; SIGTERM once the gateway has begun (decided and audited) some of them.
      const run = `shutdown-${Date.now()}`;
      const inFlight = members.map(async (m, i) => {
        const answer: GraphQLResponse<{ member: { lastName: string } }> = await postGraphQL<{ member: { lastName: string } }>(
          url,
          QUERY,
          { id: m.id },
          { ...headers, 'x-request-id': `${run}-${i}` },
        ).catch(() => ({ status: 0, body: {} }));
        return { ...answer, at: Date.now() };
      });
      for (let i = 0; i < 400; i += 1) {
        if ((await sql(stack.adminUrl, 'select count(*)::int as n from audit.audit_record where request_id like $1', [`${run}-%`]))[0].n >= 5) break;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      gateway.child.kill('SIGTERM');
      const terminatedAt = Date.now();
      const answers = await Promise.all(inFlight);
      expect(await gateway.exited).toBe(0);

      // Every request the gateway began, it finished before it stopped; the answers that reached us are whole.
      const begun = (await sql(stack.adminUrl, 'select request_id from audit.audit_record where request_id like $1', [`${run}-%`])).map((r) => r.request_id as string);
      const lines = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((l) => l.includes('{'))
        .map((l) => JSON.parse(l.slice(l.indexOf('{'))) as { msg?: string; outcome?: string; requestId?: string });
      const stoppedAt = lines.findIndex((l) => l.msg === 'stopped');
      const finished = new Set(
        lines
          .slice(0, stoppedAt)
          .filter((l) => l.msg === 'operation' && l.outcome === 'ok')
          .map((l) => l.requestId),
      );
      expect(begun.length).toBeGreaterThanOrEqual(5);
      expect(begun.filter((id) => !finished.has(id))).toEqual([]);
      for (const [i, answer] of answers.entries()) {
        if (answer.status === 0) continue; // refused: the gateway was no longer taking requests
        expect([i, answer.status]).toEqual([i, 200]);
        expect(answer.body.data!.member.lastName).toBe(members[i].lastName);
      }
      expect(answers.filter((a) => a.status === 200 && a.at > terminatedAt).length).toBeGreaterThan(0);
      await expect(fetch(url, { method: 'POST' })).rejects.toThrow();
      // pg_stat_activity lags a moment behind closed sockets.
      for (let i = 0; i < 20 && (await auditConnections(spawnedAt)) > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await auditConnections(spawnedAt)).toBe(0);
    } finally {
      if (gateway.child.exitCode === null && gateway.child.signalCode === null) gateway.child.kill('SIGKILL');
    }
  }, 60_000);
});
