import { NonPersonal } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';

@NonPersonal()
@InputType({ description: 'A session of a learning activity to schedule' })
export class ScheduleEventInput {
  @Field(() => ID)
  activityId!: string;

  @Field(() => DateTimeISOResolver)
  startsAt!: Date;

  @Field(() => DateTimeISOResolver)
  endsAt!: Date;

  @Field(() => String, { nullable: true })
  place?: string | null;

  @Field(() => String, { nullable: true })
  onlineLink?: string | null;

  @Field(() => Int)
  capacity!: number;
}
