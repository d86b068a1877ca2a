import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTNER_OPERATIONS_DIR } from '@mutual-graph/gateway';
import { postGraphQL, testStack } from '../../test/support/stack.js';
import { tokenFor } from '../../test/support/tokens.js';

// A token's claims are input like any other: a memberId that is no member id, or a subject or
// partner that could not be stored as it is, is refused with UNAUTHENTICATED at the gateway (and a
// subgraph given such a member id answers BAD_USER_INPUT), never an internal error from the database.

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
        expect(response.status).toBe(401);
        expect(codes(response.body)).toEqual(['UNAUTHENTICATED']);
        expect(response.body.data ?? null).toBeNull();
      }
    });
  }
});

describe('a partner token whose partner or subject could not be stored as it is', () => {
  const confirm = readFileSync(join(PARTNER_OPERATIONS_DIR, 'ConfirmMembership.graphql'), 'utf8').trim();
  for (const [what, claims] of [
    ['a NUL in the partner id', { sub: 'hospital-7', partnerId: 'hospital\u00007' }],
    ['a partner id of 5,000 characters', { sub: 'hospital-7', partnerId: 'h'.repeat(5000) }],
    ['a subject of 5,000 characters', { sub: 's'.repeat(5000), partnerId: 'hospital-7' }],
  ] as const) {
    it(`is refused as UNAUTHENTICATED, before any disclosure is attempted (${what})`, async () => {
      const token = await tokenFor({ ...claims, roles: ['partner'], purposes: ['PARTNER_CONFIRMATION'] });
      const response = await postGraphQL(new URL('/partner/graphql', stack.gatewayUrl).toString(), confirm, { minc: 'CAMD-1234-5674' }, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(401);
      expect(codes(response.body)).toEqual(['UNAUTHENTICATED']);
    });
  }
});
