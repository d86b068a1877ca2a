import { Category, DateScalar } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';
import { DataLocation } from './data-location.js';

/** A service provider as the member sees it in their own record: what it does, what it received, where it keeps it; never the assessments. */
@ObjectType({ description: "A service provider that may hold the member's information" })
export class MemberServiceProvider {
  @Category('PRIVACY_RECORD')
  @Field()
  name!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The service it performs for us' })
  service!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => [String], { description: "The data categories of the member's province it receives, or received" })
  categories!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => [DataLocation], { description: 'Where it keeps the data' })
  locations!: DataLocation[];

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true, description: "When it stopped receiving the information of the member's province; null while it receives it" })
  stoppedReceivingOn!: string | null;
}
