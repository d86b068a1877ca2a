import { Category, MemberKey, Province } from '@mutual-graph/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The mailing address's province, as the member subgraph holds it (`Member.contact`): all this subgraph asks of it. */
@ObjectType('Contact')
export class ContactProvince {
  @Category('CONTACT')
  @Directive('@external')
  @Field(() => Province)
  province?: Province;
}

/**
 * The member subgraph's entity, extended here with privacy records; this subgraph stores no profile.
 * The service providers that may hold a member's information depend on the member's provinces of
 * practice and of the mailing address, which Federation's @requires has the query planner bring
 * from the member subgraph under the request's own purpose.
 */
@Directive('@key(fields: "id")')
@ObjectType('Member')
export class Member {
  @Category('PROFILE')
  @MemberKey()
  @Field(() => ID)
  id!: string;

  @Category('PROFESSIONAL')
  @Directive('@external')
  @Field(() => Province)
  practiceProvince?: Province;

  @Category('CONTACT')
  @Directive('@external')
  @Field(() => ContactProvince, { nullable: true })
  contact?: ContactProvince | null;
}
