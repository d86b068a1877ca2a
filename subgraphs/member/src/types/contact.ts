import { Category, Provenance, Province } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How to reach a member' })
export class Contact {
  @Category('CONTACT')
  @Provenance('MEMBER')
  @Field()
  email!: string;

  @Category('CONTACT')
  @Provenance('MEMBER')
  @Field()
  phone!: string;

  @Category('CONTACT')
  @Provenance('MEMBER')
  @Field()
  city!: string;

  @Category('CONTACT')
  @Provenance('MEMBER')
  @Field(() => Province, { description: "The mailing address's province or territory (where the member practises is practice.province)" })
  province!: Province;
}
