import { EFFECTS_ROLE, OUTBOXES } from '@mutual-graph/platform';
import { HEARTBEATS } from '@mutual-graph/gateway';
import { roleName } from '@mutual-graph/stack';
import { sql, testStack } from '../../../test/support/stack.js';

const TABLES: Record<string, string> = {
  member: 'member.member',
  edi: 'edi.edi_profile',
  case: 'casework.medico_legal_matter',
  education: 'education.learning_completion',
  privacy: 'privacy.consent',
};

describe('one database role per subgraph and per isolated store', () => {
  const stack = testStack();

  it.each(Object.keys(TABLES))('%s reads its own schema', async (name) => {
    const rows = await sql(stack.ownerUrls[name], `select count(*)::int as n from ${TABLES[name]}`);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it.each(
    Object.keys(TABLES).flatMap((own) =>
      Object.keys(TABLES)
        .filter((other) => other !== own)
        .map((other) => [own, other]),
    ),
  )("%s cannot read %s's schema", async (own, other) => {
    await expect(sql(stack.ownerUrls[own], `select * from ${TABLES[other]} limit 1`)).rejects.toThrow(/permission denied/);
  });

  it("the audit stays the gateway's to write: the privacy subgraph reads partners' disclosures and may dispose of them, but never writes or changes one, and no other subgraph reaches them", async () => {
    const privacy = stack.ownerUrls.privacy;
    expect(await sql(privacy, 'select count(*)::int as n from audit.partner_disclosure')).toHaveLength(1);
    const forged = `insert into audit.partner_disclosure (id, member_id, recipient, purpose, categories, description, disclosed_at)
      values (gen_random_uuid(), '00000000-0000-0000-0000-000000000000', 'forged', 'PARTNER_CONFIRMATION', '{}', 'forged', now())`;
    await expect(sql(privacy, forged)).rejects.toThrow(/permission denied/);
    await expect(sql(privacy, "update audit.partner_disclosure set recipient = 'someone-else'")).rejects.toThrow(/permission denied/);
    await expect(
      sql(privacy, "insert into audit.audit_record (id, request_id, roles, categories, decision, fields) values (gen_random_uuid(), 'forged', '{}', '{}', 'ALLOWED', '{}')"),
    ).rejects.toThrow(/permission denied/);
    for (const other of ['member', 'edi', 'case', 'education']) await expect(sql(stack.ownerUrls[other], 'select * from audit.partner_disclosure limit 1')).rejects.toThrow(/permission denied/);
  });

  it('no subgraph role may create schemas or log in as anything more', async () => {
    const roles = await sql(
      stack.adminUrl,
      `select rolname, rolsuper, rolcreatedb, rolcreaterole, has_database_privilege(rolname, current_database(), 'CREATE') as can_create
      from pg_roles where rolname = any($1)`,
      [Object.keys(TABLES).map(roleName)],
    );
    expect(roles).toHaveLength(Object.keys(TABLES).length);
    for (const role of roles) expect(role).toMatchObject({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, can_create: false });
  });

  it("the effects worker's role reaches the outboxes and no subgraph's or store's data; no subgraph reaches another's outbox", async () => {
    const outboxes = Object.entries(OUTBOXES).map(([owner, { schema }]) => ({ owner, schema }));
    for (const { schema } of outboxes) expect(await sql(stack.ownerUrls.effects, `select count(*)::int as n from ${schema}.jobs`)).toHaveLength(1);
    for (const table of Object.values(TABLES)) await expect(sql(stack.ownerUrls.effects, `select * from ${table} limit 1`)).rejects.toThrow(/permission denied/);
    for (const { owner, schema } of outboxes) {
      for (const other of Object.keys(TABLES).filter((name) => name !== owner)) {
        await expect(sql(stack.ownerUrls[other], `select * from ${schema}.jobs limit 1`)).rejects.toThrow(/permission denied/);
      }
    }
    const [effects] = await sql(
      stack.adminUrl,
      `select rolsuper, rolcreatedb, rolcreaterole, has_database_privilege(rolname, current_database(), 'CREATE') as can_create from pg_roles where rolname = $1`,
      [EFFECTS_ROLE],
    );
    expect(effects).toEqual({ rolsuper: false, rolcreatedb: false, rolcreaterole: false, can_create: false });
  });

  it('no source and not the effects worker can hang a trigger on an outbox (it would fire as the worker, in every outbox)', async () => {
    // A trigger on a job table runs with the rights of the statement that fires it: the worker's, when it takes a job.
    const hook = (schema: string) => `create function ${schema}.hijack() returns trigger language plpgsql as $$ begin return new; end $$`;
    for (const [source, { schema }] of Object.entries(OUTBOXES)) {
      for (const login of [source, 'effects']) {
        await expect(sql(stack.ownerUrls[login], hook(schema))).rejects.toThrow(/permission denied/);
        await expect(sql(stack.ownerUrls[login], `create trigger hijack before update on ${schema}._private_jobs for each row execute function suppress_redundant_updates_trigger()`)).rejects.toThrow(
          /must be owner|permission denied/,
        );
      }
      const [owner] = await sql<{ owner: string; triggers: number }>(
        stack.adminUrl,
        `select nspowner::regrole::text as owner, (select count(*)::int from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace = n.oid and not t.tgisinternal) as triggers from pg_namespace n where nspname = $1`,
        [schema],
      );
      expect(owner).not.toMatchObject({ owner: `mg_${source}` });
      expect(owner).not.toMatchObject({ owner: EFFECTS_ROLE });
      expect(owner.triggers).toBe(0);
    }
  });

  it("only the effects worker's role writes the workers' heartbeats (a source that could would keep a dead worker's queues locked), and it owns nothing there", async () => {
    const pool = `pool-roles-test-${Date.now()}`;
    await sql(stack.ownerUrls.effects, `insert into ${HEARTBEATS} (pool_id, outbox) values ($1, 'member_outbox')`, [pool]);
    expect(await sql(stack.ownerUrls.effects, `select outbox from ${HEARTBEATS} where pool_id = $1`, [pool])).toEqual([{ outbox: 'member_outbox' }]);
    for (const source of Object.keys(OUTBOXES)) {
      await expect(sql(stack.ownerUrls[source], `delete from ${HEARTBEATS}`)).rejects.toThrow(/permission denied/);
      await expect(sql(stack.ownerUrls[source], `insert into ${HEARTBEATS} (pool_id, outbox) values ('forged', 'member_outbox')`)).rejects.toThrow(/permission denied/);
    }
    await expect(sql(stack.ownerUrls.effects, `create trigger hijack before update on ${HEARTBEATS} for each row execute function suppress_redundant_updates_trigger()`)).rejects.toThrow(
      /must be owner|permission denied/,
    );
    await sql(stack.ownerUrls.effects, `delete from ${HEARTBEATS} where pool_id = $1`, [pool]);
    const [owner] = await sql(stack.adminUrl, `select tableowner from pg_tables where schemaname || '.' || tablename = $1`, [HEARTBEATS]);
    expect(owner).not.toEqual({ tableowner: EFFECTS_ROLE });
  });

  it('nobody but the owner can use the public schema', async () => {
    await expect(sql(stack.ownerUrls.case, 'create table public.leak (x int)')).rejects.toThrow(/permission denied/);
  });
});
