import { Category, DateScalar } from '@mutual-graph/platform';
import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "A member's credits earned in one five-year accreditation cycle" })
export class CreditCycle {
  @Category('LEARNING')
  @Field(() => DateScalar)
  startsOn!: string;

  @Category('LEARNING')
  @Field(() => DateScalar)
  endsOn!: string;

  @Category('LEARNING')
  @Field(() => Float)
  mainproCredits!: number;

  @Category('LEARNING')
  @Field(() => Float)
  mocSection3Hours!: number;

  @Category('LEARNING')
  @Field(() => Int)
  completions!: number;
}
