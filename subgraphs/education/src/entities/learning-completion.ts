import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { LearningActivity } from './learning-activity.js';

/** A member's completion of a learning activity, with the credits it earned. */
@ObjectType({ description: "A completed learning activity in a member's record" })
@Entity({ tableName: 'learning_completion' })
@Index({ properties: ['memberId', 'completedOn'] })
export class LearningCompletion {
  @Category('LEARNING')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  // Served through the activity loader, so a record of many completions costs one statement.
  @ManyToOne(() => LearningActivity)
  activity!: LearningActivity;

  @Category('LEARNING')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  completedOn!: string;

  @Category('LEARNING')
  @Field(() => Float)
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  credits!: string;
}
