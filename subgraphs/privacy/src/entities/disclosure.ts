import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * A disclosure of a member's information to someone outside the organisation: who received it,
 * for which purpose, which categories, when. Partner confirmations write one each; members see
 * theirs, the privacy office lists them.
 */
@ObjectType({ description: "A disclosure of a member's information to an outside organisation" })
@Entity({ tableName: 'disclosure' })
@Index({ properties: ['memberId', 'disclosedAt'] })
@Index({ properties: ['recipient', 'disclosedAt'] })
export class Disclosure {
  @Category('PRIVACY_RECORD')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The organisation that received the information (a partner id, or as the privacy office recorded it)' })
  @Property({ type: 'string', length: 100 })
  recipient!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: "Why it was disclosed: PARTNER_CONFIRMATION, MEMBER_CONSENT, REQUIRED_BY_LAW, or ACCESS_REQUEST (the member's own access report)" })
  @Property({ type: 'string', length: 40 })
  purpose!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => [String], { description: 'The data categories disclosed' })
  @Property({ type: 'array' })
  categories!: string[];

  @Category('PRIVACY_RECORD')
  @Field({ description: 'What was disclosed, in words' })
  @Property({ type: 'string', length: 300 })
  description!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  disclosedAt!: Date;
}
