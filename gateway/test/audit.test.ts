import { randomUUID } from 'node:crypto';
import { syntheticMember } from '@mutual-graph/synthetic';
import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { postGraphQL, sql, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

const stack = testStack();
const self = syntheticMember(3, stack.seed);
const recordOf = async (requestId: string) => (await sql(stack.adminUrl, 'select * from audit.audit_record where request_id = $1', [requestId]))[0];

describe('the audit trail', () => {
  it('records an allowed operation before it runs: who, roles, purpose, operation name and hash, categories', async () => {
    const requestId = randomUUID();
    const query = 'query OneMember($id: ID!) { member(id: $id) { firstName learningRecord { completedOn } } }';
    const response = await postGraphQL(stack.gatewayUrl, query, { id: self.id }, { ...(await asCaller('EDUCATION', { sub: 'alice', roles: ['educator'] })), 'x-request-id': requestId });
    expect(response.body.errors).toBeUndefined();
    const record = await recordOf(requestId);
    expect(record).toMatchObject({
      subject: 'alice',
      roles: ['educator'],
      purpose: 'EDUCATION',
      operation_name: 'OneMember',
      decision: 'ALLOWED',
      code: null,
      rule: null,
      categories: ['LEARNING', 'PROFILE'],
    });
    expect(record.operation_hash).toMatch(/^[0-9a-f]{64}$/);
    // The member the operation named, for the privacy office's "who read this member"; never other variables or results.
    const { member_ids: memberIds, ...rest } = record;
    expect(memberIds).toEqual([self.id]);
    expect(JSON.stringify(rest)).not.toContain(self.id);
  });

  it('records a refused operation with its rule and fields', async () => {
    const requestId = randomUUID();
    await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { medicoLegalHistory { kind } } }', { id: self.id }, { ...(await asCaller('EDUCATION')), 'x-request-id': requestId });
    expect(await recordOf(requestId)).toMatchObject({
      decision: 'REFUSED',
      code: 'FORBIDDEN',
      rule: 'PURPOSE_SCOPE',
      fields: ['MedicoLegalMatter.kind', 'Member.medicoLegalHistory', 'Member.medicoLegalHistory(years:)'],
    });
  });

  it('records a request refused before parsing: no token, or a purpose the token may not declare', async () => {
    const anonymous = randomUUID();
    await postGraphQL(stack.gatewayUrl, '{ me { firstName } }', {}, { 'x-purpose-of-use': 'MEMBERSHIP', 'x-request-id': anonymous });
    expect(await recordOf(anonymous)).toMatchObject({ decision: 'REFUSED', code: 'UNAUTHENTICATED', subject: null });
    const wrongPurpose = randomUUID();
    await postGraphQL(stack.gatewayUrl, '{ me { firstName } }', {}, { ...(await asCaller('EDUCATION', { sub: 'bob' })), 'x-purpose-of-use': 'MEMBERSHIP', 'x-request-id': wrongPurpose });
    expect(await recordOf(wrongPurpose)).toMatchObject({ decision: 'REFUSED', code: 'FORBIDDEN', rule: 'PURPOSE_REQUIRED', subject: 'bob' });
  });

  describe('when the audit record cannot be written', () => {
    let graph: InProcessGraph;
    beforeAll(async () => {
      const unreachable = new URL(stack.ownerUrls.audit);
      unreachable.password = 'not-the-password';
      graph = await startInProcessGraph({ auditDatabaseUrl: unreachable.toString() });
    });
    afterAll(() => graph.stop());

    it('answers a query with no data (fail closed): the plan may have run beside the write, but nothing of it leaves', async () => {
      graph.reset();
      const response = await postGraphQL(graph.gateway.graphqlUrl, 'query ($id: ID!) { member(id: $id) { firstName } }', { id: self.id }, await asCaller('MEMBERSHIP'));
      expect(response.status).toBe(503);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors![0].extensions!.code).toBe('AUDIT_UNAVAILABLE');
      expect(JSON.stringify(response.body)).not.toContain(self.firstName);
    });

    it('runs no mutation: a write waits for its record, so it reaches no subgraph', async () => {
      graph.reset();
      const response = await postGraphQL(
        graph.gateway.graphqlUrl,
        'mutation ($c: ContactInput!) { updateMyContact(contact: $c) { contact { email } } }',
        { c: { email: 'audit-down@example.org', phone: '+1 613 555 0100', city: 'Ottawa', province: 'ON' } },
        await asCaller('MEMBER_SELF_SERVICE', { memberId: self.id }),
      );
      expect(response.status).toBe(503);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors![0].extensions!.code).toBe('AUDIT_UNAVAILABLE');
      expect(graph.requests).toEqual({ member: 0, case: 0, education: 0, privacy: 0 });
    });

    it('answers a refusal only once it is on record: with the audit down, AUDIT_UNAVAILABLE, and no subgraph reached', async () => {
      graph.reset();
      const response = await postGraphQL(graph.gateway.graphqlUrl, '{ members(first: 1) { edges { node { medicoLegalHistory { kind } } } } }', {}, await asCaller('MEMBERSHIP'));
      expect(response.body.errors![0].extensions!.code).toBe('AUDIT_UNAVAILABLE');
      expect(graph.requests).toEqual({ member: 0, case: 0, education: 0, privacy: 0 });
    });
  });
});
