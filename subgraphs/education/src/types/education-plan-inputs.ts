import { DateScalar, MemberKey, NonPersonal } from '@mutual-graph/platform';
import { Field, ID, InputType } from 'type-graphql';
import { PlanItemStatus } from '../entities/education-plan-item.js';

@NonPersonal()
@InputType()
export class EducationPlanItemInput {
  @Field()
  factor!: string;

  @Field(() => ID, { nullable: true, description: 'A catalogue activity; or give externalProgram' })
  activityId?: string | null;

  @Field(() => String, { nullable: true })
  externalProgram?: string | null;

  @Field(() => String, { nullable: true, description: 'CAD, e.g. "1250.00"; the member pays it' })
  externalCostCad?: string | null;

  @Field(() => DateScalar)
  dueOn!: Date;
}

@NonPersonal()
@InputType()
export class EducationPlanInput {
  @MemberKey()
  @Field(() => ID)
  memberId!: string;

  @Field(() => ID)
  enrolmentId!: string;

  @Field(() => DateScalar, { nullable: true })
  followUpOn?: Date | null;

  @Field(() => [EducationPlanItemInput])
  items!: EducationPlanItemInput[];
}

@NonPersonal()
@InputType()
export class PlanItemProgressInput {
  @Field(() => PlanItemStatus)
  status!: PlanItemStatus;

  @Field(() => String, { nullable: true })
  evidence?: string | null;
}
