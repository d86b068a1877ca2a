import { Category, MemberKey, NonPersonal } from '@mutual-graph/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** One advice call as the survey subgraph needs it: whose it was, and nothing of what it was about. */
@ObjectType({ description: 'An advice call to survey its member about' })
export class AdviceCallToSurvey {
  @Category('MEDICO_LEGAL')
  @MemberKey()
  @Field(() => ID)
  memberId!: string;
}

/**
 * A day of advice calls, an entity keyed by the day, so that the education subgraph's declared peer
 * call (ADVICE_CALLS_TO_SURVEY_CALL) can ask for the calls to survey: no root field returns one,
 * so no client's operation reaches the list, under any purpose.
 */
@Directive('@key(fields: "on")')
@ObjectType({ description: 'A day of advice calls (reached by the survey subgraph alone)' })
export class AdviceCallDay {
  @NonPersonal()
  @Field(() => String, { description: 'The day, YYYY-MM-DD' })
  on!: string;
}
