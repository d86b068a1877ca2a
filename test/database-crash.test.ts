import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '@mutual-graph/stack';
import { PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { startStack, stopServices, type RunningStack } from '@mutual-graph/stack';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { freePort } from './support/processes.js';
import { postGraphQL, sql } from './support/stack.js';
import { tokenFor } from './support/tokens.js';
import { until } from './support/until.js';

// PostgreSQL killed hard (SIGKILL, server and backends, as a power cut would) and started again
// under a steady stream of writes, on a stack of its own: the services reconnect on their own,
// /ready says so meanwhile, and every write that got a success answer is there afterwards.
const SEED = { seed: 77, members: 40, asOf: '2026-10-31' };
const members = [...syntheticMembers(SEED)];
const CONFIRM = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8').trim();

let stack: RunningStack;
let dataDir: string;
let postgresPort: number;
let restarted: RunningPostgres | undefined;

async function ready(url: string): Promise<number> {
  return (await fetch(new URL('/ready', url), { signal: AbortSignal.timeout(3000) }).catch(() => ({ status: 0 }))).status;
}

/** SIGKILL to the postmaster and every backend: nothing gets to shut down cleanly. */
function killPostgres(): void {
  const postmaster = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')
    .split('\n')[0]
    .trim();
  const children = execFileSync('pgrep', ['-P', postmaster], { encoding: 'utf8' }).split('\n').filter(Boolean);
  execFileSync('kill', ['-9', postmaster, ...children]);
}

describe('PostgreSQL stopped hard and started again under load', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mutual-graph-crash-'));
    await chmod(dataDir, 0o755);
    postgresPort = await freePort();
    const subgraphPorts: Record<string, number> = {};
    for (const name of ['member', 'case', 'education', 'privacy']) subgraphPorts[name] = await freePort();
    stack = await startStack({ dataDir, gatewayPort: await freePort(), subgraphPorts, effectsPort: await freePort(), postgresPort, seed: SEED, quiet: true });
  }, 180_000);

  afterAll(async () => {
    await stopServices([...(stack?.services ?? [])].reverse());
    await restarted?.stop();
  }, 60_000);

  it('loses no acknowledged privacy request, consent change, disclosure or audit record', async () => {
    const issuer = stack.secrets.issuerKey.privateJwk;
    const partnerUrl = new URL('/partner/graphql', stack.gatewayUrl).toString();
    // Changes sent, acknowledged or not: one the crash cut off after its commit is recorded but never acknowledged.
    const attemptedConsentChanges = new Map<string, number>();
    const acknowledged = { requests: [] as string[], consentChanges: new Map<string, number>(), lastDecision: new Map<string, string>(), confirmations: 0, requestIds: [] as string[] };
    const failures: string[] = [];
    let writing = true;
    let n = 0;

    const writer = async (member: (typeof members)[number]) => {
      const self = {
        authorization: `Bearer ${await tokenFor({ sub: `member-${member.index}`, purposes: ['MEMBER_SELF_SERVICE'], memberId: member.id }, issuer)}`,
        'x-purpose-of-use': 'MEMBER_SELF_SERVICE',
      };
      const partner = { authorization: `Bearer ${await tokenFor({ sub: 'hospital-9', roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'], partnerId: 'hospital-9' }, issuer)}` };
      for (let i = 0; writing; i += 1) {
        const requestId = `crash-${member.index}-${i}`;
        const kind = i % 3;
        try {
          if (kind === 0) {
            const { body } = await postGraphQL<{ submitPrivacyRequest: { id: string } | null }>(
              stack.gatewayUrl,
              'mutation { submitPrivacyRequest(kind: ACCESS, details: "A copy, please.") { id } }',
              {},
              { ...self, 'x-request-id': requestId },
            );
            if (body.data?.submitPrivacyRequest) {
              acknowledged.requests.push(body.data.submitPrivacyRequest.id);
              acknowledged.requestIds.push(requestId);
            } else failures.push(String(body.errors?.[0]?.extensions?.code));
          } else if (kind === 1) {
            const grant = i % 2 === 0;
            attemptedConsentChanges.set(member.id, (attemptedConsentChanges.get(member.id) ?? 0) + 1);
            const { body } = await postGraphQL(
              stack.gatewayUrl,
              `mutation { ${grant ? 'grantMyConsent' : 'withdrawMyConsent'}(purpose: SURVEYS) { status } }`,
              {},
              { ...self, 'x-request-id': requestId },
            );
            if (body.data) {
              acknowledged.consentChanges.set(member.id, (acknowledged.consentChanges.get(member.id) ?? 0) + 1);
              acknowledged.lastDecision.set(member.id, grant ? 'GRANTED' : 'WITHDRAWN');
              acknowledged.requestIds.push(requestId);
            } else failures.push(String(body.errors?.[0]?.extensions?.code));
          } else if (member.minc) {
            const { body } = await postGraphQL(partnerUrl, CONFIRM, { minc: member.minc }, { ...partner, 'x-request-id': requestId });
            if (body.data?.membershipConfirmation?.isMember !== undefined) {
              acknowledged.confirmations += 1;
              acknowledged.requestIds.push(requestId);
            } else failures.push(String(body.errors?.[0]?.extensions?.code));
          }
        } catch (error) {
          failures.push((error as Error).message);
        }
        n += 1;
      }
    };
    // Writers alternate grant and withdraw on SURVEYS: start each from a known state.
    const writers = members.filter((m) => m.minc).slice(0, 4);
    const load = Promise.all(writers.map(writer));

    await new Promise((resolve) => setTimeout(resolve, 1500));
    const before = n;
    killPostgres();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await ready(stack.gatewayUrl)).toBe(503);
    expect(await ready(stack.subgraphUrls.privacy)).toBe(503);

    restarted = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: postgresPort, password: stack.secrets.postgresPassword });
    await until(
      'the gateway and the privacy subgraph reconnected',
      async () => [await ready(stack.gatewayUrl), await ready(stack.subgraphUrls.privacy)],
      (statuses) => statuses.every((status) => status === 200),
      30_000,
    );
    const reconnected = n;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    writing = false;
    await load;

    expect(before).toBeGreaterThan(10);
    expect(n - reconnected).toBeGreaterThan(10); // writes succeeded again after the restart, no service restarted
    expect(failures.length).toBeGreaterThan(0); // the outage was real
    const admin = stack.adminUrl;
    const requests = await sql(admin, 'select id from privacy.privacy_request where id = any($1)', [acknowledged.requests]);
    expect(requests.length).toBe(acknowledged.requests.length);
    for (const memberId of acknowledged.consentChanges.keys()) {
      // The consent stands as the last acknowledged decision left it, and its history holds the decisions.
      const [consent] = await sql(admin, "select status from privacy.consent where member_id = $1 and purpose = 'SURVEYS'", [memberId]);
      expect(consent.status).toBe(acknowledged.lastDecision.get(memberId));
      const [row] = await sql(admin, "select count(*)::int as n from privacy.consent_event where member_id = $1 and purpose = 'SURVEYS' and recorded_at > now() - interval '10 minutes'", [memberId]);
      expect(row.n).toBeGreaterThan(0);
      // No phantom decisions: no more events than changes sent (a change whose answer the crash cut off may stand).
      expect(row.n).toBeLessThanOrEqual(attemptedConsentChanges.get(memberId) ?? 0);
    }
    const [disclosed] = await sql(admin, "select count(*)::int as n from audit.partner_disclosure where recipient = 'hospital-9'");
    expect(disclosed.n).toBeGreaterThanOrEqual(acknowledged.confirmations);
    const audited = await sql(admin, 'select distinct request_id from audit.audit_record where request_id = any($1)', [acknowledged.requestIds]);
    expect(audited.length).toBe(acknowledged.requestIds.length);
  }, 180_000);
});
