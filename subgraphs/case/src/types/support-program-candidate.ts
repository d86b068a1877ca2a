import { Category } from '@mutual-graph/platform';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Member } from './member.js';

@ObjectType({ description: "A member whose medico-legal experience is greater than their peers' beyond chance" })
export class SupportProgramCandidate {
  memberId!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => Member)
  member!: Member;

  @Category('MEDICO_LEGAL')
  @Field({ description: 'Type of work of the peer group' })
  typeOfWork!: string;

  @Category('MEDICO_LEGAL')
  @Field({ description: 'Fee region of the peer group, or NATIONAL when the regional group was too small' })
  peerRegion!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => Int)
  peerMembers!: number;

  @Category('MEDICO_LEGAL')
  @Field(() => Float, { description: 'Years of protection in the lookback' })
  memberYears!: number;

  @Category('MEDICO_LEGAL')
  @Field(() => Int, { description: 'Matters opened in the lookback' })
  matters!: number;

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
  @Field(() => Int, { description: "Funnel plot upper control limit for this exposure, at the test's level" })
  upperControlLimit!: number;
}
