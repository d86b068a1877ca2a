import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DateScalar, Language, NonPersonal } from '@mutual-graph/platform';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum WellnessTopic {
  COLLEGE_COMPLAINT = 'COLLEGE_COMPLAINT',
  HOSPITAL_COMPLAINT = 'HOSPITAL_COMPLAINT',
  MEDICO_LEGAL_ISSUE = 'MEDICO_LEGAL_ISSUE',
  PHYSICIAN_HEALTH = 'PHYSICIAN_HEALTH',
  THREATS_AND_HARASSMENT = 'THREATS_AND_HARASSMENT',
}
registerEnumType(WellnessTopic, { name: 'WellnessTopic' });

export enum WellnessResourceKind {
  ARTICLE = 'ARTICLE',
  OUTSIDE_RESOURCE = 'OUTSIDE_RESOURCE',
  PROGRAM = 'PROGRAM',
}
registerEnumType(WellnessResourceKind, { name: 'WellnessResourceKind' });

/** An article, outside resource or program for the situation a member is in (not personal information). */
@NonPersonal()
@ObjectType({ description: 'A physician support and wellness resource' })
@Entity({ tableName: 'wellness_resource' })
@Index({ properties: ['topic', 'language', 'publishedOn'] })
export class WellnessResource {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field(() => WellnessTopic)
  @Enum({ items: () => WellnessTopic, nativeEnumName: 'wellness_topic' })
  topic!: WellnessTopic;

  @Field(() => Language)
  @Enum({ items: () => Language, nativeEnumName: 'language' })
  language!: Language;

  @Field(() => WellnessResourceKind)
  @Enum({ items: () => WellnessResourceKind, nativeEnumName: 'wellness_resource_kind' })
  kind!: WellnessResourceKind;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field()
  @Property({ type: 'text' })
  summary!: string;

  @Field()
  @Property({ type: 'string', length: 300 })
  link!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  publishedOn!: string;
}
