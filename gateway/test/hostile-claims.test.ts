import { postGraphQL, testStack } from '../../test/support/stack.js';
import { tokenFor } from '../../test/support/tokens.js';

// A token's memberId is a claim like any other: whatever string it holds, self-service answers
// "this token names no member" (BAD_USER_INPUT), never an internal error from the database.

const stack = testStack();
const codes = (body: { errors?: { extensions?: { code?: string } }[] }) => (body.errors ?? []).map((e) => e.extensions?.code);

describe('a self-service token whose memberId is not a member id', () => {
  for (const memberId of ['not-a-uuid', 'a\u0000b', `${'f'.repeat(8)}-${'f'.repeat(4)}-${'f'.repeat(4)}-${'f'.repeat(4)}-${'f'.repeat(12)}'`]) {
    it(`is refused as naming no member, not with an internal error (${JSON.stringify(memberId)})`, async () => {
      const headers = { authorization: `Bearer ${await tokenFor({ purposes: ['MEMBER_SELF_SERVICE'], memberId, roles: ['member'] })}`, 'x-purpose-of-use': 'MEMBER_SELF_SERVICE' };
      for (const mutation of [
        'mutation { submitPrivacyRequest(kind: ACCESS, details: "a copy of my file, please") { id } }',
        'mutation { requestAssistance(kind: OTHER, eventsOn: "2026-01-05", summary: "a hospital complaint about my care") { id } }',
      ]) {
        const response = await postGraphQL(stack.gatewayUrl, mutation, {}, headers);
        expect(response.status).toBeLessThan(500);
        expect(codes(response.body)).not.toContain('INTERNAL_SERVER_ERROR');
        expect(response.body.data ?? null).toBeNull();
      }
    });
  }
});
