import { Category } from '@mutual-graph/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import { Member } from './member.js';
import { PeerComparison } from './peer-comparison.js';

@ObjectType({ description: "A member whose medico-legal experience is greater than their peers' beyond chance" })
export class SupportProgramCandidate extends PeerComparison {
  memberId!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => Member)
  member!: Member;

  @Category('MEDICO_LEGAL')
  @Field(() => Int, { description: 'Matters opened in the lookback' })
  matters!: number;
}
