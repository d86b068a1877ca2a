import { Category } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';
import { MembershipStatus } from '../entities/membership-status.js';

/** A member's standing: status now, dated periods, and eligibility on a date of care (field resolvers). */
@ObjectType({ description: "A member's status, periods and eligibility" })
export class Membership {
  /** Not exposed: whose membership this is, for the periods loader. */
  memberId!: string;

  @Category('MEMBERSHIP')
  @Field(() => MembershipStatus)
  status!: MembershipStatus;
}
