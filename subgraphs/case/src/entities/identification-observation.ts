import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, Provenance } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { SupportProgramEnrolment } from './support-program-enrolment.js';

/** What a member wrote about their identification, dated; the program team reads it. Destroyed with the enrolment. */
@ObjectType({ description: "A member's observation on their Member Support Program identification" })
@Entity({ tableName: 'identification_observation' })
@Index({ properties: ['enrolment', 'writtenAt'] })
export class IdentificationObservation {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => SupportProgramEnrolment, { deleteRule: 'cascade' })
  enrolment!: SupportProgramEnrolment;

  /** The enrolment's member: whose observation this is (the shield's own-record check reads it). */
  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('MEDICO_LEGAL')
  @Provenance('MEMBER')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  writtenAt!: Date;

  @Category('MEDICO_LEGAL')
  @Provenance('MEMBER')
  @Field({ description: "The member's words" })
  @Property({ type: 'text' })
  text!: string;
}
