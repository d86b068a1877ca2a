import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, Provenance } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';

/**
 * A member's optional EDI answers. Stored in the isolated `edi` schema, which only the `mg_edi`
 * role can reach: membership, eligibility and every other path connect as `mg_member`, which has
 * no grant on it. Answers are codes; null is a question left unanswered.
 */
@ObjectType({ description: "A member's optional equity, diversity and inclusion answers (the member alone may read them)" })
@Entity({ tableName: 'edi_profile' })
export class EdiProfile {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @Category('EDI')
  @Provenance('MEMBER')
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  genderIdentity!: string | null;

  @Category('EDI')
  @Provenance('MEMBER')
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  indigenousIdentity!: string | null;

  @Category('EDI')
  @Provenance('MEMBER')
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  racializedIdentity!: string | null;

  @Category('EDI')
  @Provenance('MEMBER')
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  disability!: string | null;

  @Category('EDI')
  @Provenance('MEMBER')
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 40, nullable: true })
  sexualOrientation!: string | null;

  @Category('EDI')
  @Provenance('MEMBER')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  answeredOn!: string;
}
