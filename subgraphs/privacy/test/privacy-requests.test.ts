import { syntheticMembers } from '@mutual-graph/synthetic';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const [member, other] = [...syntheticMembers(stack.seed)].slice(400, 402);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const FIELDS = 'id kind status receivedOn dueOn identityVerifiedOn extensionReason memberToldOfExtensionOn declineReason closedOn';
const office = (sub = 'privacy-officer') => asCaller('PRIVACY_OFFICE', { sub });
const NOTICE_RECOURSE = 'You may complain to the Privacy Commissioner of Canada within six months.';
const VERIFY = 'mutation ($r: ID!, $on: Date!) { verifyRequesterIdentity(requestId: $r, verifiedOn: $on) { status channel recordedBy identityVerifiedOn identityVerifiedBy } }';

async function record(receivedOffset: number) {
  const { body } = await postGraphQL<{ recordPrivacyRequest: { id: string } }>(
    stack.gatewayUrl,
    `mutation ($m: ID!, $on: Date!) { recordPrivacyRequest(memberId: $m, kind: CORRECTION, details: "Please correct my address.", receivedOn: $on) { ${FIELDS} } }`,
    { m: other.id, on: day(receivedOffset) },
    await office(),
  );
  expect(body.errors).toBeUndefined();
  return body.data!.recordPrivacyRequest;
}

