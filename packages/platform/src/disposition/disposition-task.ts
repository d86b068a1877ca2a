import type { EntityManager } from '@mikro-orm/postgresql';

/** A page of rows a retention rule has reached: those due, and where the next page starts (null: no more). */
export interface DuePage {
  ids: string[];
  next: string | null;
}

/**
 * How one subgraph carries out one rule of the retention schedule: finds rows past retention a page
 * at a time, in key order after a cursor, and disposes of them. `apply` must be idempotent (a row
 * already disposed of is skipped), so that a batch repeated after a crash changes nothing twice.
 */
export interface DispositionTask {
  /** The rule's name in RETENTION_SCHEDULE. */
  rule: string;
  /** Rows whose retention ended before `cutoff`, at most `limit` keys scanned after `after`. */
  due(em: EntityManager, cutoff: string, limit: number, after: string | null): Promise<DuePage>;
  /** Disposes of these rows inside the batch's transaction; returns how many rows it changed or removed. */
  apply(em: EntityManager, ids: string[]): Promise<number>;
  /** The members each of these rows is about (a row about no one is absent): how holds from disposition find the rows they keep. */
  membersOf(em: EntityManager, ids: string[]): Promise<Map<string, string[]>>;
}

/** A due page from a plain keyset query: when it came back full, there may be more after its last key. */
export function pageOf(ids: string[], limit: number): DuePage {
  return { ids, next: ids.length === limit ? ids[ids.length - 1] : null };
}

/** Runs a read inside the batch's own transaction (never on another pooled connection). */
export async function keysFrom(em: EntityManager, sql: string, params: unknown[]): Promise<string[]> {
  const rows: { id: string }[] = await em.getConnection().execute(sql, params, 'all', em.getTransactionContext());
  return rows.map((r) => r.id);
}

/**
 * The members of rows keyed by a uuid `id` in a schema-qualified table, read from `memberColumn`
 * (a uuid, or an array of uuids), inside the batch's transaction.
 */
export function membersByColumn(table: string, memberColumn = 'member_id'): DispositionTask['membersOf'] {
  return async (em, ids) => {
    if (ids.length === 0) return new Map();
    const rows: { id: string; members: string[] | null }[] = await em
      .getConnection()
      .execute(
        `select id::text as id, array(select unnest(array[${memberColumn}]::uuid[])::text) as members from ${table} where id = any(?::uuid[])`,
        [`{${ids.join(',')}}`],
        'all',
        em.getTransactionContext(),
      );
    return new Map(rows.map((r) => [r.id, (r.members ?? []).filter((m) => m !== null)]));
  };
}

/** Rows keyed by the member's own id (the member row itself, an EDI profile): each row is about its key. */
export const keyedByMember: DispositionTask['membersOf'] = (_em, ids) => Promise.resolve(new Map(ids.map((id) => [id, [id]])));

/** The smallest key: where a rule with no cursor starts. */
export const FIRST_KEY = '00000000-0000-0000-0000-000000000000';

/**
 * The common rule: rows dated before the cutoff are destroyed. `table` is schema-qualified and
 * keyed by a uuid `id`; `dateColumn` holds the day retention runs from.
 */
export function destroyRowsDatedBefore(rule: string, entity: new () => object, table: string, dateColumn: string, memberColumn = 'member_id'): DispositionTask {
  return {
    rule,
    membersOf: membersByColumn(table, memberColumn),
    async due(em, cutoff, limit, after) {
      const ids = await keysFrom(em, `select id::text as id from ${table} where ${dateColumn} < ? and id > ?::uuid order by id limit ?`, [cutoff, after ?? FIRST_KEY, limit]);
      return pageOf(ids, limit);
    },
    apply(em, ids) {
      return em.nativeDelete(entity, { id: { $in: ids } });
    },
  };
}
