import { randomUUID } from 'node:crypto';
import { OUTBOXES } from '@mutual-graph/platform';
import { syntheticCatalogue } from '@mutual-graph/synthetic';
import { CLOSE_PLANS_OF_ENROLMENT, workerEffectTokens } from '../src/index.js';
import { expectRefused } from '../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../test/support/stack.js';
import { asCaller, postAsGateway } from '../../test/support/tokens.js';
import { until } from '../../test/support/until.js';

// An education plan belongs to a case subgraph enrolment: when the enrolment closes, the case
// subgraph's outbox carries the closing to the education subgraph (the effects worker), which closes
// the plans still active on the enrolment's day, so that their retention runs from it.
const stack = testStack();
const activity = syntheticCatalogue(stack.seed).find((a) => a.retiredOn === null && a.kind === 'ELEARNING')!;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const staff = () => asCaller('RISK_MANAGEMENT');

async function enrol(memberId: string): Promise<string> {
  const { body } = await postGraphQL<{ enrolInSupportProgram: { id: string } }>(
    stack.gatewayUrl,
    'mutation ($m: ID!) { enrolInSupportProgram(memberId: $m, source: STAFF_REFERRAL) { id } }',
    { m: memberId },
    await staff(),
  );
  if (!body.data) throw new Error(`not enrolled: ${JSON.stringify(body.errors)}`);
  return body.data.enrolInSupportProgram.id;
}

async function planFor(memberId: string, enrolmentId: string): Promise<{ id: string; items: { id: string }[] }> {
  const { body } = await postGraphQL<{ createEducationPlan: { id: string; items: { id: string }[] } }>(
    stack.gatewayUrl,
    'mutation ($plan: EducationPlanInput!) { createEducationPlan(plan: $plan) { id items { id } } }',
    { plan: { memberId, enrolmentId, items: [{ factor: 'Documentation of informed consent', activityId: activity.id, dueOn: inDays(60) }] } },
    await staff(),
  );
  if (!body.data) throw new Error(`no plan: ${JSON.stringify(body.errors)}`);
  return body.data.createEducationPlan;
}

async function closeEnrolment(enrolmentId: string): Promise<string> {
  const { body } = await postGraphQL<{ advanceEnrolment: { closedOn: string } }>(
    stack.gatewayUrl,
    'mutation ($e: ID!) { advanceEnrolment(enrolmentId: $e, to: CLOSED) { status closedOn } }',
    { e: enrolmentId },
    await staff(),
  );
  if (!body.data) throw new Error(`not closed: ${JSON.stringify(body.errors)}`);
  return body.data.advanceEnrolment.closedOn;
}

const plan = (id: string) => sql(stack.adminUrl, 'select status::text as status, closed_on::text as "closedOn" from education.education_plan where id = $1', [id]).then((rows) => rows[0]);
const CASE_JOBS = `${OUTBOXES.case.schema}.jobs`;
/** Waits until the enrolment's closing has been carried out: its job done and gone from the case subgraph's outbox. */
const closingCarriedOut = (enrolmentId: string) =>
  until(
    `the closing of ${enrolmentId} carried out`,
    () => sql(stack.adminUrl, `select count(*)::int as n from ${CASE_JOBS} where key = $1`, [`enrolment-closed:${enrolmentId}`]),
    ([row]) => row.n === 0,
    20_000,
  );

