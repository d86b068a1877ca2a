import { Category, DateScalar } from '@mutual-graph/platform';
import { isoDate } from '@mutual-graph/domain-codes';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { MembershipPeriod } from '../entities/membership-period.js';
import { MembershipStatusChange } from '../entities/membership-status-change.js';
import { Membership } from '../types/membership.js';

@Resolver(() => Membership)
export class MembershipResolver {
  @Category('MEMBERSHIP')
  @FieldResolver(() => [MembershipPeriod], { description: 'Every period of membership, oldest first' })
  periods(@Root() membership: Membership, @Ctx() { loaders }: MemberContext): Promise<MembershipPeriod[]> {
    return loaders.periodsByMember.load(membership.memberId);
  }

  @Category('MEMBERSHIP')
  @FieldResolver(() => [MembershipStatusChange], { description: 'Every change of status in the order it was recorded; never rewritten' })
  history(@Root() membership: Membership, @Ctx() { loaders }: MemberContext): Promise<MembershipStatusChange[]> {
    return loaders.historyByMember.load(membership.memberId);
  }

  @Category('MEMBERSHIP')
  @FieldResolver(() => Boolean, {
    description: 'Whether the physician was a member on this date of care: a retired or resigned member stays eligible for care given while a member',
  })
  async eligibleOn(@Root() membership: Membership, @Category('MEMBERSHIP') @Arg('date', () => DateScalar) date: Date, @Ctx() { loaders }: MemberContext): Promise<boolean> {
    const day = isoDate(date);
    const periods = await loaders.periodsByMember.load(membership.memberId);
    return periods.some((period) => period.covers(day));
  }
}
