import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { DateScalar, NonPersonal } from '@mutual-graph/platform';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ActivityKind, ContentLanguage } from './learning-enums.js';

/** An item of the risk-management learning catalogue (not personal information). */
@NonPersonal()
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A learning activity in the catalogue' })
@Entity({ tableName: 'learning_activity' })
@Index({ properties: ['publishedOn', 'id'] })
export class LearningActivity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Field()
  @Unique()
  @Property({ type: 'string', length: 16 })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => ActivityKind)
  @Enum({ items: () => ActivityKind, nativeEnumName: 'activity_kind' })
  kind!: ActivityKind;

  @Field(() => ContentLanguage)
  @Enum({ items: () => ContentLanguage, nativeEnumName: 'content_language' })
  language!: ContentLanguage;

  @Field(() => Int)
  @Property({ type: 'integer' })
  durationMinutes!: number;

  @Field(() => Float, { description: 'Mainpro+ certified credits; 0 when not accredited' })
  @Property({ type: 'decimal', precision: 5, scale: 2 })
  credits!: string;

  @Field(() => Float, { description: 'Royal College MOC Section 3 hours; 0 when not accredited' })
  @Property({ type: 'decimal', precision: 5, scale: 2, default: 0 })
  mocSection3Hours!: string;

  @Field(() => [String])
  @Property({ type: 'array', defaultRaw: `'{}'` })
  topics!: string[];

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  publishedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it left the catalogue; absent while current' })
  @Property({ type: 'date', nullable: true })
  retiredOn!: string | null;
}
