import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { retentionCutoff, retentionRule } from '@mutual-graph/policy';
import { DispositionRun } from './disposition-run.js';
import type { DispositionTask } from './disposition-task.js';

export interface DispositionOptions {
  /** The day retention is measured from (YYYY-MM-DD). */
  asOf: string;
  dryRun?: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  /** Called after each committed batch (progress reporting; a test stops a run here to play a crash). */
  onBatch?: (rule: string, disposed: number) => void | Promise<void>;
}

export interface DispositionReport {
  runId: string;
  asOf: string;
  dryRun: boolean;
  resumed: boolean;
  counts: Record<string, number>;
  /** For a dry run: up to 20 keys per rule of rows that would be disposed of. */
  samples: Record<string, string[]>;
}

/** Batches of one subgraph never interleave with another run's: one lock per schema, per batch. */
async function lockSubgraph(tx: EntityManager, schema: string): Promise<void> {
  await tx.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', [`disposition:${schema}`], 'all', tx.getTransactionContext());
}

/** The real run of this subgraph that stopped part way, if one did. */
export function unfinishedRun(em: EntityManager): Promise<DispositionRun | null> {
  return em.fork().findOne(DispositionRun, { status: 'RUNNING', dryRun: false }, { orderBy: { startedAt: 'asc' } });
}

/**
 * Runs a subgraph's disposition tasks. A real run goes rule by rule in batches, each batch one
 * transaction that disposes of its rows and records the run's counts and cursor together, so a
 * crash loses nothing and repeats nothing: the next run finds the unfinished one and goes on from
 * its cursors, with its original as-of day. A dry run reads the same pages, changes nothing, and
 * is recorded too.
 */
export async function runDisposition(em: EntityManager, schema: string, tasks: DispositionTask[], options: DispositionOptions): Promise<DispositionReport> {
  const batchSize = options.batchSize ?? 500;
  const dryRun = options.dryRun ?? false;
  const unfinished = dryRun ? null : await unfinishedRun(em);
  const run = unfinished ?? { id: randomUUID(), startedAt: new Date(), finishedAt: null, asOf: options.asOf, dryRun, status: 'RUNNING' as const, counts: {}, cursors: {}, resumptions: 0 };
  if (unfinished) {
    await em.fork().nativeUpdate(DispositionRun, { id: run.id }, { resumptions: run.resumptions + 1 });
  } else {
    await em.fork().insert(DispositionRun, run);
  }
  const samples: Record<string, string[]> = {};

  for (const task of tasks) {
    const cutoff = retentionCutoff(retentionRule(task.rule), run.asOf);
    let cursor = run.cursors[task.rule] ?? null;
    if (task.rule in run.cursors && cursor === null) continue; // this rule finished before a crash
    let count = run.counts[task.rule] ?? 0;
    for (;;) {
      const page = await em.fork().transactional(async (tx) => {
        if (!dryRun) await lockSubgraph(tx, schema);
        const due = await task.due(tx, cutoff, batchSize, cursor);
        const disposed = dryRun ? due.ids.length : due.ids.length > 0 ? await task.apply(tx, due.ids) : 0;
        count += disposed;
        if (dryRun) (samples[task.rule] ??= []).push(...due.ids.slice(0, 20 - (samples[task.rule]?.length ?? 0)));
        run.counts = { ...run.counts, [task.rule]: count };
        run.cursors = { ...run.cursors, [task.rule]: due.next };
        await tx.nativeUpdate(DispositionRun, { id: run.id }, { counts: run.counts, cursors: run.cursors });
        return { due, disposed };
      });
      await options.onBatch?.(task.rule, page.disposed);
      cursor = page.due.next;
      if (cursor === null) break;
    }
  }
  await em.fork().nativeUpdate(DispositionRun, { id: run.id }, { status: 'COMPLETED', finishedAt: new Date() });
  return { runId: run.id, asOf: run.asOf, dryRun, resumed: unfinished !== null, counts: run.counts, samples };
}
