import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ActsOnCaller, badUserInput, callerMemberId, Category, DateScalar, GatewayEffect, MemberKey, NonPersonal, OnlyForPurposes, requireUuid, requireWrittenText } from '@mutual-graph/platform';
import { isoDate, today as todayIso } from '@mutual-graph/domain-codes';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { EducationContext } from '../context.js';
import { EducationPlan, PlanStatus } from '../entities/education-plan.js';
import { EducationPlanItem, PlanItemStatus } from '../entities/education-plan-item.js';
import { LearningActivity } from '../entities/learning-activity.js';
import { EducationPlanInput, PlanItemProgressInput } from '../types/education-plan-inputs.js';
import { PlanProgress } from '../types/plan-progress.js';

const DECIMAL = /^\d{1,8}(\.\d{1,2})?$/;
const isDone = (status: PlanItemStatus) => status === PlanItemStatus.COMPLETED || status === PlanItemStatus.WAIVED;

/** Records progress on a step; the plan completes when every step is done or waived. */
async function progress(em: EntityManager, itemId: string, input: PlanItemProgressInput, ownerId?: string): Promise<EducationPlanItem> {
  return em.transactional(async (tx) => {
    const item = await tx.findOne(EducationPlanItem, { id: requireUuid('itemId', itemId) }, { populate: ['plan'] });
    if (!item || (ownerId !== undefined && item.plan.memberId !== ownerId)) throw badUserInput('itemId', 'no step of your plans has this id');
    if (item.plan.status !== PlanStatus.ACTIVE) throw badUserInput('itemId', 'this plan is no longer active');
    // The member's own words, exported as theirs: printable, within the column.
    const evidence = input.evidence?.trim() ? requireWrittenText('progress.evidence', input.evidence, 1, 500) : null;
    if (input.status === PlanItemStatus.COMPLETED && !evidence && !item.evidence) throw badUserInput('progress.evidence', 'a completed step needs evidence');
    tx.assign(item, { status: input.status, evidence: evidence ?? item.evidence, completedOn: input.status === PlanItemStatus.COMPLETED ? todayIso() : null });
    const items = await tx.find(EducationPlanItem, { plan: item.plan });
    if (items.every((i) => isDone(i.status))) tx.assign(item.plan, { status: PlanStatus.COMPLETED, closedOn: todayIso() });
    return item;
  });
}

@Resolver(() => EducationPlan)
export class EducationPlanResolver {
  // Member Support Program plans (@OnlyForPurposes): the program's staff, and the member on their own steps.

  @Category('LEARNING')
  @OnlyForPurposes('RISK_MANAGEMENT')
  @Mutation(() => EducationPlan, { description: "Builds a member's education plan from the factors found in assessment (Member Support Program)" })
  async createEducationPlan(@NonPersonal() @Arg('plan', () => EducationPlanInput) input: EducationPlanInput, @Ctx() { em }: EducationContext): Promise<EducationPlan> {
    const memberId = requireUuid('plan.memberId', input.memberId);
    const enrolmentId = requireUuid('plan.enrolmentId', input.enrolmentId);
    if (input.items.length === 0) throw badUserInput('plan.items', 'a plan needs at least one step');
    const today = todayIso();
    const activities = new Map(
      (await em.find(LearningActivity, { id: { $in: input.items.flatMap((i) => (i.activityId ? [requireUuid('plan.items.activityId', i.activityId)] : [])) } })).map((a) => [a.id, a]),
    );
    input.items.forEach((item, i) => {
      const at = `plan.items.${i}`;
      if (!item.factor.trim() || item.factor.length > 200) throw badUserInput(`${at}.factor`, 'factor must be 1 to 200 characters');
      if (!!item.activityId === !!item.externalProgram) throw badUserInput(`${at}.activityId`, 'give a catalogue activity or an outside program, not both');
      if (item.activityId && (!activities.has(item.activityId) || activities.get(item.activityId)!.retiredOn)) throw badUserInput(`${at}.activityId`, 'no current catalogue activity has this id');
      if (item.externalCostCad && (!item.externalProgram || !DECIMAL.test(item.externalCostCad)))
        throw badUserInput(`${at}.externalCostCad`, 'a cost goes with an outside program, as a decimal amount');
      if (isoDate(item.dueOn) < today) throw badUserInput(`${at}.dueOn`, 'dueOn cannot be in the past');
    });
    return em.transactional(async (tx) => {
      if ((await tx.count(EducationPlan, { memberId, status: PlanStatus.ACTIVE })) > 0) throw badUserInput('plan.memberId', 'this member already has an active plan');
      const plan = tx.create(EducationPlan, {
        id: randomUUID(),
        memberId,
        enrolmentId,
        status: PlanStatus.ACTIVE,
        createdOn: today,
        closedOn: null,
        followUpOn: input.followUpOn ? isoDate(input.followUpOn) : null,
      });
      for (const item of input.items) {
        tx.create(EducationPlanItem, {
          id: randomUUID(),
          plan,
          factor: item.factor.trim(),
          activity: item.activityId ?? null,
          externalProgram: item.externalProgram?.trim() ?? null,
          externalCostCad: item.externalCostCad ?? null,
          memberExpense: !!item.externalProgram,
          dueOn: isoDate(item.dueOn),
          status: PlanItemStatus.PLANNED,
          completedOn: null,
          evidence: null,
        });
      }
      return plan;
    });
  }

