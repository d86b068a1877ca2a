import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, Language } from '@mutual-graph/platform';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AdviceTopic } from './advice-enums.js';

/** A member's call to a physician advisor for medico-legal advice. */
@ObjectType({ description: 'A call to a physician advisor' })
@Entity({ tableName: 'advice_call' })
@Index({ properties: ['memberId', 'calledOn'] })
export class AdviceCall {
  @Category('MEDICO_LEGAL')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  calledOn!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => AdviceTopic)
  @Enum({ items: () => AdviceTopic, nativeEnumName: 'advice_topic' })
  topic!: AdviceTopic;

  @Category('MEDICO_LEGAL')
  @Field(() => Language)
  @Enum({ items: () => Language, nativeEnumName: 'language' })
  language!: Language;

  @Category('MEDICO_LEGAL')
  @Field(() => Int)
  @Property({ type: 'integer' })
  durationMinutes!: number;

  @Category('MEDICO_LEGAL')
  @Field(() => String, { nullable: true, description: 'The physician advisor who took the call' })
  @Property({ type: 'string', length: 100, nullable: true })
  physicianAdvisor!: string | null;

  @Category('MEDICO_LEGAL')
  @Field({ description: 'Whether the advisor scheduled a follow-up' })
  @Property({ type: 'boolean' })
  followUp!: boolean;
}
