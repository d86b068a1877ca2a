import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { NonPersonal } from '@mutual-graph/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { FeeRegion } from './membership-status.js';

/** One line of a year's fee schedule: the annual amount for a type of work in a fee region. About no one. */
@NonPersonal()
@ObjectType({ description: "One line of a year's fee schedule: the annual membership fee for a type of work in a fee region" })
@Entity({ tableName: 'fee_schedule_entry' })
@Unique({ properties: ['year', 'typeOfWork', 'feeRegion'] })
export class FeeScheduleEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @NonPersonal()
  @Field(() => Int)
  @Property({ type: 'smallint' })
  year!: number;

  @NonPersonal()
  @Field({ description: 'Type-of-work code' })
  @Property({ type: 'string', length: 12 })
  typeOfWork!: string;

  @NonPersonal()
  @Field(() => FeeRegion)
  @Enum({ items: () => FeeRegion, nativeEnumName: 'fee_region' })
  feeRegion!: FeeRegion;

  @NonPersonal()
  @Field(() => Int, { description: 'The fee for a whole year, in cents (CAD); a part of the year is prorated by days' })
  @Property({ type: 'integer' })
  annualAmountCents!: number;
}
