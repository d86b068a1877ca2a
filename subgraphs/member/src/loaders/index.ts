import type { EntityManager } from '@mikro-orm/postgresql';
import { loaderOfMany, loaderOfOne, type LoaderRequest } from '@mutual-graph/platform';
import { consentGated, consentingToCommunications } from '../domain/communications-consent.js';
import { Member } from '../entities/member.js';
import { EdiProfile } from '../entities/edi-profile.js';
import { CollegeRegistration } from '../entities/college-registration.js';
import { MembershipPeriod } from '../entities/membership-period.js';
import { MembershipStatusChange } from '../entities/membership-status-change.js';
import { FeePayment } from '../entities/fee-payment.js';
import { FeeRefund } from '../entities/fee-refund.js';
import { MembershipFee } from '../entities/membership-fee.js';

/**
 * The member subgraph's per-request loaders: one statement per entity type, whatever N.
 * EDI answers come only from the EDI store's own connection; every other loader uses `em`,
 * whose role cannot read the EDI schema. Every path to a member (`member`, `me`, `_entities`)
 * goes through `memberById`, so the communications consent gate there covers them all.
 */
export function createLoaders(em: EntityManager, stores: Record<string, EntityManager>, request: LoaderRequest) {
  const findMembers = async (ids: readonly string[]) => {
    const members = await em.find(Member, { id: { $in: [...ids] } });
    if (!consentGated(request.hop)) return members;
    const consenting = await consentingToCommunications(
      request.peers.privacy,
      request.peerTokens.privacy,
      members.map((m) => m.id),
    );
    return members.filter((m) => consenting.has(m.id));
  };
  return {
    memberById: loaderOfOne(findMembers, (member) => member.id),
    periodsByMember: loaderOfMany(
      (memberIds) => em.find(MembershipPeriod, { member: { $in: [...memberIds] } }, { orderBy: { startsOn: 'asc' } }),
      (period) => period.member.id,
    ),
    historyByMember: loaderOfMany(
      (memberIds) => em.find(MembershipStatusChange, { member: { $in: [...memberIds] } }, { orderBy: { id: 'asc' } }),
      (change) => change.member.id,
    ),
    registrationsByMember: loaderOfMany(
      (memberIds) => em.find(CollegeRegistration, { member: { $in: [...memberIds] } }, { orderBy: { college: 'asc' } }),
      (registration) => registration.member.id,
    ),
    feesByMember: loaderOfMany(
      (memberIds) => em.find(MembershipFee, { member: { $in: [...memberIds] } }, { orderBy: { year: 'desc' } }),
      (fee) => fee.member.id,
    ),
    paymentsByFee: loaderOfMany(
      (feeIds) => em.find(FeePayment, { fee: { $in: [...feeIds] } }, { orderBy: { paidOn: 'asc', id: 'asc' } }),
      (payment) => payment.fee.id,
    ),
    refundByFee: loaderOfOne(
      (feeIds) => em.find(FeeRefund, { fee: { $in: [...feeIds] } }),
      (refund) => refund.fee.id,
    ),
    ediByMember: loaderOfOne(
      // The EDI store's fork is made only when a request asks for EDI answers.
      (memberIds) => stores.edi.find(EdiProfile, { memberId: { $in: [...memberIds] } }),
      (profile) => profile.memberId,
    ),
  };
}

export type MemberLoaders = ReturnType<typeof createLoaders>;
