import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RETENTION_SCHEDULE, retentionCutoff, retentionRule } from '@mutual-graph/policy';
import { disposeAll, prepareDatabase, SUBGRAPHS } from '@mutual-graph/stack';
import {
  syntheticCasework,
  syntheticCatalogue,
  syntheticCompletions,
  syntheticEdi,
  syntheticFees,
  syntheticFeeSchedule,
  syntheticMembers,
  syntheticSurveys,
  type SyntheticMember,
} from '@mutual-graph/synthetic';
import { sql, testStack } from '../../../test/support/stack.js';

// Disposition destroys data, so it runs on a database of its own in the test cluster, seeded from
// the same generator; what is due is worked out here from the generator's own records.
const stack = testStack();
const SEED = { seed: 4_242, members: 150, asOf: '2026-10-31' };
const AS_OF = '2046-06-01';
const adminUrl = stack.adminUrl.replace(/\/[^/]*$/, '/mg_disposition_test');
const passwords = Object.fromEntries(Object.entries(stack.ownerUrls).map(([owner, url]) => [owner, decodeURIComponent(new URL(url).password)]));
const members = [...syntheticMembers(SEED)];
const catalogue = syntheticCatalogue(SEED);
const feeSchedule = syntheticFeeSchedule(SEED);
const fees = members.map((m) => syntheticFees(m, feeSchedule, SEED));
const cutoff = (rule: string) => retentionCutoff(retentionRule(rule), AS_OF);
const surveys = members.flatMap((m) => syntheticSurveys(m, catalogue, SEED));
const endedBefore = (m: SyntheticMember, day: string) => m.periods.length > 0 && m.periods.every((p) => p.endsOn !== null && p.endsOn < day);

/** What the schedule makes due on AS_OF, from the generator's records. */
const expected = {
  'member-contact': members.filter((m) => endedBefore(m, cutoff('member-contact'))).length,
  'member-edi': members.filter((m) => endedBefore(m, cutoff('member-edi')) && syntheticEdi(m, SEED) !== null).length,
  'member-identity': members.filter((m) => endedBefore(m, cutoff('member-identity'))).length,
  'medico-legal-matters': members.flatMap((m) => syntheticCasework(m, SEED).matters).filter((x) => x.closedOn !== null && x.closedOn < cutoff('medico-legal-matters')).length,
  'advice-calls': members.flatMap((m) => syntheticCasework(m, SEED).calls).filter((c) => c.calledOn < cutoff('advice-calls')).length,
  'learning-completions': members.flatMap((m) => syntheticCompletions(m, catalogue, SEED)).filter((c) => c.completedOn < cutoff('learning-completions')).length,
  'survey-comments': surveys.filter((x) => x.comment !== null && x.serviceOn < cutoff('survey-comments')).length,
  'service-surveys': surveys.filter((x) => x.serviceOn < cutoff('service-surveys')).length,
  // A year's invoice (with its payments and refund) seven years after the year's end.
  'membership-fees': fees.flatMap((f) => f.fees).filter((f) => `${f.year}-12-31` < cutoff('membership-fees')).length,
  // Rows this test adds: two closed requests and one open, three disclosures, incidents the office learnt of in 2040 (due) and
  // 2042 (not), an enrolment closed long ago and one closed lately (the seed's own, from identification, are open), and an
  // education plan completed long ago (one closed lately and one still active are kept; the seed makes none).
  'privacy-requests': 2,
  disclosures: 3,
  'confidentiality-incidents': 1,
  'support-program-enrolments': 1,
  'support-program-education-plans': 1,
};
const CLOSED_LONG_AGO = '00000000-0000-4000-8000-00000000e001';
const CLOSED_LATELY = '00000000-0000-4000-8000-00000000e002';
const PLAN_COMPLETED_LONG_AGO = '00000000-0000-4000-8000-00000000a001';
const PLAN_CLOSED_LATELY = '00000000-0000-4000-8000-00000000a002';
const PLAN_ACTIVE = '00000000-0000-4000-8000-00000000a003';
const counts = (reports: { counts: Record<string, number> }[]): Record<string, number> => Object.assign({}, ...reports.map((r) => r.counts)) as Record<string, number>;
const rowCount = async (table: string) => (await sql<{ n: number }>(adminUrl, `select count(*)::int as n from ${table}`))[0].n;
const TABLES = [
  'member.member',
  'member.college_registration',
  'edi.edi_profile',
  'casework.medico_legal_matter',
  'casework.advice_call',
  'education.learning_completion',
  'education.service_survey',
  'privacy.privacy_request',
  'privacy.disclosure',
  'privacy.confidentiality_incident',
  'privacy.incident_notification',
  'member.membership_fee',
  'member.fee_payment',
  'member.fee_refund',
  'education.education_plan',
  'education.education_plan_item',
];
const snapshot = async () => Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await rowCount(t)] as const)));

