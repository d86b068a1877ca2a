import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { NonPersonal, Province } from '@mutual-graph/platform';
import { Field, ID, ObjectType } from 'type-graphql';

/** A provincial or territorial physician health program: where to get help now (not personal information). */
@NonPersonal()
@ObjectType({ description: 'A physician health program of a province or territory' })
@Entity({ tableName: 'support_service' })
export class SupportService {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => Province)
  @Enum({ items: () => Province, nativeEnumName: 'province' })
  province!: Province;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => [String], { description: 'Who it serves: PHYSICIANS, RESIDENTS, MEDICAL_STUDENTS, FAMILIES' })
  @Property({ type: 'array' })
  serves!: string[];

  @Field()
  @Property({ type: 'string', length: 40 })
  phone!: string;

  @Field()
  @Property({ type: 'string', length: 300 })
  webAddress!: string;

  @Field({ description: 'Answers around the clock' })
  @Property({ type: 'boolean' })
  allHours!: boolean;

  @Field(() => [String], { description: 'Languages it answers in (EN, FR)' })
  @Property({ type: 'array' })
  languages!: string[];

  @Field({ description: 'True for placeholder contacts that must not be taken as real' })
  @Property({ type: 'boolean' })
  example!: boolean;
}
