import { NonPersonal, Province } from '@mutual-graph/platform';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@mutual-graph/platform';
import { SurveyedService } from '../domain/surveyed-service.js';

/** What survey results can be grouped by. */
export enum SurveyDimension {
  QUARTER = 'QUARTER',
  PROVINCE = 'PROVINCE',
}
registerEnumType(SurveyDimension, { name: 'SurveyDimension', description: 'What service survey results can be grouped by: calendar quarter, province of practice' });

/** One group of results: figures over at least the minimum number of respondents, or withheld. */
@NonPersonal()
@ObjectType({ description: 'Survey results of one group (a quarter, a province, or both), about no one' })
export class ServiceSurveyGroup {
  @Field(() => String, { nullable: true, description: 'The quarter (`2026-Q3`), when grouped by quarter' })
  quarter!: string | null;

  @Field(() => Province, { nullable: true, description: 'The province, when grouped by province and shown alone; null for the other provinces pooled' })
  province!: Province | null;

  @Field(() => [Province], { description: 'The provinces the group counts (several when pooled); empty when withheld' })
  provinces!: Province[];

  @Field(() => Boolean, { description: 'Whether a group of members whose province was not known is pooled in too' })
  includesUnknownProvince!: boolean;

  @Field(() => Int, { nullable: true })
  respondents!: number | null;

  @Field(() => Float, { nullable: true })
  satisfactionRate!: number | null;

  @Field(() => Float, { nullable: true })
  severeStressReduction!: number | null;

  @Field(() => Boolean)
  suppressed!: boolean;
}

/** The contract's totals, and the groups asked for beside them. */
@NonPersonal()
@ObjectType({ description: 'Service survey results over closed quarters, small cells suppressed, about no one' })
export class ServiceSurveyResults {
  @Field(() => SurveyedService)
  service!: SurveyedService;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the first closed quarter counted' })
  from!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the last closed quarter counted' })
  to!: string | null;

  @Field(() => Int, { nullable: true, description: 'Members who answered (each once a quarter)' })
  respondents!: number | null;

  @Field(() => Float, { nullable: true, description: 'Respondents satisfied or very satisfied (4 or 5 of 5) over respondents' })
  satisfactionRate!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Advice calls: (members severely stressed before − after) / members severely stressed before, among those who rated both; severe is 4 or 5 of 5',
  })
  severeStressReduction!: number | null;

  @Field(() => Boolean, { description: 'True when nothing can be published: no closed quarter in range has enough respondents' })
  suppressed!: boolean;

  @Field(() => [String], { description: 'Quarters in range withheld whole (too few respondents), counted nowhere' })
  withheldQuarters!: string[];

  @Field(() => Int, { description: 'No published figure counts fewer members than this' })
  minimumCellSize!: number;

  @Field(() => [ServiceSurveyGroup], { description: 'The groups asked for by `groupBy`; empty without it' })
  groups!: ServiceSurveyGroup[];
}

@NonPersonal()
@ObjectType({ description: 'Surveys sent for one day of a service' })
export class ServiceSurveySending {
  @Field(() => SurveyedService)
  service!: SurveyedService;

  @Field(() => DateScalar)
  on!: string;

  @Field(() => Int, { description: 'Surveys sent now (members whose survey consent is current and who were not surveyed about this service this quarter)' })
  sent!: number;
}
