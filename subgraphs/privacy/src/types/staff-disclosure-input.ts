import { MemberKey, NonPersonal } from '@mutual-graph/platform';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';

/** Why the privacy office disclosed a member's information (a partner's confirmation is recorded by the gateway). */
export enum DisclosureBasis {
  /** At the member's direction: a current THIRD_PARTY_DISCLOSURE consent must name the recipient. */
  MEMBER_CONSENT = 'MEMBER_CONSENT',
  /** A subpoena, court order, regulator's demand or other legal obligation. */
  REQUIRED_BY_LAW = 'REQUIRED_BY_LAW',
}
registerEnumType(DisclosureBasis, { name: 'DisclosureBasis' });

@NonPersonal()
@InputType({ description: "A disclosure the privacy office made, recorded for the member's list of who received their information" })
export class StaffDisclosureInput {
  @MemberKey()
  @Field(() => ID)
  memberId!: string;

  @Field({ description: 'The organisation or person that received the information' })
  recipient!: string;

  @Field(() => DisclosureBasis)
  basis!: DisclosureBasis;

  @Field(() => [String], { description: 'The data categories disclosed' })
  categories!: string[];

  @Field({ description: 'What was disclosed, in words (5 to 300 characters)' })
  description!: string;

  @Field(() => DateTimeISOResolver)
  disclosedAt!: Date;
}
