import { syntheticCasework, syntheticMembers } from '@mutual-graph/synthetic';
import { expectRefused } from '../../../test/support/refusals.js';
import { postGraphQL, sql, testStack } from '../../../test/support/stack.js';
import { asCaller } from '../../../test/support/tokens.js';

const stack = testStack();
const population = [...syntheticMembers(stack.seed)];
const active = population.find((m) => m.status === 'ACTIVE' && m.periods.length > 0)!;
const retired = population.find((m) => m.status === 'RETIRED' && m.periods.length > 0 && m.periods.at(-1)!.endsOn! < '2026-01-01')!;
const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const REQUEST = `mutation ($memberId: ID, $on: Date!, $summary: String!) {
  requestAssistance(memberId: $memberId, eventsOn: $on, kind: COLLEGE_COMPLAINT, summary: $summary) { id status source eventsOn kind }
}`;
const requestsOf = async (memberId: string) => (await sql<{ n: number }>(stack.adminUrl, 'select count(*)::int as n from casework.assistance_request where member_id = $1', [memberId]))[0].n;

describe('requests for assistance', () => {
  it('opens a request for a member protected on the date of the events, and shows it in their history', async () => {
    const { body } = await postGraphQL<{ requestAssistance: { id: string } }>(
      stack.gatewayUrl,
      REQUEST,
      { memberId: active.id, on: active.periods.at(-1)!.startsOn, summary: 'A patient complained to the College about a delayed referral.' },
      await asCaller('MEDICO_LEGAL_ASSISTANCE'),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.requestAssistance).toMatchObject({ status: 'OPEN', source: 'STAFF', kind: 'COLLEGE_COMPLAINT' });
    const history = await postGraphQL<{ member: { assistanceRequests: { id: string }[] } }>(
      stack.gatewayUrl,
      'query ($id: ID!) { member(id: $id) { assistanceRequests { id } } }',
      { id: active.id },
      await asCaller('MEDICO_LEGAL_ASSISTANCE'),
    );
    expect(history.body.data!.member.assistanceRequests.map((r) => r.id)).toContain(body.data!.requestAssistance.id);
  });

  it('helps a retired physician with care given while a member, and refuses care given after, writing nothing', async () => {
    const end = retired.periods.at(-1)!.endsOn!;
    const before = await requestsOf(retired.id);
    const during = await postGraphQL(
      stack.gatewayUrl,
      REQUEST,
      { memberId: retired.id, on: end, summary: 'Civil claim about care given in the last month of practice.' },
      await asCaller('MEDICO_LEGAL_ASSISTANCE'),
    );
    expect(during.body.errors).toBeUndefined();
    const after = await postGraphQL(
      stack.gatewayUrl,
      REQUEST,
      { memberId: retired.id, on: dayAfter(end), summary: 'Complaint about care given after retirement.' },
      await asCaller('MEDICO_LEGAL_ASSISTANCE'),
    );
    expect(after.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'eventsOn' });
    expect(await requestsOf(retired.id)).toBe(before + 1);
  });

  it('refuses an unknown member with a clear error and no row', async () => {
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    const { body } = await postGraphQL(stack.gatewayUrl, REQUEST, { memberId: unknown, on: '2024-01-10', summary: 'Someone we do not know at all.' }, await asCaller('MEDICO_LEGAL_ASSISTANCE'));
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'memberId' });
    expect(await requestsOf(unknown)).toBe(0);
  });

  it('lets a member ask for themself, and no one else', async () => {
    const asMember = await asCaller('MEMBER_SELF_SERVICE', { memberId: active.id });
    const mine = await postGraphQL(stack.gatewayUrl, REQUEST, { on: active.periods.at(-1)!.startsOn, summary: 'I received a letter from a lawyer about a patient.' }, asMember);
    expect(mine.body.data!.requestAssistance.source).toBe('MEMBER');
    const someoneElse = await postGraphQL(stack.gatewayUrl, REQUEST, { memberId: retired.id, on: '2020-01-10', summary: 'Asking on behalf of a colleague.' }, asMember);
    expect(someoneElse.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', policy: { rule: 'SUBJECT_SCOPE' } });
  });

  it('is refused to purposes other than assistance and self-service', async () => {
    expectRefused(await postGraphQL(stack.gatewayUrl, REQUEST, { memberId: active.id, on: '2024-01-10', summary: 'Risk team opening a request.' }, await asCaller('RISK_MANAGEMENT')), 'PURPOSE_SCOPE');
  });
});

describe('casework detail and statistics', () => {
  it('shows the physician advisor and counsel of each matter', async () => {
    const member = population.find((m) => syntheticCasework(m, stack.seed).matters.some((x) => x.kind === 'CIVIL_ACTION'))!;
    const { body } = await postGraphQL<{ member: { medicoLegalHistory: { kind: string; physicianAdvisor: string; counsel: string | null }[] } }>(
      stack.gatewayUrl,
      'query ($id: ID!) { member(id: $id) { medicoLegalHistory(years: 20) { kind physicianAdvisor counsel } } }',
      { id: member.id },
      await asCaller('MEDICO_LEGAL_ASSISTANCE'),
    );
    const civil = body.data!.member.medicoLegalHistory.find((m) => m.kind === 'CIVIL_ACTION')!;
    expect(civil.physicianAdvisor).toMatch(/^PA-\d\d /);
    expect(civil.counsel).toBeTruthy();
  });

  it('counts matters for risk management by kind and year, with the share of closed civil actions resolved with compensation', async () => {
    const { body } = await postGraphQL<{ matterStatistics: { values: { value: string }[]; matters: number; closed: number; compensationShare: number }[] }>(
      stack.gatewayUrl,
      '{ matterStatistics(groupBy: [KIND]) { values { value } matters closed compensated compensationShare compensationPaidCad } }',
      {},
      await asCaller('RISK_MANAGEMENT'),
    );
    expect(body.errors).toBeUndefined();
    const truth = await sql<{ kind: string; n: number; closed: number }>(
      stack.adminUrl,
      `select kind::text as kind, count(*)::int as n, count(*) filter (where status = 'CLOSED')::int as closed from casework.medico_legal_matter group by kind`,
    );
    for (const cell of body.data!.matterStatistics) {
      const row = truth.find((t) => t.kind === cell.values[0].value)!;
      expect([cell.matters, cell.closed]).toEqual([row.n, row.closed]);
    }
    const civil = body.data!.matterStatistics.find((c) => c.values[0].value === 'CIVIL_ACTION')!;
    expect(civil.compensationShare).toBeGreaterThan(0.15);
    expect(civil.compensationShare).toBeLessThan(0.55);
    const byYear = await postGraphQL<{ matterStatistics: { values: { value: string }[] }[] }>(
      stack.gatewayUrl,
      '{ matterStatistics(groupBy: [YEAR, KIND], filter: { fromYear: 2020 }) { values { dimension value } matters } }',
      {},
      await asCaller('RISK_MANAGEMENT'),
    );
    for (const cell of byYear.body.data!.matterStatistics) expect(Number(cell.values[0].value)).toBeGreaterThanOrEqual(2020);
  });

  it('keeps statistics to risk management', async () => {
    expectRefused(await postGraphQL(stack.gatewayUrl, '{ matterStatistics(groupBy: [KIND]) { matters } }', {}, await asCaller('MEDICO_LEGAL_ASSISTANCE')), 'PURPOSE_SCOPE');
  });
});
