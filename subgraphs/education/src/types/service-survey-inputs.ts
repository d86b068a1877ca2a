import { NonPersonal } from '@mutual-graph/platform';
import { Field, InputType, Int } from 'type-graphql';

/** A member's answers to one survey: values to write, selecting no one. */
@NonPersonal()
@InputType({ description: 'Answers to a service survey' })
export class ServiceSurveyAnswers {
  @Field(() => Int, { description: '1 (very dissatisfied) to 5 (very satisfied)' })
  satisfaction!: number;

  @Field(() => Int, { nullable: true, description: 'Advice calls only: stress before the call, 1 (none) to 5 (extreme); with stressAfter' })
  stressBefore?: number | null;

  @Field(() => Int, { nullable: true, description: 'Advice calls only: stress after the call, same scale; with stressBefore' })
  stressAfter?: number | null;

  @Field(() => String, { nullable: true, description: 'Anything the member wants to add (at most 2,000 characters), read by them alone' })
  comment?: string | null;
}
