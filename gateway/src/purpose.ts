import { isPurpose, policyRefusal, type Purpose } from '@mutual-graph/policy';
import { type Principal } from '@mutual-graph/hop';

/** A graph's rule for the one purpose of use a request declares; refuses with PURPOSE_REQUIRED. */
export type PurposeOf = (header: string | string[] | undefined, principal: Principal) => Purpose;

const refuse = (message: string, purpose?: Purpose) => policyRefusal('PURPOSE_REQUIRED', message, { purpose, wholeRequest: true });

/**
 * The internal graph: exactly one purpose, in X-Purpose-Of-Use, one the token allows. Partners
 * confirm membership on the partner graph only, so a partner's token, or the partner purpose,
 * is refused here.
 */
export const internalPurpose: PurposeOf = (header, principal) => {
  if (header === undefined || header === '') throw refuse('declare one purpose of use in the X-Purpose-Of-Use header');
  const value = Array.isArray(header) ? header : header.split(',').map((v) => v.trim());
  if (value.length !== 1) throw refuse('declare exactly one purpose of use');
  const purpose = value[0];
  // Never repeats what was sent: a refusal is no echo of input (the header could carry anything).
  if (!isPurpose(purpose)) throw refuse('the declared purpose is not a purpose of use');
  if (!principal.purposes.includes(purpose)) throw refuse(`this token may not declare the purpose ${purpose}`, purpose);
  if (purpose === 'PARTNER_CONFIRMATION' || principal.partnerId !== undefined) throw refuse('partners confirm membership on /partner/graphql', purpose);
  return purpose;
};

/** The partner graph: always PARTNER_CONFIRMATION, for partner tokens (a `partnerId`) allowed it. */
export const partnerPurpose: PurposeOf = (header, principal) => {
  if (header !== undefined && header !== 'PARTNER_CONFIRMATION') throw refuse('the partner graph serves PARTNER_CONFIRMATION only');
  if (principal.partnerId === undefined || !principal.purposes.includes('PARTNER_CONFIRMATION')) {
    throw refuse('the partner graph serves partner tokens allowed PARTNER_CONFIRMATION only', 'PARTNER_CONFIRMATION');
  }
  return 'PARTNER_CONFIRMATION';
};
