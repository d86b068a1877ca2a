import { memberSubgraph } from '@mutual-graph/member-subgraph';
import { openDatabase } from '@mutual-graph/platform';
import { sql, testStack } from '../../../test/support/stack.js';

describe('EDI answers in storage', () => {
  const stack = testStack();

  it('are refused to the connection that serves membership and eligibility (permission denied)', async () => {
    // The very connection the member subgraph reads members, periods and eligibility with.
    const orm = await openDatabase(memberSubgraph.database, { clientUrl: stack.ownerUrls.member, poolMax: 1 });
    try {
      await expect(orm.em.fork().getConnection().execute('select * from edi.edi_profile limit 1')).rejects.toThrow(/permission denied/);
    } finally {
      await orm.close();
    }
  });

  it('are readable only by the EDI role, which reads nothing else', async () => {
    const rows = await sql(stack.ownerUrls.edi, 'select count(*)::int as n from edi.edi_profile');
    expect(rows[0].n).toBeGreaterThan(0);
    await expect(sql(stack.ownerUrls.edi, 'select * from member.member limit 1')).rejects.toThrow(/permission denied/);
    const grantees = await sql(stack.adminUrl, `select distinct grantee from information_schema.table_privileges where table_schema = 'edi'`);
    expect(grantees.map((g) => g.grantee)).toEqual(['mg_edi']);
  });
});
