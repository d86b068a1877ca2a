import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { formatMinc } from '@mutual-graph/domain-codes';
import { syntheticEdi, syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, testStack } from './support/stack.js';
import { asCaller } from './support/tokens.js';

const stack = testStack();
const members = [...syntheticMembers(stack.seed)];
const sample = members.slice(0, 40);

/**
 * Operations that read, write, fail and are refused, with personal information in their variables
 * and answers. This suite runs last (test/sequencer.js), so the log it reads holds every other
 * suite's operations too.
 */
async function exerciseTheGraph(): Promise<void> {
  const ids = sample.map((m) => m.id);
  const medicoLegal = await asCaller('MEDICO_LEGAL_ASSISTANCE', { sub: 'log-test' });
  for (const id of ids.slice(0, 10)) {
    await postGraphQL(
      stack.gatewayUrl,
      'query Read($id: ID!) { member(id: $id) { firstName lastName minc dateOfBirth contact { email phone city } medicoLegalHistory { kind } } }',
      { id },
      medicoLegal,
    );
  }
  await postGraphQL(stack.gatewayUrl, 'query Learning($id: ID!) { member(id: $id) { lastName learningRecord { completedOn } } }', { id: ids[2] }, await asCaller('EDUCATION'));
  await postGraphQL(stack.gatewayUrl, 'query Consents($id: ID!) { member(id: $id) { lastName consents { purpose status } } }', { id: ids[2] }, await asCaller('PRIVACY_OFFICE'));
  await postGraphQL(stack.gatewayUrl, 'query Page { members(first: 50) { edges { node { firstName lastName contact { email } } } } }', {}, await asCaller('MEMBERSHIP'));
  // Refused by the policy.
  await postGraphQL(stack.gatewayUrl, 'query Snoop($id: ID!) { member(id: $id) { edi { genderIdentity } } }', { id: ids[0] }, medicoLegal);
  // Invalid input carrying a real member's MINC and e-mail: a duplicate the database turns down.
  const m = sample[1];
  await postGraphQL(
    stack.gatewayUrl,
    'mutation Apply($a: MembershipApplicationInput!) { applyForMembership(application: $a) { id } }',
    {
      a: {
        profile: { firstName: m.firstName, lastName: m.lastName, dateOfBirth: m.dateOfBirth },
        contact: { email: m.email, phone: '+1-555-010-0199', city: m.city, province: m.province },
        minc: m.minc ?? formatMinc('1234567'),
        collegeRegistrations: [{ college: m.province, registrationNumber: `DUP-${m.id.slice(0, 6)}` }],
        typeOfWork: 'IM',
      },
    },
    await asCaller('MEMBERSHIP'),
  );
  await postGraphQL(
    stack.gatewayUrl,
    'mutation Bad($c: ContactInput!) { updateMyContact(contact: $c) { id } }',
    { c: { email: `not-an-email ${m.email}`, phone: 'x', city: m.city, province: m.province } },
    await asCaller('MEMBER_SELF_SERVICE', { memberId: m.id }),
  );
  // EDI answers given and read back by their owner.
  const ediOwner = sample.find((s) => syntheticEdi(s, stack.seed))!;
  await postGraphQL(stack.gatewayUrl, '{ me { edi { genderIdentity disability } } }', {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: ediOwner.id }));
}

describe('observability without personal information', () => {
  beforeAll(async () => {
    await exerciseTheGraph();
    await new Promise((resolve) => setTimeout(resolve, 500)); // the services' output reaches the file
  });

  it('logs every operation as structured JSON with its request id, purpose and outcome', () => {
    const lines = readFileSync(stack.serviceLogFile, 'utf8').split('\n').filter(Boolean);
    const entries = lines
      // Prefixed by the stack (`gateway   | {…}`), or as a restarted gateway writes them itself.
      .map((line) => (line.startsWith('{') ? line : line.slice(line.indexOf('| ') + 2)))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const read = entries.find((e) => e.service === 'gateway' && e.operation === 'Read');
    expect(read).toMatchObject({ level: 30, purpose: 'MEDICO_LEGAL_ASSISTANCE', outcome: 'ok', requestId: expect.any(String), ms: expect.any(Number) });
    const atSubgraph = entries.find((e) => e.service === 'case' && e.requestId === read?.requestId);
    expect(atSubgraph).toMatchObject({ purpose: 'MEDICO_LEGAL_ASSISTANCE', outcome: 'ok' });
    expect(entries.find((e) => e.service === 'gateway' && e.operation === 'Snoop')).toMatchObject({ outcome: 'refused', codes: ['FORBIDDEN'] });
  });

  it("writes no seeded member's name, MINC, e-mail, telephone or EDI answer in any log line", () => {
    const log = readFileSync(stack.serviceLogFile, 'utf8');
    expect(log.length).toBeGreaterThan(1000);
    const leaks: string[] = [];
    for (const m of members) {
      const ediAnswers = Object.entries(syntheticEdi(m, stack.seed) ?? {})
        .filter(([k, v]) => k !== 'memberId' && k !== 'answeredOn' && typeof v === 'string' && v.length > 3)
        .map(([, v]) => `"${v}"`);
      for (const term of [`${m.firstName} ${m.lastName}`, m.lastName.length > 6 ? m.lastName : null, m.email, m.phone, m.minc, m.dateOfBirth, ...ediAnswers]) {
        if (term && log.includes(term)) leaks.push(`${term} (member ${m.index})`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('serves Prometheus metrics on every service: operations, latency, refusals by rule and purpose, pools', async () => {
    const gateway = await (await fetch(new URL('/metrics', stack.gatewayUrl))).text();
    expect(gateway).toMatch(/graphql_requests_total\{operation="Read",outcome="ok",service="gateway"\} \d+/);
    expect(gateway).toMatch(/graphql_request_duration_seconds_bucket\{le="0\.1",service="gateway",operation="Read"\} \d+/);
    expect(gateway).toMatch(
      /graphql_refusals_total\{rule="EDI_ISOLATION",purpose="MEDICO_LEGAL_ASSISTANCE",service="gateway"\} \d+|graphql_refusals_total\{rule="PURPOSE_SCOPE",purpose="MEDICO_LEGAL_ASSISTANCE",service="gateway"\} \d+/,
    );
    for (const [name, url] of Object.entries(stack.subgraphUrls)) {
      const text = await (await fetch(new URL('/metrics', url))).text();
      expect([name, /graphql_requests_total\{/.test(text), /db_pool_connections\{pool="main",service="/.test(text)]).toEqual([name, true, true]);
    }
    expect(gateway).not.toContain(sample[0].lastName);
  });
});
