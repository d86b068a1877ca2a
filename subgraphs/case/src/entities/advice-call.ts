import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DateScalar, Language } from '@mutual-graph/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AdviceTopic } from './advice-enums.js';

/** A member's call to a physician advisor for medico-legal advice. */
@ObjectType({ description: 'A call to a physician advisor' })
@Entity({ tableName: 'advice_call' })
@Index({ properties: ['memberId', 'calledOn'] })
export class AdviceCall {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  calledOn!: string;

  @Field(() => AdviceTopic)
  @Enum({ items: () => AdviceTopic, nativeEnumName: 'advice_topic' })
  topic!: AdviceTopic;

  @Field(() => Language)
  @Enum({ items: () => Language, nativeEnumName: 'language' })
  language!: Language;

  @Field(() => Int)
  @Property({ type: 'integer' })
  durationMinutes!: number;

  @Field({ description: 'Whether the advisor scheduled a follow-up' })
  @Property({ type: 'boolean' })
  followUp!: boolean;
}
