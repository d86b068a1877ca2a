import { sha256, signHop } from '@mutual-graph/hop';
import { FEE_REIMBURSEMENT_CONSENT_CALL, PRIVACY_POLICY_VERSIONS, PURPOSE_NAMES, privacyPolicyOn, type Purpose } from '@mutual-graph/policy';
import { today } from '@mutual-graph/domain-codes';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, testStack } from '../../../test/support/stack.js';
import { asCaller, postAsGateway } from '../../../test/support/tokens.js';

const stack = testStack();
const members = [...syntheticMembers(stack.seed)];
const VERSIONS = '{ privacyPolicyVersions { version effectiveOn current changes newUses { purpose categories consent law } } }';

/** A caller entitled to declare each purpose: a member for their own record, staff for the rest. */
const callerFor = (purpose: Purpose) => (purpose === 'MEMBER_SELF_SERVICE' ? { memberId: members[0].id, roles: ['member'] } : { roles: ['staff'] });
/** Every purpose of the internal graph: partners declare theirs on the partner graph, which holds its confirmations alone. */
const INTERNAL_PURPOSES = PURPOSE_NAMES.filter((p) => p !== 'PARTNER_CONFIRMATION');

type Consents = { me: { consents: { purpose: string; policyVersion: string; history: { decision: string; policyVersion: string }[] }[] } };

describe('privacy policy versions, served by the privacy subgraph from the one list in packages/policy', () => {
  it.each(INTERNAL_PURPOSES)('are readable under %s, with the current version marked', async (purpose) => {
    const { body } = await postGraphQL<{ privacyPolicyVersions: { version: string; current: boolean; changes: string[] }[] }>(
      stack.gatewayUrl,
      VERSIONS,
      {},
      await asCaller(purpose, callerFor(purpose)),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.privacyPolicyVersions.map((v) => v.version)).toEqual(PRIVACY_POLICY_VERSIONS.map((v) => v.version));
    expect(body.data!.privacyPolicyVersions.filter((v) => v.current).map((v) => v.version)).toEqual([privacyPolicyOn(today()).version]);
  });

  it('say what each later version introduced and what it rests on for information already held', async () => {
    const { body } = await postGraphQL<{ privacyPolicyVersions: { version: string; newUses: unknown[] }[] }>(stack.gatewayUrl, VERSIONS, {}, await asCaller('MEMBERSHIP'));
    expect(body.data!.privacyPolicyVersions.find((v) => v.version === '2026.1')!.newUses).toEqual([
      { purpose: 'PARTNER_CONFIRMATION', categories: ['FINANCIAL'], consent: 'FEE_REIMBURSEMENT', law: null },
    ]);
  });
});

describe('a consent records the policy version in force when it was given', () => {
  const member = members[7];
  const self = () => asCaller('MEMBER_SELF_SERVICE', { memberId: member.id, roles: ['member'], sub: `member-${member.id}` });
  const mine = async () => {
    const { body } = await postGraphQL<Consents>(stack.gatewayUrl, '{ me { consents { purpose policyVersion history { decision policyVersion } } } }', {}, await self());
    expect(body.errors).toBeUndefined();
    return body.data!.me.consents;
  };

  it('on the consent and on each decision in its history, given and withdrawn', async () => {
    const current = privacyPolicyOn(today()).version;
    await postGraphQL(stack.gatewayUrl, 'mutation { withdrawMyConsent(purpose: FEE_REIMBURSEMENT) { status } }', {}, await self());
    const granted = await postGraphQL<{ grantMyConsent: { status: string; policyVersion: string } }>(
      stack.gatewayUrl,
      'mutation { grantMyConsent(purpose: FEE_REIMBURSEMENT) { status policyVersion } }',
      {},
      await self(),
    );
    expect(granted.body.data!.grantMyConsent).toEqual({ status: 'GRANTED', policyVersion: current });
    const consent = (await mine()).find((c) => c.purpose === 'FEE_REIMBURSEMENT')!;
    expect(consent.policyVersion).toBe(current);
    expect(consent.history.at(-1)).toEqual({ decision: 'GRANTED', policyVersion: current });
    // Every decision already on record carries the version of its own day, seeded or migrated.
    for (const c of await mine()) for (const h of c.history) expect(PRIVACY_POLICY_VERSIONS.map((v) => v.version)).toContain(h.policyVersion);
  });

  it("is part of the consent's own record: another member's is not readable, nor under a purpose that may not read privacy records", async () => {
    const other = members[8];
    const { body } = await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { consents { policyVersion } } }', { id: other.id }, await self());
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const education = await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { consents { policyVersion } } }', { id: other.id }, await asCaller('EDUCATION'));
    expect(education.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe("a member's consent to fee reimbursement, read by the member subgraph's peer call alone under PARTNER_CONFIRMATION", () => {
  const principal = { sub: 'on-fee-reimbursement', roles: ['partner', 'fee-reimbursement-program'], purposes: ['PARTNER_CONFIRMATION' as const], partnerId: 'on-fee-reimbursement' };
  const representations = { r: [{ __typename: 'Member', id: members[3].id }] };

  it('answers the declared peer call, signed for it', async () => {
    const token = await signHop(
      stack.hopPrivateJwk,
      { principal, purpose: 'PARTNER_CONFIRMATION', requestId: 'test' },
      { audience: 'privacy', operation: sha256(FEE_REIMBURSEMENT_CONSENT_CALL.query) },
    );
    const { body } = await postGraphQL<{ _entities: { feeReimbursementPreferences: { consented: boolean } }[] }>(stack.subgraphUrls.privacy, FEE_REIMBURSEMENT_CONSENT_CALL.query, representations, {
      authorization: `Bearer ${token}`,
    });
    expect(body.errors).toBeUndefined();
    expect(typeof body.data!._entities[0].feeReimbursementPreferences.consented).toBe('boolean');
  });

  it('refuses the same read as a gateway fetch under PARTNER_CONFIRMATION: no member record by id past the partner graph', async () => {
    const { body } = await postAsGateway('privacy', FEE_REIMBURSEMENT_CONSENT_CALL.query, representations, 'PARTNER_CONFIRMATION', principal);
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses another read on the peer token: it serves the one declared query', async () => {
    const token = await signHop(
      stack.hopPrivateJwk,
      { principal, purpose: 'PARTNER_CONFIRMATION', requestId: 'test' },
      { audience: 'privacy', operation: sha256(FEE_REIMBURSEMENT_CONSENT_CALL.query) },
    );
    const other = 'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { consents { purpose status } } } }';
    const { status, body } = await postGraphQL(stack.subgraphUrls.privacy, other, representations, { authorization: `Bearer ${token}` });
    expect(body.data?._entities ?? null).toBeNull();
    expect(status === 401 || body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' || body.errors?.[0]?.extensions?.code === 'FORBIDDEN').toBe(true);
  });
});
