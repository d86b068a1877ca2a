import type { EntityManager } from '@mikro-orm/postgresql';

/** Rows per INSERT while seeding: large enough to be quick, small enough to stay under PostgreSQL's parameter limit. */
export const SEED_BATCH = 500;

/** Inserts rows in batches, in the caller's transaction. */
export async function insertInBatches<T extends object>(em: EntityManager, entity: new () => T, rows: Iterable<object>): Promise<number> {
  let batch: Record<string, unknown>[] = [];
  let count = 0;
  for (const row of rows) {
    batch.push(row as Record<string, unknown>);
    if (batch.length === SEED_BATCH) {
      await em.insertMany(entity, batch as never);
      count += batch.length;
      batch = [];
    }
  }
  if (batch.length > 0) {
    await em.insertMany(entity, batch as never);
    count += batch.length;
  }
  return count;
}

/**
 * Seeds one table, all or nothing, when it is empty; returns the rows inserted, or undefined when
 * the table already had rows. For tables that arrived after the rest of a subgraph's data, so that
 * a database seeded before them gets them too.
 */
export async function seedTableWhenEmpty<T extends object>(em: EntityManager, entity: new () => T, rows: () => Iterable<object>): Promise<number | undefined> {
  if ((await em.count(entity)) > 0) return undefined;
  return em.transactional((tx) => insertInBatches(tx, entity, rows()));
}
