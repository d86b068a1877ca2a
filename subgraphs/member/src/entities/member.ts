import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, MemberKey, Provenance, Province } from '@mutual-graph/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { MembershipStatus, STORED_STATUSES } from './membership-status.js';

/** A physician member: the entity every subgraph extends, and the only place their profile is stored. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A physician member of the organisation' })
@Entity({ tableName: 'member' })
@Index({ properties: ['lastName', 'id'] })
@Index({ properties: ['practiceProvince', 'specialty', 'typeOfWork', 'status'] })
export class Member {
  @Category('PROFILE')
  @MemberKey()
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Category('PROFESSIONAL')
  @Field({ description: "The organisation's membership number" })
  @Unique()
  @Property({ type: 'string', length: 16 })
  membershipNumber!: string;

  @Category('PROFESSIONAL')
  @Provenance('MEMBER')
  @Field(() => String, { nullable: true, description: 'Medical Identification Number for Canada (CAMD-dddd-dddd)' })
  @Unique()
  @Property({ type: 'string', length: 14, nullable: true })
  minc!: string | null;

  @Category('PROFILE')
  @Provenance('MEMBER')
  @Field()
  @Property({ type: 'string', length: 100 })
  firstName!: string;

  @Category('PROFILE')
  @Provenance('MEMBER')
  @Field()
  @Property({ type: 'string', length: 100 })
  lastName!: string;

  @Category('PROFILE')
  @Provenance('MEMBER')
  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  dateOfBirth!: string | null;

  @Property({ type: 'string', length: 2 })
  preferredLanguage!: string;

  // Contact and practice columns are served as the nested `contact` and `practice` objects.
  // Contact is null once destroyed under the retention schedule (member-contact).
  @Property({ type: 'string', length: 254, nullable: true })
  email!: string | null;

  @Property({ type: 'string', length: 32, nullable: true })
  phone!: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  city!: string | null;

  /** The mailing address's province (CONTACT): where to write to the member, not where they practise. */
  @Enum({ items: () => Province, nativeEnumName: 'province', nullable: true })
  mailingProvince!: Province | null;

  /**
   * Where the member practises (PROFESSIONAL): fee region, peer groups, EDI reporting. The column
   * keeps its first name, `province`; the property says which province it is.
   */
  @Enum({ items: () => Province, nativeEnumName: 'province', fieldName: 'province' })
  practiceProvince!: Province;

  @Property({ type: 'string', length: 40 })
  specialty!: string;

  @Property({ type: 'string', length: 12 })
  typeOfWork!: string;

  @Enum({ items: () => STORED_STATUSES, nativeEnumName: 'membership_status' })
  status!: MembershipStatus;

  /** The day the record was anonymised under the retention schedule (member-identity); null while it is about someone. */
  @Property({ type: 'date', nullable: true })
  anonymisedOn!: string | null;
}
