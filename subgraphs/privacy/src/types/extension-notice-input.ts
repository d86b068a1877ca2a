import { DateScalar, NonPersonal } from '@mutual-graph/platform';
import { Field, InputType, Int } from 'type-graphql';
import { ExtensionGround } from '../domain/statutory-clock.js';

@NonPersonal()
@InputType({ description: 'The notice of an extension as given to the member (PIPEDA s. 8(3))' })
export class ExtensionNoticeInput {
  @Field(() => DateScalar, { description: 'The day the notice was given: within the original 30 days' })
  givenOn!: Date;

  @Field(() => Int, { description: 'Days added to the original time limit, 1 to 30' })
  days!: number;

  @Field(() => ExtensionGround)
  ground!: ExtensionGround;

  @Field({ description: 'The reason, in the words of the notice (10 to 2,000 characters)' })
  reason!: string;

  @Field({ description: 'What the notice told the member of their right to complain to the Commissioner (30 to 2,000 characters, naming the Commissioner)' })
  recourse!: string;
}
