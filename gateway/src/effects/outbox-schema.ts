import { EFFECTS_ROLE } from '@mutual-graph/platform';
import { runMigrations } from 'graphile-worker';
import pg from 'pg';
import { queueLogger } from './queue-logger.js';

/**
 * Installs or upgrades one outbox: graphile-worker's own migrations for its schema, run as the
 * database's administrator, who owns it; then the rights of the two roles that use it: the source
 * that writes it (its subgraph's or store's role) and the effects worker, which takes, finishes and
 * fails jobs. Neither owns anything there, and that is the point: an owner may hang a trigger on a
 * table, and a trigger runs with the rights of whoever's statement fires it, so a source that owned
 * its outbox could act as the worker (in every outbox) the moment the worker took a job.
 * Idempotent: run at every setup; an outbox its source owned is taken over.
 */
export async function installOutbox(adminUrl: string, schema: string, writer: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const s = client.escapeIdentifier(schema);
    await takeOver(client, schema);
    await runMigrations({ connectionString: adminUrl, schema, logger: queueLogger() });
    await client.query(`REVOKE ALL ON SCHEMA ${s} FROM PUBLIC`);
    // graphile-worker turns row-level security on for its tables, with no policy: only their owner would reach a row.
    const secured = await client.query<{ table: string }>(`select relname as table from pg_class where relnamespace = $1::regnamespace and relkind = 'r' and relrowsecurity`, [schema]);
    for (const role of [writer, EFFECTS_ROLE]) {
      const r = client.escapeIdentifier(role);
      await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
      await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r}`);
      const policy = client.escapeIdentifier(role === EFFECTS_ROLE ? 'effects_worker' : 'outbox_writer');
      for (const { table } of secured.rows) {
        const t = `${s}.${client.escapeIdentifier(table)}`;
        await client.query(`DROP POLICY IF EXISTS ${policy} ON ${t}`);
        await client.query(`CREATE POLICY ${policy} ON ${t} TO ${r} USING (true) WITH CHECK (true)`);
      }
    }
  } finally {
    await client.end();
  }
}

/** The schema and everything in it owned by the administrator (an earlier install ran as the source), and no trigger but graphile-worker's own. */
async function takeOver(client: pg.Client, schema: string): Promise<void> {
  const exists = await client.query<{ owned: boolean }>(`select nspowner = current_user::regrole as owned from pg_namespace where nspname = $1`, [schema]);
  if (exists.rows.length === 0 || exists.rows[0]?.owned) return;
  const s = client.escapeIdentifier(schema);
  await client.query(`ALTER SCHEMA ${s} OWNER TO CURRENT_USER`);
  const relations = await client.query<{ name: string; kind: string }>(
    `select relname as name, relkind as kind from pg_class where relnamespace = $1::regnamespace and relkind in ('r', 'v', 'S') and relowner <> current_user::regrole`,
    [schema],
  );
  const kinds: Record<string, string> = { r: 'TABLE', v: 'VIEW', S: 'SEQUENCE' };
  for (const { name, kind } of relations.rows) await client.query(`ALTER ${kinds[kind]} ${s}.${client.escapeIdentifier(name)} OWNER TO CURRENT_USER`);
  const functions = await client.query<{ signature: string }>(
    `select p.oid::regprocedure::text as signature from pg_proc p where pronamespace = $1::regnamespace and proowner <> current_user::regrole`,
    [schema],
  );
  for (const { signature } of functions.rows) await client.query(`ALTER ROUTINE ${signature} OWNER TO CURRENT_USER`);
  const types = await client.query<{ name: string }>(
    `select typname as name from pg_type where typnamespace = $1::regnamespace and typtype in ('c', 'e', 'd') and typrelid = 0 and typowner <> current_user::regrole`,
    [schema],
  );
  for (const { name } of types.rows) await client.query(`ALTER TYPE ${s}.${client.escapeIdentifier(name)} OWNER TO CURRENT_USER`);
  // A trigger the source hung on its outbox while it owned it would still fire as whoever takes a job.
  const triggers = await client.query<{ trigger: string; table: string }>(
    `select t.tgname as trigger, c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid where c.relnamespace = $1::regnamespace and not t.tgisinternal`,
    [schema],
  );
  for (const { trigger, table } of triggers.rows) await client.query(`DROP TRIGGER ${client.escapeIdentifier(trigger)} ON ${s}.${client.escapeIdentifier(table)}`);
}
