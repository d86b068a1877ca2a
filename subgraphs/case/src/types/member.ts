import { Category } from '@mutual-graph/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The member subgraph's entity, extended here with casework; this subgraph stores no profile. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Member {
  @Category('PROFILE')
  @Field(() => ID)
  id!: string;
}
