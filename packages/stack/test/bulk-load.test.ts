import { prepareDatabase } from '@mutual-graph/stack';
import { BILLED_YEARS, SYNTHETIC_REIMBURSEMENT_PROGRAMS, syntheticCasework, syntheticFees, syntheticFeeSchedule, syntheticMembers } from '@mutual-graph/synthetic';
import { sql, testStack } from '../../../test/support/stack.js';

// Seeding loads with COPY after setting the tables' indexes and foreign keys aside (rebuilt in the
// same transaction). A database seeded that way must end up with exactly the structure its
// migrations made, every row the generator describes, and nothing loaded twice.
const stack = testStack();
const SEED = { seed: 777, members: 400, asOf: '2026-11-01' };
const passwords = Object.fromEntries(Object.entries(stack.ownerUrls).map(([owner, url]) => [owner, decodeURIComponent(new URL(url).password)]));
const urlOf = (database: string) => stack.adminUrl.replace(/\/[^/]*$/, `/${database}`);
const SCHEMAS = ['member', 'edi', 'casework', 'education', 'privacy'];

/** Every index and constraint of the subgraphs' schemas, as PostgreSQL would write them again. */
async function structure(database: string): Promise<string[]> {
  const indexes = await sql(urlOf(database), `select schemaname || '.' || indexname || ': ' || indexdef as d from pg_indexes where schemaname = any($1)`, [SCHEMAS]);
  const constraints = await sql(
    urlOf(database),
    `select n.nspname || '.' || c.conname || ': ' || pg_get_constraintdef(c.oid) as d
    from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = any($1)`,
    [SCHEMAS],
  );
  return [...indexes, ...constraints].map((r) => r.d as string).sort();
}

describe('seeding with COPY', () => {
  let seeded: Awaited<ReturnType<typeof prepareDatabase>>;
  beforeAll(async () => {
    for (const name of ['mg_seed_empty', 'mg_seed_copy']) await sql(stack.adminUrl, `drop database if exists ${name} with (force)`);
    await prepareDatabase(urlOf('mg_seed_empty'), passwords, null);
    seeded = await prepareDatabase(urlOf('mg_seed_copy'), passwords, SEED);
  }, 120_000);
  afterAll(async () => {
    for (const name of ['mg_seed_empty', 'mg_seed_copy']) await sql(stack.adminUrl, `drop database if exists ${name} with (force)`);
  });

  it('leaves every index, key and foreign key its migrations made, and no other', async () => {
    const [migrated, loaded] = [await structure('mg_seed_empty'), await structure('mg_seed_copy')];
    expect(loaded).toEqual(migrated);
    // Not a vacuous comparison: the indexes and foreign keys that the load sets aside are among them.
    expect(migrated.some((d) => /FOREIGN KEY \(member_id\) REFERENCES member\.member/.test(d))).toBe(true);
    expect(migrated.some((d) => /CREATE INDEX .* ON education\.learning_completion/.test(d))).toBe(true);
  });

  it('loads every row the generator describes', async () => {
    const members = [...syntheticMembers(SEED)];
    const casework = members.map((m) => syntheticCasework(m, SEED));
    const schedule = syntheticFeeSchedule(SEED);
    const fees = members.map((m) => syntheticFees(m, schedule, SEED));
    expect(seeded.seeded.member).toEqual({
      member: 400,
      membership_period: members.reduce((n, m) => n + m.periods.length, 0),
      fee_schedule_entry: schedule.length,
      fee_reimbursement_program: SYNTHETIC_REIMBURSEMENT_PROGRAMS.length,
      billing_run: BILLED_YEARS,
      membership_fee: fees.reduce((n, f) => n + f.fees.length, 0),
      fee_payment: fees.reduce((n, f) => n + f.payments.length, 0),
      fee_refund: fees.reduce((n, f) => n + f.refunds.length, 0),
    });
    expect(seeded.seeded.case).toMatchObject({
      medico_legal_matter: casework.reduce((n, c) => n + c.matters.length, 0),
      advice_call: casework.reduce((n, c) => n + c.calls.length, 0),
    });
    const [row] = await sql(urlOf('mg_seed_copy'), 'select count(*)::int as n from casework.advice_call');
    expect(row.n).toBe(seeded.seeded.case.advice_call);
    // Values survive COPY's text format: a member's names, dates and MINC read back as generated.
    const first = members[0];
    const [stored] = await sql(urlOf('mg_seed_copy'), `select first_name, last_name, minc, date_of_birth::text as born from member.member where id = $1`, [first.id]);
    expect(stored).toEqual({ first_name: first.firstName, last_name: first.lastName, minc: first.minc, born: first.dateOfBirth });
  });

  it('loads nothing into tables that already hold rows', async () => {
    const again = await prepareDatabase(urlOf('mg_seed_copy'), passwords, SEED);
    expect(Object.values(again.seeded).every((tables) => Object.keys(tables).length === 0)).toBe(true);
    const [row] = await sql(urlOf('mg_seed_copy'), 'select count(*)::int as n from member.member');
    expect(row.n).toBe(400);
  });
});
