import { badUserInput, Category, DateScalar, NO_MEMBER, NonPersonal } from '@mutual-graph/platform';
import { isoDate, isValidMinc } from '@mutual-graph/domain-codes';
import { Arg, Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { Member } from '../entities/member.js';
import { MembershipStatus } from '../entities/membership-status.js';
import { MembershipConfirmation } from '../types/membership-confirmation.js';

const MEMBERSHIP_NUMBER = /^MG\d{7}$/;
const NOT_A_MEMBER: MembershipConfirmation = { isMember: false, status: MembershipStatus.NOT_A_MEMBER, validFrom: null, validTo: null };

@Resolver(() => MembershipConfirmation)
export class MembershipConfirmationResolver {
  @NonPersonal()
  @Directive('@tag(name: "partner")')
  @Query(() => MembershipConfirmation, {
    nullable: true,
    description: 'Whether a physician, named by MINC or membership number, was a member on a date (today by default)',
  })
  async membershipConfirmation(
    @Ctx() { em, loaders, notices }: MemberContext,
    @NonPersonal() @Arg('minc', () => String, { nullable: true }) minc?: string | null,
    @NonPersonal() @Arg('membershipNumber', () => String, { nullable: true }) membershipNumber?: string | null,
    @Category('MEMBERSHIP') @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: Date | null,
  ): Promise<MembershipConfirmation> {
    if ((minc ? 1 : 0) + (membershipNumber ? 1 : 0) !== 1) throw badUserInput('minc', 'give exactly one of minc and membershipNumber');
    if (minc && !isValidMinc(minc)) throw badUserInput('minc', 'minc must be CAMD-dddd-dddd with a valid check digit');
    if (membershipNumber && !MEMBERSHIP_NUMBER.test(membershipNumber)) throw badUserInput('membershipNumber', 'membershipNumber must be MG followed by seven digits');
    const day = isoDate(asOf ?? new Date());

    // One indexed look-up by a unique key; nothing about the person leaves this resolver but the answer.
    const member = await em.findOne(Member, minc ? { minc } : { membershipNumber: membershipNumber! }, { fields: ['id'] });
    // Someone never a member goes down the same path as a former member, periods look-up and
    // recorded notice included (naming NO_MEMBER, disclosing nothing): otherwise the missing work
    // would show in the answer's timing (21 ms against 37) what the answer itself does not say.
    const covering = (await loaders.periodsByMember.load(member?.id ?? NO_MEMBER)).find((period) => period.covers(day));
    const answer = covering ? { isMember: true, status: MembershipStatus.ACTIVE, validFrom: covering.startsOn, validTo: covering.endsOn } : NOT_A_MEMBER;
    // A confirmation about a member is a disclosure: the gateway records it before it answers.
    notices.push(
      member
        ? {
            kind: 'disclosure',
            memberId: member.id,
            categories: ['MEMBERSHIP'],
            description: `Membership confirmation as of ${day}: ${answer.isMember ? `a member since ${answer.validFrom}` : 'not a member on that date'}`,
          }
        : { kind: 'disclosure', memberId: NO_MEMBER, categories: [], description: `Membership confirmation as of ${day}: no member on file, nothing disclosed` },
    );
    return answer;
  }
}
