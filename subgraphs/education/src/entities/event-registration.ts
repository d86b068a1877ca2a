import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Category, Provenance } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LearningEvent } from './learning-event.js';

export enum RegistrationStatus {
  REGISTERED = 'REGISTERED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });

/**
 * A member's place at an event: registered, on the waitlist (in order), or cancelled. One row per
 * member and event, so registering twice is the same registration.
 */
@ObjectType({ description: "A member's registration for an event" })
@Entity({ tableName: 'event_registration' })
@Unique({ properties: ['event', 'memberId'] })
@Index({ properties: ['memberId'] })
export class EventRegistration {
  @Category('LEARNING')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => LearningEvent)
  event!: LearningEvent;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('LEARNING')
  @Field(() => RegistrationStatus)
  @Enum({ items: () => RegistrationStatus, nativeEnumName: 'registration_status' })
  status!: RegistrationStatus;

  @Category('LEARNING')
  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 is next); absent unless waitlisted' })
  @Property({ type: 'integer', nullable: true })
  waitlistPosition!: number | null;

  @Category('LEARNING')
  @Provenance('MEMBER')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  registeredAt!: Date;

  @Category('LEARNING')
  @Provenance('MEMBER')
  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  cancelledAt!: Date | null;
}
