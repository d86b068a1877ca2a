import { Category, Provenance } from '@mutual-graph/platform';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ConsentMethod, ConsentPurpose, ConsentStatus } from './consent-enums.js';

/** A member's consent for one purpose (and, for disclosures, one recipient) as it stands: granted, or withdrawn and when. */
@ObjectType({ description: "A member's consent for one purpose" })
@Entity({ tableName: 'consent' })
@Unique({ properties: ['memberId', 'purpose', 'recipient'] })
// The communications audience, paged by member id.
@Index({ properties: ['purpose', 'status', 'recipient', 'memberId'] })
export class Consent {
  @Category('PRIVACY_RECORD')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field(() => ConsentPurpose)
  @Enum({ items: () => ConsentPurpose, nativeEnumName: 'consent_purpose' })
  purpose!: ConsentPurpose;

  /** The third party a THIRD_PARTY_DISCLOSURE consent names; NO_RECIPIENT for every other purpose. */
  @Property({ type: 'string', length: 100, default: '' })
  recipient!: string;

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field(() => ConsentStatus)
  @Enum({ items: () => ConsentStatus, nativeEnumName: 'consent_status' })
  status!: ConsentStatus;

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Absent when a withdrawal is the first this office recorded of it' })
  @Property({ type: 'datetime', nullable: true })
  grantedAt!: Date | null;

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  withdrawnAt!: Date | null;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The privacy policy version the member consented under (for a consent never granted: the one its withdrawal was recorded under)' })
  @Property({ type: 'string', length: 16 })
  policyVersion!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => ConsentMethod, { description: 'How the latest decision was recorded' })
  @Enum({ items: () => ConsentMethod, nativeEnumName: 'consent_method' })
  method!: ConsentMethod;
}
