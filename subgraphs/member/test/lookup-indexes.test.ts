import { testStack } from '../../../test/support/stack.js';

// At 1,000,000 members a look-up must never read the table: each has an index to use. The test
// database is small, so sequential scans are switched off to see which plan PostgreSQL can make.
const LOOKUPS: [string, string][] = [
  ['by id', `select * from member.member where id = '00000000-0000-4000-8000-000000000000'`],
  ['by MINC', `select * from member.member where minc = 'CAMD-1234-5674'`],
  ['by membership number', `select * from member.member where membership_number = 'MG0000001'`],
  [
    'a filtered page ordered by name',
    `select * from member.member where province = 'ON' and specialty = 'FAMILY_MEDICINE' and type_of_work = 'FM-NOB' and status = 'ACTIVE' order by last_name, id limit 20`,
  ],
  ['a page ordered by name', `select * from member.member order by last_name, id limit 20`],
  ["a member's periods", `select * from member.membership_period where member_id = '00000000-0000-4000-8000-000000000000'`],
];

describe('member look-ups', () => {
  it.each(LOOKUPS)('%s uses an index', async (_label, query) => {
    const rows = await explainWithoutSeqScan(query);
    const text = rows.map((r: Record<string, string>) => Object.values(r)[0]).join('\n');
    expect(text).toMatch(/Index (Only )?Scan|Bitmap Index Scan/);
    expect(text).not.toMatch(/Seq Scan/);
  });
});

async function explainWithoutSeqScan(query: string) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: testStack().adminUrl });
  await client.connect();
  try {
    await client.query('set enable_seqscan = off');
    return (await client.query<{ 'QUERY PLAN': string }>(`explain ${query}`)).rows;
  } finally {
    await client.end();
  }
}
