import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Member } from './member.js';

/**
 * A member's invoice for one year, issued once by the year's billing run (unique per member and
 * year). Its amount follows from the periods in force when it was issued (an open period billed to
 * the year's end); payments and a refund on leaving are recorded against it, never by changing it.
 */
@ObjectType({ description: "A member's membership fee for one year: the invoice, its payments, any refund, and the balance" })
@Entity({ tableName: 'membership_fee' })
@Unique({ properties: ['member', 'year'] })
@Index({ properties: ['year'] })
export class MembershipFee {
  @Category('FINANCIAL')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => Member, { deleteRule: 'cascade' })
  member!: Member;

  @Category('FINANCIAL')
  @Field(() => Int)
  @Property({ type: 'smallint' })
  year!: number;

  @Category('FINANCIAL')
  @Field(() => Int, { description: 'What the invoice billed, in cents (CAD)' })
  @Property({ type: 'integer' })
  amountCents!: number;

  @Category('FINANCIAL')
  @Field(() => DateScalar, { description: 'The first day of the year the invoice bills' })
  @Property({ type: 'date' })
  coveredFrom!: string;

  @Category('FINANCIAL')
  @Field(() => DateScalar, { description: 'The last day of the year the invoice bills' })
  @Property({ type: 'date' })
  coveredTo!: string;

  @Category('FINANCIAL')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  issuedOn!: string;

  /** The privacy policy version the invoice's reminder carried (packages/policy's privacy-policy.ts). */
  @Category('FINANCIAL')
  @Field({ description: 'The privacy policy version this invoice reminded the member of' })
  @Property({ type: 'string', length: 16 })
  privacyPolicyVersion!: string;
}
