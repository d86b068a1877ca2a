import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { disposeAll, prepareDatabase } from '@mutual-graph/stack';
import { syntheticCasework, syntheticCatalogue, syntheticCompletions, syntheticMembers } from '@mutual-graph/synthetic';
import { sql, testStack } from '../../../test/support/stack.js';

// Holds from disposition across subgraphs, on a database of its own (disposition destroys data).
const stack = testStack();
const SEED = { seed: 7_117, members: 40, asOf: '2026-10-31' };
const AS_OF = '2046-06-01';
const adminUrl = stack.adminUrl.replace(/\/[^/]*$/, '/mg_disposition_holds_test');
const passwords = Object.fromEntries(Object.entries(stack.ownerUrls).map(([owner, url]) => [owner, decodeURIComponent(new URL(url).password)]));
const members = [...syntheticMembers(SEED)];
const catalogue = syntheticCatalogue(SEED);
const calls = (id: string) =>
  syntheticCasework(
    members.find((m) => m.id === id)!,
    SEED,
  ).calls.length;
const completions = (id: string) =>
  syntheticCompletions(
    members.find((m) => m.id === id)!,
    catalogue,
    SEED,
  ).length;
// Members with advice calls and learning completions, all long past retention on AS_OF.
const [refused, deemed, other] = members.filter((m) => calls(m.id) > 0 && completions(m.id) > 0).map((m) => m.id);
const REFUSED_REQUEST = '11111111-1111-4111-8111-111111111111';
const DEEMED_REQUEST = '22222222-2222-4222-8222-222222222222';
const HOLD = '33333333-3333-4333-8333-333333333333';
const PLAN = 'support-program-education-plans';
/** The members whose plans still have steps. */
const planSteps = async () =>
  (await sql<{ m: string }>(adminUrl, 'select distinct p.member_id::text as m from education.education_plan_item i join education.education_plan p on p.id = i.plan_id order by 1')).map((r) => r.m);
const count = async (table: string, memberId: string) => (await sql<{ n: number }>(adminUrl, `select count(*)::int as n from ${table} where member_id = $1`, [memberId]))[0].n;

