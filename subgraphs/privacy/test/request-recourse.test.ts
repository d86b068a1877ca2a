import { addMonths } from '@mutual-graph/domain-codes';
import { syntheticMembers } from '@mutual-graph/synthetic';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const [member] = [...syntheticMembers(stack.seed)].slice(410, 411);
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const office = (sub = 'privacy-officer') => asCaller('PRIVACY_OFFICE', { sub });
const asMember = () => asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
const RECOURSE = 'You may complain to the Privacy Commissioner of Canada within six months of this letter.';
const FIELDS = `id status dueOn closedOn deemedRefusedOn declineReason refusalReasons refusalProvision refusalRecourse refusalSentOn refusedBy
  extensionNotice { givenOn newDueOn ground reason recourse givenBy } dispositionHolds { id ground categories heldFrom heldUntil releasedOn }`;

type Request = {
  id: string;
  status: string;
  dueOn: string;
  deemedRefusedOn: string | null;
  dispositionHolds: { id: string; ground: string; categories: string[]; heldFrom: string; heldUntil: string }[];
};

async function record(receivedOffset: number): Promise<Request> {
  const { body } = await postGraphQL<{ recordPrivacyRequest: Request }>(
    stack.gatewayUrl,
    `mutation ($m: ID!, $on: Date!) { recordPrivacyRequest(memberId: $m, kind: ACCESS, details: "Every record of my advice calls.", receivedOn: $on) { ${FIELDS} } }`,
    { m: member.id, on: day(receivedOffset) },
    await office(),
  );
  expect(body.errors).toBeUndefined();
  return body.data!.recordPrivacyRequest;
}

const read = async (id: string) =>
  (await postGraphQL<{ privacyRequest: Request }>(stack.gatewayUrl, `query ($id: ID!) { privacyRequest(id: $id) { ${FIELDS} } }`, { id }, await office())).body.data!.privacyRequest;

const EXTEND = `mutation ($r: ID!, $n: ExtensionNoticeInput!) { giveExtensionNotice(requestId: $r, notice: $n) { ${FIELDS} } }`;
const notice = (changes: Record<string, unknown> = {}) => ({ givenOn: day(0), days: 30, ground: 'CONSULTATIONS_NEEDED', reason: 'A College must be consulted first.', recourse: RECOURSE, ...changes });
const DECLINE = `mutation ($r: ID!, $w: WrittenRefusalInput!) { declinePrivacyRequest(requestId: $r, reason: THIRD_PARTY_INFORMATION, refusal: $w) { ${FIELDS} } }`;
const letter = (changes: Record<string, unknown> = {}) => ({
  reasons: 'The records you asked for name another physician and their patients.',
  provision: 'PIPEDA s. 9(1)',
  recourse: RECOURSE,
  sentOn: day(0),
  informationRequested: ['MEDICO_LEGAL'],
  ...changes,
});
const HOLD = 'mutation ($r: ID!, $c: [String!]!) { holdRequestedInformation(requestId: $r, categories: $c) { id ground categories heldFrom heldUntil } }';
const EXTEND_HOLD = 'mutation ($h: ID!, $until: Date!, $why: String!) { extendDispositionHold(holdId: $h, heldUntil: $until, reason: $why) { heldUntil extensionReason } }';
const RELEASE = 'mutation ($h: ID!, $why: String!) { releaseDispositionHold(holdId: $h, reason: $why) { releasedOn releasedBy releaseReason } }';

