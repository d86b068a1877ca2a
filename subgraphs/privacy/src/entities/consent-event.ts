import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, Provenance } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ConsentMethod, ConsentPurpose } from './consent-enums.js';

export enum ConsentDecision {
  GRANTED = 'GRANTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(ConsentDecision, { name: 'ConsentDecision' });

/** One decision in a consent's history, appended and never changed: granted or withdrawn, when and how. */
@ObjectType({ description: 'A decision in the history of a consent' })
@Entity({ tableName: 'consent_event' })
@Index({ properties: ['memberId', 'purpose', 'recordedAt'] })
export class ConsentEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field(() => ConsentPurpose)
  @Enum({ items: () => ConsentPurpose, nativeEnumName: 'consent_purpose' })
  purpose!: ConsentPurpose;

  /** As on the consent: the named third party, or NO_RECIPIENT. */
  @Property({ type: 'string', length: 100, default: '' })
  recipient!: string;

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field(() => ConsentDecision)
  @Enum({ items: () => ConsentDecision, nativeEnumName: 'consent_decision' })
  decision!: ConsentDecision;

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  recordedAt!: Date;

  @Category('PRIVACY_RECORD')
  @Field(() => ConsentMethod)
  @Enum({ items: () => ConsentMethod, nativeEnumName: 'consent_method' })
  method!: ConsentMethod;
  @Category('PRIVACY_RECORD')
  @Field({ description: 'The privacy policy version in force when the decision was made' })
  @Property({ type: 'string', length: 16 })
  policyVersion!: string;
}
