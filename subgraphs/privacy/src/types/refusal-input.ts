import { DateScalar, NonPersonal } from '@mutual-graph/platform';
import { Field, InputType } from 'type-graphql';

@NonPersonal()
@InputType({ description: 'The written refusal sent to the member (PIPEDA s. 8(7)), and what it holds from disposition' })
export class WrittenRefusalInput {
  @Field({ description: 'The reasons, as written to the member (20 to 5,000 characters)' })
  reasons!: string;

  @Field({ description: 'The provision of law relied on, e.g. "PIPEDA s. 9(3)(a)" (3 to 300 characters)' })
  provision!: string;

  @Field({ description: 'The recourse the member was told of, with its time limit, in the words used (30 to 2,000 characters)' })
  recourse!: string;

  @Field(() => DateScalar, { description: 'The day the refusal was sent' })
  sentOn!: Date;

  @Field(() => [String], { description: 'The data categories the request asked for: held from disposition until recourse is exhausted' })
  informationRequested!: string[];
}