describe('deemed refusal (PIPEDA s. 8(5))', () => {
  it("shows a request open past its limit as deemed refused, on the request, in the office's queue and in the member's own view", async () => {
    const late = await record(-35);
    const inTime = await record(-10);
    expect(late).toMatchObject({ dueOn: day(-5), deemedRefusedOn: day(-4) });
    expect(inTime.deemedRefusedOn).toBeNull();
    const queue = await postGraphQL<{ overduePrivacyRequests: { id: string; deemedRefusedOn: string }[] }>(stack.gatewayUrl, '{ overduePrivacyRequests { id deemedRefusedOn } }', {}, await office());
    expect(queue.body.data!.overduePrivacyRequests).toContainEqual({ id: late.id, deemedRefusedOn: day(-4) });
    const mine = await postGraphQL<{ me: { privacyRequests: { id: string; deemedRefusedOn: string | null }[] } }>(
      stack.gatewayUrl,
      '{ me { privacyRequests { id deemedRefusedOn } } }',
      {},
      await asMember(),
    );
    expect(mine.body.data!.me.privacyRequests).toEqual(
      expect.arrayContaining([
        { id: late.id, deemedRefusedOn: day(-4) },
        { id: inTime.id, deemedRefusedOn: null },
      ]),
    );
  });

  it('keeps the deemed refusal on a request answered late: the record shows it was late', async () => {
    const late = await record(-35);
    await postGraphQL(
      stack.gatewayUrl,
      'mutation ($r: ID!, $on: Date!) { verifyRequesterIdentity(requestId: $r, verifiedOn: $on) { id } }',
      { r: late.id, on: day(-1) },
      await office('second-officer'),
    );
    const done = await postGraphQL<{ completePrivacyRequest: Request }>(stack.gatewayUrl, `mutation ($r: ID!) { completePrivacyRequest(requestId: $r) { ${FIELDS} } }`, { r: late.id }, await office());
    expect(done.body.data!.completePrivacyRequest).toMatchObject({ status: 'COMPLETED', closedOn: day(0), deemedRefusedOn: day(-4) });
  });
});

describe('extension notices (PIPEDA s. 8(3))', () => {
  it('takes a notice on the last day of the original limit, kept with its ground, reason, recourse and officer', async () => {
    const request = await record(-30);
    const { body } = await postGraphQL<{ giveExtensionNotice: Request }>(stack.gatewayUrl, EXTEND, { r: request.id, n: notice() }, await office());
    expect(body.data!.giveExtensionNotice).toMatchObject({
      dueOn: day(30),
      deemedRefusedOn: null,
      extensionNotice: { givenOn: day(0), newDueOn: day(30), ground: 'CONSULTATIONS_NEEDED', reason: 'A College must be consulted first.', recourse: RECOURSE, givenBy: 'privacy-officer' },
    });
  });

  it('refuses an extension recorded after the original limit, even with a notice dated within it, and changes nothing', async () => {
    const request = await record(-31);
    const late = await postGraphQL(stack.gatewayUrl, EXTEND, { r: request.id, n: notice({ givenOn: day(-2) }) }, await office());
    expect(late.status).toBeLessThan(500);
    expect(late.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requestId' });
    expect(await read(request.id)).toMatchObject({ dueOn: day(-1), deemedRefusedOn: day(0), extensionNotice: null });
  });

  it('refuses a notice that does not tell the member of the right to complain to the Commissioner', async () => {
    const request = await record(-5);
    const { body } = await postGraphQL(stack.gatewayUrl, EXTEND, { r: request.id, n: notice({ recourse: 'We will answer you by the end of next month, thank you.' }) }, await office());
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'notice.recourse' });
  });
});

