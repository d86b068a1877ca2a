import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { categoriesTouched, retentionCutoff, retentionRule } from '@mutual-graph/policy';
import { DispositionRun } from './disposition-run.js';
import { holdCovering, type DispositionHold, type HeldRecord } from './disposition-hold.js';
import type { DispositionTask } from './disposition-task.js';

export interface DispositionOptions {
  /** The day retention is measured from (YYYY-MM-DD). */
  asOf: string;
  dryRun?: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  /**
   * The holds from disposition in force (from the privacy subgraph): rows they cover are skipped.
   * Required, never defaulted: a run that could not learn the holds must not start.
   */
  holds: readonly DispositionHold[];
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
  /** Rows past retention left in place because a hold covers them, by rule name, each with the hold and the request. */
  held: Record<string, HeldRecord[]>;
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
  const held: Record<string, HeldRecord[]> = {};

  for (const task of tasks) {
    const rule = retentionRule(task.rule);
    const cutoff = retentionCutoff(rule, run.asOf);
    let cursor = run.cursors[task.rule] ?? null;
    if (task.rule in run.cursors && cursor === null) continue; // this rule finished before a crash
    let count = run.counts[task.rule] ?? 0;
    for (;;) {
      const page = await em.fork().transactional(async (tx) => {
        if (!dryRun) await lockSubgraph(tx, schema);
        const due = await task.due(tx, cutoff, batchSize, cursor);
        const { free, kept } = await withoutHeld(tx, task, categoriesTouched(rule), due.ids, options.holds);
        if (kept.length > 0) (held[task.rule] ??= []).push(...kept);
        const disposed = dryRun ? free.length : free.length > 0 ? await task.apply(tx, free) : 0;
        count += disposed;
        if (dryRun) (samples[task.rule] ??= []).push(...free.slice(0, 20 - (samples[task.rule]?.length ?? 0)));
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
  return { runId: run.id, asOf: run.asOf, dryRun, resumed: unfinished !== null, counts: run.counts, samples, held };
}

/** Splits a due page into the rows to dispose of and those a hold keeps (read in the batch's transaction). */
async function withoutHeld(tx: EntityManager, task: DispositionTask, categories: readonly string[], ids: string[], holds: readonly DispositionHold[]): Promise<{ free: string[]; kept: HeldRecord[] }> {
  const relevant = holds.filter((h) => h.categories.some((c) => categories.includes(c)));
  if (relevant.length === 0 || ids.length === 0) return { free: ids, kept: [] };
  const members = await task.membersOf(tx, ids);
  const free: string[] = [];
  const kept: HeldRecord[] = [];
  for (const id of ids) {
    const about = members.get(id) ?? [];
    const hold = holdCovering(relevant, categories, about);
    if (hold) kept.push({ id, memberId: hold.memberId, holdId: hold.holdId, requestId: hold.requestId, why: hold.why });
    else free.push(id);
  }
  return { free, kept };
}
