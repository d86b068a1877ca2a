import { Category } from '@mutual-graph/platform';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How far a plan has come' })
export class PlanProgress {
  @Category('LEARNING')
  @Field(() => Int)
  done!: number;

  @Category('LEARNING')
  @Field(() => Int)
  total!: number;
}