describe('written refusals and holds from disposition', () => {
  it('refuses a refusal without reasons, provision, recourse or what was asked for, and leaves the request open', async () => {
    const request = await record(-5);
    for (const [argument, changes] of [
      ['refusal.reasons', { reasons: '' }],
      ['refusal.provision', { provision: ' ' }],
      ['refusal.recourse', { recourse: 'None.' }],
      ['refusal.informationRequested', { informationRequested: [] }],
      ['refusal.informationRequested', { informationRequested: ['EVERYTHING'] }],
    ] as const) {
      const { body } = await postGraphQL(stack.gatewayUrl, DECLINE, { r: request.id, w: letter(changes) }, await office());
      expect([argument, body.errors?.[0]?.extensions]).toEqual([argument, expect.objectContaining({ code: 'BAD_USER_INPUT', argument })]);
    }
    const bare = await postGraphQL(stack.gatewayUrl, 'mutation ($r: ID!) { declinePrivacyRequest(requestId: $r, reason: THIRD_PARTY_INFORMATION) { id } }', { r: request.id }, await office());
    expect(bare.body.data ?? null).toBeNull();
    expect(await read(request.id)).toMatchObject({ status: 'RECEIVED', dispositionHolds: [] });
  });

  it('declines with the written refusal, shows it to the member, and holds what was asked for until six months after it was sent', async () => {
    const request = await record(-5);
    const { body } = await postGraphQL<{ declinePrivacyRequest: Request }>(stack.gatewayUrl, DECLINE, { r: request.id, w: letter() }, await office());
    expect(body.data!.declinePrivacyRequest).toMatchObject({
      status: 'DECLINED',
      declineReason: 'THIRD_PARTY_INFORMATION',
      refusalReasons: letter().reasons,
      refusalProvision: 'PIPEDA s. 9(1)',
      refusalRecourse: RECOURSE,
      refusalSentOn: day(0),
      refusedBy: 'privacy-officer',
      dispositionHolds: [{ ground: 'REFUSED', categories: ['MEDICO_LEGAL', 'PRIVACY_RECORD'], heldFrom: day(0), heldUntil: addMonths(day(0), 6), releasedOn: null }],
    });
    const holds = await postGraphQL<{ dispositionHolds: { requestId: string; member: { id: string } }[] }>(stack.gatewayUrl, '{ dispositionHolds { requestId member { id } } }', {}, await office());
    expect(holds.body.data!.dispositionHolds).toContainEqual({ requestId: request.id, member: { id: member.id } });
    const mine = await postGraphQL<{ me: { privacyRequests: { id: string; refusalReasons: string; refusalRecourse: string }[] } }>(
      stack.gatewayUrl,
      '{ me { privacyRequests { id refusalReasons refusalRecourse } } }',
      {},
      await asMember(),
    );
    expect(mine.body.data!.me.privacyRequests).toContainEqual({ id: request.id, refusalReasons: letter().reasons, refusalRecourse: RECOURSE });
  });

  it('declines once when two officers decline at the same time: one refusal, one hold', async () => {
    const request = await record(-5);
    const answers = await Promise.all([office('privacy-officer'), office('second-officer')].map(async (h) => postGraphQL(stack.gatewayUrl, DECLINE, { r: request.id, w: letter() }, await h)));
    expect(answers.filter((a) => a.body.errors === undefined)).toHaveLength(1);
    expect(answers.filter((a) => a.body.errors?.[0]?.extensions?.argument === 'requestId')).toHaveLength(1);
    expect((await sql(stack.adminUrl, 'select count(*)::int as n from privacy.disposition_hold where request_id = $1', [request.id]))[0].n).toBe(1);
  });

  it('extends a hold when the member complains, and releases it once, with the reasons', async () => {
    const request = await record(-5);
    const hold = (await postGraphQL<{ declinePrivacyRequest: Request }>(stack.gatewayUrl, DECLINE, { r: request.id, w: letter() }, await office())).body.data!.declinePrivacyRequest
      .dispositionHolds[0];
    const shorter = await postGraphQL(stack.gatewayUrl, EXTEND_HOLD, { h: hold.id, until: day(30), why: 'Complaint filed with the Commissioner.' }, await office());
    expect(shorter.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'heldUntil' });
    const extended = await postGraphQL(stack.gatewayUrl, EXTEND_HOLD, { h: hold.id, until: day(400), why: 'Complaint filed with the Commissioner.' }, await office());
    expect(extended.body.data!.extendDispositionHold).toEqual({ heldUntil: day(400), extensionReason: 'Complaint filed with the Commissioner.' });
    const released = await postGraphQL(stack.gatewayUrl, RELEASE, { h: hold.id, why: 'The Federal Court dismissed the application.' }, await office('second-officer'));
    expect(released.body.data!.releaseDispositionHold).toEqual({ releasedOn: day(0), releasedBy: 'second-officer', releaseReason: 'The Federal Court dismissed the application.' });
    const again = await postGraphQL(stack.gatewayUrl, RELEASE, { h: hold.id, why: 'The Federal Court dismissed the application.' }, await office());
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'holdId' });
    const inForce = await postGraphQL<{ dispositionHolds: { id: string }[] }>(stack.gatewayUrl, '{ dispositionHolds { id } }', {}, await office());
    expect(inForce.body.data!.dispositionHolds).not.toContainEqual({ id: hold.id });
  });

  it('holds what a deemed-refused request asked for once an officer names it, once; never for a request answered in time', async () => {
    const late = await record(-35);
    const held = await postGraphQL(stack.gatewayUrl, HOLD, { r: late.id, c: ['CONTACT'] }, await office());
    expect(held.body.data!.holdRequestedInformation).toMatchObject({ ground: 'DEEMED_REFUSED', categories: ['CONTACT', 'PRIVACY_RECORD'], heldFrom: day(-4), heldUntil: addMonths(day(-4), 6) });
    const twice = await postGraphQL(stack.gatewayUrl, HOLD, { r: late.id, c: ['CONTACT'] }, await office());
    expect(twice.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requestId' });
    const inTime = await postGraphQL(stack.gatewayUrl, HOLD, { r: (await record(-5)).id, c: ['CONTACT'] }, await office());
    expect(inTime.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'requestId' });
  });

  it.each(['\u0000', '\r', '\u202e', '\u200b'])('refuses hostile text (%j) in every stored field, and stores none of it', async (hostile) => {
    const request = await record(-5);
    const bad = (text: string) => `${text.slice(0, 12)}${hostile}${text.slice(12)}`;
    const attempts: [string, string, Record<string, unknown>][] = [
      ['notice.reason', EXTEND, { r: request.id, n: notice({ reason: bad(notice().reason) }) }],
      ['notice.recourse', EXTEND, { r: request.id, n: notice({ recourse: bad(RECOURSE) }) }],
      ['refusal.reasons', DECLINE, { r: request.id, w: letter({ reasons: bad(letter().reasons) }) }],
      ['refusal.provision', DECLINE, { r: request.id, w: letter({ provision: bad('PIPEDA s. 9(1) and s. 9(3)') }) }],
      ['refusal.recourse', DECLINE, { r: request.id, w: letter({ recourse: bad(RECOURSE) }) }],
    ];
    for (const [argument, query, variables] of attempts) {
      const answer = await postGraphQL(stack.gatewayUrl, query, variables, await office());
      expect([argument, answer.status < 500, answer.body.errors?.[0]?.extensions?.argument]).toEqual([argument, true, argument]);
    }
    expect(await read(request.id)).toMatchObject({ status: 'RECEIVED', dueOn: day(25), extensionNotice: null, dispositionHolds: [] });
    const submitted = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($d: String!) { submitPrivacyRequest(kind: ACCESS, details: $d) { id } }',
      { d: bad('A copy of my file, please.') },
      await asMember(),
    );
    expect(submitted.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'details' });

    const declined = (await postGraphQL<{ declinePrivacyRequest: Request }>(stack.gatewayUrl, DECLINE, { r: request.id, w: letter() }, await office())).body.data!.declinePrivacyRequest;
    const hold = declined.dispositionHolds[0];
    const extend = await postGraphQL(stack.gatewayUrl, EXTEND_HOLD, { h: hold.id, until: day(400), why: bad('Complaint filed with the Commissioner.') }, await office());
    expect(extend.body.errors?.[0]?.extensions?.argument).toBe('reason');
    const release = await postGraphQL(stack.gatewayUrl, RELEASE, { h: hold.id, why: bad('No complaint within six months.') }, await office());
    expect(release.body.errors?.[0]?.extensions?.argument).toBe('reason');
    expect((await read(request.id)).dispositionHolds).toEqual([expect.objectContaining({ heldUntil: hold.heldUntil, releasedOn: null })]);
  });
});

