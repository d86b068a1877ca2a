import { DateScalar, MemberKey, NonPersonal } from '@mutual-graph/platform';
import { Field, ID, InputType, Int } from 'type-graphql';

@NonPersonal()
@InputType({ description: 'A confidentiality incident as first recorded' })
export class ConfidentialityIncidentInput {
  @Field({ description: 'What happened, and the circumstances (10 to 5,000 characters)' })
  description!: string;

  @Field(() => DateScalar)
  occurredFrom!: Date;

  @Field(() => DateScalar, { nullable: true })
  occurredTo?: Date | null;

  @Field(() => DateScalar)
  discoveredOn!: Date;

  @Field(() => [String], { description: 'Data categories of the information concerned' })
  categories!: string[];

  @MemberKey()
  @Field(() => [ID], { description: 'Members concerned, where known' })
  memberIds!: string[];

  @Field(() => Int, { description: 'How many people are concerned in all, at least the members named' })
  peopleConcerned!: number;
}
