import type { SeedPlan } from '../seeding/seed-plan.js';
import { perMemberOnce } from '../seeding/seed-plan.js';
import { privacyPolicyOn } from '@mutual-graph/policy';
import { BILLED_YEARS, SYNTHETIC_REIMBURSEMENT_PROGRAMS, syntheticFees, syntheticFeeSchedule } from '@mutual-graph/synthetic';
import { BillingRunRecord, FeePayment, FeeRefund, FeeReimbursementProgram, FeeScheduleEntry, Member, MembershipFee, MembershipPeriod } from '@mutual-graph/member-subgraph';

/** Members and their periods, together; then (a group of its own: it came later) fee schedules, reimbursement programs, billing runs, and each member's invoices, payments and refunds. */
export const memberSeed: SeedPlan = (options) => {
  const schedule = syntheticFeeSchedule(options);
  const fees = perMemberOnce((m: Parameters<typeof syntheticFees>[0]) => syntheticFees(m, schedule, options));
  const asOfYear = Number(options.asOf.slice(0, 4));
  const billedYears = Array.from({ length: BILLED_YEARS }, (_, i) => asOfYear - BILLED_YEARS + 1 + i);
  return [
    {
      tables: [
        {
          entity: Member,
          perMember: (m) => [
            {
              id: m.id,
              membershipNumber: m.membershipNumber,
              minc: m.minc,
              firstName: m.firstName,
              lastName: m.lastName,
              dateOfBirth: m.dateOfBirth,
              preferredLanguage: m.preferredLanguage,
              email: m.email,
              phone: m.phone,
              city: m.city,
              mailingProvince: m.mailingProvince,
              practiceProvince: m.province,
              specialty: m.specialty,
              typeOfWork: m.typeOfWork,
              status: m.status,
            },
          ],
        },
        { entity: MembershipPeriod, perMember: (m) => m.periods.map((p) => ({ member: m.id, ...p })) },
      ],
    },
    {
      tables: [
        { entity: FeeScheduleEntry, rows: () => schedule },
        { entity: FeeReimbursementProgram, rows: () => SYNTHETIC_REIMBURSEMENT_PROGRAMS },
        {
          entity: BillingRunRecord,
          rows: () => billedYears.map((year) => ({ year, firstIssuedAt: new Date(`${year}-01-15T09:00:00Z`), privacyPolicyVersion: privacyPolicyOn(`${year}-01-15`).version })),
        },
        {
          entity: MembershipFee,
          perMember: (m) => fees(m).fees.map(({ memberId, ...f }) => ({ ...f, member: memberId, privacyPolicyVersion: privacyPolicyOn(f.issuedOn).version })),
        },
        { entity: FeePayment, perMember: (m) => fees(m).payments.map(({ feeId, ...p }) => ({ ...p, fee: feeId })) },
        { entity: FeeRefund, perMember: (m) => fees(m).refunds.map(({ feeId, ...r }) => ({ ...r, fee: feeId })) },
      ],
    },
  ];
};
