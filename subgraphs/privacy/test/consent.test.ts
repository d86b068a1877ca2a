import { syntheticMembers } from '@mutual-graph/synthetic';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack, type GraphQLResponse } from '../../../test/support/stack.js';
import { effectsSettled } from '../../../test/support/effects.js';
import { asCaller } from '../../../test/support/tokens.js';

type Audience = { communicationsAudience: { members: { id: string }[]; hasNextPage: boolean; endCursor: string | null; totalCount: number } };

const stack = testStack();
const members = [...syntheticMembers(stack.seed)];
const communications = () => asCaller('COMMUNICATIONS', { sub: 'communications-team' });
const office = () => asCaller('PRIVACY_OFFICE', { sub: 'privacy-officer' });

/** Every member id the communications audience lists, page by page. */
async function audience(): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (;;) {
    // Typed here: `after` feeds the query and is read from its answer.
    const { body }: GraphQLResponse<Audience> = await postGraphQL<Audience>(
      stack.gatewayUrl,
      'query ($after: String) { communicationsAudience(first: 500, after: $after) { members { id } hasNextPage endCursor totalCount } }',
      { after },
      await communications(),
    );
    expect(body.errors).toBeUndefined();
    const page: Audience['communicationsAudience'] = body.data!.communicationsAudience;
    ids.push(...page.members.map((m) => m.id));
    if (!page.hasNextPage) return ids;
    after = page.endCursor;
  }
}

async function grantedCommunications(): Promise<string[]> {
  const rows = await sql<{ member_id: string }>(stack.adminUrl, "select member_id from privacy.consent where purpose = 'COMMUNICATIONS' and recipient = '' and status = 'GRANTED' order by member_id");
  return rows.map((r) => r.member_id);
}

describe('consent decides whom the COMMUNICATIONS purpose reaches', () => {
  it('lists exactly the members whose communications consent is granted', async () => {
    const [listed, granted] = await Promise.all([audience(), grantedCommunications()]);
    expect(granted.length).toBeGreaterThan(200);
    expect(listed.sort()).toEqual(granted);
  });

  it('stops returning a member the moment they withdraw, and returns them once they consent again', async () => {
    const [id] = (await grantedCommunications()).filter((m) => members.slice(540, 580).some((s) => s.id === m));
    const asSelf = await asCaller('MEMBER_SELF_SERVICE', { memberId: id });
    const READ = 'query ($id: ID!) { member(id: $id) { firstName contact { email } communicationPreferences { consented } } }';
    const before = await postGraphQL(stack.gatewayUrl, READ, { id }, await communications());
    expect(before.body.data!.member).toMatchObject({ communicationPreferences: { consented: true } });

    const withdrawn = await postGraphQL(stack.gatewayUrl, 'mutation { withdrawMyConsent(purpose: COMMUNICATIONS) { status withdrawnAt } }', {}, asSelf);
    expect(withdrawn.body.data!.withdrawMyConsent.status).toBe('WITHDRAWN');
    const after = await postGraphQL(stack.gatewayUrl, READ, { id }, await communications());
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data!.member).toBeNull();
    expect(await audience()).not.toContain(id);
    // Other purposes are not consent-bound: membership services still read the member.
    const membership = await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { member(id: $id) { id } }', { id }, await asCaller('MEMBERSHIP'));
    expect(membership.body.data!.member).toEqual({ id });

    const regranted = await postGraphQL<{ grantMyConsent: { history: { decision: string }[] } }>(
      stack.gatewayUrl,
      'mutation { grantMyConsent(purpose: COMMUNICATIONS) { status history { decision method } } }',
      {},
      asSelf,
    );
    expect(regranted.body.data!.grantMyConsent.status).toBe('GRANTED');
    expect(regranted.body.data!.grantMyConsent.history.slice(-2).map((e) => e.decision)).toEqual(['WITHDRAWN', 'GRANTED']);
    expect((await postGraphQL(stack.gatewayUrl, READ, { id }, await communications())).body.data!.member).toMatchObject({ communicationPreferences: { consented: true } });
  });

  it('does not page the members list under COMMUNICATIONS, which knows nothing of consent', async () => {
    expectRefused(await postGraphQL(stack.gatewayUrl, '{ members(first: 5) { edges { node { firstName } } } }', {}, await communications()), 'PURPOSE_SCOPE');
  });

  it('keeps the audience to the COMMUNICATIONS purpose', async () => {
    expectRefused(await postGraphQL(stack.gatewayUrl, '{ communicationsAudience(first: 5) { totalCount } }', {}, await asCaller('MEMBERSHIP')), 'PURPOSE_SCOPE');
  });
});

