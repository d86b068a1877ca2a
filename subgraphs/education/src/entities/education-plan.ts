import { Check, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar } from '@mutual-graph/platform';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum PlanStatus {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CLOSED = 'CLOSED',
}
registerEnumType(PlanStatus, { name: 'EducationPlanStatus' });

/**
 * The individual education plan of a member in the Member Support Program, built from the factors
 * found in assessment. Linked to the case subgraph's enrolment by its id.
 */
@ObjectType({ description: 'A Member Support Program education plan' })
@Entity({ tableName: 'education_plan' })
@Index({ properties: ['memberId', 'createdOn'] })
// An ended plan says when it ended (the retention schedule counts from it); an active one has no such day.
@Check({ name: 'education_plan_closed_on_check', expression: `(status = 'ACTIVE') = (closed_on is null)` })
export class EducationPlan {
  @Category('LEARNING')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Category('LEARNING')
  @Field(() => ID, { description: 'The Member Support Program enrolment (case subgraph) this plan belongs to' })
  @Property({ type: 'uuid' })
  enrolmentId!: string;

  @Category('LEARNING')
  @Field(() => PlanStatus)
  @Enum({ items: () => PlanStatus, nativeEnumName: 'education_plan_status' })
  status!: PlanStatus;

  @Category('LEARNING')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  createdOn!: string;

  /** The day the plan was completed or closed (null while ACTIVE): retention runs from it. Not in the graph (its contract has no such field). */
  @Property({ type: 'date', nullable: true })
  closedOn!: string | null;

  @Category('LEARNING')
  @Field(() => DateScalar, { nullable: true, description: 'When the program follows up next' })
  @Property({ type: 'date', nullable: true })
  followUpOn!: string | null;
}
