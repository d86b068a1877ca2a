import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';
import { Member } from './member.js';
import { FeeRegion } from './membership-status.js';

/**
 * A dated stretch of protection with its type of work and fee region. Periods are appended,
 * never overwritten: they are what eligibility on a past date of care is decided from.
 */
@ObjectType({ description: 'A dated period of membership' })
@Entity({ tableName: 'membership_period' })
@Index({ properties: ['member', 'startsOn'] })
export class MembershipPeriod {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Member, { deleteRule: 'cascade' })
  member!: Member;

  @Category('MEMBERSHIP')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  startsOn!: string;

  @Category('MEMBERSHIP')
  @Field(() => DateScalar, { nullable: true, description: 'Absent while the period is current' })
  @Property({ type: 'date', nullable: true })
  endsOn!: string | null;

  @Category('MEMBERSHIP')
  @Field({ description: 'Type-of-work code for this period' })
  @Property({ type: 'string', length: 12 })
  typeOfWork!: string;

  @Category('MEMBERSHIP')
  @Field(() => FeeRegion)
  @Enum({ items: () => FeeRegion, nativeEnumName: 'fee_region' })
  feeRegion!: FeeRegion;

  /** Whether this period protects care given on `date`. */
  covers(date: string): boolean {
    return periodCovers(this, date);
  }
}

/** Whether a period, given by its first and last days (`YYYY-MM-DD`; no last day while current), protects care given on `date`. */
export function periodCovers(period: Pick<MembershipPeriod, 'startsOn' | 'endsOn'>, date: string): boolean {
  return period.startsOn <= date && (period.endsOn === null || date <= period.endsOn);
}
