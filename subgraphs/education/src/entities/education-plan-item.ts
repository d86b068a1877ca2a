import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Category, DateScalar, Provenance } from '@mutual-graph/platform';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { EducationPlan } from './education-plan.js';
import { LearningActivity } from './learning-activity.js';

export enum PlanItemStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  WAIVED = 'WAIVED',
}
registerEnumType(PlanItemStatus, { name: 'EducationPlanItemStatus' });

/**
 * One step of a plan: the factor it addresses, the recommended activity (from the catalogue) or an
 * outside program — whose cost is the member's own expense — a due date, and completion evidence.
 */
@ObjectType({ description: 'A step of an education plan' })
@Entity({ tableName: 'education_plan_item' })
export class EducationPlanItem {
  @Category('LEARNING')
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => EducationPlan, { deleteRule: 'cascade' })
  plan!: EducationPlan;

  @Category('LEARNING')
  @Field({ description: 'The contributing factor found in assessment that this step addresses' })
  @Property({ type: 'string', length: 200 })
  factor!: string;

  @ManyToOne(() => LearningActivity, { nullable: true })
  activity!: LearningActivity | null;

  @Category('LEARNING')
  @Field(() => String, { nullable: true, description: 'An outside program, when no catalogue activity fits' })
  @Property({ type: 'string', length: 200, nullable: true })
  externalProgram!: string | null;

  @Category('LEARNING')
  @Field(() => String, { nullable: true, description: "The outside program's cost in CAD, as a decimal" })
  @Property({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  externalCostCad!: string | null;

  @Category('LEARNING')
  @Field({ description: "True when the cost is the member's own expense (always, for outside programs)" })
  @Property({ type: 'boolean' })
  memberExpense!: boolean;

  @Category('LEARNING')
  @Field(() => DateScalar)
  @Property({ type: 'date' })
  dueOn!: string;

  @Category('LEARNING')
  @Field(() => PlanItemStatus)
  @Enum({ items: () => PlanItemStatus, nativeEnumName: 'education_plan_item_status' })
  status!: PlanItemStatus;

  @Category('LEARNING')
  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  completedOn!: string | null;

  @Category('LEARNING')
  @Provenance('MEMBER')
  @Field(() => String, { nullable: true, description: 'What shows the step was done (a certificate number, a note)' })
  @Property({ type: 'string', length: 500, nullable: true })
  evidence!: string | null;
}
