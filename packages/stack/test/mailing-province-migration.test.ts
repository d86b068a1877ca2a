import { openDatabase, withSchemaCreateRight } from '@mutual-graph/platform';
import { DATABASE_OWNERS, prepareDatabase, roleName } from '@mutual-graph/stack';
import { sql, testStack } from '../../../test/support/stack.js';

// Contact.province was once the practice's province, one column under two names. The migration that
// gave the mailing address its own column must carry existing members' province over as their
// mailing province, and bring back no contact the retention schedule destroyed.
const stack = testStack();
const DATABASE = 'mg_mailing_province';
const MIGRATION = 'Migration20261201103418_mailing_province';
/** The migrations that came after it, reverted first (newest first). */
const LATER = ['Migration20261201204528_fees'];
const passwords = Object.fromEntries(Object.entries(stack.ownerUrls).map(([owner, url]) => [owner, decodeURIComponent(new URL(url).password)]));
const url = stack.adminUrl.replace(/\/[^/]*$/, `/${DATABASE}`);
const member = DATABASE_OWNERS.find((o) => o.name === 'member')!;
const reachable = '00000000-0000-4000-8000-000000000001';
const destroyed = '00000000-0000-4000-8000-000000000002';

describe('the migration that gives the mailing address its own province', () => {
  afterAll(() => sql(stack.adminUrl, `drop database if exists ${DATABASE} with (force)`));

  it("gives existing members their practice's province as their mailing province, and no destroyed contact back", async () => {
    await sql(stack.adminUrl, `drop database if exists ${DATABASE} with (force)`);
    const prepared = await prepareDatabase(url, passwords, null);
    const orm = await openDatabase(member.database, { clientUrl: prepared.ownerUrls.member, poolMax: 1 });
    try {
      // The database as it was before the migration, holding a member with a contact and one without.
      // (The last migration reverted: when another follows it, revert that one too.)
      const reverted = await withSchemaCreateRight(url, roleName('member'), () => orm.migrator.down([...LATER, MIGRATION]));
      expect(reverted.map((m) => m.name)).toEqual([...LATER, MIGRATION]);
      await sql(
        url,
        `insert into member.member (id, membership_number, first_name, last_name, preferred_language, email, phone, city, province, specialty, type_of_work, status)
        values ($1, 'MG9000001', 'Ana', 'Border', 'EN', 'ana@example.org', '+1-555-010-0101', 'Gatineau', 'QC', 'FAMILY_MEDICINE', 'FM-NOB', 'ACTIVE'),
               ($2, 'MG9000002', 'Anonymised', 'Member', 'EN', null, null, null, 'ON', 'FAMILY_MEDICINE', 'FM-NOB', 'RETIRED')`,
        [reachable, destroyed],
      );

      await withSchemaCreateRight(url, roleName('member'), () => orm.migrator.up());
      expect(await sql(url, 'select id::text, province::text, mailing_province::text from member.member order by id')).toEqual([
        { id: reachable, province: 'QC', mailing_province: 'QC' },
        { id: destroyed, province: 'ON', mailing_province: null },
      ]);
    } finally {
      await orm.close();
    }
  }, 120_000);
});
