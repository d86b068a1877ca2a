import { syntheticMember } from '@mutual-graph/synthetic';
import { errorsIn, postGraphQL, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

const stack = testStack();
const member = syntheticMember(21, stack.seed);
// What a client might slip into a value to have it shown back (to another user, a log viewer, a page).
const MARKER = 'echo-9f3<script>alert(1)</script>';

// A refusal says what was wrong, naming the argument, never repeating the value that was sent.
describe('refusals repeat nothing the client sent', () => {
  it('an unknown purpose of use', async () => {
    const response = await postGraphQL(stack.gatewayUrl, '{ __typename }', {}, { ...(await asCaller('MEMBERSHIP')), 'x-purpose-of-use': MARKER });
    expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(response.body)).not.toContain('echo-9f3');
  });

  it('a body that is not JSON', async () => {
    const response = await fetch(stack.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"query": ${MARKER}` });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(errorsIn(text)[0].extensions?.code).toBe('BAD_REQUEST');
    expect(text).not.toContain('echo-9f3');
  });

  it('an unknown type-of-work code', async () => {
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($id: ID!, $t: String!) { changeTypeOfWork(memberId: $id, typeOfWork: $t, effectiveOn: "2026-01-01") { id } }',
      { id: member.id, t: MARKER },
      await asCaller('MEMBERSHIP'),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'typeOfWork' });
    expect(JSON.stringify(body)).not.toContain('echo-9f3');
  });

  it('an unknown self-check question', async () => {
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($a: [SelfCheckAnswerInput!]!) { requestSupportProgramReview(answers: $a) { status } }',
      { a: [{ code: MARKER, answer: true }] },
      await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id }),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'answers.0.code' });
    expect(JSON.stringify(body)).not.toContain('echo-9f3');
  });
});
