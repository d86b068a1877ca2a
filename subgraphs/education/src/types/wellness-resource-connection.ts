import { NonPersonal } from '@mutual-graph/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { WellnessResource } from '../entities/wellness-resource.js';

@NonPersonal()
@ObjectType({ description: 'A page of wellness resources, newest first' })
export class WellnessResourceConnection {
  @Field(() => [WellnessResource])
  nodes!: WellnessResource[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;

  @Field(() => Int)
  totalCount!: number;
}
