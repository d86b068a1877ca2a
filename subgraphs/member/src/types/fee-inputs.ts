import { DateScalar, MemberKey, NonPersonal, Province } from '@mutual-graph/platform';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FeeRegion } from '../entities/membership-status.js';

@NonPersonal()
@InputType({ description: 'One line of a fee schedule' })
export class FeeScheduleEntryInput {
  @NonPersonal()
  @Field()
  typeOfWork!: string;

  @NonPersonal()
  @Field(() => FeeRegion)
  feeRegion!: FeeRegion;

  @NonPersonal()
  @Field(() => Int, { description: 'Cents (CAD) for a whole year' })
  annualAmountCents!: number;
}

@NonPersonal()
@InputType({ description: 'A payment as the bank reported it: only what the policy keeps (never a full account or routing number)' })
export class FeePaymentInput {
  @NonPersonal()
  @MemberKey()
  @Field(() => ID)
  memberId!: string;

  @NonPersonal()
  @Field(() => Int, { description: 'The fee year paid for' })
  year!: number;

  @NonPersonal()
  @Field(() => Int, { description: 'Cents (CAD), at most what the year still owes' })
  amountCents!: number;

  @NonPersonal()
  @Field(() => DateScalar)
  paidOn!: Date;

  @NonPersonal()
  @Field({ description: "The bank's transfer reference: 1 to 35 letters, digits and / - ? : ( ) . , ' + or spaces" })
  bankReference!: string;

  @NonPersonal()
  @Field(() => String, { nullable: true, description: 'The last four digits of the paying account, and nothing more' })
  accountLast4?: string | null;
}

@NonPersonal()
@InputType({ description: 'A fee reimbursement program' })
export class FeeReimbursementProgramInput {
  @NonPersonal()
  @Field({ description: "The partner id the program's tokens carry" })
  partnerId!: string;

  @NonPersonal()
  @Field()
  name!: string;

  @NonPersonal()
  @Field(() => Province)
  province!: Province;

  @NonPersonal()
  @Field(() => Int, { nullable: true, description: "The province's share in basis points (0 to 10000), if the program defines one" })
  shareBasisPoints?: number | null;

  @NonPersonal()
  @Field(() => Int)
  fromYear!: number;

  @NonPersonal()
  @Field(() => Int, { nullable: true })
  toYear?: number | null;
}