describe('the education plans of a closed Member Support Program enrolment', () => {
  it("closes the enrolment's active plan, on the enrolment's closing day, through the effects worker", async () => {
    const memberId = randomUUID();
    const enrolmentId = await enrol(memberId);
    const { id } = await planFor(memberId, enrolmentId);
    // Another enrolment's plan of another member is left alone.
    const bystander = randomUUID();
    const untouched = await planFor(bystander, await enrol(bystander));
    expect(await plan(id)).toEqual({ status: 'ACTIVE', closedOn: null });
    const closedOn = await closeEnrolment(enrolmentId);
    expect(closedOn).toBe(inDays(0));
    await until(
      'the plan closed',
      () => plan(id),
      (p) => p.status === 'CLOSED',
      20_000,
    );
    expect(await plan(id)).toEqual({ status: 'CLOSED', closedOn });
    await closingCarriedOut(enrolmentId);
    expect(await plan(untouched.id)).toEqual({ status: 'ACTIVE', closedOn: null });
  }, 60_000);

  it('closes the plan when the member withdraws their review request', async () => {
    const memberId = randomUUID();
    const asMember = await asCaller('MEMBER_SELF_SERVICE', { memberId });
    const requested = await postGraphQL<{ requestSupportProgramReview: { id: string } }>(
      stack.gatewayUrl,
      'mutation { requestSupportProgramReview(answers: [{ code: "REVIEW_HISTORY", answer: true }]) { id } }',
      {},
      asMember,
    );
    const enrolmentId = requested.body.data!.requestSupportProgramReview.id;
    const { id } = await planFor(memberId, enrolmentId);
    const withdrawn = await postGraphQL(stack.gatewayUrl, 'mutation { withdrawSupportProgramReview { status closedOn } }', {}, asMember);
    expect(withdrawn.body.data).toEqual({ withdrawSupportProgramReview: { status: 'CLOSED', closedOn: inDays(0) } });
    await until(
      'the plan closed',
      () => plan(id),
      (p) => p.status === 'CLOSED',
      20_000,
    );
    expect(await plan(id)).toEqual({ status: 'CLOSED', closedOn: inDays(0) });
  }, 60_000);

  it('leaves a plan that ended before with its own day, and changes nothing when carried out again', async () => {
    const memberId = randomUUID();
    const enrolmentId = await enrol(memberId);
    const { id, items } = await planFor(memberId, enrolmentId);
    const done = await postGraphQL(
      stack.gatewayUrl,
      'mutation ($id: ID!) { updateEducationPlanItem(itemId: $id, progress: { status: COMPLETED, evidence: "Certificate LA-0042" }) { status } }',
      { id: items[0].id },
      await staff(),
    );
    expect(done.body.errors).toBeUndefined();
    // Completed some days ago: the day its retention counts from, which the enrolment's closing must not move.
    await sql(stack.adminUrl, 'update education.education_plan set closed_on = $2 where id = $1', [id, inDays(-9)]);
    await closeEnrolment(enrolmentId);
    await closingCarriedOut(enrolmentId);
    expect(await plan(id)).toEqual({ status: 'COMPLETED', closedOn: inDays(-9) });

    // The same effect carried out again, on another day, for a plan it closed: the plan keeps the day it closed on.
    const other = randomUUID();
    const otherEnrolment = await enrol(other);
    const closed = await planFor(other, otherEnrolment);
    const closedOn = await closeEnrolment(otherEnrolment);
    await until(
      'the plan closed',
      () => plan(closed.id),
      (p) => p.status === 'CLOSED',
      20_000,
    );
    const sign = workerEffectTokens(stack.hopPrivateJwk, { requestId: 'again', purpose: 'RISK_MANAGEMENT' });
    const variables = { memberId: other, enrolmentId: otherEnrolment, closedOn: inDays(3) };
    const token = await sign('education', CLOSE_PLANS_OF_ENROLMENT.field, String(CLOSE_PLANS_OF_ENROLMENT.query), variables);
    const again = await postGraphQL(stack.subgraphUrls.education, String(CLOSE_PLANS_OF_ENROLMENT.query), variables, { authorization: `Bearer ${token}` });
    expect(again.body).toEqual({ data: { closePlansOfEnrolment: 0 } });
    expect(await plan(closed.id)).toEqual({ status: 'CLOSED', closedOn });
  }, 90_000);

  it("is no client's to call, nor a hop's signed without the effect, nor another effect's", async () => {
    const memberId = randomUUID();
    const enrolmentId = await enrol(memberId);
    const { id } = await planFor(memberId, enrolmentId);
    const query = String(CLOSE_PLANS_OF_ENROLMENT.query);
    const variables = { memberId, enrolmentId, closedOn: inDays(0) };
    for (const purpose of ['RISK_MANAGEMENT', 'MEMBERSHIP'] as const) expectRefused(await postGraphQL(stack.gatewayUrl, query, variables, await asCaller(purpose)), 'PURPOSE_SCOPE');
    // Straight at the subgraph, signed as the gateway signs a client's fetch (no effect claim): refused.
    const forged = await postAsGateway('education', query, variables, 'RISK_MANAGEMENT');
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(forged.body.data?.closePlansOfEnrolment ?? null).toBeNull();
    // An effect token for another effect field, even addressed to the education subgraph: refused.
    const otherEffect = await postAsGateway('education', query, variables, 'RISK_MANAGEMENT', {}, { effect: 'Mutation.syncProtectionPeriods' });
    expect(otherEffect.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await plan(id)).toEqual({ status: 'ACTIVE', closedOn: null });
  });
});
