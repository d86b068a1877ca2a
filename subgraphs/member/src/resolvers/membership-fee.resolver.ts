import { Category } from '@mutual-graph/platform';
import { privacyPolicyVersion } from '@mutual-graph/policy';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { FeePayment } from '../entities/fee-payment.js';
import { FeeRefund } from '../entities/fee-refund.js';
import { Member } from '../entities/member.js';
import { MembershipFee } from '../entities/membership-fee.js';
import { feeBalance } from '../services/fees.js';

@Resolver(() => Member)
export class MemberFeesResolver {
  @Category('FINANCIAL')
  @FieldResolver(() => [MembershipFee], { description: "The member's fees, newest year first: invoices, payments, refunds and balance" })
  fees(@Root() member: Member, @Ctx() { loaders }: MemberContext): Promise<MembershipFee[]> {
    return loaders.feesByMember.load(member.id);
  }
}

@Resolver(() => MembershipFee)
export class MembershipFeeResolver {
  @Category('FINANCIAL')
  @FieldResolver(() => [FeePayment], { description: 'Payments, in the order they were made' })
  payments(@Root() fee: MembershipFee, @Ctx() { loaders }: MemberContext): Promise<FeePayment[]> {
    return loaders.paymentsByFee.load(fee.id);
  }

  @Category('FINANCIAL')
  @FieldResolver(() => FeeRefund, { nullable: true, description: 'The settlement when the member resigned or retired during the year' })
  refund(@Root() fee: MembershipFee, @Ctx() { loaders }: MemberContext): Promise<FeeRefund | null> {
    return loaders.refundByFee.load(fee.id);
  }

  @Category('FINANCIAL')
  @FieldResolver(() => Int, { description: 'Paid in all, in cents' })
  async paidCents(@Root() fee: MembershipFee, @Ctx() { loaders }: MemberContext): Promise<number> {
    return feeBalance(fee, await loaders.paymentsByFee.load(fee.id), null).paidCents;
  }

  @Category('FINANCIAL')
  @FieldResolver(() => Int, { description: 'Still owed, in cents: the invoice, less the unused part on leaving, less payments, plus money refunded (negative: owed to the member)' })
  async balanceCents(@Root() fee: MembershipFee, @Ctx() { loaders }: MemberContext): Promise<number> {
    const [payments, refund] = await Promise.all([loaders.paymentsByFee.load(fee.id), loaders.refundByFee.load(fee.id)]);
    return feeBalance(fee, payments, refund).balanceCents;
  }

  @Category('FINANCIAL')
  @FieldResolver(() => [String], { description: 'What that privacy policy version changed, as the reminder told the member' })
  privacyPolicyChanges(@Root() fee: MembershipFee): string[] {
    return [...(privacyPolicyVersion(fee.privacyPolicyVersion)?.changes ?? [])];
  }
}
