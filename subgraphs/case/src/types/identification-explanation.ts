import { Category, DateScalar } from '@mutual-graph/platform';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MatterKind } from '../entities/matter-enums.js';
import { IdentificationObservation } from '../entities/identification-observation.js';
import { PeerComparison } from './peer-comparison.js';

export enum IdentificationBasis {
  RECORDED_AT_IDENTIFICATION = 'RECORDED_AT_IDENTIFICATION',
  RECOMPUTED_AS_OF_IDENTIFICATION = 'RECOMPUTED_AS_OF_IDENTIFICATION',
}
registerEnumType(IdentificationBasis, {
  name: 'IdentificationBasis',
  valuesConfig: {
    RECORDED_AT_IDENTIFICATION: { description: 'The figures the decision used, recorded when the enrolment was opened' },
    RECOMPUTED_AS_OF_IDENTIFICATION: { description: 'An enrolment older than that record: worked out again as of its day, with the standard settings' },
  },
});

@ObjectType({ description: 'A matter counted in an identification, as it stood then' })
export class IdentificationMatter {
  memberId!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => ID)
  id!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => MatterKind)
  kind!: MatterKind;

  @Category('MEDICO_LEGAL')
  @Field(() => DateScalar)
  openedOn!: string;
}

@ObjectType({ description: 'Why a member was identified for the Member Support Program: the information used and the principal factors, as of the identification' })
export class IdentificationExplanation extends PeerComparison {
  /** Whose explanation this is: the shield's own-record check reads it. */
  memberId!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => ID, { description: 'The enrolment the identification opened' })
  enrolmentId!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => DateScalar)
  identifiedOn!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => IdentificationBasis)
  basis!: IdentificationBasis;

  @Category('MEDICO_LEGAL')
  @Field(() => DateScalar, { description: 'First day of the lookback' })
  lookbackFrom!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => DateScalar, { description: 'Last day of the lookback (the identification day)' })
  lookbackTo!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => Int)
  lookbackYears!: number;

  @Category('MEDICO_LEGAL')
  @Field(() => Int, { description: "The member's matters opened in the lookback" })
  matterCount!: number;

  @Category('MEDICO_LEGAL')
  @Field(() => [IdentificationMatter], { description: 'The matters counted, oldest first' })
  matters!: IdentificationMatter[];

  @Category('MEDICO_LEGAL')
  @Field({ description: 'Which peers, and why those, in words' })
  peerGroupChoice!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => Float, { description: 'Matters per member-year among the peers, the member left out' })
  peerRate!: number;

  @Category('MEDICO_LEGAL')
  @Field(() => Float, { description: 'The significance level the test used' })
  significanceLevel!: number;

  @Category('MEDICO_LEGAL')
  @Field({ description: 'The explanation in sentences' })
  inPlainWords!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => [IdentificationObservation], { description: "The member's observations, oldest first" })
  observations!: IdentificationObservation[];
}
