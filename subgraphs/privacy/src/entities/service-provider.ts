import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, Province } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/**
 * An entry in the register of service providers: an organisation that performs a service for us
 * with members' information (hosting, e-mail delivery, mailing), what it receives, for the members
 * of which provinces and territories, where it keeps the data and under which written agreement.
 * About organisations, not members; the office's principals named in it are staff. What it
 * receives as it stands is on the entry; every period of receiving is in ServiceProviderTransfer.
 */
@ObjectType({ description: 'An entry in the register of service providers' })
@Entity({ tableName: 'service_provider' })
@Index({ properties: ['name'] })
export class ServiceProvider {
  @Category('PRIVACY_RECORD')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: "The provider's name" })
  @Property({ type: 'text' })
  name!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The service it performs for us' })
  @Property({ type: 'text' })
  service!: string;

  /** `CA-XX` for a Canadian province or territory, a country code otherwise (domain/data-location.ts). */
  @Property({ type: 'array' })
  locations!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => [String], { description: 'The data categories it receives now' })
  @Property({ type: 'array' })
  categories!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => [Province], { description: 'The provinces and territories of the members whose information it receives now' })
  @Property({ type: 'array' })
  memberProvinces!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true, description: 'Since when it receives what it receives now; null when it receives nothing' })
  @Property({ type: 'date', nullable: true })
  receivingSince!: string | null;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true, description: 'When it stopped receiving anything, if it did' })
  @Property({ type: 'date', nullable: true })
  stoppedReceivingOn!: string | null;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The written agreement: its reference in our contracts register' })
  @Property({ type: 'text' })
  agreementReference!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { description: 'When the written agreement was signed' })
  @Property({ type: 'date' })
  agreementSignedOn!: string;

  @Category('PRIVACY_RECORD')
  @Field({ description: 'The office principal who registered it' })
  @Property({ type: 'text' })
  registeredBy!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  registeredAt!: Date;
}