describe('privacy requests on the statutory clock', () => {
  it("takes a member's own access request, due 30 days after receipt, and shows it to them", async () => {
    const asMember = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
    const { body } = await postGraphQL<{ submitPrivacyRequest: { id: string } }>(
      stack.gatewayUrl,
      `mutation { submitPrivacyRequest(kind: ACCESS, details: "A copy of everything you hold about me.") { ${FIELDS} } }`,
      {},
      asMember,
    );
    expect(body.data!.submitPrivacyRequest).toMatchObject({ kind: 'ACCESS', status: 'RECEIVED', receivedOn: day(0), dueOn: day(30) });
    const mine = await postGraphQL(stack.gatewayUrl, '{ me { privacyRequests { id kind } } }', {}, asMember);
    expect(mine.body.data!.me.privacyRequests).toContainEqual({ id: body.data!.submitPrivacyRequest.id, kind: 'ACCESS' });
  });

  it('lists requests due soon and overdue for the privacy office', async () => {
    const overdue = await record(-35);
    const dueSoon = await record(-25);
    const later = await record(-1);
    const due = await postGraphQL<{ privacyRequestsDue: { id: string }[]; overduePrivacyRequests: { id: string }[] }>(
      stack.gatewayUrl,
      '{ privacyRequestsDue(withinDays: 7) { id } overduePrivacyRequests { id } }',
      {},
      await office(),
    );
    const dueIds = due.body.data!.privacyRequestsDue.map((r) => r.id);
    const overdueIds = due.body.data!.overduePrivacyRequests.map((r) => r.id);
    expect(dueIds).toEqual(expect.arrayContaining([overdue.id, dueSoon.id]));
    expect(dueIds).not.toContain(later.id);
    expect(overdueIds).toContain(overdue.id);
    expect(overdueIds).not.toContain(dueSoon.id);
  });

  it('extends a request once, by at most 30 days, by a notice with its ground, reason and recourse, kept as a record of its own', async () => {
    const request = await record(-10);
    const EXTEND = `mutation ($r: ID!, $n: ExtensionNoticeInput!) { giveExtensionNotice(requestId: $r, notice: $n) { ${FIELDS} extensionNotice { givenOn originalDueOn newDueOn ground reason recourse givenBy } } }`;
    const notice = (days: number) => ({ givenOn: day(0), days, ground: 'INTERFERENCE_WITH_ACTIVITIES', reason: 'Records held off site.', recourse: NOTICE_RECOURSE });
    const tooLong = await postGraphQL(stack.gatewayUrl, EXTEND, { r: request.id, n: notice(31) }, await office());
    expect(tooLong.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'notice.days' });
    const extended = await postGraphQL(stack.gatewayUrl, EXTEND, { r: request.id, n: notice(20) }, await office());
    expect(extended.body.data!.giveExtensionNotice).toMatchObject({
      dueOn: day(40),
      extensionReason: 'Records held off site.',
      memberToldOfExtensionOn: day(0),
      extensionNotice: { givenOn: day(0), originalDueOn: day(20), newDueOn: day(40), ground: 'INTERFERENCE_WITH_ACTIVITIES', recourse: NOTICE_RECOURSE, givenBy: 'privacy-officer' },
    });
    const again = await postGraphQL(stack.gatewayUrl, EXTEND, { r: request.id, n: notice(5) }, await office());
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requestId' });
  });

  it("answers a request only once the requester's identity is verified, and declines only on the policy's grounds", async () => {
    const request = await record(-3);
    const COMPLETE = `mutation ($r: ID!) { completePrivacyRequest(requestId: $r) { ${FIELDS} } }`;
    const early = await postGraphQL(stack.gatewayUrl, COMPLETE, { r: request.id }, await office());
    expect(early.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requestId' });
    await postGraphQL(stack.gatewayUrl, VERIFY, { r: request.id, on: day(-1) }, await office('second-officer'));
    const done = await postGraphQL(stack.gatewayUrl, COMPLETE, { r: request.id }, await office());
    expect(done.body.data!.completePrivacyRequest).toMatchObject({ status: 'COMPLETED', identityVerifiedOn: day(-1), closedOn: day(0) });

    const declined = await postGraphQL(
      stack.gatewayUrl,
      `mutation ($r: ID!, $w: WrittenRefusalInput!) { declinePrivacyRequest(requestId: $r, reason: THIRD_PARTY_INFORMATION, refusal: $w) { ${FIELDS} } }`,
      {
        r: (await record(-2)).id,
        w: { reasons: 'The records name another physician.', provision: 'PIPEDA s. 9(1)', recourse: NOTICE_RECOURSE, sentOn: day(0), informationRequested: ['MEDICO_LEGAL'] },
      },
      await office(),
    );
    expect(declined.body.data!.declinePrivacyRequest).toMatchObject({ status: 'DECLINED', declineReason: 'THIRD_PARTY_INFORMATION' });
  });

  it("is the privacy office's work: refused to other purposes", async () => {
    expectRefused(await postGraphQL(stack.gatewayUrl, '{ overduePrivacyRequests { id } }', {}, await asCaller('MEMBERSHIP')), 'PURPOSE_SCOPE');
  });
});

