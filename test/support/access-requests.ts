import { postGraphQL, testStack } from './stack.js';
import { asCaller } from './tokens.js';

/** Headers for a privacy officer (PRIVACY_OFFICE), by their token's `sub`. */
export const office = (sub = 'privacy-officer') => asCaller('PRIVACY_OFFICE', { sub });

/** The day `offset` days from today (YYYY-MM-DD). */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

export const VERIFY = 'mutation ($r: ID!, $on: Date!) { verifyRequesterIdentity(requestId: $r, verifiedOn: $on) { id } }';

/**
 * A privacy request the office recorded for `memberId` (ACCESS unless told), and if `verified`,
 * verified by `verifiedBy` (by default a second officer, as separation of duties requires).
 */
export async function accessRequest(
  memberId: string,
  verified: boolean,
  { recordedBy = 'privacy-officer', verifiedBy = 'second-officer', kind = 'ACCESS' }: { recordedBy?: string; verifiedBy?: string; kind?: 'ACCESS' | 'CORRECTION' } = {},
): Promise<string> {
  const { gatewayUrl } = testStack();
  const { body } = await postGraphQL<{ recordPrivacyRequest: { id: string } }>(
    gatewayUrl,
    `mutation ($m: ID!, $on: Date!) { recordPrivacyRequest(memberId: $m, kind: ${kind}, details: "Everything you hold, please.", receivedOn: $on) { id } }`,
    { m: memberId, on: day(-3) },
    await office(recordedBy),
  );
  const id = body.data!.recordPrivacyRequest.id;
  if (verified) {
    const verification = await postGraphQL(gatewayUrl, VERIFY, { r: id, on: day(-1) }, await office(verifiedBy));
    if (recordedBy !== verifiedBy) expect(verification.body.errors).toBeUndefined();
  }
  return id;
}
