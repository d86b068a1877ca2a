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

  @Field(() => String, { nullable: true, description: 's. 7(1): a description of the personal information concerned (10 to 5,000 characters); this or informationNotDescribedBecause' })
  informationDescription?: string | null;

  @Field(() => String, { nullable: true, description: 's. 7(1): when the information is not known, why it cannot be described (10 to 2,000 characters)' })
  informationNotDescribedBecause?: string | null;

  @Field({ defaultValue: false, description: 's. 7(3): the dates are an approximation' })
  occurrenceApproximate!: boolean;

  @Field({ defaultValue: false, description: 's. 7(5): peopleConcerned is an approximation' })
  peopleConcernedApproximate!: boolean;

  @Field(() => [String], { description: 'Data categories of the information concerned' })
  categories!: string[];

  @MemberKey()
  @Field(() => [ID], { description: 'Members concerned, where known' })
  memberIds!: string[];

  @Field(() => Int, { description: 'How many people are concerned in all, at least the members named' })
  peopleConcerned!: number;
}

@NonPersonal()
@InputType({ description: "s. 7(6) of Quebec's Regulation respecting confidentiality incidents: the elements a risk assessment rests on, each 10 to 2,000 characters" })
export class IncidentRiskElementsInput {
  @Field({ description: 'The sensitivity of the information concerned' })
  sensitivity!: string;

  @Field({ description: 'The possible ill-intentioned uses of the information' })
  possibleMisuse!: string;

  @Field({ description: 'The anticipated consequences of its use' })
  consequences!: string;

  @Field({ description: 'The likelihood that it is used for injurious purposes' })
  likelihood!: string;
}
