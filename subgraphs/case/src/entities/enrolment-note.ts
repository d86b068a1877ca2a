import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category } from '@mutual-graph/platform';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import { SupportProgramEnrolment } from './support-program-enrolment.js';

/** A dated note in an enrolment: what happened, what was decided, each step of the lifecycle. */
@ObjectType({ description: 'A dated note in a Member Support Program enrolment' })
@Entity({ tableName: 'enrolment_note' })
@Index({ properties: ['enrolment', 'writtenAt'] })
export class EnrolmentNote {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => SupportProgramEnrolment, { deleteRule: 'cascade' })
  enrolment!: SupportProgramEnrolment;

  @Category('MEDICO_LEGAL')
  @Field(() => DateTimeISOResolver)
  @Property({ type: 'datetime' })
  writtenAt!: Date;

  @Category('MEDICO_LEGAL')
  @Field({ description: 'Who wrote it (the token subject)' })
  @Property({ type: 'string', length: 200 })
  author!: string;

  @Category('MEDICO_LEGAL')
  @Field()
  @Property({ type: 'text' })
  text!: string;
}
