import { NonPersonal, Province } from '@mutual-graph/platform';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { EdiDimension } from '../reporting/edi-dimensions.js';
import { EdiReleaseInfo } from './edi-release.js';

@NonPersonal()
@ObjectType({ description: 'One value of one dimension of a cell' })
export class EdiDimensionValue {
  @Field(() => EdiDimension)
  dimension!: EdiDimension;

  @Field({ description: 'The answer code, province or specialty; NOT_ANSWERED for a question left blank' })
  value!: string;
}

@NonPersonal()
@ObjectType({ description: 'A noisy count of respondents sharing these values; absent when under the minimum cell size' })
export class EdiCell {
  @Field(() => [EdiDimensionValue])
  values!: EdiDimensionValue[];

  @Field(() => Int, { nullable: true, description: 'The published (noisy) count; null when suppressed' })
  count!: number | null;

  @Field()
  suppressed!: boolean;
}

@NonPersonal()
@ObjectType({ description: 'One table (or a slice of one) of a published EDI release; never a member identifier' })
export class EdiSummary {
  @Field(() => EdiReleaseInfo, { description: 'The release the cells come from' })
  release!: EdiReleaseInfo;

  @Field(() => [EdiCell])
  cells!: EdiCell[];

  @Field(() => Int, { description: 'How many of these cells were suppressed (noisy count under the minimum)' })
  suppressedCells!: number;

  @Field(() => Int, { description: 'Noisy counts under this are suppressed' })
  minimumCellSize!: number;
}

@NonPersonal()
@InputType({ description: 'A slice of a release table by province and/or specialty (the table must have those dimensions)' })
export class EdiSummaryFilter {
  @Field(() => Province, { nullable: true })
  province?: Province;

  @Field({ nullable: true })
  specialty?: string;
}