describe('consent to disclose to a third party the member names', () => {
  const id = members[580].id;
  const asSelf = () => asCaller('MEMBER_SELF_SERVICE', { memberId: id });
  const CONSENTS = '{ me { consents { purpose recipient status history { decision } } } }';

  it('is kept per recipient: withdrawing one leaves the other', async () => {
    for (const recipient of ['Hôpital Saint-Laurent', 'Law Society of Ontario']) {
      const granted = await postGraphQL(
        stack.gatewayUrl,
        'mutation ($r: String) { grantMyConsent(purpose: THIRD_PARTY_DISCLOSURE, recipient: $r) { recipient status } }',
        { r: recipient },
        await asSelf(),
      );
      expect(granted.body.data!.grantMyConsent).toEqual({ recipient, status: 'GRANTED' });
    }
    await postGraphQL(stack.gatewayUrl, 'mutation { withdrawMyConsent(purpose: THIRD_PARTY_DISCLOSURE, recipient: "Law Society of Ontario") { status } }', {}, await asSelf());
    const { body } = await postGraphQL<{ me: { consents: { purpose: string }[] } }>(stack.gatewayUrl, CONSENTS, {}, await asSelf());
    const disclosures = body.data!.me.consents.filter((c) => c.purpose === 'THIRD_PARTY_DISCLOSURE');
    expect(disclosures).toEqual([
      { purpose: 'THIRD_PARTY_DISCLOSURE', recipient: 'Hôpital Saint-Laurent', status: 'GRANTED', history: [{ decision: 'GRANTED' }] },
      { purpose: 'THIRD_PARTY_DISCLOSURE', recipient: 'Law Society of Ontario', status: 'WITHDRAWN', history: [{ decision: 'GRANTED' }, { decision: 'WITHDRAWN' }] },
    ]);
  });

  it('needs a recipient, and no other consent takes one', async () => {
    const none = await postGraphQL(stack.gatewayUrl, 'mutation { grantMyConsent(purpose: THIRD_PARTY_DISCLOSURE) { status } }', {}, await asSelf());
    expect(none.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'recipient' });
    const extra = await postGraphQL(stack.gatewayUrl, 'mutation { grantMyConsent(purpose: SURVEYS, recipient: "Someone") { status } }', {}, await asSelf());
    expect(extra.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'recipient' });
    const edi = await postGraphQL(stack.gatewayUrl, 'mutation { grantMyConsent(purpose: EDI_COLLECTION) { status } }', {}, await asSelf());
    expect(edi.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'purpose' });
  });
});

describe('consent decisions the privacy office records from a call or a letter', () => {
  it('records how the decision was made, and an EDI withdrawal by phone erases the answers', async () => {
    const member = members[590];
    const asSelf = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
    const given = await postGraphQL(stack.gatewayUrl, 'mutation { setMyEdiAnswers(answers: { consentToCollect: true, disability: "YES" }) { disability } }', {}, asSelf);
    expect(given.body.errors).toBeUndefined();
    const RECORD = 'mutation ($m: ID!) { recordConsentDecision(memberId: $m, purpose: EDI_COLLECTION, decision: WITHDRAWN, method: PHONE) { status method } }';
    const recorded = await postGraphQL(stack.gatewayUrl, RECORD, { m: member.id }, await office());
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data!.recordConsentDecision).toEqual({ status: 'WITHDRAWN', method: 'PHONE' });
    // The erasure follows from the privacy subgraph's outbox, with no one asking again.
    await effectsSettled(member.id);
    expect(await sql(stack.adminUrl, 'select 1 from edi.edi_profile where member_id = $1', [member.id])).toEqual([]);
  });

  it('leaves online decisions to the member', async () => {
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($m: ID!) { recordConsentDecision(memberId: $m, purpose: SURVEYS, decision: GRANTED, method: ONLINE) { status } }',
      { m: members[591].id },
      await office(),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'method' });
  });

  it("refuses the gateway's erasure call to every client", async () => {
    const response = await postGraphQL(stack.gatewayUrl, 'mutation ($m: [ID!]!) { eraseEdiAnswers(memberIds: $m) }', { m: [members[592].id] }, await office());
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('disclosures the privacy office records', () => {
  const member = members[593];
  const RECORD = 'mutation ($d: StaffDisclosureInput!) { recordDisclosure(disclosure: $d) { recipient purpose categories description } }';
  const disclosure = (changes: Record<string, unknown> = {}) => ({
    memberId: member.id,
    recipient: 'Dr. Ada Lovelace, counsel',
    basis: 'MEMBER_CONSENT',
    categories: ['MEDICO_LEGAL'],
    description: 'Copy of the file on the 2025 College complaint.',
    disclosedAt: new Date().toISOString(),
    ...changes,
  });

  it("at the member's direction only while their consent names the recipient, and shows it to the member", async () => {
    const refused = await postGraphQL(stack.gatewayUrl, RECORD, { d: disclosure() }, await office());
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'disclosure.recipient' });
    const asSelf = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
    await postGraphQL(stack.gatewayUrl, 'mutation { grantMyConsent(purpose: THIRD_PARTY_DISCLOSURE, recipient: "Dr. Ada Lovelace, counsel") { status } }', {}, asSelf);
    const recorded = await postGraphQL(stack.gatewayUrl, RECORD, { d: disclosure() }, await office());
    expect(recorded.body.data!.recordDisclosure).toEqual({
      recipient: 'Dr. Ada Lovelace, counsel',
      purpose: 'MEMBER_CONSENT',
      categories: ['MEDICO_LEGAL'],
      description: 'Copy of the file on the 2025 College complaint.',
    });
    const mine = await postGraphQL(stack.gatewayUrl, '{ me { disclosures { recipient purpose } } }', {}, asSelf);
    expect(mine.body.data!.me.disclosures).toContainEqual({ recipient: 'Dr. Ada Lovelace, counsel', purpose: 'MEMBER_CONSENT' });
  });

  it('as the law requires without consent, and never dated in the future', async () => {
    const legal = await postGraphQL(
      stack.gatewayUrl,
      RECORD,
      { d: disclosure({ recipient: 'Superior Court of Justice', basis: 'REQUIRED_BY_LAW', description: 'Records produced under subpoena.' }) },
      await office(),
    );
    expect(legal.body.data!.recordDisclosure.purpose).toBe('REQUIRED_BY_LAW');
    const future = await postGraphQL(stack.gatewayUrl, RECORD, { d: disclosure({ basis: 'REQUIRED_BY_LAW', disclosedAt: new Date(Date.now() + 86_400_000).toISOString() }) }, await office());
    expect(future.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'disclosure.disclosedAt' });
  });
});
