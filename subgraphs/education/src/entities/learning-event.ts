import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { NonPersonal } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LearningActivity } from './learning-activity.js';

/** A scheduled session of a learning activity (a workshop, a webinar): not personal information. */
@NonPersonal()
@ObjectType({ description: 'A scheduled session of a learning activity' })
@Entity({ tableName: 'learning_event' })
@Index({ properties: ['startsAt'] })
export class LearningEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => LearningActivity)
  activity!: LearningActivity;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Where it is held; absent when online only' })
  @Property({ type: 'string', length: 200, nullable: true })
  place!: string | null;

  @Field(() => String, { nullable: true, description: 'Where to join online; absent when in person only' })
  @Property({ type: 'string', length: 300, nullable: true })
  onlineLink!: string | null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  capacity!: number;
}
