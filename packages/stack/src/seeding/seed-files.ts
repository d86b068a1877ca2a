import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { MetadataStorage } from '@mikro-orm/core';
import { syntheticMember, type SyntheticOptions } from '@mutual-graph/synthetic';
import type { SeedGroup } from './seed-plan.js';

/**
 * Where one seeded table's rows go: plain data (no entity classes), so that a worker thread that
 * generates part of the population can be handed it.
 */
export interface TableLayout {
  owner: string;
  /** The table's place in its owner's plan: group, then table. */
  group: number;
  table: number;
  schema: string;
  name: string;
  /** Entity property → column, and whether the column holds JSON. */
  columns: Record<string, { column: string; json: boolean }>;
}

/** One file of COPY text for one table, written by one part of the generation. */
export interface SeedFile {
  layout: number;
  path: string;
  rows: number;
  /** Columns in the order of the file's fields. */
  columns: string[];
}

/** The members one part generates: [from, to). Part 0 also writes the tables that are not per member. */
export interface SeedRange {
  part: number;
  from: number;
  to: number;
}

export function tableLayout(owner: string, group: number, table: number, schema: string, metadata: MetadataStorage, entity: SeedGroup['tables'][number]['entity']): TableLayout {
  const meta = metadata.get(entity as never);
  const columns: TableLayout['columns'] = {};
  for (const prop of Object.values(meta.properties) as { name: string; fieldNames?: string[]; type?: string }[]) {
    if (prop.fieldNames?.length) columns[prop.name] = { column: prop.fieldNames[0], json: /json/i.test(`${prop.type ?? ''}`) };
  }
  return { owner, group, table, schema, name: meta.tableName, columns };
}

/** Bytes of COPY text kept in memory per table before they go to its file. */
const FLUSH_BYTES = 1 << 20;

// COPY's text format: tab-separated, \N for NULL, backslash escapes.
function copyText(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

// Array columns hold strings (codes, ids); anything else is written as its JSON.
const elementText = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v));

function arrayLiteral(values: unknown[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${elementText(v).replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

function copyValue(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  if (json) return copyText(JSON.stringify(value));
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return copyText(arrayLiteral(value));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'object') return copyText(JSON.stringify(value));
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return copyText(String(value));
  throw new TypeError(`a ${typeof value} has no COPY text`);
}

/** One table's rows, as COPY text in a file of their own. */
class SeedFileWriter {
  private rows = 0;
  private fields: string[] | undefined;
  private buffer = '';
  private readonly fd: number;
  private closed = false;

  constructor(
    private readonly layout: TableLayout,
    private readonly index: number,
    readonly path: string,
  ) {
    this.fd = openSync(path, 'w');
  }

  add(row: object): void {
    const record = row as Record<string, unknown>;
    // Fields come from the first row's properties; every later row must have the same ones.
    this.fields ??= Object.keys(record).map((property) => {
      if (!this.layout.columns[property]) throw new Error(`seed row for ${this.layout.name} has "${property}", which is no column of it`);
      return property;
    });
    const keys = Object.keys(record);
    if (keys.length !== this.fields.length || keys.some((k) => !this.layout.columns[k] || !this.fields!.includes(k))) {
      throw new Error(`seed rows for ${this.layout.name} differ in their properties (${keys.join(', ')})`);
    }
    this.buffer += `${this.fields.map((p) => copyValue(record[p], this.layout.columns[p].json)).join('\t')}\n`;
    this.rows += 1;
    // Written synchronously: generating rows is what takes the time, and this keeps it one plain loop.
    if (this.buffer.length >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): SeedFile {
    if (!this.closed) {
      this.closed = true;
      this.flush();
      closeSync(this.fd);
    }
    return { layout: this.index, path: this.path, rows: this.rows, columns: (this.fields ?? []).map((p) => this.layout.columns[p].column) };
  }
}

/**
 * Writes one part of the population: for each member of the range, its rows for every table laid
 * out (members are pure functions of their index, so parts can be generated in any order, anywhere).
 */
export function writeSeedFiles(plans: Record<string, SeedGroup[]>, layouts: TableLayout[], options: SyntheticOptions, range: SeedRange, dir: string): SeedFile[] {
  const writers = layouts.map((layout, index) => new SeedFileWriter(layout, index, join(dir, `${layout.schema}.${layout.name}.${range.part}.copy`)));
  try {
    const tables = layouts.map((layout) => plans[layout.owner][layout.group].tables[layout.table]);
    if (range.part === 0) {
      tables.forEach((table, i) => {
        if (table.rows) for (const row of table.rows()) writers[i].add(row);
      });
    }
    const perMember = tables.flatMap((table, i) => (table.perMember ? [{ writer: writers[i], rows: table.perMember }] : []));
    if (perMember.length > 0) {
      for (let index = range.from; index < range.to; index++) {
        const member = syntheticMember(index, options);
        for (const { writer, rows } of perMember) for (const row of rows(member)) writer.add(row);
      }
    }
    return writers.map((w) => w.close());
  } finally {
    for (const writer of writers) writer.close();
  }
}

/** What a seed worker thread is handed: plain data only. */
export interface SeedWorkerData {
  layouts: TableLayout[];
  options: SyntheticOptions;
  range: SeedRange;
  dir: string;
}

/** The body of a seed worker thread: `plansFor` builds every owner's plan (functions cannot cross threads). */
export function runSeedWorker(plansFor: (options: SyntheticOptions) => Record<string, SeedGroup[]>): void {
  const data = workerData as SeedWorkerData;
  parentPort!.postMessage(writeSeedFiles(plansFor(data.options), data.layouts, data.options, data.range, data.dir));
}
