import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operationHash, PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { formatMinc } from '@mutual-graph/domain-codes';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { startInProcessGraph, type InProcessGraph } from '../../test/support/in-process-graph.js';
import { sql, testStack, type GraphQLBody } from '../../test/support/stack.js';
import { tokenFor } from '../../test/support/tokens.js';

const CONFIRM = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8').trim();

describe('a confirmation whose disclosure cannot be recorded', () => {
  const stack = testStack();
  const role = `audit_no_disclosures_${randomUUID().slice(0, 8)}`;
  let graph: InProcessGraph;
  beforeAll(async () => {
    // A role that may write audit records but not disclosures: the confirmation's one write fails, for real.
    await sql(stack.adminUrl, `create role ${role} login password '${role}'`);
    // Straight to PostgreSQL: PgBouncer, when the stack runs one, knows only the roles in its auth file (its refusal would fail the write for another reason).
    const url = new URL(stack.directOwnerUrls.audit);
    await sql(stack.adminUrl, `grant connect on database "${url.pathname.slice(1)}" to ${role}`);
    await sql(stack.adminUrl, `grant usage on schema audit to ${role}`);
    await sql(stack.adminUrl, `grant select, insert on audit.audit_record, audit.audit_member_read to ${role}`);
    url.username = role;
    url.password = role;
    graph = await startInProcessGraph({ auditDatabaseUrl: url.toString() });
  });
  afterAll(async () => {
    await graph.stop();
    await sql(stack.adminUrl, `drop owned by ${role}`);
    await sql(stack.adminUrl, `drop role ${role}`);
  });

  it('is not answered: the partner learns nothing that is not on record', async () => {
    const member = [...syntheticMembers(stack.seed)].find((m) => m.status === 'ACTIVE')!;
    const requestId = randomUUID();
    const response = await fetch(new URL('/partner/graphql', graph.gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, authorization: `Bearer ${await tokenFor({ purposes: ['PARTNER_CONFIRMATION'], partnerId: 'hospital-9' })}` },
      body: JSON.stringify({ variables: { minc: member.minc }, extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(CONFIRM) } } }),
    });
    expect(response.status).toBe(503);
    const body = (await response.json()) as GraphQLBody;
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0].extensions?.code).toBe('DISCLOSURE_NOT_RECORDED');
    expect(JSON.stringify(body)).not.toContain('isMember');
    // All or nothing: the confirmation's record went down with its disclosure.
    expect(await sql(stack.adminUrl, `select 1 from audit.audit_record where request_id = $1`, [requestId])).toEqual([]);
  });

  it("is not answered either when the number is no member's: an outage tells nothing about who is a member", async () => {
    const response = await fetch(new URL('/partner/graphql', graph.gateway.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor({ purposes: ['PARTNER_CONFIRMATION'], partnerId: 'hospital-9' })}` },
      body: JSON.stringify({ variables: { minc: formatMinc('9999996') }, extensions: { persistedQuery: { version: 1, sha256Hash: operationHash(CONFIRM) } } }),
    });
    expect(response.status).toBe(503);
    expect(((await response.json()) as GraphQLBody).errors?.[0].extensions?.code).toBe('DISCLOSURE_NOT_RECORDED');
  });
});
