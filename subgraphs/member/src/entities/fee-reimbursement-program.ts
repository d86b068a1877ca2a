import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { NonPersonal, Province } from '@mutual-graph/platform';
import { Field, Int, ObjectType } from 'type-graphql';

/**
 * A province's fee reimbursement program (or the medical association administering it), as a
 * partner system: its partner id is the one its tokens carry. It may ask what a member practising
 * in its province paid for a year within the years it runs. About no member.
 */
@NonPersonal()
@ObjectType({ description: "A province's fee reimbursement program, a partner that may confirm what its province's members paid" })
@Entity({ tableName: 'fee_reimbursement_program' })
@Unique({ properties: ['partnerId', 'province'] })
export class FeeReimbursementProgram {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @NonPersonal()
  @Field({ description: "The partner id the program's tokens carry" })
  @Property({ type: 'string', length: 64 })
  partnerId!: string;

  @NonPersonal()
  @Field()
  @Property({ type: 'string', length: 120 })
  name!: string;

  @NonPersonal()
  @Field(() => Province)
  @Enum({ items: () => Province, nativeEnumName: 'province' })
  province!: Province;

  @NonPersonal()
  @Field(() => Int, { nullable: true, description: "The province's share of the fee, in basis points (8500 = 85%), when the program defines one" })
  @Property({ type: 'smallint', nullable: true })
  shareBasisPoints!: number | null;

  @NonPersonal()
  @Field(() => Int, { description: 'The first fee year the program covers' })
  @Property({ type: 'smallint' })
  fromYear!: number;

  @NonPersonal()
  @Field(() => Int, { nullable: true, description: 'The last fee year the program covers; absent while it runs' })
  @Property({ type: 'smallint', nullable: true })
  toYear!: number | null;
}
