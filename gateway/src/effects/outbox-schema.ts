import { EFFECTS_ROLE } from '@mutual-graph/platform';
import { runMigrations } from 'graphile-worker';
import pg from 'pg';
import { queueLogger } from './queue-logger.js';

/**
 * Installs or upgrades one outbox: graphile-worker's own migrations for its schema, run as the
 * outbox's owner (the role that writes it), then the effects worker's grants on it. The worker may
 * take, finish and fail jobs there; it owns nothing and reaches no other schema. Idempotent: run at every setup.
 */
export async function installOutbox(ownerUrl: string, schema: string): Promise<void> {
  await runMigrations({ connectionString: ownerUrl, schema, logger: queueLogger() });
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const s = client.escapeIdentifier(schema);
    const r = client.escapeIdentifier(EFFECTS_ROLE);
    await client.query(`REVOKE ALL ON SCHEMA ${s} FROM PUBLIC`);
    await client.query(`GRANT USAGE ON SCHEMA ${s} TO ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`);
    await client.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`);
    await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${s} TO ${r}`);
    // graphile-worker turns row-level security on for its tables, with no policy: only their owner reaches a row. The worker gets one of its own.
    const secured = await client.query<{ table: string }>(`select relname as table from pg_class where relnamespace = $1::regnamespace and relkind = 'r' and relrowsecurity`, [schema]);
    for (const { table } of secured.rows) {
      const t = `${s}.${client.escapeIdentifier(table)}`;
      await client.query(`DROP POLICY IF EXISTS effects_worker ON ${t}`);
      await client.query(`CREATE POLICY effects_worker ON ${t} TO ${r} USING (true) WITH CHECK (true)`);
    }
  } finally {
    await client.end();
  }
}
