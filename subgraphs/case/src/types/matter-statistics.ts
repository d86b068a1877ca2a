import { NonPersonal } from '@mutual-graph/platform';
import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MatterKind } from '../entities/matter-enums.js';

export enum MatterDimension {
  KIND = 'KIND',
  OUTCOME = 'OUTCOME',
  PROVINCE = 'PROVINCE',
  YEAR = 'YEAR',
}
registerEnumType(MatterDimension, { name: 'MatterDimension', description: 'What matter statistics can be grouped by (YEAR: the year opened)' });

@NonPersonal()
@ObjectType()
export class MatterDimensionValue {
  @Field(() => MatterDimension)
  dimension!: MatterDimension;

  @Field({ description: 'The kind, outcome (OPEN while undecided), province or year' })
  value!: string;
}

@NonPersonal()
@ObjectType({ description: 'Matters counted for one combination of the grouping' })
export class MatterStatistics {
  @Field(() => [MatterDimensionValue])
  values!: MatterDimensionValue[];

  @Field(() => Int)
  matters!: number;

  @Field(() => Int)
  closed!: number;

  @Field(() => Int, { description: 'Closed with compensation paid to the patient' })
  compensated!: number;

  @Field(() => Float, { nullable: true, description: 'compensated ÷ closed; absent when none are closed' })
  compensationShare!: number | null;

  @Field({ description: 'Compensation paid, CAD, as a decimal' })
  compensationPaidCad!: string;
}

@NonPersonal()
@InputType()
export class MatterStatisticsFilter {
  @Field(() => MatterKind, { nullable: true })
  kind?: MatterKind | null;

  @Field(() => String, { nullable: true })
  province?: string | null;

  @Field(() => Int, { nullable: true })
  fromYear?: number | null;

  @Field(() => Int, { nullable: true })
  toYear?: number | null;
}
