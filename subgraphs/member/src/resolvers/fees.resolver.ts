import { Category, NonPersonal, OnlyForPurposes, RequiresRole } from '@mutual-graph/platform';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { feeYear } from '../domain/fees.js';
import { FeeScheduleEntry } from '../entities/fee-schedule-entry.js';
import { MembershipFee } from '../entities/membership-fee.js';
import { issueAnnualBilling, recordFeePayment, setFeeSchedule } from '../services/fees.js';
import { BillingRun } from '../types/billing-run.js';
import { FeePaymentInput, FeeScheduleEntryInput } from '../types/fee-inputs.js';

/** The fee schedule and annual billing, adapted to services/fees.ts (rules in domain/fees.ts). */
@Resolver()
export class FeesResolver {
  @NonPersonal()
  @Query(() => [FeeScheduleEntry], { description: "A year's fee schedule: the annual amount for each type of work in each fee region (about no one)" })
  feeSchedule(@NonPersonal() @Arg('year', () => Int) year: number, @Ctx() { em }: MemberContext): Promise<FeeScheduleEntry[]> {
    return em.find(FeeScheduleEntry, { year: feeYear(year) }, { orderBy: { typeOfWork: 'asc', feeRegion: 'asc' } });
  }

  // Membership staff's work (MEMBERSHIP, role membership-finance): the schedule, billing and payments.

  @NonPersonal()
  @OnlyForPurposes('MEMBERSHIP')
  @RequiresRole('membership-finance')
  @Mutation(() => [FeeScheduleEntry], { description: "Sets a year's whole fee schedule (every type of work in every fee region); refused once the year is billed" })
  setFeeSchedule(
    @NonPersonal() @Arg('year', () => Int) year: number,
    @NonPersonal() @Arg('entries', () => [FeeScheduleEntryInput]) entries: FeeScheduleEntryInput[],
    @Ctx() context: MemberContext,
  ): Promise<FeeScheduleEntry[]> {
    return setFeeSchedule(context, year, entries);
  }

  @NonPersonal()
  @OnlyForPurposes('MEMBERSHIP')
  @RequiresRole('membership-finance')
  @Mutation(() => BillingRun, {
    description:
      "Issues a year's annual billing: one invoice per member active now with days of membership in the year, prorated by days, each with the privacy policy reminder. Once per year: run again, it issues only the invoices still missing",
  })
  issueAnnualBilling(@NonPersonal() @Arg('year', () => Int) year: number, @Ctx() context: MemberContext): Promise<BillingRun> {
    return issueAnnualBilling(context, year);
  }

  @Category('FINANCIAL')
  @OnlyForPurposes('MEMBERSHIP')
  @RequiresRole('membership-finance')
  @Mutation(() => MembershipFee, { description: "Records a payment of a member's fee for a year, as the bank reported it; never more than the year still owes" })
  recordFeePayment(@NonPersonal() @Arg('payment', () => FeePaymentInput) payment: FeePaymentInput, @Ctx() context: MemberContext): Promise<MembershipFee> {
    return recordFeePayment(context, payment);
  }
}