  @Category('LEARNING')
  @OnlyForPurposes('RISK_MANAGEMENT')
  @Mutation(() => EducationPlanItem, { description: 'Program staff record progress on a step of a plan' })
  updateEducationPlanItem(
    @NonPersonal() @Arg('itemId', () => ID) itemId: string,
    @NonPersonal() @Arg('progress', () => PlanItemProgressInput) input: PlanItemProgressInput,
    @Ctx() { em }: EducationContext,
  ): Promise<EducationPlanItem> {
    return progress(em, itemId, input);
  }

  @Category('LEARNING')
  @OnlyForPurposes('MEMBER_SELF_SERVICE')
  @ActsOnCaller()
  @Mutation(() => EducationPlanItem, { description: 'A member records progress on a step of their own plan' })
  updateMyEducationPlanItem(
    @NonPersonal() @Arg('itemId', () => ID) itemId: string,
    @NonPersonal() @Arg('progress', () => PlanItemProgressInput) input: PlanItemProgressInput,
    @Ctx() context: EducationContext,
  ): Promise<EducationPlanItem> {
    return progress(context.em, itemId, input, callerMemberId(context));
  }

  /**
   * The effect of an enrolment's closing in the case subgraph (its outbox, the effects worker): the
   * enrolment's plans still ACTIVE close on its day, so that their retention runs. A plan already
   * COMPLETED or CLOSED keeps its own day, so carrying it out again changes nothing. No client calls it.
   */
  @NonPersonal()
  @GatewayEffect()
  @Mutation(() => Int, { description: 'Gateway only: closes the plans still active of a Member Support Program enrolment that closed, on its closing day; the number closed' })
  async closePlansOfEnrolment(
    @NonPersonal() @MemberKey() @Arg('memberId', () => ID) memberId: string,
    @NonPersonal() @Arg('enrolmentId', () => ID) enrolmentId: string,
    @NonPersonal() @Arg('closedOn', () => DateScalar) closedOn: Date,
    @Ctx() { em }: EducationContext,
  ): Promise<number> {
    const where = { memberId: requireUuid('memberId', memberId), enrolmentId: requireUuid('enrolmentId', enrolmentId), status: PlanStatus.ACTIVE };
    return em.nativeUpdate(EducationPlan, where, { status: PlanStatus.CLOSED, closedOn: isoDate(closedOn) });
  }

  @Category('LEARNING')
  @FieldResolver(() => [EducationPlanItem])
  items(@Root() plan: EducationPlan, @Ctx() { loaders }: EducationContext): Promise<EducationPlanItem[]> {
    return loaders.itemsByPlan.load(plan.id);
  }

  @Category('LEARNING')
  @FieldResolver(() => PlanProgress)
  async progress(@Root() plan: EducationPlan, @Ctx() { loaders }: EducationContext): Promise<PlanProgress> {
    const items = await loaders.itemsByPlan.load(plan.id);
    return { done: items.filter((i) => isDone(i.status)).length, total: items.length };
  }
}

@Resolver(() => EducationPlanItem)
export class EducationPlanItemResolver {
  @Category('LEARNING')
  @FieldResolver(() => LearningActivity, { nullable: true, description: 'The recommended catalogue activity, if any' })
  activity(@Root() item: EducationPlanItem, @Ctx() { loaders }: EducationContext): Promise<LearningActivity | null> | null {
    return item.activity ? loaders.activityById.load(item.activity.id) : null;
  }
}
