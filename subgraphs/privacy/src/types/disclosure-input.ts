import { MemberKey, NonPersonal } from '@mutual-graph/platform';
import { Field, ID, InputType } from 'type-graphql';

@NonPersonal()
@InputType({ description: 'One disclosure the gateway records for a partner confirmation' })
export class DisclosureInput {
  @MemberKey()
  @Field(() => ID)
  memberId!: string;

  @Field(() => [String])
  categories!: string[];

  @Field()
  description!: string;
}
