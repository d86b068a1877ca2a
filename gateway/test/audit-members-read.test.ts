import { randomUUID } from 'node:crypto';
import { syntheticMember } from '@mutual-graph/synthetic';
import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { postGraphQL, sql, testStack, type GraphQLResponse } from '../../test/support/stack.js';

/** A page of members, as far as these tests read it. */
type MemberIds = { members: { edges: { node: { id: string } }[] } };
import { asCaller, postAsGateway } from '../../test/support/tokens.js';

const stack = testStack();
const office = () => asCaller('PRIVACY_OFFICE', { sub: 'privacy-officer' });
const AUDIT = 'query ($filter: AccessAuditFilter) { accessAudit(filter: $filter, first: 20) { requestId operationName memberIds } }';

/** The request ids of the operations the access audit lists for a member, by a principal. */
async function auditedRequests(memberId: string, principal: string): Promise<string[]> {
  const { body } = await postGraphQL<{ accessAudit: { requestId: string }[] }>(stack.gatewayUrl, AUDIT, { filter: { memberId, principal } }, await office());
  expect(body.errors).toBeUndefined();
  return body.data!.accessAudit.map((e) => e.requestId);
}

describe('the access audit names every member an operation read', () => {
  const reader = `reader-${randomUUID().slice(0, 8)}`;

  describe('a list of 50 members', () => {
    const requestId = randomUUID();
    let ids: string[];
    let response: GraphQLResponse<MemberIds>;

    beforeAll(async () => {
      response = await postGraphQL<MemberIds>(
        stack.gatewayUrl,
        'query FiftyNames { members(first: 50) { edges { node { id firstName } } } }',
        {},
        {
          ...(await asCaller('MEMBERSHIP', { sub: reader })),
          'x-request-id': requestId,
        },
      );
      ids = response.body.data!.members.edges.map((e) => e.node.id);
    });

    it('is answered with the 50 members', () => {
      expect(response.body.errors).toBeUndefined();
      expect(ids).toHaveLength(50);
    });

    it('is found under each of the 50 members', async () => {
      for (const id of ids) expect(await auditedRequests(id, reader)).toContain(requestId);
    });

    it('is not found under a member it did not read', async () => {
      const unread = [...Array(stack.seed.members).keys()].map((i) => syntheticMember(i, stack.seed).id).find((id) => !ids.includes(id))!;
      expect(await auditedRequests(unread, reader)).not.toContain(requestId);
    });

    it('tells the client nothing of which members were read', () => {
      expect(JSON.stringify(response.body)).not.toMatch(/membersRead/i);
      expect((response.body as { extensions?: unknown }).extensions).toBeUndefined();
    });
  });

  it("counts the members a subgraph resolved through _entities (the case subgraph's medico-legal history on a list)", async () => {
    const requestId = randomUUID();
    const { body } = await postGraphQL<MemberIds>(
      stack.gatewayUrl,
      'query Histories { members(first: 5) { edges { node { id medicoLegalHistory { kind } } } } }',
      {},
      {
        ...(await asCaller('RISK_MANAGEMENT', { sub: reader })),
        'x-request-id': requestId,
      },
    );
    expect(body.errors).toBeUndefined();
    const ids = body.data!.members.edges.map((e) => e.node.id);
    expect(ids).toHaveLength(5);
    for (const id of ids) expect(await auditedRequests(id, reader)).toContain(requestId);
  });

  it('is told by a subgraph, in its response to the gateway, which members it resolved through _entities', async () => {
    const ids = [44, 45, 46].map((i) => syntheticMember(i, stack.seed).id);
    const response = await postAsGateway(
      'case',
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { medicoLegalHistory { kind } } } }',
      { r: ids.map((id) => ({ __typename: 'Member', id })) },
      'RISK_MANAGEMENT',
    );
    const body = response.body as { errors?: unknown; extensions?: { membersRead?: string[] } };
    expect(body.errors).toBeUndefined();
    expect([...(body.extensions?.membersRead ?? [])].sort()).toEqual([...ids].sort());
  });

  it("is told of no member whose fields the subgraph's shield refused", async () => {
    const response = await postAsGateway(
      'case',
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { medicoLegalHistory { kind } } } }',
      { r: [{ __typename: 'Member', id: syntheticMember(47, stack.seed).id }] },
      'EDUCATION',
    );
    const body = response.body as { errors?: { extensions?: { code?: string } }[]; extensions?: { membersRead?: string[] } };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.extensions?.membersRead).toBeUndefined();
  });

  it("names a member given as a variable's default value", async () => {
    const member = syntheticMember(41, stack.seed);
    const requestId = randomUUID();
    const { body } = await postGraphQL(stack.gatewayUrl, `query ByDefault($id: ID! = "${member.id}") { member(id: $id) { id } }`, undefined, {
      ...(await asCaller('MEMBERSHIP', { sub: reader })),
      'x-request-id': requestId,
    });
    expect(body.errors).toBeUndefined();
    expect(body.data!.member).toEqual({ id: member.id });
    const [record] = await sql(stack.adminUrl, 'select member_ids from audit.audit_record where request_id = $1', [requestId]);
    expect(record.member_ids).toEqual([member.id]);
    expect(await auditedRequests(member.id, reader)).toContain(requestId);
  });

  it('names a member whose id is inside an input object, even when the operation is refused', async () => {
    const member = syntheticMember(42, stack.seed);
    const requestId = randomUUID();
    const plan = `mutation Plan { createEducationPlan(plan: { memberId: "${member.id}", enrolmentId: "${randomUUID()}", items: [] }) { id } }`;
    const { body } = await postGraphQL(stack.gatewayUrl, plan, undefined, { ...(await asCaller('MEMBERSHIP', { sub: reader })), 'x-request-id': requestId });
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const [record] = await sql(stack.adminUrl, 'select member_ids, decision from audit.audit_record where request_id = $1', [requestId]);
    expect(record).toEqual({ member_ids: [member.id], decision: 'REFUSED' });
    expect(await auditedRequests(member.id, reader)).toContain(requestId);
  });

  describe('when the members read cannot be recorded', () => {
    let graph: InProcessGraph;
    const role = `audit_no_reads_${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      // A role that may write the decision but not the members read: the second write fails, for real.
      await sql(stack.adminUrl, `create role ${role} login password '${role}'`);
      // Straight to PostgreSQL: PgBouncer, when the stack runs one, knows only the roles in its auth file.
      const url = new URL(stack.directOwnerUrls.audit);
      await sql(stack.adminUrl, `grant connect on database "${url.pathname.slice(1)}" to ${role}`);
      await sql(stack.adminUrl, `grant usage on schema audit to ${role}`);
      await sql(stack.adminUrl, `grant select, insert on audit.audit_record to ${role}`);
      url.username = role;
      url.password = role;
      graph = await startInProcessGraph({ auditDatabaseUrl: url.toString() });
    });
    afterAll(async () => {
      await graph.stop();
      await sql(stack.adminUrl, `drop owned by ${role}`);
      await sql(stack.adminUrl, `drop role ${role}`);
    });

    it('refuses the answer (fail closed): AUDIT_UNAVAILABLE and no data', async () => {
      const response = await postGraphQL(graph.gateway.graphqlUrl, 'query ($id: ID!) { member(id: $id) { firstName } }', { id: syntheticMember(43, stack.seed).id }, await asCaller('MEMBERSHIP'));
      expect(response.status).toBe(503);
      expect(response.body.data ?? null).toBeNull();
      expect(response.body.errors).toHaveLength(1);
      expect(response.body.errors![0].extensions!.code).toBe('AUDIT_UNAVAILABLE');
    });

    it("answers an operation that read no member's personal fields", async () => {
      const response = await postGraphQL(graph.gateway.graphqlUrl, '{ supportServices { name } }', {}, await asCaller('MEMBERSHIP'));
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data!.supportServices.length).toBeGreaterThan(0);
    });
  });
});
