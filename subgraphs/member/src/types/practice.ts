import { Category, Provenance, Province } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where and how a member practises' })
export class Practice {
  @Category('PROFESSIONAL')
  @Provenance('MEMBER')
  @Field(() => Province, { description: 'The province or territory where the member practises (not their mailing address)' })
  province!: Province;

  @Category('PROFESSIONAL')
  @Provenance('MEMBER')
  @Field({ description: 'Specialty code, e.g. FAMILY_MEDICINE' })
  specialty!: string;

  @Category('PROFESSIONAL')
  @Provenance('MEMBER')
  @Field({ description: 'Current type-of-work code, which sets the fee' })
  typeOfWork!: string;
}
