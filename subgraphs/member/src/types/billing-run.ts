import { NonPersonal } from '@mutual-graph/platform';
import { DateTimeISOResolver, SafeIntResolver } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';

/** A year's annual billing as a whole: counts and totals about no one, and the privacy policy reminder it carried. */
@NonPersonal()
@ObjectType({ description: "A year's annual billing: the invoices issued (once per member), their total, and the privacy policy reminder they carried" })
export class BillingRun {
  @NonPersonal()
  @Field(() => Int)
  year!: number;

  @NonPersonal()
  @Field(() => DateTimeISOResolver, { description: "When the year's billing was first issued" })
  firstIssuedAt!: Date;

  @NonPersonal()
  @Field(() => Int, { description: 'Invoices this call issued: members active in the year who had none (0 when run again)' })
  invoicesIssued!: number;

  @NonPersonal()
  @Field(() => Int, { description: "Every invoice of the year, this call's and earlier runs'" })
  invoices!: number;

  @NonPersonal()
  @Field(() => SafeIntResolver, { description: "The year's invoices' total, in cents (CAD)" })
  totalCents!: number;

  @NonPersonal()
  @Field({ description: 'The privacy policy version the reminders carried' })
  privacyPolicyVersion!: string;

  @NonPersonal()
  @Field(() => [String], { description: 'What that version changed, as the reminder tells members' })
  privacyPolicyChanges!: string[];
}
