import { syntheticMembers } from '@mutual-graph/synthetic';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';

type SelfCheck = { supportProgramSelfCheck: { code: string; text: string }[] };
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const member = [...syntheticMembers(stack.seed)][450];
const REQUEST =
  'mutation { requestSupportProgramReview(answers: [{ code: "RECURRENT_EVENTS", answer: true }, { code: "REVIEW_HISTORY", answer: true }], note: "Three complaints this year.") { id status source } }';

describe('asking for a Member Support Program review', () => {
  it('offers the self-check questions in English and in French', async () => {
    const en = await postGraphQL<SelfCheck>(stack.gatewayUrl, '{ supportProgramSelfCheck { code text } }', {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id }));
    const fr = await postGraphQL<SelfCheck>(stack.gatewayUrl, '{ supportProgramSelfCheck(language: FR) { code text } }', {}, await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id }));
    expect(en.body.data!.supportProgramSelfCheck.map((q) => q.code)).toEqual(['RECURRENT_EVENTS', 'REVIEW_HISTORY', 'ADDRESS_RISK_FACTORS']);
    expect(fr.body.data!.supportProgramSelfCheck[0].text).not.toBe(en.body.data!.supportProgramSelfCheck[0].text);
  });

  it('creates one referral however often it is sent, visible to the member and to risk management', async () => {
    const asMember = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
    const answers = await Promise.all(Array.from({ length: 5 }, () => postGraphQL<{ requestSupportProgramReview: { id: string } }>(stack.gatewayUrl, REQUEST, {}, asMember)));
    expect(new Set(answers.map((a) => a.body.data!.requestSupportProgramReview.id)).size).toBe(1);
    expect(answers[0].body.data!.requestSupportProgramReview).toMatchObject({ status: 'IDENTIFIED', source: 'MEMBER_REQUEST' });
    expect(await sql(stack.adminUrl, "select 1 from casework.support_program_enrolment where member_id = $1 and status <> 'CLOSED'", [member.id])).toHaveLength(1);
    const mine = await postGraphQL(stack.gatewayUrl, '{ me { supportProgram { source status } } }', {}, asMember);
    expect(mine.body.data!.me.supportProgram).toEqual({ source: 'MEMBER_REQUEST', status: 'IDENTIFIED' });
    const staff = await postGraphQL<{ member: { supportProgram: { source: string } } }>(
      stack.gatewayUrl,
      'query ($id: ID!) { member(id: $id) { supportProgram { source } } }',
      { id: member.id },
      await asCaller('RISK_MANAGEMENT'),
    );
    expect(staff.body.data!.member.supportProgram.source).toBe('MEMBER_REQUEST');
  });

  it('ends the request when the member withdraws it', async () => {
    const asMember = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
    const withdrawn = await postGraphQL(stack.gatewayUrl, 'mutation { withdrawSupportProgramReview { status closedOn } }', {}, asMember);
    expect(withdrawn.body.data!.withdrawSupportProgramReview.status).toBe('CLOSED');
    const again = await postGraphQL(stack.gatewayUrl, 'mutation { withdrawSupportProgramReview { status } }', {}, asMember);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
