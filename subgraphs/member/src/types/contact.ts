import { Province } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: "How to reach a member" })
export class Contact {
  @Field()
  email!: string;

  @Field()
  phone!: string;

  @Field()
  city!: string;

  @Field(() => Province)
  province!: Province;
}
