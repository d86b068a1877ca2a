import { postGraphQL, sql, testStack } from '../../test/support/stack.js';
import { asCaller } from '../../test/support/tokens.js';

const stack = testStack();
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The report of an ACCESS request recorded by one officer and verified by a second, as separation of duties requires. */
async function reportFor(memberId: string): Promise<{ status: number; text: string }> {
  const recorded = await postGraphQL<{ recordPrivacyRequest: { id: string } }>(
    stack.gatewayUrl,
    'mutation ($m: ID!, $on: Date!) { recordPrivacyRequest(memberId: $m, kind: ACCESS, details: "Everything, and why I was identified.", receivedOn: $on) { id } }',
    { m: memberId, on: day(-2) },
    await asCaller('PRIVACY_OFFICE', { sub: 'privacy-officer' }),
  );
  const id = recorded.body.data!.recordPrivacyRequest.id;
  const verified = await postGraphQL(
    stack.gatewayUrl,
    'mutation ($r: ID!, $on: Date!) { verifyRequesterIdentity(requestId: $r, verifiedOn: $on) { id } }',
    { r: id, on: day(-1) },
    await asCaller('PRIVACY_OFFICE', { sub: 'second-officer' }),
  );
  expect(verified.body.errors).toBeUndefined();
  const response = await fetch(new URL(`/privacy/access-reports/${id}`, stack.gatewayUrl), { headers: await asCaller('PRIVACY_OFFICE', { sub: 'privacy-officer' }) });
  return { status: response.status, text: await response.text() };
}

describe("the access report's identification section", () => {
  it('shows an identified member why they were identified, the figures used, the matters counted and their observations', async () => {
    const [seeded] = await sql<{ member_id: string }>(
      stack.adminUrl,
      `select e.member_id from casework.support_program_enrolment e join casework.identification_snapshot s on s.enrolment_id = e.id where e.source = 'IDENTIFICATION' order by e.member_id limit 1`,
    );
    expect(seeded).toBeDefined();
    const asMember = await asCaller('MEMBER_SELF_SERVICE', { memberId: seeded.member_id });
    const observed = await postGraphQL(stack.gatewayUrl, 'mutation ($t: String!) { addMyIdentificationObservation(text: $t) { text } }', { t: 'Busy | understaffed\nwinter' }, asMember);
    expect(observed.body.errors).toBeUndefined();
    const mine = await postGraphQL<{ me: { identificationExplanation: { inPlainWords: string; matterCount: number; upperControlLimit: number } } }>(
      stack.gatewayUrl,
      '{ me { identificationExplanation { inPlainWords matterCount upperControlLimit } } }',
      {},
      asMember,
    );
    const explanation = mine.body.data!.me.identificationExplanation;

    const { status, text } = await reportFor(seeded.member_id);
    expect([status, status === 200 ? '' : text]).toEqual([200, '']);
    expect(text).toMatch(/\*\*Why you were identified \(\d{4}-\d{2}-\d{2}\)\*\*/);
    expect(text).toContain(explanation.inPlainWords);
    expect(text).toContain(`| Your matters in it | ${explanation.matterCount} |`);
    expect(text).toContain(`| Upper control limit | ${explanation.upperControlLimit} |`);
    expect(text).toContain('**Matters counted**');
    // What the member wrote, in one table row, the table intact.
    expect(text).toMatch(/\| \d{4}-\d{2}-\d{2} \| Busy \\\| understaffed winter \|/);
  });

  it('says so when the member was never identified', async () => {
    const [never] = await sql<{ id: string }>(
      stack.adminUrl,
      'select p.member_id as id from casework.protection_period p where not exists (select 1 from casework.support_program_enrolment e where e.member_id = p.member_id) order by p.member_id limit 1',
    );
    const { status, text } = await reportFor(never.id);
    expect(status).toBe(200);
    expect(text).toContain('Member Support Program identification: you have not been identified, or its figures can no longer be worked out.');
  });
});
