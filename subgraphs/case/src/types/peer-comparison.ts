import { Category } from '@mutual-graph/platform';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/** A member's matters against their peers': the figures an identification and its explanation share. */
// Never a type of its own in the schema: no field returns it, so type-graphql leaves it out.
@ObjectType()
export abstract class PeerComparison {
  @Category('MEDICO_LEGAL')
  @Field({ description: 'Type of work of the peer group' })
  typeOfWork!: string;

  @Category('MEDICO_LEGAL')
  @Field({ description: 'Fee region of the peer group, or NATIONAL when the regional group was too small' })
  peerRegion!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => Int, { description: 'Members in the peer group, the member included (never fewer others than the minimum cell size)' })
  peerMembers!: number;

  @Category('MEDICO_LEGAL')
  @Field(() => Float, { description: 'Years of protection in the lookback' })
  memberYears!: number;

  @Category('MEDICO_LEGAL')
  @Field(() => Float, { description: 'Matters expected at the peer rate for this exposure' })
  expected!: number;

  @Category('MEDICO_LEGAL')
  @Field(() => Float, { nullable: true, description: 'matters ÷ expected; absent when the peers had no matters at all' })
  rateRatio!: number | null;

  @Category('MEDICO_LEGAL')
  @Field(() => Float, { description: 'Exact one-sided Poisson test: the chance of this many or more at the peer rate' })
  pValue!: number;

  @Category('MEDICO_LEGAL')
  @Field(() => Int, { description: "Funnel plot upper control limit for this exposure, at the test's level: counts above it stand out" })
  upperControlLimit!: number;
}
