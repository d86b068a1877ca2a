import { randomUUID } from 'node:crypto';
import { syntheticMember } from '@mutual-graph/synthetic';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';

type Audit = { accessAudit: { operationName: string }[] };
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const watched = syntheticMember(597, stack.seed);
const office = () => asCaller('PRIVACY_OFFICE', { sub: 'privacy-officer' });
const AUDIT = `query ($filter: AccessAuditFilter) { accessAudit(filter: $filter, first: 50) {
  occurredAt principal roles purpose operationName categories decision refusal memberIds requestId } }`;

describe('the privacy office reads the access audit', () => {
  const started = new Date(Date.now() - 1000).toISOString();
  const reader = `auditor-test-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    // Three operations on the watched member by one principal: two allowed, one refused.
    const education = await asCaller('EDUCATION', { sub: reader, roles: ['educator'] });
    await postGraphQL(stack.gatewayUrl, 'query Learning($id: ID!) { member(id: $id) { learningRecord { completedOn } } }', { id: watched.id }, education);
    await postGraphQL(stack.gatewayUrl, 'query Name($id: ID!) { member(id: $id) { lastName } }', { id: watched.id }, education);
    await postGraphQL(stack.gatewayUrl, 'query Snoop($id: ID!) { member(id: $id) { medicoLegalHistory { kind } } }', { id: watched.id }, education);
    await postGraphQL(stack.gatewayUrl, 'query Other($id: ID!) { member(id: $id) { lastName } }', { id: syntheticMember(598, stack.seed).id }, education);
  });

  it('finds every operation that named a member, allowed or refused, newest first', async () => {
    const { body } = await postGraphQL<Audit>(stack.gatewayUrl, AUDIT, { filter: { memberId: watched.id, principal: reader } }, await office());
    expect(body.errors).toBeUndefined();
    const entries = body.data!.accessAudit;
    expect(entries.map((e) => e.operationName)).toEqual(['Snoop', 'Name', 'Learning']);
    expect(entries[0]).toMatchObject({ principal: reader, roles: ['educator'], purpose: 'EDUCATION', decision: 'REFUSED', refusal: 'FORBIDDEN: PURPOSE_SCOPE', memberIds: [watched.id] });
    expect(entries[2]).toMatchObject({ decision: 'ALLOWED', categories: ['LEARNING'], refusal: null });
  });

  it('filters by principal, purpose, decision and period', async () => {
    const byPrincipal = await postGraphQL<Audit>(stack.gatewayUrl, AUDIT, { filter: { principal: reader, decision: 'ALLOWED', purpose: 'EDUCATION', from: started } }, await office());
    expect(byPrincipal.body.data!.accessAudit.map((e) => e.operationName)).toEqual(['Other', 'Name', 'Learning']);
    const before = await postGraphQL(stack.gatewayUrl, AUDIT, { filter: { principal: reader, to: started } }, await office());
    expect(before.body.data!.accessAudit).toEqual([]);
    const otherPurpose = await postGraphQL(stack.gatewayUrl, AUDIT, { filter: { principal: reader, purpose: 'MEMBERSHIP' } }, await office());
    expect(otherPurpose.body.data!.accessAudit).toEqual([]);
  });

  it('refuses a filter that is not valid, naming it', async () => {
    const purpose = await postGraphQL(stack.gatewayUrl, AUDIT, { filter: { purpose: 'GOSSIP' } }, await office());
    expect(purpose.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.purpose' });
    const period = await postGraphQL(stack.gatewayUrl, AUDIT, { filter: { from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' } }, await office());
    expect(period.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter.to' });
  });

  it("is the privacy office's alone", async () => {
    const { body } = await postGraphQL(stack.gatewayUrl, AUDIT, {}, await asCaller('MEMBERSHIP'));
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("can be read by the privacy subgraph's role, never changed by it", async () => {
    await expect(sql(stack.ownerUrls.privacy, 'select count(*) from audit.audit_record')).resolves.toHaveLength(1);
    await expect(sql(stack.ownerUrls.privacy, 'delete from audit.audit_record')).rejects.toThrow(/permission denied/);
    await expect(sql(stack.ownerUrls.privacy, "update audit.audit_record set decision = 'ALLOWED'")).rejects.toThrow(/permission denied/);
  });
});
