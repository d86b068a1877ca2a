import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, OnlyForPurposes, Provenance, Province } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SurveyedService } from '../domain/surveyed-service.js';

/**
 * A survey sent to a member about a service they had (an advice call, an education event), and
 * their answers once given. Sent only while their survey consent is current; at most one a member,
 * service and quarter (unique below), so that a result counts each respondent once and a member is
 * not asked again and again. Past retention the member is taken off and the comment destroyed; the
 * scores stay, about no one, so a closed quarter's results never change.
 */
@ObjectType({ description: 'A survey about a service the member had, and their answers' })
@Entity({ tableName: 'service_survey' })
@Unique({ properties: ['memberId', 'service', 'quarter'] })
@Index({ properties: ['service', 'quarter'] })
export class ServiceSurvey {
  @Category('SURVEY')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  /** Null once retention has anonymised the survey. */
  @Property({ type: 'uuid', nullable: true })
  memberId!: string | null;

  @Category('SURVEY')
  @Field(() => SurveyedService)
  @Enum({ items: () => SurveyedService, nativeEnumName: 'surveyed_service' })
  service!: SurveyedService;

  @Category('SURVEY')
  @Field(() => DateScalar, { description: 'The day of the service the survey asks about' })
  @Property({ type: 'date' })
  serviceOn!: string;

  /** The quarter of `serviceOn` (`2026-Q3`): the period its answers count in. */
  @Property({ type: 'string', length: 7 })
  quarter!: string;

  /** The member's province of practice when the survey was sent: the region its answers count in. */
  @Enum({ items: () => Province, nativeEnumName: 'survey_province', nullable: true })
  province!: Province | null;

  @Category('SURVEY')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  sentAt!: Date;

  @Category('SURVEY')
  @Field(() => DateTimeISOResolver, { description: 'The survey may be answered until then' })
  @Property({ type: 'datetime' })
  answerableUntil!: Date;

  @Category('SURVEY')
  @Provenance('MEMBER')
  @Field(() => DateTimeISOResolver, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  answeredAt!: Date | null;

  @Category('SURVEY')
  @Provenance('MEMBER')
  @Field(() => Int, { nullable: true, description: 'Satisfaction with the service, 1 (very dissatisfied) to 5 (very satisfied)' })
  @Property({ type: 'smallint', nullable: true })
  satisfaction!: number | null;

  @Category('SURVEY')
  @Provenance('MEMBER')
  @Field(() => Int, { nullable: true, description: 'Stress before the advice call, 1 (none) to 5 (extreme); 4 and 5 are severe' })
  @Property({ type: 'smallint', nullable: true })
  stressBefore!: number | null;

  @Category('SURVEY')
  @Provenance('MEMBER')
  @Field(() => Int, { nullable: true, description: 'Stress after the advice call, same scale' })
  @Property({ type: 'smallint', nullable: true })
  stressAfter!: number | null;

  @Category('SURVEY')
  // Free text is the member's own: only they (and their access report, gathered as them) read it.
  @Provenance('MEMBER')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @Field(() => String, { nullable: true, description: 'What the member wrote, for them alone' })
  @Property({ type: 'string', length: 2000, nullable: true })
  comment!: string | null;
}
