import { Category, DateScalar, MemberKey, NonPersonal, OnlyForPurposes } from '@mutual-graph/platform';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { MemberContext } from '../context.js';
import { Member } from '../entities/member.js';
import { MembershipStatus } from '../entities/membership-status.js';
import { applyForMembership, changeMembershipStatus, changeTypeOfWork } from '../services/membership-lifecycle.js';
import { EdiAnswersInput, MembershipApplicationInput } from '../types/membership-inputs.js';

/** The membership lifecycle's mutations, adapted to services/membership-lifecycle.ts (rules in domain/membership-lifecycle.ts). */
@Resolver()
export class MembershipLifecycleResolver {
  // Bound to MEMBERSHIP: applications and the membership lifecycle are membership services' work.

  @Category('MEMBERSHIP')
  @OnlyForPurposes('MEMBERSHIP')
  @Mutation(() => Member, {
    description: 'Records an application (status APPLIED). EDI answers, if given, go straight to the EDI store and are never read to process it',
  })
  async applyForMembership(
    @NonPersonal() @Arg('application', () => MembershipApplicationInput) application: MembershipApplicationInput,
    @Ctx() context: MemberContext,
    @NonPersonal() @Arg('ediAnswers', () => EdiAnswersInput, { nullable: true }) ediAnswers?: EdiAnswersInput | null,
  ): Promise<Member> {
    return applyForMembership(context, application, ediAnswers);
  }

  @Category('MEMBERSHIP')
  @OnlyForPurposes('MEMBERSHIP')
  @Mutation(() => Member, { description: 'Moves a member to a new status from a date; opens or closes their period of protection. History is kept' })
  async changeMembershipStatus(
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID) memberId: string,
    @NonPersonal() @Arg('to', () => MembershipStatus) to: MembershipStatus,
    @NonPersonal() @Arg('effectiveOn', () => DateScalar) effectiveOn: Date,
    @Ctx() context: MemberContext,
  ): Promise<Member> {
    return changeMembershipStatus(context, memberId, to, effectiveOn);
  }

  @Category('MEMBERSHIP')
  @OnlyForPurposes('MEMBERSHIP')
  @Mutation(() => Member, { description: "Changes an active member's type of work from a date: the current period ends, a new one begins" })
  async changeTypeOfWork(
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID) memberId: string,
    @NonPersonal() @Arg('typeOfWork') typeOfWork: string,
    @NonPersonal() @Arg('effectiveOn', () => DateScalar) effectiveOn: Date,
    @Ctx() context: MemberContext,
  ): Promise<Member> {
    return changeTypeOfWork(context, memberId, typeOfWork, effectiveOn);
  }
}