describe('the privacy office alone runs the clock, the refusals and the holds', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  it.each([
    ['giveExtensionNotice', `mutation { giveExtensionNotice(requestId: "${id}", notice: { givenOn: "2026-01-01", days: 5, ground: CONSULTATIONS_NEEDED, reason: "x", recourse: "y" }) { id } }`],
    [
      'declinePrivacyRequest',
      `mutation { declinePrivacyRequest(requestId: "${id}", reason: NOT_HELD, refusal: { reasons: "x", provision: "y", recourse: "z", sentOn: "2026-01-01", informationRequested: ["PROFILE"] }) { id } }`,
    ],
    ['holdRequestedInformation', `mutation { holdRequestedInformation(requestId: "${id}", categories: ["PROFILE"]) { id } }`],
    ['extendDispositionHold', `mutation { extendDispositionHold(holdId: "${id}", heldUntil: "2030-01-01", reason: "x") { id } }`],
    ['releaseDispositionHold', `mutation { releaseDispositionHold(holdId: "${id}", reason: "x") { id } }`],
    ['dispositionHolds', '{ dispositionHolds { id categories } }'],
    ['overduePrivacyRequests', '{ overduePrivacyRequests { id deemedRefusedOn } }'],
  ])('refuses %s under every other purpose', async (_field, query) => {
    for (const purpose of ['MEMBER_SELF_SERVICE', 'MEMBERSHIP', 'MEDICO_LEGAL_ASSISTANCE', 'COMMUNICATIONS'] as const) {
      const caller = purpose === 'MEMBER_SELF_SERVICE' ? await asCaller(purpose, { memberId: member.id }) : await asCaller(purpose);
      expectRefused(await postGraphQL(stack.gatewayUrl, query, {}, caller), 'PURPOSE_SCOPE');
    }
  });
});
