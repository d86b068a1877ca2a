import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import type { MetadataStorage } from '@mikro-orm/core';
import type { SyntheticOptions } from '@mutual-graph/synthetic';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { SeedGroup } from './seed-plan.js';
import { tableLayout, writeSeedFiles, type SeedFile, type SeedRange, type SeedWorkerData, type TableLayout } from './seed-files.js';

/** One database owner to seed: its own connection (its own role), its entities' metadata, its plan. */
export interface SeedTarget {
  name: string;
  url: string;
  schema: string;
  metadata: MetadataStorage;
  groups: SeedGroup[];
}

export interface LoadSeedOptions {
  /**
   * A worker module that builds every owner's plan itself and answers `writeSeedFiles` for the
   * range in its `workerData` (`runSeedWorker` does it). Without it the population is generated
   * on this thread.
   */
  worker?: URL;
  /** Members per part below which a part of its own is not worth a thread. */
  membersPerPart?: number;
}

/** Rows loaded per owner and table, and how long generating and copying took. */
export interface LoadedSeed {
  loaded: Record<string, Record<string, number>>;
  generateMs: number;
  copyMs: number;
  parts: number;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/** Plain indexes and foreign keys of a table: built once after a bulk load instead of maintained row by row. */
interface Deferred {
  indexes: { name: string; definition: string }[];
  foreignKeys: { name: string; definition: string }[];
}

async function deferrable(client: pg.Client, relation: string): Promise<Deferred> {
  const indexes = await client.query<Deferred['indexes'][number]>(
    `select c.relname as name, pg_get_indexdef(i.indexrelid) as definition
       from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`,
    [relation],
  );
  const foreignKeys = await client.query<Deferred['foreignKeys'][number]>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint where conrelid = $1::regclass and contype = 'f'`,
    [relation],
  );
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

async function isEmpty(client: pg.Client, schema: string, table: string): Promise<boolean> {
  const result = await client.query<{ empty: boolean }>(`select not exists (select 1 from ${quote(schema)}.${quote(table)}) as empty`);
  return result.rows[0].empty;
}

function generateInWorker(worker: URL, data: SeedWorkerData): Promise<SeedFile[]> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(worker, { workerData: data });
    thread.once('message', resolve);
    thread.once('error', reject);
    thread.once('exit', (code) => reject(new Error(`seed worker for members ${data.range.from}–${data.range.to} stopped (${code})`)));
  });
}

/** One owner's tables, in one transaction: indexes and foreign keys set aside, COPY, rebuilt, analysed. */
async function copyOwner(client: pg.Client, schema: string, tables: { layout: TableLayout; files: SeedFile[] }[]): Promise<void> {
  await client.query('begin');
  try {
    // PostgreSQL's own advice for populating a database: drop the indexes and foreign keys of the
    // (empty) tables, COPY, then build them again. Primary keys and unique constraints stay: other
    // tables' foreign keys depend on them.
    await client.query(`set local maintenance_work_mem = '256MB'`);
    const deferred = new Map<string, Deferred>();
    for (const { layout } of tables) {
      const relation = `${quote(schema)}.${quote(layout.name)}`;
      const found = await deferrable(client, relation);
      deferred.set(relation, found);
      for (const fk of found.foreignKeys) await client.query(`alter table ${relation} drop constraint ${quote(fk.name)}`);
      for (const index of found.indexes) await client.query(`drop index ${quote(schema)}.${quote(index.name)}`);
    }
    for (const { layout, files } of tables) {
      for (const file of files) {
        if (file.rows === 0) continue;
        const statement = `copy ${quote(schema)}.${quote(layout.name)} (${file.columns.map(quote).join(', ')}) from stdin`;
        await pipeline(createReadStream(file.path), client.query(copyFrom(statement)));
      }
    }
    for (const found of deferred.values()) for (const index of found.indexes) await client.query(index.definition);
    for (const [relation, found] of deferred) for (const fk of found.foreignKeys) await client.query(`alter table ${relation} add constraint ${quote(fk.name)} ${fk.definition}`);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  }
  // Fresh statistics, so that the first queries are planned on the data as it now is.
  for (const { layout } of tables) await client.query(`analyze ${quote(schema)}.${quote(layout.name)}`);
}

/**
 * Seeds every owner's empty tables with PostgreSQL COPY. The synthetic population is generated
 * once, each member's rows going to every table that holds some of them (COPY text, a temporary
 * file per table and part); parts of the population are generated on worker threads side by side.
 * Then each owner, on its own connection and concurrently with the others, copies its files in,
 * one transaction per owner.
 */
export async function loadSeed(targets: SeedTarget[], options: SyntheticOptions, load: LoadSeedOptions = {}): Promise<LoadedSeed> {
  const dir = await mkdtemp(join(tmpdir(), 'mutual-graph-seed-'));
  const clients = new Map<string, pg.Client>();
  try {
    // Groups whose first table is empty are seeded; the others were seeded before.
    const layouts: TableLayout[] = [];
    for (const target of targets) {
      const client = new pg.Client({ connectionString: target.url });
      await client.connect();
      clients.set(target.name, client);
      for (const [g, group] of target.groups.entries()) {
        const first = target.metadata.get(group.tables[0].entity as never).tableName;
        if (!(await isEmpty(client, target.schema, first))) continue;
        group.tables.forEach((table, t) => layouts.push(tableLayout(target.name, g, t, target.schema, target.metadata, table.entity)));
      }
    }
    const started = performance.now();
    const parts = load.worker ? Math.max(1, Math.min(availableParallelism(), Math.floor(options.members / (load.membersPerPart ?? 20_000)))) : 1;
    const ranges: SeedRange[] = Array.from({ length: parts }, (_, part) => ({
      part,
      from: Math.floor((options.members * part) / parts),
      to: Math.floor((options.members * (part + 1)) / parts),
    }));
    const plans = Object.fromEntries(targets.map((t) => [t.name, t.groups]));
    const written =
      layouts.length === 0
        ? []
        : parts === 1
          ? [writeSeedFiles(plans, layouts, options, ranges[0], dir)]
          : await Promise.all(ranges.map((range) => generateInWorker(load.worker!, { layouts, options, range, dir })));
    const generateMs = performance.now() - started;

    const copyStarted = performance.now();
    const loaded: Record<string, Record<string, number>> = Object.fromEntries(targets.map((t) => [t.name, {}]));
    const outcomes = await Promise.allSettled(
      targets.map(async (target) => {
        const tables = layouts.flatMap((layout, i) => (layout.owner === target.name ? [{ layout, files: written.map((part) => part.find((f) => f.layout === i)!) }] : []));
        if (tables.length === 0) return;
        await copyOwner(clients.get(target.name)!, target.schema, tables);
        for (const { layout, files } of tables) loaded[target.name][layout.name] = files.reduce((n, f) => n + f.rows, 0);
      }),
    );
    const failed = outcomes.find((o) => o.status === 'rejected');
    if (failed) throw failed.reason;
    return { loaded, generateMs, copyMs: performance.now() - copyStarted, parts };
  } finally {
    await Promise.all([...clients.values()].map((c) => c.end().catch(() => {})));
    await rm(dir, { recursive: true, force: true });
  }
}