describe('separation of duties on privacy requests', () => {
  it("keeps who recorded a request and who verified the requester's identity", async () => {
    const request = await record(-2);
    const verified = await postGraphQL(stack.gatewayUrl, VERIFY, { r: request.id, on: day(-1) }, await office('second-officer'));
    expect(verified.body.data!.verifyRequesterIdentity).toEqual({
      status: 'IN_PROGRESS',
      channel: 'PRIVACY_OFFICE',
      recordedBy: 'privacy-officer',
      identityVerifiedOn: day(-1),
      identityVerifiedBy: 'second-officer',
    });
  });

  it('refuses verification by the officer who recorded the request, with a code and the reason, and changes nothing', async () => {
    const request = await record(-2);
    const refused = await postGraphQL(stack.gatewayUrl, VERIFY, { r: request.id, on: day(-1) }, await office());
    expect(refused.status).toBeLessThan(500);
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requestId', reason: 'SEPARATION_OF_DUTIES' });
    expect(refused.body.errors?.[0]?.extensions?.stacktrace).toBeUndefined();
    const after = await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { privacyRequest(id: $id) { status identityVerifiedOn identityVerifiedBy } }', { id: request.id }, await office());
    expect(after.body.data!.privacyRequest).toEqual({ status: 'RECEIVED', identityVerifiedOn: null, identityVerifiedBy: null });
  });

  it("lets one officer verify the identity behind a member's own submitted request", async () => {
    const asMember = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
    const { body } = await postGraphQL(stack.gatewayUrl, 'mutation { submitPrivacyRequest(kind: ACCESS, details: "Everything, please.") { id } }', {}, asMember);
    const verified = await postGraphQL(stack.gatewayUrl, VERIFY, { r: body.data!.submitPrivacyRequest.id, on: day(0) }, await office());
    expect(verified.body.data!.verifyRequesterIdentity).toMatchObject({ channel: 'SELF_SERVICE', recordedBy: null, identityVerifiedBy: 'privacy-officer' });
  });

  it('verifies once: a later verification, by anyone, is refused and the first one kept', async () => {
    const request = await record(-2);
    await postGraphQL(stack.gatewayUrl, VERIFY, { r: request.id, on: day(-1) }, await office('second-officer'));
    const again = await postGraphQL(stack.gatewayUrl, VERIFY, { r: request.id, on: day(0) }, await office('third-officer'));
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ALREADY_VERIFIED' });
    const after = await postGraphQL(stack.gatewayUrl, 'query ($id: ID!) { privacyRequest(id: $id) { identityVerifiedOn identityVerifiedBy } }', { id: request.id }, await office());
    expect(after.body.data!.privacyRequest).toEqual({ identityVerifiedOn: day(-1), identityVerifiedBy: 'second-officer' });
  });

  it("gives the access report's release to the gateway alone: no client may record one", async () => {
    const request = await record(-2);
    const forged = await postGraphQL(stack.gatewayUrl, 'mutation ($r: ID!) { recordAccessReportRelease(requestId: $r, categories: ["PROFILE"]) { id } }', { r: request.id }, await office());
    expect(forged.body.data ?? null).toBeNull();
    expect(forged.body.errors?.[0]?.extensions?.code).toEqual(expect.any(String));
  });
});

describe('consent history', () => {
  it('keeps every decision, oldest first, and adds one when a member withdraws', async () => {
    const { syntheticConsents } = await import('@mutual-graph/synthetic');
    const subject = [...syntheticMembers(stack.seed)].find(
      (m) =>
        syntheticConsents(m, stack.seed).some((c) => c.purpose === 'SURVEYS' && c.decision === 'GRANTED') &&
        !syntheticConsents(m, stack.seed).some((c) => c.purpose === 'SURVEYS' && c.decision === 'WITHDRAWN'),
    )!;
    const asSubject = await asCaller('MEMBER_SELF_SERVICE', { memberId: subject.id });
    const QUERY = '{ me { consents { purpose status history { decision recordedAt method } } } }';
    type Consents = { me: { consents: { purpose: string; status: string; history: { decision: string; method: string }[] }[] } };
    const before = (await postGraphQL<Consents>(stack.gatewayUrl, QUERY, {}, asSubject)).body.data!.me.consents.find((c) => c.purpose === 'SURVEYS')!;
    expect(before.history.map((h) => h.decision)).toEqual(['GRANTED']);
    await postGraphQL(stack.gatewayUrl, 'mutation { withdrawMyConsent(purpose: SURVEYS) { status } }', {}, asSubject);
    await postGraphQL(stack.gatewayUrl, 'mutation { withdrawMyConsent(purpose: SURVEYS) { status } }', {}, asSubject);
    const after = (await postGraphQL<Consents>(stack.gatewayUrl, QUERY, {}, asSubject)).body.data!.me.consents.find((c) => c.purpose === 'SURVEYS')!;
    expect(after.status).toBe('WITHDRAWN');
    // Withdrawing twice is one withdrawal.
    expect(after.history.map((h) => [h.decision, h.method])).toEqual([
      ['GRANTED', before.history[0].method],
      ['WITHDRAWN', 'ONLINE'],
    ]);
  });
});
