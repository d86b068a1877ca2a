import { Category, DateScalar } from '@mutual-graph/platform';
import { Directive, Field, ObjectType } from 'type-graphql';
import { MembershipStatus } from '../entities/membership-status.js';

/**
 * What a partner learns when it confirms a physician's membership, and nothing more. The same
 * answer for someone who was never a member and for a member not protected on that date.
 */
@Directive('@tag(name: "partner")')
@ObjectType({ description: "A partner's answer: was this physician a member on the date asked" })
export class MembershipConfirmation {
  @Category('MEMBERSHIP')
  @Directive('@tag(name: "partner")')
  @Field()
  isMember!: boolean;

  @Category('MEMBERSHIP')
  @Directive('@tag(name: "partner")')
  @Field(() => MembershipStatus, { description: 'ACTIVE when a member on the date asked, NOT_A_MEMBER otherwise' })
  status!: MembershipStatus;

  @Category('MEMBERSHIP')
  @Directive('@tag(name: "partner")')
  @Field(() => DateScalar, { nullable: true, description: 'Start of the membership period covering the date asked' })
  validFrom!: string | null;

  @Category('MEMBERSHIP')
  @Directive('@tag(name: "partner")')
  @Field(() => DateScalar, { nullable: true, description: 'End of that period; absent while it is current' })
  validTo!: string | null;
}
