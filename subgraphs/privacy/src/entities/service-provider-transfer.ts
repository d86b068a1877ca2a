import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, Province } from '@mutual-graph/platform';
import { Field, ObjectType } from 'type-graphql';

/**
 * One period during which a provider received the same categories for the same member provinces:
 * what the access report reads to say which providers may hold a member's information, now or
 * during the retention period of what they received. Closed (`until`) when what it receives
 * changes or stops; never rewritten.
 */
@ObjectType({ description: 'A period during which a service provider received the same categories for the same member provinces' })
@Entity({ tableName: 'service_provider_transfer' })
@Index({ properties: ['providerId', 'since'] })
@Index({ properties: ['memberProvinces'], type: 'gin' })
export class ServiceProviderTransfer {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  providerId!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => [String])
  @Property({ type: 'array' })
  categories!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => [Province])
  @Property({ type: 'array' })
  memberProvinces!: string[];

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  since!: string;

  @Category('PRIVACY_RECORD')
  @Field(() => DateScalar, { nullable: true, description: 'The last day of the period; null while it stands' })
  @Property({ type: 'date', nullable: true })
  until!: string | null;
}
