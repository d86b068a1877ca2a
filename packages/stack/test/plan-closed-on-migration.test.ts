import { openDatabase, withSchemaCreateRight } from '@mutual-graph/platform';
import { DATABASE_OWNERS, prepareDatabase, roleName } from '@mutual-graph/stack';
import { sql, testStack } from '../../../test/support/stack.js';

// Education plans once kept no day of their end; the retention schedule counts from it. The migration
// that added it must give plans that had already ended a day no earlier than their real end (the day
// it runs), and none to an active plan.
const stack = testStack();
const DATABASE = 'mg_plan_closed_on';
const MIGRATION = 'Migration20261202061336_plan_closed_on';
const passwords = Object.fromEntries(Object.entries(stack.ownerUrls).map(([owner, url]) => [owner, decodeURIComponent(new URL(url).password)]));
const url = stack.adminUrl.replace(/\/[^/]*$/, `/${DATABASE}`);
const education = DATABASE_OWNERS.find((o) => o.name === 'education')!;
const [active, completed, closed] = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2', '00000000-0000-4000-8000-0000000000a3'];

describe('the migration that gives education plans the day they ended', () => {
  afterAll(() => sql(stack.adminUrl, `drop database if exists ${DATABASE} with (force)`));

  it('gives plans that had ended the day it runs, and an active plan none', async () => {
    await sql(stack.adminUrl, `drop database if exists ${DATABASE} with (force)`);
    const prepared = await prepareDatabase(url, passwords, null);
    const orm = await openDatabase(education.database, { clientUrl: prepared.ownerUrls.education, poolMax: 1 });
    try {
      // The database as it was before the migration (the last one: when another follows it, revert that one too).
      const reverted = await withSchemaCreateRight(url, roleName('education'), () => orm.migrator.down([MIGRATION]));
      expect(reverted.map((m) => m.name)).toEqual([MIGRATION]);
      await sql(
        url,
        `insert into education.education_plan (id, member_id, enrolment_id, status, created_on) values
        ($1, gen_random_uuid(), gen_random_uuid(), 'ACTIVE', '2026-11-24'),
        ($2, gen_random_uuid(), gen_random_uuid(), 'COMPLETED', '2026-11-24'),
        ($3, gen_random_uuid(), gen_random_uuid(), 'CLOSED', '2026-11-25')`,
        [active, completed, closed],
      );

      await withSchemaCreateRight(url, roleName('education'), () => orm.migrator.up());
      const [{ today }] = await sql<{ today: string }>(url, 'select current_date::text as today');
      expect(await sql(url, 'select id::text, closed_on::text from education.education_plan order by id')).toEqual([
        { id: active, closed_on: null },
        { id: completed, closed_on: today },
        { id: closed, closed_on: today },
      ]);
    } finally {
      await orm.close();
    }
  }, 120_000);
});
