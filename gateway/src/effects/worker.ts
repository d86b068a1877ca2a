import { effectJob, loggableError, OUTBOXES, type EffectKind, type EffectOrigin, type Logger, type OutboxName, type ServiceMetrics } from '@mutual-graph/platform';
import { effectTokenSigner, type EffectTokenSigner } from '@mutual-graph/hop';
import { EventEmitter } from 'node:events';
import { run, type Runner, type Task, type TaskList, type WorkerEvents } from 'graphile-worker';
import type { JWK } from 'jose';
import pg from 'pg';
import { Counter, Gauge } from 'prom-client';
import { EFFECT_HANDLERS, type EffectHandler } from './effects.js';
import { startLockKeeper } from './lock-keeper.js';
import { queueLogger } from './queue-logger.js';

/** Who the worker's tokens say is calling: the worker itself, for the request their `rid` names (the change that caused the effect). */
export const EFFECTS_WORKER_SUBJECT = 'effects-worker';

/** The worker's effect tokens for one job: the worker as subject, under the originating request's id and purpose. */
export function workerEffectTokens(hopPrivateKey: JWK, origin: EffectOrigin): EffectTokenSigner {
  return effectTokenSigner(hopPrivateKey, {
    principal: { sub: EFFECTS_WORKER_SUBJECT, roles: [], purposes: [origin.purpose] },
    purpose: origin.purpose,
    requestId: origin.requestId,
  });
}

export interface EffectsWorkerOptions {
  /** PostgreSQL URL as role mg_effects (EFFECTS_ROLE): the outboxes, and nothing else. */
  databaseUrl: string;
  /** The gateway's hop key: receivers accept effect tokens it signed, each for one field, query and variables. */
  hopPrivateKey: JWK;
  /** Where each receiving subgraph answers, by name. */
  subgraphUrls: Record<string, string>;
  logger: Logger;
  metrics: ServiceMetrics;
  /** Jobs run at once per outbox (default 2). */
  concurrency?: number;
  /** Milliseconds between looks for jobs due again after a failure; new jobs are heard at once (LISTEN). Default 1000. */
  pollInterval?: number;
  /** Seconds after its last heartbeat that a worker's job and queue locks are taken from it (lock-keeper.ts). Default 30. */
  staleLockSeconds?: number;
}

/** A job whose attempts are spent: it stays in its outbox until retried or removed (README, "Effects"). */
export interface DeadLetter {
  outbox: OutboxName;
  kind: string;
  id: string;
  attempts: number;
  lastError: string | null;
  failedAt: string;
}

export interface EffectsWorker {
  /** Whether an outbox answers. */
  reachable(outbox: OutboxName): Promise<boolean>;
  deadLetters(): Promise<DeadLetter[]>;
  stop(): Promise<void>;
}

const DEAD_LETTERS_SHOWN = 100;

/**
 * The effects worker: takes the deferred effects from every source's outbox (a graphile-worker
 * queue in that source's own schema) and carries each out with EFFECT_HANDLERS, signed as the
 * worker for the originating request. A failure is retried with graphile-worker's backoff (e^attempt
 * seconds); after EFFECT_MAX_ATTEMPTS the job stays as a dead letter, counted and listed, and
 * nothing queued behind it waits for it. It runs in a process of its own, so that neither the
 * gateway's nor a receiver's crash loses an effect whose change was answered.
 */
