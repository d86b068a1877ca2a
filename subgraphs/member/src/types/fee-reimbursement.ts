import { Category, DateScalar, NonPersonal } from '@mutual-graph/platform';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * What a fee reimbursement program learns when it asks what a member paid for a year, and nothing
 * more. `confirmed` false, every amount absent, for a number no member has, for a member of another
 * province (or a program outside its years), and for a member who paid nothing that year alike.
 */
@Directive('@tag(name: "partner")')
@ObjectType({ description: "A fee reimbursement program's answer: what a member of its province paid for a year" })
export class FeeReimbursement {
  @NonPersonal()
  @Directive('@tag(name: "partner")')
  @Field(() => Int, { description: 'The fee year asked about' })
  year!: number;

  @Category('FINANCIAL')
  @Directive('@tag(name: "partner")')
  @Field({ description: 'Whether a payment for that year is confirmed' })
  confirmed!: boolean;

  @Category('FINANCIAL')
  @Directive('@tag(name: "partner")')
  @Field(() => Int, { nullable: true, description: 'What the member paid for the year, less any refund, in cents (CAD)' })
  amountPaidCents!: number | null;

  @Category('FINANCIAL')
  @Directive('@tag(name: "partner")')
  @Field(() => DateScalar, { nullable: true, description: 'The first day the fee covers' })
  coveredFrom!: string | null;

  @Category('FINANCIAL')
  @Directive('@tag(name: "partner")')
  @Field(() => DateScalar, { nullable: true, description: 'The last day the fee covers (the day before the member left, when they left during the year)' })
  coveredTo!: string | null;

  @Category('FINANCIAL')
  @Directive('@tag(name: "partner")')
  @Field(() => Int, { nullable: true, description: "The province's share of the amount paid, in cents, when the program defines one (rounded half up)" })
  provinceShareCents!: number | null;
}
