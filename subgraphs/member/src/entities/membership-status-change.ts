import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { Member } from './member.js';
import { MembershipStatus, STORED_STATUSES } from './membership-status.js';

/** One step of a member's lifecycle, appended and never changed: the record of how the status came to be. */
@ObjectType({ description: 'A change of membership status' })
@Entity({ tableName: 'membership_status_change' })
@Index({ properties: ['member', 'effectiveOn'] })
export class MembershipStatusChange {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Member, { deleteRule: 'cascade' })
  member!: Member;

  @Category('MEMBERSHIP')
  @Field(() => MembershipStatus, { nullable: true, description: 'Absent for the application itself' })
  @Enum({ items: () => STORED_STATUSES, nativeEnumName: 'membership_status', nullable: true })
  fromStatus!: MembershipStatus | null;

  @Category('MEMBERSHIP')
  @Field(() => MembershipStatus)
  @Enum({ items: () => STORED_STATUSES, nativeEnumName: 'membership_status' })
  toStatus!: MembershipStatus;

  @Category('MEMBERSHIP')
  @Field(() => DateScalar, { description: 'First day of the new status' })
  @Property({ type: 'date' })
  effectiveOn!: string;

  @Category('MEMBERSHIP')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  recordedAt!: Date;
}
