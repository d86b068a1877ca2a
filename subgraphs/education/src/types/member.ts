import { Category, Language, MemberKey, Province } from '@mutual-graph/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { MatterKind } from '@mutual-graph/platform';

/**
 * The member subgraph's entity, extended here with learning. Support suggestions need three facts
 * this subgraph does not hold; Federation's @requires has the query planner bring them from the
 * subgraphs that do, under the request's own purpose.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Member {
  @Category('PROFILE')
  @MemberKey()
  @Field(() => ID)
  id!: string;

  @Category('MEDICO_LEGAL')
  @Directive('@external')
  @Field(() => [MatterKind])
  openMatterKinds?: MatterKind[];

  @Category('PROFILE')
  @Directive('@external')
  @Field(() => Language)
  preferredLanguage?: Language;

  @Category('PROFESSIONAL')
  @Directive('@external')
  @Field(() => Province)
  practiceProvince?: Province;
}
