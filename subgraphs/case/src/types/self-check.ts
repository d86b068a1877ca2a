import { NonPersonal } from '@mutual-graph/platform';
import { Field, InputType, ObjectType } from 'type-graphql';

@NonPersonal()
@ObjectType({ description: 'A question of the Member Support Program self-check' })
export class SelfCheckQuestion {
  @Field()
  code!: string;

  @Field()
  text!: string;
}

@NonPersonal()
@InputType()
export class SelfCheckAnswerInput {
  @Field()
  code!: string;

  @Field()
  answer!: boolean;
}
