import { DateScalar, NonPersonal } from '@mutual-graph/platform';
import { Field, InputType } from 'type-graphql';

@NonPersonal()
@InputType({ description: 'A period of protection, as the member subgraph holds it' })
export class ProtectionPeriodInput {
  @Field(() => DateScalar)
  startsOn!: Date;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: Date | null;

  @Field()
  typeOfWork!: string;

  @Field()
  feeRegion!: string;
}
