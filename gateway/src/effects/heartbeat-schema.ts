import { EFFECTS_ROLE } from '@mutual-graph/platform';
import pg from 'pg';

/** Where each effects worker records its live graphile-worker pools (lock-keeper.ts); beside the outboxes, not in them. */
export const HEARTBEAT_SCHEMA = 'effects_worker';
export const HEARTBEATS = `${HEARTBEAT_SCHEMA}.heartbeats`;

/**
 * Installs the heartbeat table, as the database's administrator, who owns it (as the outboxes: an
 * owner could hang a trigger on it), with the effects worker's rights to read and write its rows and
 * no one else's: a source that could write a heartbeat could keep a dead worker's queue locked.
 * Idempotent: run at every setup.
 */
export async function installWorkerHeartbeats(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const r = client.escapeIdentifier(EFFECTS_ROLE);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${HEARTBEAT_SCHEMA}`);
    await client.query(`REVOKE ALL ON SCHEMA ${HEARTBEAT_SCHEMA} FROM PUBLIC`);
    // One row per graphile-worker pool (the id its locks carry as locked_by), by outbox schema; beat_at is PostgreSQL's now().
    await client.query(`CREATE TABLE IF NOT EXISTS ${HEARTBEATS} (pool_id text PRIMARY KEY, outbox text NOT NULL, beat_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`GRANT USAGE ON SCHEMA ${HEARTBEAT_SCHEMA} TO ${r}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${HEARTBEATS} TO ${r}`);
  } finally {
    await client.end();
  }
}
