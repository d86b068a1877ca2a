import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../observability/logger.js';
import { ReplicaLagGuard } from '../database/replica-lag.js';

/*
 * A subgraph's lag guard on its own ORM: the primary's WAL position through the pool it writes
 * with, the replica's replayed position through the replica's pool (one statement each a second).
 * Both functions are executable by PUBLIC, so the subgraph's own role may call them.
 */
export function replicaLagGuard(orm: MikroORM, maxLagMs: number, logger: Pick<Logger, 'info' | 'warn'>): ReplicaLagGuard {
  const lsn = async (connection: 'write' | 'read', query: string) => {
    const [row] = await orm.em.getConnection(connection).execute<{ lsn: string | null }[]>(query);
    return row?.lsn ?? null;
  };
  return new ReplicaLagGuard({
    primaryLsn: async () => (await lsn('write', 'select pg_current_wal_lsn()::text as lsn')) ?? '',
    replayedLsn: () => lsn('read', 'select pg_last_wal_replay_lsn()::text as lsn'),
    maxLagMs,
    // Logged once per change, not per request.
    onChange: (usable, lagMs, reason) => {
      if (usable) logger.info({ lagMs, maxLagMs }, 'read replica within its lag bound: replica-safe reads go to it again');
      else logger.warn({ lagMs, maxLagMs, reason }, 'read replica behind its lag bound or unreachable: every read goes to the primary');
    },
  });
}

/** What /ready says of the replica, without failing readiness for it. */
export function replicaState(guard: ReplicaLagGuard): { status: 'ok' | 'bypassed'; lagMs: number | null } {
  return { status: guard.replicaUsable ? 'ok' : 'bypassed', lagMs: guard.lagMs ?? null };
}
