import { Entity, OneToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { MembershipFee } from './membership-fee.js';
import { MembershipStatus } from './membership-status.js';

/**
 * What a member who resigned or retired is owed of a year's invoice: one per invoice (so a repeated
 * settlement records nothing twice), written in the transaction of the status change.
 */
@ObjectType({ description: 'The settlement of a year’s fee when a member resigned or retired during it' })
@Entity({ tableName: 'fee_refund' })
export class FeeRefund {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @OneToOne(() => MembershipFee, { owner: true, deleteRule: 'cascade', unique: true })
  fee!: MembershipFee;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('FINANCIAL')
  @Field(() => MembershipStatus, { description: 'RESIGNED or RETIRED' })
  @Property({ type: 'string', length: 8 })
  reason!: MembershipStatus.RESIGNED | MembershipStatus.RETIRED;

  @Category('FINANCIAL')
  @Field(() => DateScalar, { description: 'The first day the member was no longer a member' })
  @Property({ type: 'date' })
  leftOn!: string;

  @Category('FINANCIAL')
  @Field(() => Int, { description: "The invoice's part for the days after the member left, in cents, taken off what they owe" })
  @Property({ type: 'integer' })
  unusedCents!: number;

  @Category('FINANCIAL')
  @Field(() => Int, { description: 'Money returned to the member, in cents: what they paid beyond the fee for their days, never more than they paid' })
  @Property({ type: 'integer' })
  refundCents!: number;
}
