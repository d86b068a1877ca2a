import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, Provenance } from '@mutual-graph/platform';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum PrivacyRequestKind {
  ACCESS = 'ACCESS',
  CORRECTION = 'CORRECTION',
  CONSENT_WITHDRAWAL = 'CONSENT_WITHDRAWAL',
}
registerEnumType(PrivacyRequestKind, { name: 'PrivacyRequestKind' });

export enum PrivacyRequestStatus {
  RECEIVED = 'RECEIVED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  DECLINED = 'DECLINED',
}
registerEnumType(PrivacyRequestStatus, { name: 'PrivacyRequestStatus' });

/** How a request reached the office: the member's own session, or recorded by an officer (mail, phone, in person). */
export enum PrivacyRequestChannel {
  SELF_SERVICE = 'SELF_SERVICE',
  PRIVACY_OFFICE = 'PRIVACY_OFFICE',
}
registerEnumType(PrivacyRequestChannel, { name: 'PrivacyRequestChannel' });

/** The privacy policy's grounds for declining a request, and no others. */
export enum DeclineReason {
  THIRD_PARTY_INFORMATION = 'THIRD_PARTY_INFORMATION',
  CONFIDENTIAL_COMMERCIAL_INFORMATION = 'CONFIDENTIAL_COMMERCIAL_INFORMATION',
  SERIOUS_HARM = 'SERIOUS_HARM',
  LAW_ENFORCEMENT = 'LAW_ENFORCEMENT',
  FORMAL_DISPUTE_RESOLUTION = 'FORMAL_DISPUTE_RESOLUTION',
  PRIVILEGE = 'PRIVILEGE',
  DISPROPORTIONATE_BURDEN = 'DISPROPORTIONATE_BURDEN',
  NOT_HELD = 'NOT_HELD',
  OTHERWISE_PERMITTED_BY_LAW = 'OTHERWISE_PERMITTED_BY_LAW',
}
registerEnumType(DeclineReason, { name: 'PrivacyRequestDeclineReason' });

/**
 * A member's access, correction or consent-withdrawal request, on the statutory clock: due 30 days
 * after receipt, extendable once by up to 30 days with a reason and the date the member was told.
 */
@ObjectType({ description: 'An access, correction or consent-withdrawal request' })
@Entity({ tableName: 'privacy_request' })
@Index({ properties: ['memberId', 'receivedOn'] })
@Index({ properties: ['status', 'dueOn'] })
export class PrivacyRequest {
  @Category('PRIVACY_RECORD')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field(() => PrivacyRequestKind)
  @Enum({ items: () => PrivacyRequestKind, nativeEnumName: 'privacy_request_kind' })
  kind!: PrivacyRequestKind;

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field()
  @Property({ type: 'text' })
  details!: string;

  @Category('PRIVACY_RECORD')
  @Provenance('MEMBER')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  receivedOn!: string;

  // Requests from before the channel was kept count as recorded by the office: the stricter rule.
  @Category('PRIVACY_RECORD')
  @Field(() => PrivacyRequestChannel, { description: "How the request came: the member's own session, or recorded by the privacy office" })
  @Enum({ items: () => PrivacyRequestChannel, nativeEnumName: 'privacy_request_channel', default: PrivacyRequestChannel.PRIVACY_OFFICE })
  channel!: PrivacyRequestChannel;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'The privacy office principal who recorded the request; absent when the member submitted it' })
  @Property({ type: 'string', length: 200, nullable: true })
  recordedBy!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true, description: "When the requester's identity was verified" })
  @Property({ type: 'date', nullable: true })
  identityVerifiedOn!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: "The privacy office principal who verified the requester's identity (never the one who recorded the request)" })
  @Property({ type: 'string', length: 200, nullable: true })
  identityVerifiedBy!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { description: 'Due date: 30 days after receipt, or as extended' })
  @Property({ type: 'date' })
  dueOn!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  extensionReason!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true, description: 'When the member was told of the extension' })
  @Property({ type: 'date', nullable: true })
  memberToldOfExtensionOn!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => PrivacyRequestStatus)
  @Enum({ items: () => PrivacyRequestStatus, nativeEnumName: 'privacy_request_status' })
  status!: PrivacyRequestStatus;

  @Category('PRIVACY_RECORD')
  @Field(() => DeclineReason, { nullable: true })
  @Enum({ items: () => DeclineReason, nativeEnumName: 'privacy_request_decline_reason', nullable: true })
  declineReason!: DeclineReason | null;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  closedOn!: string | null;

  // The written refusal (PIPEDA s. 8(7)): absent on requests not declined, and on those declined before it was kept.
  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'A refusal: the reasons given to the member in writing' })
  @Property({ type: 'text', nullable: true })
  refusalReasons!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'A refusal: the provision of law relied on' })
  @Property({ type: 'text', nullable: true })
  refusalProvision!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'A refusal: the recourse the member was told of, with its time limit, in the words used' })
  @Property({ type: 'text', nullable: true })
  refusalRecourse!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true, description: 'A refusal: the day the written refusal was sent' })
  @Property({ type: 'date', nullable: true })
  refusalSentOn!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'A refusal: the privacy office principal who declined the request' })
  @Property({ type: 'string', length: 200, nullable: true })
  refusedBy!: string | null;
}
