import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { MembershipFee } from './membership-fee.js';

/**
 * A payment of a year's fee, as the bank reported it. Only what the policy needs is kept: the
 * amount, the day, the bank's transfer reference (to match a statement line and answer a member's
 * question), and at most the last four digits of the account it came from (so a member can tell
 * which account paid). Never a full account, transit or routing number: nothing here could move money.
 */
@ObjectType({ description: 'A payment of a membership fee' })
@Entity({ tableName: 'fee_payment' })
@Index({ properties: ['fee'] })
export class FeePayment {
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => MembershipFee, { deleteRule: 'cascade' })
  fee!: MembershipFee;

  /** Whose payment: what the shield's subject scope and the read record go by. */
  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('FINANCIAL')
  @Field(() => Int, { description: 'Cents (CAD)' })
  @Property({ type: 'integer' })
  amountCents!: number;

  @Category('FINANCIAL')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  paidOn!: string;

  /** A transfer is recorded once: the bank's reference is unique. ISO 20022's end-to-end id is at most 35 characters. */
  @Category('FINANCIAL')
  @Field({ description: "The bank's reference for the transfer" })
  @Unique()
  @Property({ type: 'string', length: 35 })
  bankReference!: string;

  @Category('FINANCIAL')
  @Field(() => String, { nullable: true, description: 'The last four digits of the paying account, if the bank gave them; never more' })
  @Property({ type: 'character', length: 4, nullable: true })
  accountLast4!: string | null;
}
