import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
// Enrolled from identification: a member the identification finds (looser settings than the standard ones) and no test enrolled before.
const ENROL = 'mutation ($m: ID!) { enrolInSupportProgram(memberId: $m, source: IDENTIFICATION, alpha: 0.05, minimumPeerMembers: 10) { id status source } }';
const ADVANCE = 'mutation ($e: ID!, $to: SupportProgramStatus!) { advanceEnrolment(enrolmentId: $e, to: $to) { status closedOn } }';
const asRisk = () => asCaller('RISK_MANAGEMENT', { sub: 'risk-advisor-1' });

describe('the Member Support Program lifecycle', () => {
  let enrolmentId: string;
  let member: { id: string };

  beforeAll(async () => {
    const { body } = await postGraphQL<{ supportProgramCandidates: { member: { id: string } }[] }>(
      stack.gatewayUrl,
      '{ supportProgramCandidates(alpha: 0.05, minimumPeerMembers: 10, first: 1000) { member { id } } }',
      {},
      await asRisk(),
    );
    const enrolled = new Set((await sql<{ member_id: string }>(stack.adminUrl, 'select member_id from casework.support_program_enrolment')).map((r) => r.member_id));
    member = body.data!.supportProgramCandidates.map((c) => c.member).find((m) => !enrolled.has(m.id))!;
  });

  it('enrols a member once, however many times at once they are identified', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, async () => postGraphQL<{ enrolInSupportProgram: { id: string } }>(stack.gatewayUrl, ENROL, { m: member.id }, await asRisk())));
    const ids = new Set(answers.map((a) => a.body.data!.enrolInSupportProgram.id));
    expect(ids.size).toBe(1);
    enrolmentId = [...ids][0];
    expect(answers[0].body.data!.enrolInSupportProgram).toMatchObject({ status: 'IDENTIFIED', source: 'IDENTIFICATION' });
    expect(await sql(stack.adminUrl, "select 1 from casework.support_program_enrolment where member_id = $1 and status <> 'CLOSED'", [member.id])).toHaveLength(1);
  });

  it('will not plan before the assessment, nor skip a stage', async () => {
    const skip = await postGraphQL(stack.gatewayUrl, ADVANCE, { e: enrolmentId, to: 'ONGOING_SUPPORT' }, await asRisk());
    expect(skip.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'to' });
  });

  it("records the assessment with the factors, the member's perspective and a snapshot of the ten-year history", async () => {
    const { body } = await postGraphQL<{ recordAssessment: { historySnapshot: { matters: unknown[] } } }>(
      stack.gatewayUrl,
      'mutation ($e: ID!) { recordAssessment(enrolmentId: $e, contributingFactors: ["Documentation", "Communication after adverse events"], memberPerspective: "Workload in the emergency department.") { status contributingFactors memberPerspective historySnapshot } }',
      { e: enrolmentId },
      await asRisk(),
    );
    expect(body.errors).toBeUndefined();
    const enrolment = body.data!.recordAssessment;
    expect(enrolment).toMatchObject({ status: 'ASSESSMENT', contributingFactors: ['Documentation', 'Communication after adverse events'], memberPerspective: 'Workload in the emergency department.' });
    const [{ n }] = await sql<{ n: number }>(stack.adminUrl, "select count(*)::int as n from casework.medico_legal_matter where member_id = $1 and opened_on >= now() - interval '10 years'", [
      member.id,
    ]);
    expect(enrolment.historySnapshot.matters).toHaveLength(n);
  });

  it('moves through plan and ongoing support to closing, each step a dated note', async () => {
    for (const to of ['PLAN', 'ONGOING_SUPPORT']) expect((await postGraphQL(stack.gatewayUrl, ADVANCE, { e: enrolmentId, to }, await asRisk())).body.data!.advanceEnrolment.status).toBe(to);
    await postGraphQL(stack.gatewayUrl, 'mutation ($e: ID!) { addEnrolmentNote(enrolmentId: $e, text: "Follow-up call: plan on track.") { writtenAt } }', { e: enrolmentId }, await asRisk());
    const closed = await postGraphQL(stack.gatewayUrl, ADVANCE, { e: enrolmentId, to: 'CLOSED' }, await asRisk());
    expect(closed.body.data!.advanceEnrolment.closedOn).toBe(new Date().toISOString().slice(0, 10));
    const { body } = await postGraphQL<{ member: { supportProgram: { notes: { author: string; text: string }[] } } }>(
      stack.gatewayUrl,
      'query ($id: ID!) { member(id: $id) { supportProgram { status notes { author text writtenAt } } } }',
      { id: member.id },
      await asRisk(),
    );
    const notes = body.data!.member.supportProgram.notes.map((n) => n.text);
    expect(notes).toEqual([
      'Enrolled (IDENTIFICATION).',
      'Assessment recorded: Documentation; Communication after adverse events.',
      'Moved to PLAN.',
      'Moved to ONGOING_SUPPORT.',
      'Follow-up call: plan on track.',
      'Moved to CLOSED.',
    ]);
    expect(body.data!.member.supportProgram.notes[0].author).toBe('risk-advisor-1');
  });

  it('is readable by risk management and by the member, and by no one else', async () => {
    const query = 'query ($id: ID!) { member(id: $id) { supportProgram { status } } }';
    expect(
      (await postGraphQL<{ member: { supportProgram: { status: string } } }>(stack.gatewayUrl, query, { id: member.id }, await asCaller('MEMBER_SELF_SERVICE', { memberId: member.id }))).body.data!
        .member.supportProgram.status,
    ).toBe('CLOSED');
    expectRefused(await postGraphQL(stack.gatewayUrl, query, { id: member.id }, await asCaller('MEDICO_LEGAL_ASSISTANCE')), 'PURPOSE_SCOPE');
  });
});