describe('holds from disposition', () => {
  beforeAll(async () => {
    await sql(stack.adminUrl, 'drop database if exists mg_disposition_holds_test with (force)');
    await prepareDatabase(adminUrl, passwords, SEED);
    // A request refused in 2044 about advice calls, its recourse under way; one open past its limit in 2046 (deemed refused, nothing named).
    await sql(
      adminUrl,
      `insert into privacy.privacy_request (id, member_id, kind, details, received_on, due_on, status, closed_on, decline_reason, refusal_reasons, refusal_provision, refusal_recourse, refusal_sent_on) values
      ($1, $3, 'ACCESS', 'My advice calls.', '2044-01-02', '2044-02-01', 'DECLINED', '2044-01-20', 'THIRD_PARTY_INFORMATION', 'Names another physician.', 'PIPEDA s. 9(1)', 'Complain to the Commissioner within six months.', '2044-01-20'),
      ($2, $4, 'ACCESS', 'Everything.', '2046-01-02', '2046-02-01', 'RECEIVED', null, null, null, null, null, null)`,
      [REFUSED_REQUEST, DEEMED_REQUEST, refused, deemed],
    );
    await sql(
      adminUrl,
      `insert into privacy.disposition_hold (id, request_id, member_id, ground, categories, held_from, held_until, placed_by, placed_at) values
      ($1, $2, $3, 'REFUSED', '{MEDICO_LEGAL,PRIVACY_RECORD}', '2044-01-20', '2044-07-20', 'privacy-officer', '2044-01-20T10:00:00Z')`,
      [HOLD, REFUSED_REQUEST, refused],
    );
    // An incident naming the refused member, long past the register's five years.
    await sql(
      adminUrl,
      `insert into privacy.confidentiality_incident (id, description, occurred_from, discovered_on, categories, member_ids, people_concerned, injury_risk, recorded_at) values
      (gen_random_uuid(), 'A letter went to the wrong address.', '2039-12-20', '2040-01-05', '{MEDICO_LEGAL}', $1, 1, 'NO_SERIOUS_RISK', '2040-01-05T10:00:00Z')`,
      [[refused]],
    );
    // Each of the three completed an education plan long ago, with a step: LEARNING, the program's record.
    for (const member of [refused, deemed, other]) {
      const [plan] = await sql<{ id: string }>(
        adminUrl,
        `insert into education.education_plan (id, member_id, enrolment_id, status, created_on, closed_on) values (gen_random_uuid(), $1, gen_random_uuid(), 'COMPLETED', '2030-02-01', '2031-05-30') returning id::text`,
        [member],
      );
      await sql(
        adminUrl,
        `insert into education.education_plan_item (id, plan_id, factor, external_program, member_expense, due_on, status, completed_on, evidence) values (gen_random_uuid(), $1, 'Documentation', 'Charting course', true, '2030-06-01', 'COMPLETED', '2030-05-20', 'Certificate 1')`,
        [plan.id],
      );
    }
  }, 120_000);
  afterAll(() => sql(stack.adminUrl, 'drop database if exists mg_disposition_holds_test with (force)'));

  it('found members to hold and one to dispose of', () => {
    expect([refused, deemed, other].every(Boolean)).toBe(true);
  });

  it('disposes of nothing when it cannot learn the holds', async () => {
    const before = await sql(adminUrl, 'select (select count(*)::int from casework.advice_call) as calls, (select count(*)::int from casework.disposition_run) as runs');
    await expect(disposeAll(adminUrl, { ...passwords, privacy: 'not-the-password' }, { asOf: AS_OF, subgraphs: ['case', 'education'] })).rejects.toThrow(/holds from disposition could not be read/);
    expect(await sql(adminUrl, 'select (select count(*)::int from casework.advice_call) as calls, (select count(*)::int from casework.disposition_run) as runs')).toEqual(before);
  });

  it('says in its dry run which records it skips, under which hold and for which request', async () => {
    const reports = await disposeAll(adminUrl, passwords, { asOf: AS_OF, dryRun: true });
    const held = Object.assign({}, ...reports.map((r) => r.held)) as Record<string, { id: string; memberId: string; holdId: string; requestId: string; why: string }[]>;
    expect(held['advice-calls'].filter((h) => h.memberId === refused)).toHaveLength(calls(refused));
    expect(held['advice-calls'].find((h) => h.memberId === refused)).toMatchObject({ holdId: HOLD, requestId: REFUSED_REQUEST, why: expect.stringContaining('refused on 2044-01-20') });
    // The deemed refusal holds every category of its member, though no one named what it asked for.
    expect(held['learning-completions'].filter((h) => h.memberId === deemed)).toHaveLength(completions(deemed));
    expect(held['learning-completions'].find((h) => h.memberId === deemed)).toMatchObject({ requestId: DEEMED_REQUEST, why: expect.stringContaining('deemed refused on 2046-02-02') });
    // What the hold does not name is not held; other members are not held.
    expect((held['learning-completions'] ?? []).some((h) => h.memberId === refused || h.memberId === other)).toBe(false);
    expect((held['advice-calls'] ?? []).some((h) => h.memberId === other)).toBe(false);
    // A plan is held by a hold on the member's medico-legal records (the program's, refused) as by one on all (deemed).
    expect(held[PLAN].map((h) => h.memberId).sort()).toEqual([refused, deemed].sort());
    expect(held['confidentiality-incidents']).toEqual([expect.objectContaining({ memberId: refused, holdId: HOLD })]);
  });

  it('keeps held records through a real run, and disposes of them once the hold is released', async () => {
    await disposeAll(adminUrl, passwords, { asOf: AS_OF, batchSize: 5 });
    expect(await count('casework.advice_call', refused)).toBe(calls(refused));
    expect(await count('education.learning_completion', deemed)).toBe(completions(deemed));
    expect(await count('casework.advice_call', deemed)).toBe(calls(deemed));
    expect(await count('casework.advice_call', other)).toBe(0);
    expect(await count('education.learning_completion', refused)).toBe(0);
    expect((await sql(adminUrl, 'select count(*)::int as n from privacy.confidentiality_incident'))[0].n).toBe(1);
    expect([await count('education.education_plan', refused), await count('education.education_plan', deemed), await count('education.education_plan', other)]).toEqual([1, 1, 0]);
    expect(await planSteps()).toEqual([refused, deemed].sort());

    await sql(adminUrl, `update privacy.disposition_hold set released_on = '2046-05-01', released_by = 'privacy-officer', release_reason = 'No complaint filed.' where id = $1`, [HOLD]);
    // The deemed-refused request is answered in time for the last run: its six months of recourse still hold the member's information.
    await sql(adminUrl, `update privacy.privacy_request set status = 'COMPLETED', closed_on = '2046-05-15' where id = $1`, [DEEMED_REQUEST]);
    const reports = await disposeAll(adminUrl, passwords, { asOf: AS_OF, batchSize: 5 });
    expect(reports.flatMap((r) => Object.values(r.held).flat()).every((h) => h.memberId === deemed)).toBe(true);
    expect(await count('casework.advice_call', refused)).toBe(0);
    expect((await sql(adminUrl, 'select count(*)::int as n from privacy.confidentiality_incident'))[0].n).toBe(0);
    expect(await count('education.learning_completion', deemed)).toBe(completions(deemed));
    expect([await count('education.education_plan', refused), await count('education.education_plan', deemed)]).toEqual([0, 1]);
    expect(await planSteps()).toEqual([deemed]);
    // The refused request itself outlives its hold only as long as the schedule keeps closed requests (two years: gone by 2046).
    expect((await sql(adminUrl, 'select count(*)::int as n from privacy.privacy_request where id = $1', [REFUSED_REQUEST]))[0].n).toBe(0);
  });
});