export async function startEffectsWorker(options: EffectsWorkerOptions): Promise<EffectsWorker> {
  const { logger, metrics } = options;
  const concurrency = options.concurrency ?? 2;
  const outboxes = Object.entries(OUTBOXES) as [OutboxName, (typeof OUTBOXES)[OutboxName]][];
  // One LISTEN connection per outbox, and its jobs; one for the heartbeat and one for the rest.
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: outboxes.length * (concurrency + 1) + 2 });
  // A connection PostgreSQL drops (a restart) is an error of the pool and of the client holding it, never the process's.
  const lost = (error: Error) => logger.warn({ err: loggableError(error) }, 'outbox connection lost; reconnecting');
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const subgraphUrl = (name: string) => options.subgraphUrls[name];

  const task =
    (kind: EffectKind): Task =>
    async (payload) => {
      const parsed = effectJob(kind).safeParse(payload);
      // Only the fields a kind has, checked: a job row cannot choose the field, the subgraph or other variables.
      if (!parsed.success) throw new Error(`not a ${kind} job: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'} ${i.message}`).join('; ')}`);
      const { origin, ...fields } = parsed.data;
      await (EFFECT_HANDLERS[kind] as EffectHandler<typeof fields>).carryOut(subgraphUrl, { requestId: origin.requestId, effectToken: workerEffectTokens(options.hopPrivateKey, origin) }, fields);
    };

  const attempts = new Counter({
    name: 'effects_attempts_total',
    help: 'Attempts at deferred effects, by outbox, kind and outcome: done, failed (retried later) or dead (no attempts left: a dead letter)',
    labelNames: ['outbox', 'kind', 'outcome'],
    registers: [metrics.registry],
  });
  const keeper = startLockKeeper(
    pool,
    outboxes.map(([, { schema }]) => schema),
    options.staleLockSeconds ?? 30,
    logger,
  );
  const runners: Runner[] = [];
  for (const [outbox, { schema, kinds }] of outboxes) {
    // Each outbox runs only the kinds it may hold; a job of any other kind there is never taken.
    const taskList: TaskList = Object.fromEntries(kinds.map((kind) => [kind, task(kind)]));
    // The pool's id is what its locks carry (locked_by): beaten for from its creation, before it takes a job.
    const events = new EventEmitter() as WorkerEvents;
    events.on('pool:create', ({ workerPool }) => keeper.track(schema, workerPool.id));
    const runner = await run({ pgPool: pool, schema, concurrency, pollInterval: options.pollInterval ?? 1000, noHandleSignals: true, taskList, events, logger: queueLogger(logger.child({ outbox })) });
    runner.events.on('job:success', ({ job }) => attempts.inc({ outbox, kind: job.task_identifier, outcome: 'done' }));
    runner.events.on('job:error', ({ job }) => {
      const dead = job.attempts >= job.max_attempts;
      attempts.inc({ outbox, kind: job.task_identifier, outcome: dead ? 'dead' : 'failed' });
      if (dead) logger.error({ outbox, kind: job.task_identifier, jobId: job.id, attempts: job.attempts }, 'effect dead-lettered: its attempts are spent');
    });
    runners.push(runner);
  }

  // A job without its key was replaced while it ran (a newer change's job carries the newer state): not a dead letter.
  const DEAD = 'attempts >= max_attempts and key is not null and locked_at is null';
  const deadLetters = async (): Promise<DeadLetter[]> => {
    const found: DeadLetter[] = [];
    for (const [outbox, { schema }] of outboxes) {
      const { rows } = await pool.query<{ id: string; kind: string; attempts: number; last_error: string | null; updated_at: Date }>(
        `select id::text, task_identifier as kind, attempts, last_error, updated_at from ${schema}.jobs where ${DEAD} order by id limit ${DEAD_LETTERS_SHOWN}`,
      );
      for (const row of rows) found.push({ outbox, kind: row.kind, id: row.id, attempts: row.attempts, lastError: row.last_error, failedAt: new Date(row.updated_at).toISOString() });
    }
    return found;
  };
  new Gauge({
    name: 'effects_dead_letters',
    help: 'Deferred effects whose attempts are spent, by outbox and kind, until retried or removed',
    labelNames: ['outbox', 'kind'],
    registers: [metrics.registry],
    async collect() {
      this.reset();
      for (const [outbox, { kinds }] of outboxes) for (const kind of kinds) this.set({ outbox, kind }, 0);
      for (const [outbox, { schema }] of outboxes) {
        const { rows } = await pool.query<{ kind: string; n: number }>(`select task_identifier as kind, count(*)::int as n from ${schema}.jobs where ${DEAD} group by 1`);
        for (const row of rows) this.set({ outbox, kind: row.kind }, row.n);
      }
    },
  });

  return {
    async reachable(outbox) {
      return (await pool.query(`select 1 from ${OUTBOXES[outbox].schema}.migrations limit 1`)).rowCount === 1;
    },
    deadLetters,
    async stop() {
      await Promise.all(runners.map((runner) => runner.stop()));
      await keeper.stop();
      await pool.end();
    },
  };
}
