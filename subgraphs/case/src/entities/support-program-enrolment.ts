import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, Provenance } from '@mutual-graph/platform';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum EnrolmentStatus {
  IDENTIFIED = 'IDENTIFIED',
  ASSESSMENT = 'ASSESSMENT',
  PLAN = 'PLAN',
  ONGOING_SUPPORT = 'ONGOING_SUPPORT',
  CLOSED = 'CLOSED',
}
registerEnumType(EnrolmentStatus, { name: 'SupportProgramStatus' });

export enum EnrolmentSource {
  IDENTIFICATION = 'IDENTIFICATION',
  MEMBER_REQUEST = 'MEMBER_REQUEST',
  STAFF_REFERRAL = 'STAFF_REFERRAL',
}
registerEnumType(EnrolmentSource, { name: 'SupportProgramSource' });

/**
 * A member's way through the Member Support Program: identification, assessment (the factors
 * found, the member's own perspective, and a snapshot of the history reviewed), an education plan
 * (in the education subgraph, linked by this id), ongoing support, and closing.
 */
@ObjectType({ description: "A member's enrolment in the Member Support Program" })
@Entity({ tableName: 'support_program_enrolment' })
@Index({ properties: ['memberId', 'openedOn'] })
export class SupportProgramEnrolment {
  @Category('MEDICO_LEGAL')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => EnrolmentStatus)
  @Enum({ items: () => EnrolmentStatus, nativeEnumName: 'support_program_status' })
  status!: EnrolmentStatus;

  @Category('MEDICO_LEGAL')
  @Field(() => EnrolmentSource)
  @Enum({ items: () => EnrolmentSource, nativeEnumName: 'support_program_source' })
  source!: EnrolmentSource;

  @Category('MEDICO_LEGAL')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  openedOn!: string;

  @Category('MEDICO_LEGAL')
  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Category('MEDICO_LEGAL')
  @Field(() => [String], { description: 'The contributing factors found in assessment' })
  @Property({ type: 'array' })
  contributingFactors!: string[];

  @Category('MEDICO_LEGAL')
  @Provenance('MEMBER')
  @Field(() => String, { nullable: true, description: "The member's own perspective, in their words" })
  @Property({ type: 'text', nullable: true })
  memberPerspective!: string | null;

  @Category('MEDICO_LEGAL')
  @Field(() => GraphQLJSON, { nullable: true, description: 'The ten-year history reviewed in assessment, as it stood then' })
  @Property({ type: 'json', nullable: true })
  historySnapshot!: unknown;
}
