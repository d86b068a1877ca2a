import { randomUUID } from 'node:crypto';
import { syntheticCatalogue, syntheticMembers } from '@mutual-graph/synthetic';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const activity = syntheticCatalogue(stack.seed).find((a) => a.retiredOn === null && a.kind === 'ELEARNING')!;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const CREATE = `mutation ($plan: EducationPlanInput!) {
  createEducationPlan(plan: $plan) { id status enrolmentId followUpOn progress { done total }
    items { id factor externalProgram externalCostCad memberExpense status activity { code } } }
}`;
const PLAN = (member: { id: string }, items: unknown[]) => ({ memberId: member.id, enrolmentId: randomUUID(), followUpOn: inDays(90), items });

describe('Member Support Program education plans', () => {
  const [member, other] = [...syntheticMembers(stack.seed)].slice(200, 202);

  it("builds a plan of steps tied to the assessment, an outside program marked as the member's own expense", async () => {
    const { body } = await postGraphQL(
      stack.gatewayUrl,
      CREATE,
      {
        plan: PLAN(member, [
          { factor: 'Documentation of informed consent', activityId: activity.id, dueOn: inDays(60) },
          { factor: 'Communication with patients', externalProgram: 'Communication skills workshop (outside provider)', externalCostCad: '1250.00', dueOn: inDays(120) },
        ]),
      },
      await asCaller('RISK_MANAGEMENT'),
    );
    expect(body.errors).toBeUndefined();
    const plan = body.data!.createEducationPlan;
    expect(plan).toMatchObject({ status: 'ACTIVE', followUpOn: inDays(90), progress: { done: 0, total: 2 } });
    expect(plan.items).toEqual([
      expect.objectContaining({ activity: { code: activity.code }, memberExpense: false, status: 'PLANNED' }),
      expect.objectContaining({ externalProgram: 'Communication skills workshop (outside provider)', externalCostCad: '1250.00', memberExpense: true }),
    ]);
  });

  it('lets the member record their progress, needs evidence for a completed step, and completes the plan with its last step', async () => {
    const asMember = await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id });
    const mine = await postGraphQL<{ me: { educationPlan: { items: { id: string }[] } } }>(stack.gatewayUrl, '{ me { educationPlan { id items { id } } } }', {}, asMember);
    const [first, second] = mine.body.data!.me.educationPlan.items;
    const UPDATE = 'mutation ($id: ID!, $p: PlanItemProgressInput!) { updateMyEducationPlanItem(itemId: $id, progress: $p) { status evidence completedOn } }';
    const noEvidence = await postGraphQL(stack.gatewayUrl, UPDATE, { id: first.id, p: { status: 'COMPLETED' } }, asMember);
    expect(noEvidence.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'progress.evidence' });
    await postGraphQL(stack.gatewayUrl, UPDATE, { id: first.id, p: { status: 'COMPLETED', evidence: 'Certificate LA-0042' } }, asMember);
    await postGraphQL(stack.gatewayUrl, UPDATE, { id: second.id, p: { status: 'WAIVED', evidence: 'Covered by employer program' } }, asMember);
    const after = await postGraphQL(stack.gatewayUrl, '{ me { educationPlan { status progress { done total } } } }', {}, asMember);
    expect(after.body.data!.me.educationPlan).toEqual({ status: 'COMPLETED', progress: { done: 2, total: 2 } });
    // The day it completed, which the retention schedule counts from.
    expect(await sql(stack.adminUrl, `select status, closed_on::text as "closedOn" from education.education_plan where member_id = $1`, [member.id])).toEqual([
      { status: 'COMPLETED', closedOn: inDays(0) },
    ]);
  });

  it("refuses a member's progress on someone else's plan", async () => {
    const { body } = await postGraphQL<{ createEducationPlan: { items: { id: string }[] } }>(
      stack.gatewayUrl,
      CREATE,
      { plan: PLAN(other, [{ factor: 'Handoffs', activityId: activity.id, dueOn: inDays(30) }]) },
      await asCaller('RISK_MANAGEMENT'),
    );
    const itemId = body.data!.createEducationPlan.items[0].id;
    const response = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($id: ID!) { updateMyEducationPlanItem(itemId: $id, progress: { status: IN_PROGRESS }) { status } }',
      { id: itemId },
      await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id }),
    );
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'itemId' });
  });

  it.each([
    ['a step with both an activity and an outside program', [{ factor: 'x', activityId: activity.id, externalProgram: 'y', dueOn: inDays(10) }], 'plan.items.0.activityId'],
    ['a cost without an outside program', [{ factor: 'x', activityId: activity.id, externalCostCad: '10.00', dueOn: inDays(10) }], 'plan.items.0.externalCostCad'],
    ['a due date in the past', [{ factor: 'x', activityId: activity.id, dueOn: inDays(-3) }], 'plan.items.0.dueOn'],
    ['no steps', [], 'plan.items'],
  ])('refuses a plan with %s, naming the field', async (_label, items, field) => {
    const { body } = await postGraphQL(stack.gatewayUrl, CREATE, { plan: PLAN({ id: randomUUID() }, items) }, await asCaller('RISK_MANAGEMENT'));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: field });
  });

  it("is the program staff's to build: refused to education staff", async () => {
    expectRefused(
      await postGraphQL(stack.gatewayUrl, CREATE, { plan: PLAN({ id: randomUUID() }, [{ factor: 'x', activityId: activity.id, dueOn: inDays(10) }]) }, await asCaller('EDUCATION')),
      'PURPOSE_SCOPE',
    );
  });
});
