import { NonPersonal, Province } from '@mutual-graph/platform';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { EdiDimension } from '../reporting/edi-dimensions.js';

@NonPersonal()
@ObjectType({ description: 'One value of one dimension of a cell' })
export class EdiDimensionValue {
  @Field(() => EdiDimension)
  dimension!: EdiDimension;

  @Field({ description: 'The answer code, province or specialty; NOT_ANSWERED for a question left blank' })
  value!: string;
}

@NonPersonal()
@ObjectType({ description: 'A count of members sharing these values; absent when suppressed' })
export class EdiCell {
  @Field(() => [EdiDimensionValue])
  values!: EdiDimensionValue[];

  @Field(() => Int, { nullable: true, description: 'Null when suppressed' })
  count!: number | null;

  @Field()
  suppressed!: boolean;
}

@NonPersonal()
@ObjectType({ description: 'EDI answers counted in aggregate, with small cells suppressed; never a member identifier' })
export class EdiSummary {
  @Field(() => [EdiCell])
  cells!: EdiCell[];

  @Field(() => Int, { description: 'How many cells were suppressed, as too small or to protect one that was' })
  suppressedCells!: number;

  @Field(() => Int, { description: 'Cells under this count are suppressed' })
  minimumCellSize!: number;
}

@NonPersonal()
@InputType({ description: 'Narrows an EDI summary to a province and/or a specialty' })
export class EdiSummaryFilter {
  @Field(() => Province, { nullable: true })
  province?: Province;

  @Field({ nullable: true })
  specialty?: string;
}
