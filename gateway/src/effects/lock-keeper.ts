import { loggableError, type Logger } from '@mutual-graph/platform';
import type pg from 'pg';
import { HEARTBEATS } from './heartbeat-schema.js';

export interface LockKeeper {
  /** A graphile-worker pool of this process, in one outbox schema: beaten for from now on. */
  track(schema: string, poolId: string): void;
  /** Stops beating and reaping, and deletes this process's rows (its pools are stopped: they hold no lock). */
  stop(): Promise<void>;
}

/**
 * graphile-worker 0.18 keeps a crashed worker's job and named-queue locks for 4 hours, so a SIGKILLed
 * effects worker stalled its queues that long. Each worker process therefore beats for its pools (the
 * ids their locks carry) every few seconds, and every worker unlocks, with graphile-worker's own
 * force_unlock_workers, the pools that hold locks and whose beat is older than `staleAfterSeconds`;
 * a pool with no row (one from before heartbeats, or dead before its first beat) once its oldest lock
 * is that old. Both sides use PostgreSQL's now(), so no two machines' clocks are compared.
 */
export function startLockKeeper(pool: pg.Pool, schemas: string[], staleAfterSeconds: number, logger: Logger): LockKeeper {
  const pools = new Map<string, string>();
  let stopped = false;
  let beating: Promise<void> = Promise.resolve();

  const beat = () => {
    if (pools.size === 0 || stopped) return beating;
    beating = pool
      .query(`insert into ${HEARTBEATS} (pool_id, outbox) select * from unnest($1::text[], $2::text[]) on conflict (pool_id) do update set beat_at = now(), outbox = excluded.outbox`, [
        [...pools.keys()],
        [...pools.values()],
      ])
      .then(
        () => undefined,
        (error: Error) => logger.warn({ err: loggableError(error) }, 'heartbeat not recorded: should this last past the stale threshold, another worker takes over this worker’s locks'),
      );
    return beating;
  };

  const reap = async () => {
    for (const schema of schemas) {
      const { rows } = await pool.query<{ ids: string[] }>(
        `with locks as (
           select locked_by, locked_at from ${schema}._private_jobs where locked_by is not null
           union all
           select locked_by, locked_at from ${schema}._private_job_queues where locked_by is not null
         ), stale as (
           select locks.locked_by from locks left join ${HEARTBEATS} h on h.pool_id = locks.locked_by
           group by locks.locked_by
           having coalesce(max(h.beat_at), min(locks.locked_at)) < now() - make_interval(secs => $1)
         )
         select ids, ${schema}.force_unlock_workers(ids) from (select array_agg(locked_by) as ids from stale) found where ids is not null`,
        [staleAfterSeconds],
      );
      if (rows[0]) logger.warn({ schema, poolIds: rows[0].ids }, 'unlocked the jobs and queues of effects workers whose heartbeat stopped');
      // Rows of pools gone for good: any lock one still held was unlocked just now, or counts from its locked_at.
      await pool.query(`delete from ${HEARTBEATS} where outbox = $1 and beat_at < now() - make_interval(secs => $2)`, [schema, staleAfterSeconds * 2]);
    }
  };

  const beatTimer = setInterval(() => void beat(), (staleAfterSeconds * 1000) / 6);
  // Every worker reaps, at a jittered interval so that they do not all come at once.
  let reapTimer: NodeJS.Timeout;
  const scheduleReap = () => {
    reapTimer = setTimeout(
      () =>
        void reap()
          .catch((error: Error) => logger.warn({ err: loggableError(error) }, 'could not look for stale effects worker locks'))
          .finally(() => stopped || scheduleReap()),
      staleAfterSeconds * 1000 * (0.25 + Math.random() * 0.5),
    );
    reapTimer.unref();
  };
  beatTimer.unref();
  scheduleReap();

  return {
    track(schema, poolId) {
      pools.set(poolId, schema);
      void beat();
    },
    async stop() {
      stopped = true;
      clearInterval(beatTimer);
      clearTimeout(reapTimer);
      await beating;
      if (pools.size > 0) await pool.query(`delete from ${HEARTBEATS} where pool_id = any($1::text[])`, [[...pools.keys()]]);
    },
  };
}
