import { Category, Province } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How to reach a member' })
export class Contact {
  @Category('CONTACT')
  @Field()
  email!: string;

  @Category('CONTACT')
  @Field()
  phone!: string;

  @Category('CONTACT')
  @Field()
  city!: string;

  @Category('CONTACT')
  @Field(() => Province, { description: "The mailing address's province or territory (where the member practises is practice.province)" })
  province!: Province;
}