describe('disposition under the retention schedule', () => {
  beforeAll(async () => {
    await sql(stack.adminUrl, 'drop database if exists mg_disposition_test with (force)');
    await prepareDatabase(adminUrl, passwords, SEED);
    const [a, b] = members;
    await sql(
      adminUrl,
      `insert into privacy.privacy_request (id, member_id, kind, details, received_on, due_on, status, closed_on) values
      (gen_random_uuid(), $1, 'ACCESS', 'A copy, please.', '2030-01-02', '2030-02-01', 'COMPLETED', '2030-01-20'),
      (gen_random_uuid(), $1, 'CORRECTION', 'My address.', '2031-03-02', '2031-04-01', 'DECLINED', '2031-03-25'),
      (gen_random_uuid(), $2, 'ACCESS', 'Still open, not yet due.', '2046-05-20', '2046-06-19', 'RECEIVED', null)`,
      [a.id, b.id],
    );
    await sql(
      adminUrl,
      `insert into privacy.disclosure (id, member_id, recipient, purpose, categories, description, disclosed_at) values
      (gen_random_uuid(), $1, 'partner-a', 'PARTNER_CONFIRMATION', '{MEMBERSHIP}', 'Membership confirmed.', '2030-05-05T10:00:00Z'),
      (gen_random_uuid(), $1, 'partner-b', 'PARTNER_CONFIRMATION', '{MEMBERSHIP}', 'Membership confirmed.', '2031-05-05T10:00:00Z'),
      (gen_random_uuid(), $2, 'partner-a', 'PARTNER_CONFIRMATION', '{MEMBERSHIP}', 'Membership confirmed.', '2035-05-05T10:00:00Z')`,
      [a.id, b.id],
    );
    // Two closed enrolments, each with a note, an identification record and the member's observation.
    for (const [id, member, closedOn] of [
      [CLOSED_LONG_AGO, a.id, '2031-06-30'],
      [CLOSED_LATELY, b.id, '2040-06-30'],
    ]) {
      await sql(
        adminUrl,
        `insert into casework.support_program_enrolment (id, member_id, status, source, opened_on, closed_on, contributing_factors) values ($1, $2, 'CLOSED', 'IDENTIFICATION', '2030-01-15', $3, '{}')`,
        [id, member, closedOn],
      );
      await sql(adminUrl, `insert into casework.enrolment_note (enrolment_id, written_at, author, text) values ($1, '2030-01-15T10:00:00Z', 'seed', 'Enrolled (IDENTIFICATION).')`, [id]);
      await sql(adminUrl, `insert into casework.identification_observation (enrolment_id, member_id, written_at, text) values ($1, $2, '2030-02-01T10:00:00Z', 'My observation.')`, [id, member]);
      await sql(
        adminUrl,
        `insert into casework.identification_snapshot (id, enrolment_id, identified_on, lookback_from, lookback_to, lookback_years, alpha, minimum_peer_members, type_of_work, fee_region, peer_region,
           peer_members, peer_matters, peer_member_years, member_years, matters, expected, rate_ratio, p_value, upper_control_limit)
         values (gen_random_uuid(), $1, '2030-01-15', '2020-01-15', '2030-01-15', 10, 0.001, 30, 'EM', 'ONTARIO', 'ONTARIO', 40, 20, 380, 9.5, '[]', 0.5, 8, 0.00001, 3)`,
        [id],
      );
    }
    // Plans of those enrolments: one completed long ago, one closed lately, and one begun long ago and still active
    // (its enrolment goes; an active plan has no end to count from), each with two steps.
    const c = members[2];
    for (const [id, member, enrolment, status, closedOn] of [
      [PLAN_COMPLETED_LONG_AGO, a.id, CLOSED_LONG_AGO, 'COMPLETED', '2031-05-30'],
      [PLAN_CLOSED_LATELY, b.id, CLOSED_LATELY, 'CLOSED', '2040-06-30'],
      [PLAN_ACTIVE, c.id, CLOSED_LONG_AGO, 'ACTIVE', null],
    ]) {
      await sql(adminUrl, `insert into education.education_plan (id, member_id, enrolment_id, status, created_on, closed_on) values ($1, $2, $3, $4, '2030-02-01', $5)`, [
        id,
        member,
        enrolment,
        status,
        closedOn,
      ]);
      await sql(
        adminUrl,
        `insert into education.education_plan_item (id, plan_id, factor, external_program, member_expense, due_on, status, completed_on, evidence) values
        (gen_random_uuid(), $1, 'Documentation', 'Charting course', true, '2030-06-01', 'COMPLETED', '2030-05-20', 'Certificate 1'),
        (gen_random_uuid(), $1, 'Communication', 'Disclosure workshop', true, '2030-09-01', 'WAIVED', null, null)`,
        [id],
      );
    }
    const incident = await sql<{ id: string }>(
      adminUrl,
      `insert into privacy.confidentiality_incident (id, description, occurred_from, discovered_on, categories, member_ids, people_concerned, injury_risk, recorded_at) values
      (gen_random_uuid(), 'A letter went to the wrong address.', '2039-12-20', '2040-01-05', '{CONTACT}', $1, 1, 'NO_SERIOUS_RISK', '2040-01-05T10:00:00Z'),
      (gen_random_uuid(), 'An e-mail went to the wrong member.', '2042-01-02', '2042-01-03', '{CONTACT}', $1, 1, 'NO_SERIOUS_RISK', '2042-01-03T10:00:00Z') returning id::text`,
      [[a.id]],
    );
    await sql(adminUrl, `insert into privacy.incident_notification (incident_id, notified, notified_on, details) values ($1, 'PERSONS_CONCERNED', '2040-01-10', 'Letter.')`, [incident[0].id]);
  }, 120_000);
  afterAll(() => sql(stack.adminUrl, 'drop database if exists mg_disposition_test with (force)'));

  it('carries out every rule of the schedule, each in exactly one subgraph', () => {
    const tasks = SUBGRAPHS.flatMap((subgraph) => subgraph.disposition({}).map((task) => task.rule));
    expect([...tasks].sort()).toEqual(RETENTION_SCHEDULE.map((r) => r.name).sort());
  });

  it('has something due under every rule of the schedule on the chosen day, and not everything', () => {
    for (const [rule, n] of Object.entries(expected)) expect([rule, n > 0]).toEqual([rule, true]);
    expect(expected['member-identity']).toBeLessThan(members.length);
  });

  it('lists in a dry run exactly what is due, and changes nothing', async () => {
    const before = await snapshot();
    const reports = await disposeAll(adminUrl, passwords, { asOf: AS_OF, dryRun: true, batchSize: 7 });
    expect(counts(reports)).toEqual(expected);
    expect(reports.find((r) => r.subgraph === 'case')!.samples['advice-calls']).toHaveLength(20);
    expect(await snapshot()).toEqual(before);
    expect(await sql(adminUrl, 'select dry_run, status from member.disposition_run')).toEqual([{ dry_run: true, status: 'COMPLETED' }]);
  });

  it('survives a crash part way, and the next run goes on from where it stopped, with its own as-of day', async () => {
    let batches = 0;
    await expect(
      disposeAll(adminUrl, passwords, {
        asOf: AS_OF,
        batchSize: 7,
        onBatch: () => {
          if (++batches === 4) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    const [stopped] = await sql(adminUrl, 'select id, status, counts from member.disposition_run where not dry_run');
    expect(stopped.status).toBe('RUNNING');
    expect(Object.values(stopped.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

    // Taken up later, on another day: the run keeps the day it started with.
    const reports = await disposeAll(adminUrl, passwords, { asOf: '2026-11-23', batchSize: 7 });
    const member = reports.find((r) => r.subgraph === 'member')!;
    expect(member).toMatchObject({ runId: stopped.id, resumed: true, asOf: AS_OF });
    expect(counts(reports)).toEqual(expected);
    expect(await sql(adminUrl, 'select status, resumptions from member.disposition_run where not dry_run')).toEqual([{ status: 'COMPLETED', resumptions: 1 }]);
  });

  it('has left nothing due, and anonymised former members are about no one', async () => {
    const again = await disposeAll(adminUrl, passwords, { asOf: AS_OF, dryRun: true });
    expect(Object.values(counts(again)).every((n) => n === 0)).toBe(true);
    const anonymised = members.filter((m) => endedBefore(m, cutoff('member-identity'))).map((m) => m.id);
    const rows = await sql(adminUrl, 'select first_name, last_name, minc, date_of_birth, email, membership_number from member.member where id = any($1)', [anonymised]);
    expect(rows).toHaveLength(anonymised.length);
    for (const row of rows)
      expect(row).toMatchObject({ first_name: 'Anonymised', last_name: 'Member', minc: null, date_of_birth: null, email: null, membership_number: expect.stringMatching(/^ANON-[0-9a-f]{11}$/) });
    expect(await sql(adminUrl, 'select 1 from member.college_registration where member_id = any($1)', [anonymised])).toEqual([]);
    // Contact destroyed, the mailing province with it; the practice's province stays, about no one.
    const uncontactable = members.filter((m) => endedBefore(m, cutoff('member-contact'))).map((m) => m.id);
    expect(await sql(adminUrl, `select distinct email, phone, city, mailing_province, province is not null as practice_kept from member.member where id = any($1)`, [uncontactable])).toEqual([
      { email: null, phone: null, city: null, mailing_province: null, practice_kept: true },
    ]);
    // Current members keep everything; their periods and practice stay for statistics.
    const current = members.filter((m) => m.periods.some((p) => p.endsOn === null)).map((m) => m.id);
    expect((await sql(adminUrl, 'select count(*)::int as n from member.member where id = any($1) and anonymised_on is null and email is not null', [current]))[0].n).toBe(current.length);
    expect(await rowCount('privacy.privacy_request')).toBe(1);
    // The register keeps an entry five years after the office learnt of it, and its notifications go with it.
    expect(await sql(adminUrl, 'select discovered_on::text as d from privacy.confidentiality_incident')).toEqual([{ d: '2042-01-03' }]);
    expect(await rowCount('privacy.incident_notification')).toBe(0);
    // Surveys are about no one and say nothing in words, and their scores still count in the results.
    expect(await sql(adminUrl, 'select count(*)::int as n from education.service_survey where member_id is not null or comment is not null')).toEqual([{ n: 0 }]);
    const answered = surveys.filter((x) => x.satisfaction !== null);
    expect(await sql(adminUrl, 'select count(*)::int as n, sum(satisfaction)::int as total from education.service_survey where answered_at is not null')).toEqual([
      { n: answered.length, total: answered.reduce((t, x) => t + x.satisfaction!, 0) },
    ]);
    // A closed enrolment goes with its notes, its identification's record and the member's observations; one closed lately stays whole.
    for (const table of ['casework.support_program_enrolment', 'casework.enrolment_note', 'casework.identification_snapshot', 'casework.identification_observation']) {
      const key = table.endsWith('support_program_enrolment') ? 'id' : 'enrolment_id';
      expect([table, await sql(adminUrl, `select ${key}::text as id from ${table} where ${key} in ($1, $2)`, [CLOSED_LONG_AGO, CLOSED_LATELY])]).toEqual([table, [{ id: CLOSED_LATELY }]]);
    }
    // A plan completed long ago goes with its steps; one closed lately and an active one stay whole.
    expect(await sql(adminUrl, 'select id::text as id from education.education_plan order by id')).toEqual([{ id: PLAN_CLOSED_LATELY }, { id: PLAN_ACTIVE }]);
    expect(await sql(adminUrl, 'select plan_id::text as id, count(*)::int as n from education.education_plan_item group by plan_id order by plan_id')).toEqual([
      { id: PLAN_CLOSED_LATELY, n: 2 },
      { id: PLAN_ACTIVE, n: 2 },
    ]);
    // Every seeded year ended long before the cutoff: no invoice, payment or refund is left.
    expect([await rowCount('member.membership_fee'), await rowCount('member.fee_payment'), await rowCount('member.fee_refund')]).toEqual([0, 0, 0]);
  });

  it('changes nothing when run again: a repeated run finds nothing to do', async () => {
    const before = await snapshot();
    const reports = await disposeAll(adminUrl, passwords, { asOf: AS_OF, batchSize: 7 });
    expect(Object.values(counts(reports)).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
    // Every run is on record: two dry runs, the one that stopped and was taken up again, and this one.
    expect(await sql(adminUrl, 'select dry_run, status, resumptions from member.disposition_run order by started_at')).toEqual([
      { dry_run: true, status: 'COMPLETED', resumptions: 0 },
      { dry_run: false, status: 'COMPLETED', resumptions: 1 },
      { dry_run: true, status: 'COMPLETED', resumptions: 0 },
      { dry_run: false, status: 'COMPLETED', resumptions: 0 },
    ]);
  });
});
