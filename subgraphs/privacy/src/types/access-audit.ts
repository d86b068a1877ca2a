import { Category, MemberKey } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

/** One decision of the gateway's access audit, as the privacy office reads it. */
@ObjectType({ description: 'One operation the gateway decided: who, why, which categories, allowed or refused, when' })
export class AccessAuditEntry {
  @Category('PRIVACY_RECORD')
  @Field(() => DateTimeISOResolver)
  occurredAt!: Date;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: "The token's subject; absent when no valid token was presented" })
  principal!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => [String])
  roles!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: 'The purpose of use declared' })
  purpose!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true })
  operationName!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => [String], { description: 'Data categories the operation read (allowed operations)' })
  categories!: string[];

  @Category('PRIVACY_RECORD')
  @Field({ description: 'ALLOWED or REFUSED' })
  decision!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => String, { nullable: true, description: "The refusal's code and, for FORBIDDEN, its rule" })
  refusal!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => [ID], { description: 'Members the operation named' })
  memberIds!: string[];

  @Category('PRIVACY_RECORD')
  @Field()
  requestId!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => ID, { nullable: true, description: "The ACCESS request whose report this operation gathered, when it was the privacy office releasing a member's file" })
  accessReportRequestId!: string | null;
}

@InputType({ description: 'Narrows the access audit; every given field must match' })
export class AccessAuditFilter {
  @Category('PRIVACY_RECORD')
  @MemberKey()
  @Field(() => ID, { nullable: true, description: 'Operations that named this member or read their personal fields (lists included)' })
  memberId?: string;

  @Category('PRIVACY_RECORD')
  @Field({ nullable: true, description: "The token's subject" })
  principal?: string;

  @Category('PRIVACY_RECORD')
  @Field({ nullable: true })
  purpose?: string;

  @Category('PRIVACY_RECORD')
  @Field({ nullable: true, description: 'ALLOWED or REFUSED' })
  decision?: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'From this instant, inclusive' })
  from?: Date;

  @Category('PRIVACY_RECORD')
  @Field(() => DateTimeISOResolver, { nullable: true, description: 'Before this instant' })
  to?: Date;
}
