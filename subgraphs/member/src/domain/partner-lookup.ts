import { badUserInput } from '@mutual-graph/platform';
import { isValidMinc } from '@mutual-graph/domain-codes';

const MEMBERSHIP_NUMBER = /^MG\d{7}$/;

/** Which number a partner names a physician by: exactly one of a MINC (with a valid check digit) and a membership number. */
export function partnerLookupKey(minc: string | null | undefined, membershipNumber: string | null | undefined): { column: 'minc' | 'membership_number'; value: string } {
  if ((minc ? 1 : 0) + (membershipNumber ? 1 : 0) !== 1) throw badUserInput('minc', 'give exactly one of minc and membershipNumber');
  if (minc && !isValidMinc(minc)) throw badUserInput('minc', 'minc must be CAMD-dddd-dddd with a valid check digit');
  if (membershipNumber && !MEMBERSHIP_NUMBER.test(membershipNumber)) throw badUserInput('membershipNumber', 'membershipNumber must be MG followed by seven digits');
  return minc ? { column: 'minc', value: minc } : { column: 'membership_number', value: membershipNumber! };
}
